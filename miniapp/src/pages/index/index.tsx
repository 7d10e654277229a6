import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { ROLE_LABELS } from '@union/shared';
import { useState } from 'react';
import { MemberPage } from '../../components/member-page';
import { useSignedIn } from '../../components/use-signed-in';
import { cardApi, type MemberPublicity } from '../../features/card/card-api';
import { PublicityBlock } from '../../features/card/publicity';
import { useUnreadBadge } from '../../lib/inbox-badge';
import { platform } from '../../lib/platform';

/** Pulls the invite id out of a scanned join URL, a weapp scene, or a bare id. */
const inviteFrom = (scanned: string): string | null => {
  const m = /[?&](?:invite|scene)=([A-Za-z0-9_-]{8,32})/.exec(scanned);
  if (m?.[1]) return m[1];
  return /^[A-Za-z0-9_-]{8,32}$/.test(scanned) ? scanned : null;
};

/** 首页: who is signed in, and the three journeys. */
export default function HomePage() {
  const session = useSignedIn();
  useUnreadBadge();
  const roles = session?.user.roles ?? [];
  const isOfficer = roles.some((r) => r.role === 'officer');
  const isVerifier = roles.some((r) => r.role === 'verifier');
  const isMember = roles.some((r) => r.role === 'member');
  // 公示: the first few on show that the member's unions published (a short block; all of them on its page).
  const [publicity, setPublicity] = useState<MemberPublicity[] | null>(null);
  useDidShow(() => {
    if (!isMember) return;
    cardApi
      .publicity(null, 3)
      .then((p) => setPublicity(p.publicity))
      .catch(() => setPublicity(null));
  });

  const scanToJoin = async () => {
    try {
      const invite = inviteFrom(await platform.scanCode());
      if (!invite) return Taro.showToast({ title: '不是入会二维码', icon: 'none' });
      return Taro.navigateTo({ url: `/pages/join/index?invite=${invite}` });
    } catch {
      return undefined;
    }
  };

  return (
    <MemberPage>
      <View className="card" data-testid="welcome">
        <Text className="title">您好，{session?.user.displayName ?? '职工朋友'}</Text>
        <View>
          {roles.length === 0 ? <Text className="muted">尚未入会</Text> : null}
          {roles.map((r) => (
            <Text key={`${r.role}-${r.orgId}`} className="tag">
              {ROLE_LABELS[r.role]}
            </Text>
          ))}
        </View>
      </View>
      <View className="card">
        <Text className="subtitle">扫码入会</Text>
        <Text className="muted">扫描工会的入会二维码，填写实名信息即可申请入会。</Text>
        <Button className="btn-primary" onClick={scanToJoin}>
          扫一扫入会
        </Button>
        <Button className="btn-plain" data-testid="no-union" onClick={() => Taro.navigateTo({ url: '/member/pages/join-joint/index' })}>
          单位没有工会？加入联合工会
        </Button>
      </View>
      <View className="card">
        <Text className="subtitle">会员服务卡</Text>
        <Text className="muted">出示电子会员卡，查看并申领工会承诺的服务。</Text>
        <Button className="btn-plain" onClick={() => Taro.switchTab({ url: '/pages/card/index' })}>
          打开会员卡
        </Button>
      </View>
      {isMember && publicity ? <PublicityBlock items={publicity} /> : null}
      <View className="card">
        <Text className="subtitle">服务目录</Text>
        <Text className="muted">本会及上级工会今年承诺的服务，每一项都注明出自哪份文件的哪一句。</Text>
        <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/member/pages/catalog/index' })}>
          查看服务目录
        </Button>
      </View>
      {isVerifier ? (
        <View className="card">
          <Text className="subtitle">核验会员卡</Text>
          <Button className="btn-primary" onClick={() => Taro.navigateTo({ url: '/member/pages/verify/index' })}>
            扫码核验
          </Button>
        </View>
      ) : null}
      <View className="card">
        <Text className="subtitle">实事征集与投票</Text>
        <Text className="muted">明年工会为职工办哪些实事，由会员提建议、投票决定。</Text>
        <Button className="btn-plain" data-testid="open-projects" onClick={() => Taro.navigateTo({ url: '/member/pages/projects/index' })}>
          提建议、投票
        </Button>
      </View>
      <View className="card">
        <Text className="subtitle">职代会</Text>
        <Text className="muted">签到、提案、附议与无记名投票。</Text>
        <Button className="btn-plain" onClick={() => Taro.switchTab({ url: '/pages/vote/index' })}>
          进入职代会
        </Button>
      </View>
      {isOfficer ? (
        <View className="card">
          <Text className="subtitle">工会干部工作台</Text>
          <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/officer/pages/home/index' })}>
            进入工作台
          </Button>
        </View>
      ) : null}
    </MemberPage>
  );
}
