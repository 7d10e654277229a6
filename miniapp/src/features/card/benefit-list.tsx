import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BenefitsResponse, MemberBenefit, MemberPublicity } from './card-api';
import { PublicityItem, publicityOfBenefit } from './publicity';

const DECISION_CLASS: Record<string, string> = {
  符合: 'decision-ok',
  不符合: 'decision-no',
  待核对: 'decision-open',
  已结束: 'decision-no',
  未开始: 'decision-open',
};
const PERIOD_LABELS = { ended: '已结束', notStarted: '未开始' } as const;
/** "2025" reads as "2025 年度"; a plan's own wording is kept. */
const periodText = (p: string | null): string => (!p ? `${new Date().getFullYear()} 年度` : /^\d{4}$/.test(p) ? `${p} 年度` : p);
const reasonClass = (met: boolean | null) => (met === true ? 'reason-ok' : met === false ? 'reason-no' : 'reason-open');

function BenefitItem({ b, publicity }: { b: MemberBenefit; publicity: MemberPublicity[] }) {
  const inPeriod = b.periodStatus === 'open';
  const canClaim = inPeriod && b.decision.eligible !== false && !b.myClaim && !(b.quota && b.quota.left === 0);
  // Out of its period the benefit shows 已结束 / 未开始 instead of the decision (the server refuses a claim too).
  const label = b.periodStatus === 'open' ? b.decision.label : PERIOD_LABELS[b.periodStatus];
  return (
    <View className="benefit" data-testid={`benefit-${b.benefitId}`} data-name={b.name}>
      <View className="row">
        <Text className="cp-h2">{b.name}</Text>
        <Text className={`decision ${DECISION_CLASS[label] ?? ''}`} data-testid="decision">
          {label}
        </Text>
      </View>
      <Text className="cp-text">可享：{b.whatYouGet}</Text>
      <Text className="cp-text">{b.whoQualifies}</Text>
      <View data-testid="reasons">
        {b.decision.reasons.map((r) => (
          <Text key={r.text} className={`cp-text ${reasonClass(r.met)}`}>
            {r.met === true ? '✓ ' : r.met === false ? '✗ ' : '· '}
            {r.text}
          </Text>
        ))}
      </View>
      {b.quota ? (
        <Text className="cp-small" data-testid="quota">
          名额：剩余 {b.quota.left} / {b.quota.total} {b.quota.unit}
        </Text>
      ) : null}
      {b.progress ? (
        <View className="cp-progress" data-testid="benefit-progress">
          <Text className="cp-small">实事进度：{b.progress.text}</Text>
          <View className="cp-progress-track">
            <View className="cp-progress-bar" style={{ width: `${b.progress.percent}%` }} />
          </View>
        </View>
      ) : null}
      <Text className="cp-small" data-testid="period">
        有效期：{b.periodText ?? periodText(b.period)}
        {b.periodStatus === 'ended' ? '（已结束，不能再申领）' : b.periodStatus === 'notStarted' ? '（尚未开始）' : ''}
      </Text>
      {b.department ? <Text className="cp-small">责任部门：{b.department}</Text> : null}
      <Text className="cp-small">
        申领方式：{b.howToClaim} · 发布：{b.orgName}
      </Text>
      {b.quote ? (
        <Text className="source" data-testid="source">
          {b.sourceText}
        </Text>
      ) : null}
      {b.myClaim ? (
        <Text className={`cp-text status-${b.myClaim.status}`} data-testid="my-claim-status">
          我的申领：{b.myClaim.statusText}
        </Text>
      ) : null}
      {publicity.length > 0 ? (
        <View data-testid="publicity-of-benefit">
          {publicity.map((p) => (
            <PublicityItem key={`${p.orgId}-${p.benefitId}`} p={p} compact />
          ))}
        </View>
      ) : null}
      {canClaim ? (
        <Button
          className="btn-primary cp-btn"
          data-testid="claim-button"
          onClick={() => Taro.navigateTo({ url: `/member/pages/claim/index?benefitId=${encodeURIComponent(b.benefitId)}` })}
        >
          {b.claimMode === 'automatic' ? '一键领取（免申即享）' : '申领'}
        </Button>
      ) : null}
    </View>
  );
}

/** The plan years of the benefits, this year first, then the others newest first; a benefit without a year counts as this year's. */
const yearsOf = (benefits: MemberBenefit[], current: number): number[] => {
  const others = [...new Set(benefits.map((b) => b.year ?? current))].filter((y) => y !== current).sort((a, b) => b - a);
  return [current, ...others];
};

/**
 * Benefits of the member's catalogs by plan year (this year first) and, within a year, by tier, each
 * with the decision and its reasons; a past year's show 已结束 and no 申领. `publicity`: the 公示 on show
 * (GET /me/publicity), shown under the benefit they are of.
 */
export function BenefitList({ data, publicity = [] }: { data: BenefitsResponse; publicity?: MemberPublicity[] }) {
  const all = data.tiers.flatMap((t) => t.benefits);
  if (all.length === 0) return <Text className="cp-text">您所在工会及上级工会尚未发布服务目录。</Text>;
  const current = Number(data.period);
  return (
    <View data-testid="benefits">
      {yearsOf(all, current).map((year) => {
        const tiers = data.tiers
          .map((t) => ({ tier: t.tier, benefits: t.benefits.filter((b) => (b.year ?? current) === year) }))
          .filter((t) => t.benefits.length > 0);
        if (tiers.length === 0) return null;
        return (
          <View key={year} data-testid={`year-${year}`}>
            <Text className="year-head">
              {year} 年度{year < current ? '（已结束）' : year > current ? '（未开始）' : ''}
            </Text>
            {tiers.map((t) => (
              <View key={t.tier} data-testid={`tier-${t.tier}`}>
                <Text className="tier-head">
                  {t.tier}（{t.benefits.length} 项）
                </Text>
                {t.benefits.map((b) => (
                  <BenefitItem key={b.benefitId} b={b} publicity={publicityOfBenefit(publicity, b)} />
                ))}
              </View>
            ))}
          </View>
        );
      })}
    </View>
  );
}
