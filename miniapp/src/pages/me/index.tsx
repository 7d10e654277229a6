import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ROLE_LABELS } from '@union/shared';
import { MemberPage } from '../../components/member-page';
import { useSignedIn } from '../../components/use-signed-in';
import { signOut } from '../../lib/session';

/** 我的: the signed-in person, their roles, and where to go from here. */
export default function MePage() {
  const session = useSignedIn();
  const isOfficer = session?.user.roles.some((r) => r.role === 'officer') ?? false;
  return (
    <MemberPage>
      <View className="card" data-testid="me">
        <Text className="title">{session?.user.displayName ?? '未登录'}</Text>
        {session?.user.roles.map((r) => (
          <Text key={`${r.role}-${r.orgId}`} className="tag">
            {ROLE_LABELS[r.role]}
          </Text>
        ))}
      </View>
      <View className="card">
        <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/member/pages/membership/index' })}>
          我的会籍
        </Button>
        <Button className="btn-plain" data-testid="me-data" onClick={() => Taro.navigateTo({ url: '/member/pages/data/index' })}>
          我的数据与退会
        </Button>
        {isOfficer ? (
          <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/officer/pages/home/index' })}>
            工会干部工作台
          </Button>
        ) : null}
        <Button
          className="btn-plain"
          onClick={() => {
            signOut();
            Taro.reLaunch({ url: '/pages/login/index' });
          }}
        >
          退出登录
        </Button>
      </View>
    </MemberPage>
  );
}
