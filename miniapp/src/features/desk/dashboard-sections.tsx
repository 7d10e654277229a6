import { Button, Text, View } from '@tarojs/components';
import type { Dashboard, DashboardTable } from '@union/shared/contracts/desk.contract';
import { Chart } from './chart';
import {
  benefitsChart,
  channelChart,
  JOIN_CHANNEL_LABELS,
  medianText,
  motionLabel,
  newMembersChart,
  percentText,
  proposalRows,
  turnoutChart,
  yuanText,
} from './desk-view';

type Export = (table: DashboardTable) => void;

const Figure = (p: { label: string; value: string | number; testid?: string }) => (
  <View className="desk-figure">
    <Text className="desk-figure-value" data-testid={p.testid}>
      {p.value}
    </Text>
    <Text className="desk-figure-label">{p.label}</Text>
  </View>
);

const Head = (p: { title: string; table: DashboardTable; onExport: Export }) => (
  <View className="row">
    <Text className="subtitle">{p.title}</Text>
    <Button size="mini" className="btn-plain" data-testid={`export-${p.table}`} onClick={() => p.onExport(p.table)}>
      导出 CSV
    </Button>
  </View>
);

const Table = (p: { head: string[]; rows: Array<Array<string | number>>; testid: string }) => (
  <View className="desk-table" data-testid={p.testid}>
    <View className="desk-tr head">
      {p.head.map((h, i) => (
        <Text key={h} className={`desk-td${i === 0 ? ' first' : ''}`}>
          {h}
        </Text>
      ))}
    </View>
    {p.rows.length === 0 ? <Text className="muted">暂无数据</Text> : null}
    {p.rows.map((r, n) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: rows are read-only and never reordered
      <View key={n} className="desk-tr">
        {r.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
          <Text key={i} className={`desk-td${i === 0 ? ' first' : ''}`}>
            {c}
          </Text>
        ))}
      </View>
    ))}
  </View>
);

export function MembersCard(p: { d: Dashboard; onExport: Export }) {
  const { members } = p.d;
  return (
    <View className="card" data-testid="dash-members">
      <Head title="会员" table="members" onExport={p.onExport} />
      <View className="desk-figures">
        <Figure label="累计入会" value={members.total} testid="members-total" />
        <Figure label="在册会员" value={members.active} testid="members-active" />
        <Figure label={`${p.d.year}年新入会`} value={members.newByMonth.reduce((n, m) => n + m.count, 0)} testid="members-new" />
      </View>
      <Chart id="newByMonth" type="column" title="每月新入会" data={newMembersChart(p.d)} />
      <Chart id="byChannel" type="column" title="入会渠道" data={channelChart(p.d)} height={180} />
      <Table
        testid="members-by-channel"
        head={['渠道', '人数']}
        rows={(Object.keys(JOIN_CHANNEL_LABELS) as Array<keyof typeof JOIN_CHANNEL_LABELS>).map((c) => [
          JOIN_CHANNEL_LABELS[c],
          members.byChannel[c],
        ])}
      />
      {members.byChild.length > 0 ? (
        <Table testid="members-by-child" head={['下级工会', '在册会员']} rows={members.byChild.map((c) => [c.orgName, c.active])} />
      ) : null}
    </View>
  );
}

export function ReviewCard(p: { d: Dashboard; onExport: Export }) {
  const { review } = p.d;
  return (
    <View className="card" data-testid="dash-review">
      <Head title="入会审核" table="review" onExport={p.onExport} />
      <View className="desk-figures">
        <Figure label="批准" value={review.approved} testid="review-approved" />
        <Figure label="不予批准" value={review.rejected} testid="review-rejected" />
        <Figure label="审核用时中位数" value={medianText(review.medianHoursToDecision)} testid="review-median" />
      </View>
      <Text className="muted">用时按小时分段统计（1、4、8、24、48、72、168、336、720 小时），中位数取所在分段的上限。</Text>
    </View>
  );
}

export function BenefitsCard(p: { d: Dashboard; onExport: Export }) {
  return (
    <View className="card" data-testid="dash-benefits">
      <Head title="福利申领" table="benefits" onExport={p.onExport} />
      <Chart id="benefits" type="column" stacked title="批准申领（免申即享 / 审核）" data={benefitsChart(p.d)} />
      <Table
        testid="benefits-table"
        head={['服务项目', '名额', '已批准', '金额（元）', '免申即享', '审核']}
        rows={p.d.benefits.map((b) => [b.name, b.quota ?? '不限', b.approved, yuanText(b.amountYuan), b.automatic, b.reviewed])}
      />
    </View>
  );
}

export function CongressCard(p: { d: Dashboard; onExport: Export }) {
  const { congress } = p.d;
  const replies = congress.repliesOnTime + congress.repliesLate;
  return (
    <View className="card" data-testid="dash-congress">
      <Head title="职代会" table="congress" onExport={p.onExport} />
      <Chart id="turnout" type="column" title="各项表决投票率（%）" data={turnoutChart(p.d)} />
      <Table
        testid="congress-motions"
        head={['表决事项', '已投票', '应投票', '投票率']}
        rows={congress.motions.map((m) => [motionLabel(p.d, m), m.voted, m.eligible, percentText(m.voted, m.eligible)])}
      />
      <Table testid="congress-proposals" head={['提案状态', '件数']} rows={proposalRows(p.d).map((r) => [r.label, r.count])} />
      <View className="desk-figures">
        <Figure label="按期答复" value={congress.repliesOnTime} testid="replies-on-time" />
        <Figure label="逾期答复" value={congress.repliesLate} />
        <Figure label="按期答复率" value={percentText(congress.repliesOnTime, replies)} />
      </View>
    </View>
  );
}

export function PlacesCard(p: { d: Dashboard; onExport: Export }) {
  return (
    <View className="card" data-testid="dash-places">
      <Head title="阵地" table="places" onExport={p.onExport} />
      <Table testid="places-table" head={['类型', '数量']} rows={p.d.places.map((x) => [x.kind, x.count])} />
    </View>
  );
}
