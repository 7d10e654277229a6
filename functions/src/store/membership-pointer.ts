import type { EmploymentType, Gender, MemberGroup, Org } from '@union/shared';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import type { UserMembershipEntity } from './entities/membership.entity';
import { type OrgSummary, orgsOfLineage, storedSummary } from './org.repository';

/**
 * The account's active-membership item (USER#userId / MEMBERSHIP) and the copy of the membership it
 * carries: what the service card, the benefits and a claim read of a member, in one item. Part of
 * the membership aggregate (membership.repository.ts writes it in the same transactions).
 */

/** What the service card needs about a member (plain name; no 身份证号 or phone). */
export interface ActiveMembership {
  membershipId: string;
  userId: string;
  orgId: string;
  memberNumber: string;
  name: string;
  joinedAt: string;
  status: 'active';
  group: MemberGroup;
  isMigrantWorker: boolean;
  gender: Gender;
  birthDate: string;
  employmentType: EmploymentType;
  /** null: what the member declared at 入会 waits for an officer's confirmation. */
  declaredFactsConfirmedBy: string | null;
  declaredFactsConfirmedAt: string | null;
}

/** The active membership with its org's lineage, root first, the member's org last. */
export interface ActiveMember {
  membership: ActiveMembership;
  lineage: Org[];
}

export type PointerItem = FormattedItem<ReturnType<typeof UserMembershipEntity>>;
/** What readers take of it (not the entity's timestamps). */
export type StoredPointer = Omit<PointerItem, 'created' | 'modified'>;

/** The active-membership item as written with the membership it points at. */
export const pointerItem = (m: Omit<ActiveMembership, 'status'>, lineage: readonly OrgSummary[]) => ({
  userId: m.userId,
  membershipId: m.membershipId,
  orgId: m.orgId,
  memberNumber: m.memberNumber,
  name: m.name,
  joinedAt: m.joinedAt,
  gender: m.gender,
  birthDate: m.birthDate,
  employmentType: m.employmentType,
  group: m.group,
  isMigrantWorker: m.isMigrantWorker,
  ...(m.declaredFactsConfirmedBy ? { declaredFactsConfirmedBy: m.declaredFactsConfirmedBy } : {}),
  ...(m.declaredFactsConfirmedAt ? { declaredFactsConfirmedAt: m.declaredFactsConfirmedAt } : {}),
  lineage: lineage.map(storedSummary),
});

/** Where the account's active-membership item is (UserMembershipEntity's key), for reads of the raw item. */
export const userMembershipKey = (userId: string) => ({ pk: `USER#${userId}`, sk: 'MEMBERSHIP' });

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The active-membership item as read raw (a BatchGetItem of several kinds of item), taken attribute
 * by attribute as the entity stores them — without dynamodb-toolbox's formatter, which builds a
 * regular expression per attribute on every item. Only the attributes `carriedMember` reads.
 */
export const pointerFromStored = (i: Record<string, unknown>): StoredPointer => ({
  userId: String(i.userId),
  membershipId: String(i.membershipId),
  orgId: String(i.orgId),
  memberNumber: text(i.memberNumber),
  name: text(i.name),
  joinedAt: text(i.joinedAt),
  gender: text(i.gender) as PointerItem['gender'],
  birthDate: text(i.birthDate),
  employmentType: text(i.employmentType) as PointerItem['employmentType'],
  group: text(i.group) as PointerItem['group'],
  isMigrantWorker: typeof i.isMigrantWorker === 'boolean' ? i.isMigrantWorker : undefined,
  declaredFactsConfirmedBy: text(i.declaredFactsConfirmedBy),
  declaredFactsConfirmedAt: text(i.declaredFactsConfirmedAt),
  lineage: Array.isArray(i.lineage) ? (i.lineage as PointerItem['lineage']) : undefined,
});

/** The member an active-membership item carries, or null on an item written before it carried one. */
export const carriedMember = (i: StoredPointer): ActiveMember | null => {
  const { memberNumber, name, joinedAt, gender, birthDate, employmentType, group, isMigrantWorker, lineage } = i;
  if (
    memberNumber === undefined ||
    name === undefined ||
    joinedAt === undefined ||
    gender === undefined ||
    birthDate === undefined ||
    employmentType === undefined ||
    group === undefined ||
    isMigrantWorker === undefined ||
    lineage === undefined ||
    lineage.at(-1)?.orgId !== i.orgId
  ) {
    return null;
  }
  return {
    membership: {
      membershipId: i.membershipId,
      userId: i.userId,
      orgId: i.orgId,
      memberNumber,
      name,
      joinedAt,
      status: 'active',
      group,
      isMigrantWorker,
      gender,
      birthDate,
      employmentType,
      declaredFactsConfirmedBy: i.declaredFactsConfirmedBy ?? null,
      declaredFactsConfirmedAt: i.declaredFactsConfirmedAt ?? null,
    },
    lineage: orgsOfLineage(lineage),
  };
};
