import { EMPLOYMENT_TYPES, MEMBER_GROUPS, MEMBERSHIP_STATUSES } from '@union/shared';
import { Entity } from 'dynamodb-toolbox/entity';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { once } from '../once';
import { UnionTable } from '../table';
import { memberProfileAttributes } from './member-profile.attributes';
import { orgSummarySchema } from './org.entity';

/**
 * 会籍: one record per (person, org) period. A transfer closes the old one (status transferred)
 * and opens a new one in the same transaction; 退会 closes it (status left). Once the retention
 * period after 退会 is over, the purge removes 身份证号, phone (sealed and hashed), birth date and
 * employer, replaces the name, and stamps anonymisedAt — hence those attributes are optional here.
 * Access patterns:
 * - get by id — pk MEMBERSHIP#id, sk META
 * - a user's membership history — gsi1: USERMEMBERSHIPS#userId / joinedAt#id
 * - an org's members by number — gsi2: ORGMEMBERS#orgId / memberNumber
 */
export const MembershipEntity = once(
  () =>
    new Entity({
      name: 'Membership',
      table: UnionTable,
      schema: item({
        membershipId: string().key(),
        userId: string(),
        orgId: string(),
        orgName: string(),
        memberNumber: string(),
        status: string().enum(...MEMBERSHIP_STATUSES),
        joinedAt: string(),
        endedAt: string().optional(),
        ...memberProfileAttributes(),
        idEnc: string().optional(),
        phoneEnc: string().optional(),
        idHash: string().optional(),
        phoneHash: string().optional(),
        birthDate: string().optional(),
        employer: string().optional(),
        anonymisedAt: string().optional(),
        applicationId: string().optional(),
        transferId: string().optional(),
        /**
         * Who confirmed what the member declared at 入会 (职业群体/八大群体, 农民工, 用工形式), and when:
         * the officer who approved the application, or one who confirmed it later in 会员认定; copied
         * by a transfer. Absent — an auto invite, and every item written before it existed — means
         * unconfirmed: 免申即享 on those facts then goes to review.
         */
        declaredFactsConfirmedBy: string().optional(),
        declaredFactsConfirmedAt: string().optional(),
        /** Numbers this person held before, oldest first (kept across transfers). */
        memberNumberHistory: list(map({ orgId: string(), orgName: string(), memberNumber: string(), from: string(), to: string() })),
        gsi1pk: string().optional(),
        gsi1sk: string().optional(),
        gsi2pk: string().optional(),
        gsi2sk: string().optional(),
      }),
      computeKey: ({ membershipId }) => ({ pk: `MEMBERSHIP#${membershipId}`, sk: 'META' }),
    }),
);

/**
 * One person, one membership: the active membership of a person, keyed by the HMAC of the
 * 身份证号 — created with "absent" as condition inside the activation transaction, moved by a
 * transfer with "still points at the old membership". Access pattern: get — pk PERSON#hash, sk ACTIVE.
 */
export const ActivePersonEntity = once(
  () =>
    new Entity({
      name: 'ActivePerson',
      table: UnionTable,
      schema: item({
        idHash: string().key(),
        membershipId: string(),
        userId: string(),
        orgId: string(),
        orgName: string(),
      }),
      computeKey: ({ idHash }) => ({ pk: `PERSON#${idHash}`, sk: 'ACTIVE' }),
    }),
);

/**
 * The user's active membership (one per account), with what members read of it: the membership as
 * the card, benefits and claims show it, and its org's lineage (names included: orgs never move or
 * get renamed) — so the member's screens start from this one item. Every transaction that writes
 * the active membership writes this copy with it (activation, transfer, 会员认定); 退会 deletes it.
 * The copied attributes are absent on items from before they existed (readers then read the
 * membership and the lineage). Access pattern: get — pk USER#userId, sk MEMBERSHIP (in a BatchGet
 * with the member's officer facts, pk USER#userId, sk OFFICERFACTS).
 */
export const UserMembershipEntity = once(
  () =>
    new Entity({
      name: 'UserMembership',
      table: UnionTable,
      schema: item({
        userId: string().key(),
        membershipId: string(),
        orgId: string(),
        memberNumber: string().optional(),
        name: string().optional(),
        joinedAt: string().optional(),
        gender: string().enum('male', 'female').optional(),
        birthDate: string().optional(),
        employmentType: string()
          .enum(...EMPLOYMENT_TYPES)
          .optional(),
        group: string()
          .enum(...MEMBER_GROUPS)
          .optional(),
        isMigrantWorker: boolean().optional(),
        declaredFactsConfirmedBy: string().optional(),
        declaredFactsConfirmedAt: string().optional(),
        /** The member's org and its ancestors, root first, the member's org last. */
        lineage: list(orgSummarySchema()).optional(),
      }),
      computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'MEMBERSHIP' }),
    }),
);

/**
 * A phone number held by a member (by HMAC): another person may not use it.
 * Access pattern: get — pk PHONE#hash, sk MEMBER; put with "absent or same person".
 */
export const MemberPhoneEntity = once(
  () =>
    new Entity({
      name: 'MemberPhone',
      table: UnionTable,
      schema: item({
        phoneHash: string().key(),
        idHash: string(),
        userId: string(),
      }),
      computeKey: ({ phoneHash }) => ({ pk: `PHONE#${phoneHash}`, sk: 'MEMBER' }),
    }),
);

/**
 * The per-org member-number sequence. Advanced inside the activation transaction with
 * ADD seq 1 on condition "seq is still what we read", so two activations never share a number
 * and a failed activation leaves no gap. Access pattern: get — pk ORG#orgId, sk MEMBERSEQ.
 */
export const MemberSequenceEntity = once(
  () =>
    new Entity({
      name: 'MemberSequence',
      table: UnionTable,
      schema: item({
        orgId: string().key(),
        seq: number(),
      }),
      computeKey: ({ orgId }) => ({ pk: `ORG#${orgId}`, sk: 'MEMBERSEQ' }),
    }),
);

/**
 * 退会 leaves personal data for a retention period (PERSONAL_DATA_RETENTION_DAYS); this item, written
 * in the 退会 transaction, says whose and until when. The purge (functions/src/jobs/purge-personal-data.ts)
 * finds the due ones, deletes or anonymises that person's data up to leftAt, then deletes the item.
 * Access patterns:
 * - a user's pending purges — pk USER#userId, sk begins_with RETENTION#
 * - the due ones, oldest first — gsi1: RETENTIONDUE / purgeAfter#userId#membershipId
 */
export const PersonalDataRetentionEntity = once(
  () =>
    new Entity({
      name: 'PersonalDataRetention',
      table: UnionTable,
      timestamps: false,
      schema: item({
        userId: string().key(),
        membershipId: string().key(),
        leftAt: string(),
        purgeAfter: string(),
        gsi1pk: string().optional(),
        gsi1sk: string().optional(),
      }),
      computeKey: ({ userId, membershipId }) => ({ pk: `USER#${userId}`, sk: `RETENTION#${membershipId}` }),
    }),
);
