import { DomainError } from '../common/errors';
import { formatYuan } from '../eligibility/describe';
import {
  type ClaimFactNeeded,
  claimFactsNeeded,
  describeRule,
  type EligibilityReason,
  evaluateEligibility,
  evaluatePrepared,
  type PreparedRule,
  prepareRule,
} from '../eligibility/evaluate';
import type { ClaimFacts, MemberFacts, Rule } from '../eligibility/rule';
import { type BenefitPeriodStatus, type BenefitSpan, benefitPeriodStatus, benefitSpanOf, describeSpan } from './benefit-period';
import { automaticApprovalBlocker, type CardClaimMode } from './claim-state';
import { type QuotaState, quotaLeft } from './quota';

export type BenefitTier = '普惠' | '特惠' | '商惠';
export const BENEFIT_TIERS: readonly BenefitTier[] = ['普惠', '特惠', '商惠'];

/** The parts of a published catalog benefit the card reads (catalog.repository's PublishedBenefit fits). */
export interface CardBenefitSource {
  benefitId: string;
  orgId: string;
  version: number;
  name: string;
  category: string;
  tier: BenefitTier;
  eligibility: Rule;
  benefit: {
    amountYuan?: number;
    thresholdYuan?: number;
    quota?: { count: number; unit: string };
    facilities?: Array<{ kind: string; count: number; unit: string }>;
  };
  department?: string;
  period?: string;
  claimMode: CardClaimMode;
  source: {
    document: { issuer: string | null; year: number | null; number: string | null; title: string | null };
    clause: string;
    quote: string;
  };
}

export type DecisionLabel = '符合' | '不符合' | '待核对';

export interface BenefitDecision {
  eligible: boolean | 'needsClaimFacts';
  label: DecisionLabel;
  reasons: EligibilityReason[];
}

/** "每人 500 元" / "职工书屋 10 家" / the category when nothing is countable. */
export const describeBenefitValue = (b: CardBenefitSource): string => {
  const parts: string[] = [];
  if (b.benefit.amountYuan !== undefined) parts.push(`每人 ${formatYuan(b.benefit.amountYuan)}`);
  for (const f of b.benefit.facilities ?? []) parts.push(`${f.kind} ${f.count} ${f.unit}`);
  return parts.length > 0 ? parts.join('，') : b.category;
};

/** 来源：江澄市总工会《2025 年工作要点》（江工发〔2025〕1号）二、（三）8.：“…” */
export const describeBenefitSource = (s: CardBenefitSource['source']): string => {
  const doc = s.document;
  const title = doc.title ? `《${doc.title}》` : '';
  const number = doc.number ? `（${doc.number}）` : '';
  const clause = s.clause ? ` ${s.clause}` : '';
  return `来源：${doc.issuer ?? ''}${title}${number}${clause}：“${s.quote}”`;
};

const labelOf = (eligible: boolean | 'needsClaimFacts'): DecisionLabel =>
  eligible === true ? '符合' : eligible === false ? '不符合' : '待核对';

/** Decision for one member, with the evaluator's reasons. */
export const decideBenefit = (rule: Rule, facts: MemberFacts, claimYear: number, claimFacts?: ClaimFacts): BenefitDecision => {
  const r = evaluateEligibility(rule, facts, claimFacts, { claimYear });
  return { eligible: r.eligible, label: labelOf(r.eligible), reasons: r.reasons };
};

export interface BenefitView {
  benefitId: string;
  orgId: string;
  version: number;
  name: string;
  category: string;
  tier: BenefitTier;
  whatYouGet: string;
  whoQualifies: string;
  /** The rule itself, so the claim form checks its facts with the same code as the server. */
  eligibility: Rule;
  decision: BenefitDecision;
  claimFacts: ClaimFactNeeded[];
  claimMode: CardClaimMode;
  howToClaim: string;
  quota: { total: number; used: number; left: number; unit: string } | null;
  period: string | null;
  /** The plan year the benefit belongs to (its entry's, else its document's); null when the plan names none. */
  year: number | null;
  /** Whether it can be claimed today: 'ended' / 'notStarted' show 已结束 / 未开始 and no 申领. */
  periodStatus: BenefitPeriodStatus;
  /** "2025 年度" or "2025-07-01 至 2025-09-30"; null without a year. */
  periodText: string | null;
  department: string | null;
  sourceText: string;
  quote: string;
}

/** How this member's claim goes: review, or 免申即享 at once, or 免申即享 after the union checks what they said. */
const howToClaim = (b: CardBenefitSource, declaredFactsConfirmed: boolean): string => {
  if (b.claimMode !== 'automatic') return '在线申领，工会审核';
  if (claimFactsNeeded(b.eligibility).length > 0) return '免申即享：填报的信息经工会核对后通过';
  const blocker = automaticApprovalBlocker(b.eligibility, {}, declaredFactsConfirmed);
  return blocker === null ? '免申即享：提交即通过' : `免申即享：${blocker}，申领后由工会审核`;
};

/**
 * What the card shows of a benefit that is the same for every member, worked out once: a published
 * catalog never changes, so a caller may keep it beside the entry (the card function does, per entry
 * of the versions it holds in memory). Only the decision, the quota and the claim differ per member.
 */
