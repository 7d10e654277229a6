import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ROLE_LABELS } from '@union/shared';
import { LargeTextSwitch, MemberPage } from '../../components/member-page';
import { useSignedIn } from '../../components/use-signed-in';
import { refreshUnread, useUnreadBadge, useUnreadCount } from '../../lib/inbox-badge';
import { signOut } from '../../lib/session';

/** Each section of 我的 is a page of the `member` subpackage, so this tab stays light (main package limit). */
const SECTIONS: Array<{ title: string; hint: string; url: string; testId: string; memberOnly?: boolean }> = [
  { title: '消息', hint: '审核、申领、提案和表决的结果', url: '/member/pages/inbox/index', testId: 'me-inbox' },
  { title: '我的会籍', hint: '所在工会、会员编号、入会申请与会籍记录', url: '/member/pages/membership/index', testId: 'me-membership' },
  { title: '会籍转移', hint: '换了单位，申请转入新工会', url: '/member/pages/transfer/index', testId: 'me-transfer', memberOnly: true },
  { title: '我的申领', hint: '福利申领的进度与结果', url: '/member/pages/claims/index', testId: 'me-claims', memberOnly: true },
  {
    title: '我的商惠',
    hint: '在合作商户享受优惠的记录',
    url: '/member/pages/merchant-uses/index',
    testId: 'me-merchant-uses',
    memberOnly: true,
  },
  { title: '我的提案与表决', hint: '提案、附议、表决回执', url: '/member/pages/activity/index', testId: 'me-activity' },
  { title: '我的数据与退会', hint: '查看、更正个人信息，申请退会', url: '/member/pages/data/index', testId: 'me-data' },
  { title: '帮助与个人信息保护告知', hint: '常见问题、告知书', url: '/member/pages/help/index', testId: 'me-help' },
];

/** 我的: the signed-in person, their roles, and where to go from here. */
export default function MePage() {
  const session = useSignedIn();
  useUnreadBadge();
  const unread = useUnreadCount();
  const roles = session?.user.roles ?? [];
  const isOfficer = roles.some((r) => r.role === 'officer');
  const isMember = roles.some((r) => r.role === 'member');
  return (
    <MemberPage>
      <View className="card" data-testid="me">
        <Text className="title">{session?.user.displayName ?? '未登录'}</Text>
        {roles.map((r) => (
          <Text key={`${r.role}-${r.orgId}`} className="tag">
            {ROLE_LABELS[r.role]}
          </Text>
        ))}
      </View>
      <View className="card">
        {SECTIONS.filter((s) => isMember || !s.memberOnly).map((s) => (
          <View key={s.url} className="list-item row" data-testid={s.testId} onClick={() => Taro.navigateTo({ url: s.url })}>
            <View>
              <Text className="subtitle" style={{ display: 'block' }}>
                {s.title}
              </Text>
              <Text className="muted">{s.hint}</Text>
            </View>
            {s.testId === 'me-inbox' && unread ? (
              <Text className="tag" data-testid="me-inbox-unread">
                {unread} 条未读
              </Text>
            ) : (
              <Text className="muted">›</Text>
            )}
          </View>
        ))}
        <LargeTextSwitch className="list-item" />
      </View>
      <View className="card">
        {isOfficer ? (
          <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/officer/pages/home/index' })}>
            工会干部工作台
          </Button>
        ) : null}
        <Button
          className="btn-plain"
          onClick={() => {
            signOut();
            void refreshUnread();
            Taro.reLaunch({ url: '/pages/login/index' });
          }}
        >
          退出登录
        </Button>
      </View>
    </MemberPage>
  );
}
