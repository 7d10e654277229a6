import { DomainError } from '../common/errors';

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

/**
 * The status a new claim starts in. 免申即享 approves at once only when the decision rests on
 * facts the union holds (membership record, officer-set facts): anything the member declares
 * with the claim (自付金额, 住院 …) sends it to an officer's review instead.
 */
export const initialClaimStatus = (mode: CardClaimMode, declared: Readonly<Record<string, unknown>>): ClaimStatus =>
  mode === 'automatic' && Object.keys(declared).length === 0 ? 'approved' : 'pending';
