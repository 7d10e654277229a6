import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Dashboard } from '@union/shared/contracts/desk.contract';
import { useEffect, useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner';
import { useSignedIn } from '../../../components/use-signed-in';
import { type DashboardScope, deskApi, deskErrorText } from '../../../features/desk/desk-api';
import { JOIN_CHANNEL_LABELS, medianText, monthOf, percentText, proposalRows, yuanText } from '../../../features/desk/desk-view';
import '../../../features/congress/minutes.scss';

const Row = (p: { label: string; value: string | number; testid?: string }) => (
  <View className="mn-field">
    <Text className="mn-label">{p.label}</Text>
    <Text className="mn-value" data-testid={p.testid}>
      {p.value}
    </Text>
  </View>
);

/** 工会工作月报: one month of the dashboard on a white A4 sheet (the minutes' print CSS), printed as is. */
export default function DeskReportPage() {
  const session = useSignedIn();
  const params = Taro.getCurrentInstance().router?.params ?? {};
  const orgId = params.orgId ?? '';
  const year = Number(params.year ?? 0);
  const scope: DashboardScope = params.scope === 'org' ? 'org' : 'subtree';
  const thisMonth = new Date(Date.now() + 8 * 3_600_000).getUTCMonth() + 1;
  const [month, setMonth] = useState(Number(params.month ?? thisMonth));
  const [d, setD] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (session && orgId && year)
      deskApi
        .dashboard(orgId, year, scope)
        .then(setD)
        .catch((e) => setError(deskErrorText(e)));
  }, [session, orgId, year, scope]);
  const m = d ? monthOf(d, month) : null;
  const replies = d ? d.congress.repliesOnTime + d.congress.repliesLate : 0;
  return (
    <View className="page page-wide mn-page">
      <ErrorBanner message={error} />
      {d && m ? (
        <View className="mn-sheet" data-testid="desk-report">
          <View className="mn-actions no-print chips">
            {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => (
              <Button
                key={n}
                size="mini"
                className={n === month ? 'btn-primary' : 'btn-plain'}
                data-testid={`month-${n}`}
                onClick={() => setMonth(n)}
              >
                {n}月
              </Button>
            ))}
            <Button size="mini" className="btn-primary" data-testid="print-report" onClick={() => window.print()}>
              打印
            </Button>
          </View>
          <Text className="mn-title">{d.orgName}</Text>
          <Text className="mn-subtitle" data-testid="report-month">
            {m.label}工会工作月报{scope === 'subtree' ? '（含下级工会）' : ''}
          </Text>
          <Text className="mn-section">一、会员发展</Text>
          <Row label="本月新入会" value={`${m.joined} 人`} testid="report-joined" />
          <Row label="本年累计新入会" value={`${m.joinedToDate} 人（截至${m.label}）`} />
          <Row label="在册会员（当前）" value={`${d.members.active} 人`} />
          <Row
            label="本年入会渠道"
            value={(Object.keys(JOIN_CHANNEL_LABELS) as Array<keyof typeof JOIN_CHANNEL_LABELS>)
              .map((c) => `${JOIN_CHANNEL_LABELS[c]} ${d.members.byChannel[c]} 人`)
              .join('，')}
          />
          <Text className="mn-section">二、入会审核（本年累计）</Text>
          <Row label="批准 / 不予批准" value={`${d.review.approved} / ${d.review.rejected}`} />
          <Row label="审核用时中位数" value={medianText(d.review.medianHoursToDecision)} />
          <Text className="mn-section">三、福利申领（本年累计）</Text>
          <View className="mn-grid">
            <View className="mn-grid-row head">
              <Text className="mn-cell first">服务项目</Text>
              <Text className="mn-cell">名额</Text>
              <Text className="mn-cell">已批准</Text>
              <Text className="mn-cell">金额（元）</Text>
              <Text className="mn-cell">免申即享</Text>
            </View>
            {d.benefits.map((b) => (
              <View key={b.benefitId} className="mn-grid-row">
                <Text className="mn-cell first">{b.name}</Text>
                <Text className="mn-cell">{b.quota ?? '不限'}</Text>
                <Text className="mn-cell">{b.approved}</Text>
                <Text className="mn-cell">{yuanText(b.amountYuan)}</Text>
                <Text className="mn-cell">{b.automatic}</Text>
              </View>
            ))}
          </View>
          <Text className="mn-section">四、职代会（本年累计）</Text>
          <Row label="已结束表决" value={`${d.congress.motions.length} 项`} />
          <Row
            label="提案"
            value={
              proposalRows(d)
                .map((r) => `${r.label} ${r.count} 件`)
                .join('，') || '无'
            }
          />
          <Row label="按期答复率" value={percentText(d.congress.repliesOnTime, replies)} />
          <Text className="mn-section">五、阵地</Text>
          <Row label="阵地" value={d.places.map((p) => `${p.kind} ${p.count} 个`).join('，') || '无'} />
          <Text className="mn-note">本月新入会按北京时间统计；其余为本年累计或当前数。</Text>
        </View>
      ) : null}
    </View>
  );
}
