import { activateMembership } from '../../functions/src/store/membership.repository';
import { putUser } from '../../functions/src/store/user.repository';
import { plainMemberProfile } from './plain-member';

/**
 * An account and its active membership of `org`, made through the 入会 journey's own activation (a real
 * member number, the one-person-one-membership keys), with a placeholder profile (plain-member.ts): for
 * load tests, congress rosters and the bench, which need many members and read none of their PII.
 */
export const activatePlainMember = async (input: {
  userId: string;
  name: string;
  org: { orgId: string; name: string };
  female?: boolean;
}): Promise<{ userId: string; memberNumber: string }> => {
  const { userId, name, org } = input;
  await putUser({ userId, displayName: name, grants: [] });
  const m = await activateMembership({
    membershipId: `ms-${userId}`,
    userId,
    org: { orgId: org.orgId, name: org.name },
    profile: plainMemberProfile(userId, name, org.name, input.female ?? false),
    now: new Date(),
    applicationId: `app-${userId}`,
    extra: () => [],
  });
  return { userId, memberNumber: m.memberNumber };
};
