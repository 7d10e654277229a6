import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { useSignedIn } from '../../../components/use-signed-in';
import { DeskWaitingTiles } from '../../../features/desk/desk-waiting';
import { OfficerOrgPicker } from '../../../features/membership/officer-orgs';
import '../../../features/desk/desk.scss';

/** Links to the officer pages each journey adds (the officer subpackage). */
export const OFFICER_LINKS: Array<{ title: string; url: string }> = [
  { title: '数据看板（会员、审核、福利、职代会、阵地）', url: '/officer/pages/desk/dashboard' },
  { title: '服务目录（导入年度计划）', url: '/officer/pages/catalog/index' },
  { title: '入会二维码', url: '/officer/pages/invites/index' },
  { title: '入会审核与会籍转移', url: '/officer/pages/review/index' },
  { title: '福利申领审核与公示', url: '/officer/pages/claims/index' },
  { title: '会员认定（困难职工、劳模、一线医务人员）', url: '/officer/pages/facts/index' },
  { title: '阵地管理（书屋、驿站、妈咪小屋）', url: '/officer/pages/places/index' },
  { title: '商惠商户与使用记录', url: '/officer/pages/merchants/index' },
  { title: '职代会（代表名单、表决、提案办理）', url: '/officer/pages/congress/index' },
  { title: '实事征集与遴选（会员建议、会员投票、生成实事计划）', url: '/officer/pages/projects/index' },
];

/** 工会干部工作台: 待办 for the picked org's subtree, then the officer pages. */
export default function OfficerHomePage() {
  const session = useSignedIn();
  const officerOf = session?.user.roles.filter((r) => r.role === 'officer') ?? [];
  const [orgId, setOrgId] = useState<string | null>(null);
  return (
    <View className="page page-wide">
      <View className="card">
        <Text className="title">工会干部工作台</Text>
        {officerOf.length === 0 ? <Text className="muted">您不是工会干部，无法使用工作台。</Text> : null}
      </View>
      {officerOf.length > 0 ? (
        <>
          <OfficerOrgPicker value={orgId} onChange={setOrgId} />
          <DeskWaitingTiles orgId={orgId} />
        </>
      ) : null}
      <View className="card desk-links">
        {OFFICER_LINKS.map((l) => (
          <Button key={l.url} className="btn-plain" onClick={() => Taro.navigateTo({ url: l.url })}>
            {l.title}
          </Button>
        ))}
      </View>
    </View>
  );
}
