import { DomainError } from '../common/errors';
import { declaredFactsRead, declaredFactsText } from '../eligibility/facts-read';
import type { Rule } from '../eligibility/rule';

/** 申领 states: a claim waits for review, or is decided once. */
export const CLAIM_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
};

export type ClaimAction = 'approve' | 'reject';

/**
 * The status a claim moves to under `action`. Only a pending claim can be decided; a decided
 * claim is final (a rejected member claims again instead).
 */
export const nextClaimStatus = (current: ClaimStatus, action: ClaimAction): ClaimStatus => {
  if (current !== 'pending') {
    throw new DomainError('CLAIM_NOT_PENDING', `该申领已${CLAIM_STATUS_LABELS[current]}，不能重复审核`, { field: 'claimId' });
  }
  return action === 'approve' ? 'approved' : 'rejected';
};

/** How a benefit is claimed: 免申即享 approves at once, otherwise an officer reviews. */
export type CardClaimMode = 'review' | 'automatic';

export interface InitialClaimState {
  status: ClaimStatus;
  /** Why a 免申即享 claim waits for an officer (shown to the member and in the officer's queue); else null. */
  reviewReason: string | null;
}

/**
 * What stops 免申即享 from approving at once, in the member's words, or null. It approves at once
 * only on facts the union holds: officer-set facts, the system's (status, 入会天数, what the
 * 身份证号 gives), and the 入会 declarations (八大群体, 农民工 …) once an officer confirmed them.
 */
export const automaticApprovalBlocker = (
  rule: Rule,
  claimFacts: Readonly<Record<string, unknown>>,
  declaredFactsConfirmed: boolean,
): string | null => {
  const parts: string[] = [];
  const unconfirmed = declaredFactsConfirmed ? [] : declaredFactsRead(rule);
  if (unconfirmed.length > 0) parts.push(`${declaredFactsText(unconfirmed)}待工会确认`);
  if (Object.keys(claimFacts).length > 0) parts.push('申领时填报的信息需工会核对');
  return parts.length > 0 ? parts.join('，') : null;
};

/**
 * The status a new claim starts in. 免申即享 approves at once unless the decision rests on what the
 * member says — facts declared with the claim (自付金额, 住院 …) or unconfirmed 入会 declarations
 * the rule reads — and then goes to an officer's review, saying why.
 */
export const initialClaimState = (args: {
  mode: CardClaimMode;
  rule: Rule;
  claimFacts: Readonly<Record<string, unknown>>;
  declaredFactsConfirmed: boolean;
}): InitialClaimState => {
  if (args.mode !== 'automatic') return { status: 'pending', reviewReason: null };
  const blocker = automaticApprovalBlocker(args.rule, args.claimFacts, args.declaredFactsConfirmed);
  return blocker === null ? { status: 'approved', reviewReason: null } : { status: 'pending', reviewReason: `${blocker}，已转人工审核` };
};