export interface PreparedBenefit {
  source: CardBenefitSource;
  rule: PreparedRule;
  whatYouGet: string;
  whoQualifies: string;
  claimFacts: ClaimFactNeeded[];
  /** By whether the member's 入会 declarations are confirmed. */
  howToClaim: { confirmed: string; unconfirmed: string };
  sourceText: string;
  /** When it can be claimed (benefit-period.ts). */
  span: BenefitSpan | null;
  spanText: string | null;
}

export const prepareBenefit = (b: CardBenefitSource): PreparedBenefit => ({
  source: b,
  rule: prepareRule(b.eligibility),
  whatYouGet: describeBenefitValue(b),
  whoQualifies: describeRule(b.eligibility),
  claimFacts: claimFactsNeeded(b.eligibility),
  howToClaim: { confirmed: howToClaim(b, true), unconfirmed: howToClaim(b, false) },
  sourceText: describeBenefitSource(b.source),
  ...((span) => ({ span, spanText: span ? describeSpan(span) : null }))(benefitSpanOf(b)),
});

/** `benefitView` of a prepared benefit. */
export const preparedBenefitView = (
  p: PreparedBenefit,
  facts: MemberFacts,
  quota: QuotaState | null,
  /** Today's China date (YYYY-MM-DD): whether the benefit is in its period. */
  today: string,
  member: { declaredFactsConfirmed: boolean },
): BenefitView => {
  const b = p.source;
  const r = evaluatePrepared(p.rule, facts);
  return {
    benefitId: b.benefitId,
    orgId: b.orgId,
    version: b.version,
    name: b.name,
    category: b.category,
    tier: b.tier,
    whatYouGet: p.whatYouGet,
    whoQualifies: p.whoQualifies,
    eligibility: b.eligibility,
    decision: { eligible: r.eligible, label: labelOf(r.eligible), reasons: r.reasons },
    claimFacts: p.claimFacts,
    claimMode: b.claimMode,
    howToClaim: member.declaredFactsConfirmed ? p.howToClaim.confirmed : p.howToClaim.unconfirmed,
    quota:
      b.benefit.quota && quota
        ? { total: quota.total, used: quota.used, left: quotaLeft(quota), unit: b.benefit.quota.unit }
        : b.benefit.quota
          ? { total: b.benefit.quota.count, used: 0, left: b.benefit.quota.count, unit: b.benefit.quota.unit }
          : null,
    period: b.period ?? null,
    year: p.span?.year ?? null,
    periodStatus: benefitPeriodStatus(p.span, today),
    periodText: p.spanText,
    department: b.department ?? null,
    sourceText: p.sourceText,
    quote: b.source.quote,
  };
};

/**
 * Everything the card shows about one benefit for one member. `declaredFactsConfirmed`: whether an
 * officer confirmed what the member declared at 入会 (the membership's declaredFactsConfirmedBy).
 */
export const benefitView = (
  b: CardBenefitSource,
  facts: MemberFacts,
  quota: QuotaState | null,
  today: string,
  member: { declaredFactsConfirmed: boolean },
): BenefitView => preparedBenefitView(prepareBenefit(b), facts, quota, today, member);

const MAX_AMOUNT = 100_000_000;

/**
 * Reads the facts a claim form sent against what the rule asks for: every needed fact present
 * and of its type, nothing else. Throws VALIDATION_FAILED naming the fact in Chinese.
 */
export const parseClaimFacts = (rule: Rule, input: Record<string, unknown>): ClaimFacts => {
  const needed = claimFactsNeeded(rule);
  const out: ClaimFacts = {};
  for (const key of Object.keys(input)) {
    if (!needed.some((n) => n.key === key)) {
      throw new DomainError('VALIDATION_FAILED', `该福利不需要填写“${key}”`, { field: `facts.${key}` });
    }
  }
  for (const spec of needed) {
    const value = input[spec.key];
    const field = `facts.${spec.key}`;
    if (value === undefined || value === null || value === '') {
      throw new DomainError('VALIDATION_FAILED', `${spec.label}：请填写`, { field });
    }
    if (spec.type === 'number') {
      const n = typeof value === 'string' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > MAX_AMOUNT) {
        throw new DomainError('VALIDATION_FAILED', `${spec.label}：请填写 0 到 1 亿之间的数字`, { field });
      }
      out[spec.key] = n;
    } else if (spec.type === 'boolean') {
      if (typeof value !== 'boolean') throw new DomainError('VALIDATION_FAILED', `${spec.label}：请选择是或否`, { field });
      out[spec.key] = value;
    } else {
      if (typeof value !== 'string' || value.length > 200) {
        throw new DomainError('VALIDATION_FAILED', `${spec.label}：请填写不超过 200 字的文字`, { field });
      }
      out[spec.key] = value;
    }
  }
  return out;
};

/**
 * Judges a claim with the same evaluator the card shows: the member must qualify with the
 * facts given, else NOT_ELIGIBLE with the reasons.
 */
export const judgeClaim = (rule: Rule, member: MemberFacts, facts: ClaimFacts, claimYear: number): BenefitDecision => {
  const d = decideBenefit(rule, member, claimYear, facts);
  if (d.eligible !== true) {
    const missed = d.reasons.filter((r) => r.met !== true).map((r) => r.text);
    throw new DomainError('NOT_ELIGIBLE', missed[0] ?? '不符合申领条件', {
      field: 'facts',
      details: { reasons: d.reasons },
    });
  }
  return d;
};
