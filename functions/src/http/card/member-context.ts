import { DomainError, memberFactsOf, type Org } from '@union/shared';
import type { MemberFacts } from '@union/shared/domain/eligibility/index';
import { getOfficerFacts } from '../../store/card.repository';
import { type ActiveMembership, getActiveMembershipByUser } from '../../store/membership.repository';
import { getLineage } from '../../store/org.repository';

export interface MemberContext {
  membership: ActiveMembership;
  /** Root first, the member's org last. */
  lineage: Org[];
  org: Org;
  facts: MemberFacts;
}

/** The signed-in member's active membership, org lineage and eligibility facts. */
export const loadMemberContext = async (userId: string, now: Date): Promise<MemberContext> => {
  const membership = await getActiveMembershipByUser(userId);
  if (!membership) throw new DomainError('MEMBERSHIP_NOT_FOUND', '您还不是在会会员，请先扫码入会');
  const [lineage, officerFacts] = await Promise.all([getLineage(membership.orgId), getOfficerFacts(userId)]);
  const org = lineage.at(-1) as Org;
  return { membership, lineage, org, facts: memberFactsOf(membership, officerFacts, now) };
};
