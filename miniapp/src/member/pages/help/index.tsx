import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PERSONAL_DATA_RETENTION_DAYS, PRIVACY_NOTICE_TEXT, PRIVACY_NOTICE_VERSION } from '@union/shared';

/** Short answers to what members ask most, each leading to the page that does it. */
const HELP: Array<{ q: string; a: string; url?: string; go?: string }> = [
  {
    q: '怎样入会？',
    a: '扫描所在单位工会发放的入会二维码，填写实名信息后提交。单位没有工会的，可以加入所在区域的联合工会。',
    url: '/member/pages/join-joint/index',
    go: '查找联合工会',
  },
  {
    q: '入会申请被驳回了怎么办？',
    a: '在“我的会籍”查看驳回原因，修改后重新提交即可。',
    url: '/member/pages/membership/index',
    go: '我的会籍',
  },
  {
    q: '换了工作单位，会籍怎么办？',
    a: '申请会籍转移：向新单位工会索取入会码，或按区域找到联合工会。对方审核通过后会籍即转入，原会员编号记录保留。',
    url: '/member/pages/transfer/index',
    go: '申请会籍转移',
  },
  { q: '会员卡怎么用？', a: '在“会员卡”页出示二维码，由核验员扫码核验。二维码每隔一段时间自动刷新，截图无效。' },
  {
    q: '申领福利后多久有结果？',
    a: '符合条件的“免申即享”福利自动通过；需要审核的由工会干部审核，结果和未通过原因在“我的申领”中查看。',
    url: '/member/pages/claims/index',
    go: '我的申领',
  },
  { q: '手机号变了怎么办？', a: '在“我的数据”中更正手机号。', url: '/member/pages/phone/index', go: '更正手机号' },
  { q: '字太小看不清？', a: '在“我的”页打开“大字模式”。' },
];

/** 帮助 and the 个人信息保护告知书 (the notice accepted when joining), from 我的. */
export default function HelpPage() {
  return (
    <View className="page">
      <View className="card" data-testid="privacy-notice">
        <Text className="title">个人信息保护告知书</Text>
        <Text className="muted" style={{ display: 'block' }}>
          版本 {PRIVACY_NOTICE_VERSION}
        </Text>
        <Text style={{ display: 'block' }}>{PRIVACY_NOTICE_TEXT}</Text>
        <Text className="muted" style={{ display: 'block', marginTop: '12px' }}>
          退会后，您的个人信息保留 {PERSONAL_DATA_RETENTION_DAYS} 天（用于处理已发放福利的争议），期满后删除或匿名化。
        </Text>
        <Button className="btn-plain" onClick={() => Taro.navigateTo({ url: '/member/pages/data/index' })}>
          查看、更正我的个人信息
        </Button>
      </View>
      <View className="card" data-testid="help">
        <Text className="title">常见问题</Text>
        {HELP.map((h) => (
          <View key={h.q} className="list-item">
            <Text className="subtitle">{h.q}</Text>
            <Text className="muted" style={{ display: 'block' }}>
              {h.a}
            </Text>
            {h.url ? (
              <Button className="btn-plain" size="mini" onClick={() => Taro.navigateTo({ url: h.url as string })}>
                {h.go}
              </Button>
            ) : null}
          </View>
        ))}
        <Text className="muted" style={{ display: 'block', marginTop: '12px' }}>
          其他问题请联系所在工会。
        </Text>
      </View>
    </View>
  );
}
