import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BenefitsResponse, MemberBenefit } from './card-api';

const DECISION_CLASS: Record<string, string> = { 符合: 'decision-ok', 不符合: 'decision-no', 待核对: 'decision-open' };
/** "2025" reads as "2025 年度"; a plan's own wording is kept. */
const periodText = (p: string | null): string => (!p ? `${new Date().getFullYear()} 年度` : /^\d{4}$/.test(p) ? `${p} 年度` : p);
const reasonClass = (met: boolean | null) => (met === true ? 'reason-ok' : met === false ? 'reason-no' : 'reason-open');

function BenefitItem({ b }: { b: MemberBenefit }) {
  const canClaim = b.decision.eligible !== false && !b.myClaim && !(b.quota && b.quota.left === 0);
  return (
    <View className="benefit" data-testid={`benefit-${b.benefitId}`} data-name={b.name}>
      <View className="row">
        <Text className="cp-h2">{b.name}</Text>
        <Text className={`decision ${DECISION_CLASS[b.decision.label] ?? ''}`} data-testid="decision">
          {b.decision.label}
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
      <Text className="cp-small">有效期：{periodText(b.period)}</Text>
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

/** Benefits of the member's catalogs by tier, each with the decision and its reasons. */
export function BenefitList({ data }: { data: BenefitsResponse }) {
  const any = data.tiers.some((t) => t.benefits.length > 0);
  if (!any) return <Text className="cp-text">您所在工会及上级工会尚未发布服务目录。</Text>;
  return (
    <View data-testid="benefits">
      {data.tiers
        .filter((t) => t.benefits.length > 0)
        .map((t) => (
          <View key={t.tier} data-testid={`tier-${t.tier}`}>
            <Text className="tier-head">
              {t.tier}（{t.benefits.length} 项）
            </Text>
            {t.benefits.map((b) => (
              <BenefitItem key={b.benefitId} b={b} />
            ))}
          </View>
        ))}
    </View>
  );
}
