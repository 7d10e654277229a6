import { claimRequest, type Leaf, type LeafOp, leafCondition } from './describe';
import { CLAIM_FACTS, type ClaimFactSpec } from './facts';
import { type ClaimFact, type ClaimFacts, isAll, isAny, isClaimRule, isMemberRule, isNot, type MemberFacts, type Rule } from './rule';

export interface EligibilityReason {
  /** true = condition met, false = missed, null = a claim fact still has to be supplied. */
  met: boolean | null;
  text: string;
}

export interface EligibilityResult {
  eligible: boolean | 'needsClaimFacts';
  reasons: EligibilityReason[];
}

export interface EvaluateOptions {
  /** Year the claim is made in; claim facts with period 'claimYear' count within it. */
  claimYear?: number;
}

/** Rule with negations pushed to the leaves (De Morgan), so every leaf can be worded positively. */
type Normal = { all: Normal[] } | { any: Normal[] } | Leaf;

const NEGATED: Record<LeafOp, LeafOp> = {
  eq: 'ne',
  ne: 'eq',
  gte: 'lt',
  lt: 'gte',
  gt: 'lte',
  lte: 'gt',
  in: 'nin',
  nin: 'in',
};

function normalise(rule: Rule, negate = false): Normal {
  if (isAll(rule)) {
    const parts = rule.all.map((r) => normalise(r, negate));
    return negate ? { any: parts } : { all: parts };
  }
  if (isAny(rule)) {
    const parts = rule.any.map((r) => normalise(r, negate));
    return negate ? { all: parts } : { any: parts };
  }
  if (isNot(rule)) return normalise(rule.not, !negate);
  const leaf = rule as Leaf;
  return negate ? ({ ...leaf, op: NEGATED[leaf.op] } as Leaf) : leaf;
}

function compare(actual: unknown, op: LeafOp, expected: unknown): boolean {
  if (op === 'in' || op === 'nin') {
    const list = Array.isArray(expected) ? expected : [expected];
    const found = list.some((v) => v === actual);
    return op === 'in' ? found : !found;
  }
  if (op === 'eq') return actual === expected;
  if (op === 'ne') return actual !== expected;
  if (typeof actual !== 'number' || typeof expected !== 'number') return false;
  if (op === 'gte') return actual >= expected;
  if (op === 'gt') return actual > expected;
  if (op === 'lte') return actual <= expected;
  return actual < expected;
}

function memberValue(facts: MemberFacts, key: keyof MemberFacts): unknown {
  if (key === 'isEightGroups') return facts.isEightGroups ?? (facts.group !== undefined && facts.group !== 'none');
  const value = facts[key];
  // An officer-set flag that was never set means "no", not "unknown": the member cannot supply it.
  if (value === undefined && ['isMigrantWorker', 'hardship', 'modelWorker', 'frontlineMedical'].includes(key)) {
    return false;
  }
  return value;
}

interface Outcome {
  value: boolean | null;
  reasons: EligibilityReason[];
}

/**
 * A leaf with its words written once: what the member reads when it is met, missed, or (a claim
 * fact) still to be supplied. The reasons are frozen: shared by every evaluation of the rule.
 */
interface PreparedLeaf {
  leaf: Leaf;
  met: EligibilityReason;
  missed: EligibilityReason;
  /** A claim fact not supplied yet. */
  open: EligibilityReason | null;
}

type PreparedNormal = { all: PreparedNormal[] } | { any: PreparedNormal[] } | { prepared: PreparedLeaf };

/**
 * A rule ready to be evaluated for many members: negations pushed to the leaves and every leaf's
 * words written once (`prepareRule`). A published catalog's rules never change, so a caller may keep
 * this beside the rule; `evaluateEligibility` prepares the rule each time.
 */
export interface PreparedRule {
  readonly normal: PreparedNormal;
}

const reason = (met: boolean | null, text: string): EligibilityReason => Object.freeze({ met, text });

function prepareNormal(rule: Normal): PreparedNormal {
  if ('all' in rule) return { all: rule.all.map(prepareNormal) };
  if ('any' in rule) return { any: rule.any.map(prepareNormal) };
  const condition = leafCondition(rule);
  return {
    prepared: {
      leaf: rule,
      met: reason(true, `符合：${condition}`),
      missed: reason(false, `不符合：需${condition}`),
      open: 'claim' in rule ? reason(null, `需申领时提供：${claimRequest(rule)}`) : null,
    },
  };
}

export function prepareRule(rule: Rule): PreparedRule {
  return { normal: prepareNormal(normalise(rule)) };
}

