import { DomainError, memberFactsOf, type Org } from '@union/shared';
import type { MemberFacts } from '@union/shared/domain/eligibility/index';
import { getMemberWithFacts } from '../../store/card.repository';
import { type ActiveMember, type ActiveMembership, getActiveMember } from '../../store/membership.repository';

export interface MemberContext {
  membership: ActiveMembership;
  /** Root first, the member's org last. */
  lineage: Org[];
  org: Org;
  facts: MemberFacts;
}

const notAMember = () => new DomainError('MEMBERSHIP_NOT_FOUND', '您还不是在会会员，请先扫码入会');

/** The signed-in member's active membership and its org lineage (one read), or MEMBERSHIP_NOT_FOUND. */
export const requireActiveMember = async (userId: string): Promise<ActiveMember & { org: Org }> => {
  const member = await getActiveMember(userId);
  if (!member) throw notAMember();
  return { ...member, org: member.lineage.at(-1) as Org };
};

/** The signed-in member's active membership, org lineage and eligibility facts (one BatchGetItem). */
export const loadMemberContext = async (userId: string, now: Date): Promise<MemberContext> => {
  const found = await getMemberWithFacts(userId);
  if (!found) throw notAMember();
  const { membership, lineage } = found.member;
  return { membership, lineage, org: lineage.at(-1) as Org, facts: memberFactsOf(membership, found.facts, now) };
};
