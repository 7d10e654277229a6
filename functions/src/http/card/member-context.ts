import { DomainError, memberFactsOf, type Org, type SessionClaims } from '@union/shared';
import type { MemberFacts } from '@union/shared/domain/eligibility/index';
import { type ClaimContext, type MemberBenefitsRead, readClaimContext, readMemberBenefits } from '../../store/benefits-read';
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

const contextOf = (member: ActiveMember, officerFacts: MemberBenefitsRead['facts'], now: Date): MemberContext => {
  const { membership, lineage } = member;
  return { membership, lineage, org: lineage.at(-1) as Org, facts: memberFactsOf(membership, officerFacts, now) };
};

/** The org the session's member grant names: where the member was when the token was issued (a hint only). */
const memberOrgOf = (session: SessionClaims): string | undefined => session.roles.find((r) => r.role === 'member')?.orgId;

/**
 * The signed-in member with their lineage's latest catalogs, quota use and their own claims of the
 * period (benefits-read.ts: one BatchGetItem, or two), or MEMBERSHIP_NOT_FOUND.
 */
export const loadMemberBenefits = async (
  session: SessionClaims,
  period: string,
  now: Date,
): Promise<MemberContext & Omit<MemberBenefitsRead, 'member' | 'facts'>> => {
  const read = await readMemberBenefits(session.userId, period, memberOrgOf(session));
  if (!read) throw notAMember();
  const { member, facts, ...rest } = read;
  return { ...contextOf(member, facts, now), ...rest };
};

/**
 * The signed-in member and whether the catalog version a benefit id names is its org's latest
 * (benefits-read.ts: one BatchGetItem), or MEMBERSHIP_NOT_FOUND.
 */
export const loadClaimContext = async (
  userId: string,
  ref: { orgId: string; version: number } | null,
  now: Date,
): Promise<MemberContext & Omit<ClaimContext, 'member' | 'facts'>> => {
  const read = await readClaimContext(userId, ref);
  if (!read) throw notAMember();
  const { member, facts, ...rest } = read;
  return { ...contextOf(member, facts, now), ...rest };
};