const metOutcome = (p: PreparedLeaf): Outcome => ({ value: true, reasons: [p.met] });
const missedOutcome = (p: PreparedLeaf): Outcome => ({ value: false, reasons: [p.missed] });

function evaluateLeaf(p: PreparedLeaf, member: MemberFacts, claim: ClaimFacts | undefined): Outcome {
  const { leaf } = p;
  if ('member' in leaf) return compare(memberValue(member, leaf.member), leaf.op, leaf.value) ? metOutcome(p) : missedOutcome(p);
  const supplied = claim?.[leaf.claim];
  if (supplied === undefined) return { value: null, reasons: [p.open as EligibilityReason] };
  return compare(supplied, leaf.op, leaf.value) ? metOutcome(p) : missedOutcome(p);
}

function evaluateNormal(rule: PreparedNormal, member: MemberFacts, claim: ClaimFacts | undefined): Outcome {
  if ('all' in rule) {
    const parts = rule.all.map((r) => evaluateNormal(r, member, claim));
    const value = parts.some((p) => p.value === false) ? false : parts.some((p) => p.value === null) ? null : true;
    return { value, reasons: parts.flatMap((p) => p.reasons) };
  }
  if ('any' in rule) {
    const parts = rule.any.map((r) => evaluateNormal(r, member, claim));
    if (parts.length === 0) return { value: false, reasons: [] };
    // Only the branches that decide the outcome are reported, so an eligible member sees no "不符合".
    const met = parts.filter((p) => p.value === true);
    if (met.length > 0) return { value: true, reasons: met.flatMap((p) => p.reasons) };
    const open = parts.filter((p) => p.value === null);
    if (open.length > 0) return { value: null, reasons: parts.flatMap((p) => p.reasons) };
    return { value: false, reasons: parts.flatMap((p) => p.reasons) };
  }
  return evaluateLeaf(rule.prepared, member, claim);
}

/** `evaluateEligibility` of a prepared rule. */
export function evaluatePrepared(rule: PreparedRule, memberFacts: MemberFacts, claimFacts?: ClaimFacts): EligibilityResult {
  const outcome = evaluateNormal(rule.normal, memberFacts, claimFacts);
  return {
    eligible: outcome.value === null ? 'needsClaimFacts' : outcome.value,
    reasons: outcome.reasons,
  };
}

/** Decides whether a member qualifies under a rule and explains each condition in Chinese. */
export function evaluateEligibility(
  rule: Rule,
  memberFacts: MemberFacts,
  claimFacts?: ClaimFacts,
  _opts?: EvaluateOptions,
): EligibilityResult {
  // claimYear is part of the contract: claim facts are declared for the claim year, so the figure the
  // member supplies is already that year's; nothing to filter here until facts carry dates.
  return evaluatePrepared(prepareRule(rule), memberFacts, claimFacts);
}

function describeNormal(rule: Normal, top: boolean): string {
  if ('all' in rule) return rule.all.map((r) => describeNormal(r, false)).join('，且');
  if ('any' in rule) {
    const text = rule.any.map((r) => describeNormal(r, false)).join('或');
    return top || rule.any.length < 2 ? text : `（${text}）`;
  }
  return leafCondition(rule);
}

/** One Chinese sentence saying who qualifies, e.g. "适用于：在会会员，且八大群体会员。" */
export function describeRule(rule: Rule): string {
  return `适用于：${describeNormal(normalise(rule), true)}。`;
}

export interface ClaimFactNeeded extends ClaimFactSpec {
  /** The condition the rule puts on this fact, worded as on the claim form. */
  requirement: string;
}

function collectClaimLeaves(rule: Rule, out: Array<Extract<Leaf, { claim: unknown }>>): void {
  if (isAll(rule)) {
    for (const r of rule.all) collectClaimLeaves(r, out);
  } else if (isAny(rule)) {
    for (const r of rule.any) collectClaimLeaves(r, out);
  } else if (isNot(rule)) collectClaimLeaves(rule.not, out);
  else if (isClaimRule(rule)) out.push(rule);
  else if (!isMemberRule(rule)) throw new Error('Unknown rule node');
}

/** The claim facts (label, unit, input type) a rule references, in first-use order, each once. */
export function claimFactsNeeded(rule: Rule): ClaimFactNeeded[] {
  const leaves: Array<Extract<Leaf, { claim: unknown }>> = [];
  collectClaimLeaves(rule, leaves);
  const seen = new Set<ClaimFact>();
  const out: ClaimFactNeeded[] = [];
  for (const leaf of leaves) {
    if (seen.has(leaf.claim)) continue;
    seen.add(leaf.claim);
    out.push({ ...CLAIM_FACTS[leaf.claim], requirement: claimRequest(leaf) });
  }
  return out;
}
