import { refuseOwnCase } from '../auth/duties';
import { holdsRoleOver, type SessionClaims } from '../auth/roles';
import { DomainError } from '../common/errors';

/**
 * 职责分离 (separation of duties) for the card. Nobody acts on their own facts or claims
 * (refuseOwnCase, domain/auth/duties.ts, the rule every area uses), and a decision
 * that spends a benefit's quota needs power over the member AND over the org that published
 * the benefit — or an explicit delegation from that org (PRODUCT.md "Security and privacy").
 */

/** Refuses an officer setting or confirming their own facts (困难职工建档, 劳模, 申报的群体身份 …). */
export const refuseOwnFacts = (session: Pick<SessionClaims, 'userId'>, memberUserId: string): void =>
  refuseOwnCase(session, memberUserId, 'facts');

/** Refuses an officer deciding (approving or rejecting) their own claim. */
export const refuseOwnClaim = (session: Pick<SessionClaims, 'userId'>, claimantUserId: string): void =>
  refuseOwnCase(session, claimantUserId, 'claim');

export interface ClaimDecisionScope {
  /** The claimant's org lineage, root first, the claimant's org last. */
  memberLineage: readonly string[];
  /** The org that published the benefit (one of memberLineage). */
  benefitOrgId: string;
  /** Orgs the publisher delegated claim review to (any; only those in memberLineage below it count). */
  delegateOrgIds: readonly string[];
}

/** Root-first lineage of `orgId` cut out of a lineage that contains it, or null. */
const lineageUpTo = (lineage: readonly string[], orgId: string): string[] | null => {
  const at = lineage.indexOf(orgId);
  return at < 0 ? null : lineage.slice(0, at + 1);
};

/**
 * Whether the session may spend the publisher's quota on this member's claim: officer power over
 * the publishing org (which covers the member below it), or over an org the publisher delegated
 * review to that lies between the publisher and the member.
 */
export const holdsBenefitPower = (session: SessionClaims, scope: ClaimDecisionScope): boolean => {
  const publisher = lineageUpTo(scope.memberLineage, scope.benefitOrgId);
  if (publisher === null) return false;
  if (holdsRoleOver(session, 'officer', publisher)) return true;
  return scope.delegateOrgIds.some((delegate) => {
    const below = lineageUpTo(scope.memberLineage, delegate);
    return below !== null && below.length > publisher.length && holdsRoleOver(session, 'officer', below);
  });
};

/** Whether the session may decide this claim at all (shown as `decidable` in the officer's queue). */
export const mayDecideClaim = (session: SessionClaims, claimantUserId: string, scope: ClaimDecisionScope): boolean =>
  session.userId !== claimantUserId && holdsRoleOver(session, 'officer', scope.memberLineage) && holdsBenefitPower(session, scope);

/** Refuses a decision without power over the benefit's publisher (CLAIM_BENEFIT_FORBIDDEN, 403). */
export const requireBenefitPower = (session: SessionClaims, scope: ClaimDecisionScope, publisherName: string): void => {
  if (!holdsBenefitPower(session, scope)) {
    throw new DomainError(
      'CLAIM_BENEFIT_FORBIDDEN',
      `该福利由${publisherName}发布，名额归发布单位统筹：请由${publisherName}或其委托审核的工会审核`,
      { field: 'claimId' },
    );
  }
};

/** A delegation goes from the publisher to an org strictly below it. */
export const refuseDelegationTarget = (publisherOrgId: string, delegateLineage: readonly string[]): void => {
  const at = delegateLineage.indexOf(publisherOrgId);
  if (at < 0 || at === delegateLineage.length - 1) {
    throw new DomainError('DELEGATE_ORG_INVALID', '只能委托本组织的下级工会审核申领', { field: 'delegateOrgId' });
  }
};
