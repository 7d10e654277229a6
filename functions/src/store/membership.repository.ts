import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type EmploymentType, formatMemberNumber, type Gender, type MemberGroup, type MembershipStatus, type Org } from '@union/shared';
import type { Condition } from 'dynamodb-toolbox/entity/actions/parseCondition';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add, $remove } from 'dynamodb-toolbox/entity/actions/update';
import { memberProfileBinding, type PiiCipher } from '../platform/crypto';
import { beijingYearMonth, DESK_NOW, type DeskDeltas, deskTxsOf } from './desk-counters';
import {
  ActivePersonEntity,
  MemberPhoneEntity,
  MemberSequenceEntity,
  MembershipEntity,
  PersonalDataRetentionEntity,
  UserMembershipEntity,
} from './entities/membership.entity';
import { type ActivationBasis, findJoinObstacle, JoinBlocked, readActivationBasis } from './join-basis';
import {
  type ActiveMember,
  type ActiveMembership,
  carriedMember,
  pointerFromStored,
  pointerItem,
  type StoredPointer,
  userMembershipKey,
} from './membership-pointer';
import { once } from './once';
import { getLineage, summaryOf } from './org.repository';
import { ALL_PAGES } from './page';
import type { OrgQueue } from './subtree-page';
import { getDocumentClient, tableName } from './table';
import { type LabeledTx, runTransaction, TransactionRefused } from './transactions';

export type { ActiveMember, ActiveMembership } from './membership-pointer';

const memberships = once(() => MembershipEntity().build(EntityRepository));
const userMemberships = once(() => UserMembershipEntity().build(EntityRepository));
const sequences = once(() => MemberSequenceEntity().build(EntityRepository));

/**
 * The one place that seals and opens 身份证号 and phone numbers (runtime.pii): encrypted for reading
 * back, HMAC-keyed for uniqueness. Everything else handles only the sealed values. Each takes the
 * owner's userId, for ciphertexts bound to their owner and field.
 */
export const memberPii = {
  seal: (pii: PiiCipher, userId: string, plain: { idNumber: string; phone: string }) => ({
    idEnc: pii.encrypt(plain.idNumber, memberProfileBinding(userId, 'idNumber')),
    phoneEnc: pii.encrypt(plain.phone, memberProfileBinding(userId, 'phone')),
    idHash: pii.hash('id', plain.idNumber),
    phoneHash: pii.hash('phone', plain.phone),
  }),
  sealPhone: (pii: PiiCipher, userId: string, phone: string) => ({
    phoneEnc: pii.encrypt(phone, memberProfileBinding(userId, 'phone')),
    phoneHash: pii.hash('phone', phone),
  }),
  phoneHash: (pii: PiiCipher, phone: string): string => pii.hash('phone', phone),
  /** null for a value the purge after 退会 has deleted (''). */
  open: (pii: PiiCipher, sealed: { userId: string; idEnc: string; phoneEnc: string }) => ({
    idNumber: sealed.idEnc ? pii.decrypt(sealed.idEnc, memberProfileBinding(sealed.userId, 'idNumber')) : null,
    phone: sealed.phoneEnc ? pii.decrypt(sealed.phoneEnc, memberProfileBinding(sealed.userId, 'phone')) : null,
  }),
};

/** What an applicant declared, with 身份证号 and phone already sealed (…Enc) and hashed (…Hash). */
export interface MemberProfile {
  name: string;
  idEnc: string;
  phoneEnc: string;
  idHash: string;
  phoneHash: string;
  gender: Gender;
  birthDate: string;
  employer: string;
  employmentType: EmploymentType;
  group: MemberGroup;
  isMigrantWorker: boolean;
  noticeVersion: string;
}

/** The profile fields of a stored application or membership (they share one attribute set). */
export const profileOf = (i: MemberProfile): MemberProfile => ({
  name: i.name,
  idEnc: i.idEnc,
  phoneEnc: i.phoneEnc,
  idHash: i.idHash,
  phoneHash: i.phoneHash,
  gender: i.gender,
  birthDate: i.birthDate,
  employer: i.employer,
  employmentType: i.employmentType,
  group: i.group,
  isMigrantWorker: i.isMigrantWorker,
  noticeVersion: i.noticeVersion,
});

export interface MemberNumberHistoryEntry {
  orgId: string;
  orgName: string;
  memberNumber: string;
  from: string;
  to: string;
}

export interface MembershipRecord extends MemberProfile {
  membershipId: string;
  userId: string;
  orgId: string;
  orgName: string;
  memberNumber: string;
  status: MembershipStatus;
  joinedAt: string;
  endedAt: string | null;
  applicationId: string | null;
  transferId: string | null;
  memberNumberHistory: MemberNumberHistoryEntry[];
  /** Set by the purge after 退会 + retention: 身份证号, phone, birth date and employer are gone (''). */
  anonymisedAt: string | null;
  /**
   * The officer who confirmed what the member declared at 入会 (群体, 农民工, 用工形式), or null:
   * unconfirmed (an auto invite; items from before the field count so too).
   */
  declaredFactsConfirmedBy: string | null;
  declaredFactsConfirmedAt: string | null;
}

type MembershipItem = NonNullable<Awaited<ReturnType<ReturnType<typeof memberships>['get']>>['Item']>;
const toRecord = (i: MembershipItem): MembershipRecord => ({
  membershipId: i.membershipId,
  userId: i.userId,
  orgId: i.orgId,
  orgName: i.orgName,
  memberNumber: i.memberNumber,
  status: i.status,
  joinedAt: i.joinedAt,
  endedAt: i.endedAt ?? null,
  // Anonymised records have lost these; '' marks them deleted.
  ...profileOf({
    ...i,
    idEnc: i.idEnc ?? '',
    phoneEnc: i.phoneEnc ?? '',
    idHash: i.idHash ?? '',
    phoneHash: i.phoneHash ?? '',
    birthDate: i.birthDate ?? '',
    employer: i.employer ?? '',
  }),
  applicationId: i.applicationId ?? null,
  transferId: i.transferId ?? null,
  memberNumberHistory: i.memberNumberHistory,
  anonymisedAt: i.anonymisedAt ?? null,
  // Absent on items written before the field existed: unconfirmed.
  declaredFactsConfirmedBy: i.declaredFactsConfirmedBy ?? null,
  declaredFactsConfirmedAt: i.declaredFactsConfirmedAt ?? null,
});

export const getMembership = async (membershipId: string): Promise<MembershipRecord | null> => {
  const { Item } = await memberships().get({ membershipId }, { consistent: true });
  return Item ? toRecord(Item) : null;
};

/** The user's active membership record (with sealed PII), or null. */
export const getActiveMembershipRecord = async (userId: string): Promise<MembershipRecord | null> => {
  const { Item: pointer } = await userMemberships().get({ userId }, { consistent: true });
  if (!pointer) return null;
  const record = await getMembership(pointer.membershipId);
  return record?.status === 'active' ? record : null;
};

const activeMembershipOf = (m: MembershipRecord): ActiveMembership => ({
  membershipId: m.membershipId,
  userId: m.userId,
  orgId: m.orgId,
  memberNumber: m.memberNumber,
  name: m.name,
  joinedAt: m.joinedAt,
  status: 'active',
  group: m.group,
  isMigrantWorker: m.isMigrantWorker,
  gender: m.gender,
  birthDate: m.birthDate,
  employmentType: m.employmentType,
  declaredFactsConfirmedBy: m.declaredFactsConfirmedBy,
  declaredFactsConfirmedAt: m.declaredFactsConfirmedAt,
});

/**
 * The member an active-membership item points at: the copy it carries, or — on an item written
 * before it carried one — the membership and its lineage read (two more round trips).
 */
export const activeMemberFrom = async (pointer: StoredPointer): Promise<ActiveMember | null> => {
  const carried = carriedMember(pointer);
  if (carried) return carried;
  const record = await getMembership(pointer.membershipId);
  if (record?.status !== 'active') return null;
  return { membership: activeMembershipOf(record), lineage: await getLineage(record.orgId) };
};

/**
 * The member's active membership and its org's lineage (one GetItem); null when not a member. Read
 * raw and taken attribute by attribute (`pointerFromStored`): the card reads it on every refresh.
 */
export const getActiveMember = async (userId: string): Promise<ActiveMember | null> => {
  const { Item } = await getDocumentClient().send(
    new GetCommand({ TableName: tableName(), Key: userMembershipKey(userId), ConsistentRead: true }),
  );
  return Item ? activeMemberFrom(pointerFromStored(Item)) : null;
};

/** The member's active membership, as the service card shows it; null when not a member. */
export const getActiveMembershipByUser = async (userId: string): Promise<ActiveMembership | null> =>
  (await getActiveMember(userId))?.membership ?? null;

/** Every membership the user has held, oldest first (history across transfers; every page). */
export const listMembershipHistory = async (userId: string): Promise<MembershipRecord[]> => {
  const { Items = [] } = await memberships().query({ index: 'gsi1', partition: `USERMEMBERSHIPS#${userId}` }, ALL_PAGES);
  return Items.map(toRecord);
};

/** Active members of an org, by member number (every page). */
export const listOrgMembers = async (orgId: string): Promise<MembershipRecord[]> => {
  const { Items = [] } = await memberships().query({ index: 'gsi2', partition: `ORGMEMBERS#${orgId}` }, ALL_PAGES);
  return Items.map(toRecord);
};

/** Active members per org, by member number: read over an officer's subtree by pageSubtreeQueue. */
export const orgMembersQueue: OrgQueue<MembershipRecord> = {
  index: 'gsi2',
  partition: (orgId) => `ORGMEMBERS#${orgId}`,
  async read(orgId, exclusiveStartKey, limit) {
    const { Items = [], LastEvaluatedKey } = await memberships().query(
      { index: 'gsi2', partition: `ORGMEMBERS#${orgId}` },
      { limit, exclusiveStartKey },
    );
    return { items: Items.map(toRecord), lastKey: LastEvaluatedKey };
  },
};

/** Turns refused uniqueness conditions of the activation into JoinBlocked. */
const explainRefusal = async (e: unknown, userId: string, profile: MemberProfile): Promise<never> => {
  if (e instanceof TransactionRefused && e.failed.some((l) => l === 'person' || l === 'account' || l === 'phone')) {
    const obstacle = await findJoinObstacle(userId, profile.idHash, profile.phoneHash);
    // Gone again by now (a 退会 in between): still refused, and nothing to name.
    throw new JoinBlocked(obstacle ?? { kind: 'person', userId: '', orgId: '', orgName: '', phoneHash: null });
  }
  throw e;
};

/** The org's member-number sequence as it stands (0 before the first number). */
const currentNumber = async (orgId: string): Promise<number> => (await sequences().get({ orgId }, { consistent: true })).Item?.seq ?? 0;

/** Advances an org's member-number sequence from `current`, refused if another activation moved it. */
const nextNumberTx = (orgId: string, current: number): { seq: number; tx: LabeledTx } => {
  return {
    seq: current + 1,
    tx: {
      label: 'seq',
      tx: MemberSequenceEntity()
        .build(UpdateTransaction)
        .item({ orgId, seq: $add(1) })
        .options({ condition: current === 0 ? { attr: 'seq', exists: false } : { attr: 'seq', eq: current } }),
    },
  };
};

const membershipPutTx = (m: MembershipRecord): LabeledTx => ({
  label: 'membership',
  tx: MembershipEntity()
    .build(PutTransaction)
    .item({
      ...m,
      endedAt: undefined,
      anonymisedAt: undefined,
      applicationId: m.applicationId ?? undefined,
      transferId: m.transferId ?? undefined,
      declaredFactsConfirmedBy: m.declaredFactsConfirmedBy ?? undefined,
      declaredFactsConfirmedAt: m.declaredFactsConfirmedAt ?? undefined,
      gsi1pk: `USERMEMBERSHIPS#${m.userId}`,
      gsi1sk: `${m.joinedAt}#${m.membershipId}`,
      gsi2pk: `ORGMEMBERS#${m.orgId}`,
      gsi2sk: m.memberNumber,
    })
    .options({ condition: { attr: 'membershipId', exists: false } }),
});

export interface ActivationInput {
  membershipId: string;
  userId: string;
  org: Pick<Org, 'orgId' | 'name'>;
  profile: MemberProfile;
  now: Date;
  applicationId: string;
  /**
   * The officer whose review confirms what the applicant declared (the approving officer), or
   * null/absent when nobody looked (an auto invite): 免申即享 on those facts then waits for review.
   */
  declaredFactsConfirmedBy?: string | null;
  /** Writes that must succeed with the activation (the application's decision, the invite's use, the member grant). */
  extra: (memberNumber: string) => LabeledTx[];
  /** The org's lineage and sequence when the caller read them already (readActivationBasis); read here otherwise. */
  basis?: ActivationBasis;
  /** Desk counters that change with it (the application's decision), merged with the activation's own. */
  desk?: (d: DeskDeltas) => void;
}

/**
 * The desk counters of a membership that begins in `orgId` (docs/ARCHITECTURE.md, Desk counters): active
 * and total +1, and `joined:<MM>:<channel>` of the Beijing year.
 */
export const joinedDeltas = (d: DeskDeltas, orgId: string, channel: 'invite' | 'joint' | 'transferIn', at: Date): DeskDeltas => {
  const { year, month } = beijingYearMonth(at);
  return d.add(orgId, DESK_NOW, { 'members:active': 1, 'members:total': 1 }).add(orgId, year, { [`joined:${month}:${channel}`]: 1 });
};

/**
 * 激活会籍 in one transaction: the next member number of the org, the membership, the
 * person's and the account's "active membership" items (absent before), and the phone
 * (absent or this person's). Refusals: JoinBlocked (another membership is in the way), or
 * TransactionRefused naming the caller's own items.
 */
export const activateMembership = async (input: ActivationInput): Promise<MembershipRecord> => {
  const { userId, profile, org } = input;
  const basis = input.basis ?? (await readActivationBasis(org.orgId));
  const lineage = basis.lineage.map(summaryOf);
  // 联合工会 members join through the joint union's own invite: the channel is the org's kind.
  const channel = basis.lineage.at(-1)?.kind === 'joint' ? 'joint' : 'invite';
  // The first attempt numbers from the sequence read with the lineage; a retry (another activation
  // took that number) reads it again.
  let known: number | undefined = basis.seq;
  let record: MembershipRecord | undefined;
  try {
    await runTransaction(async () => {
      const next = nextNumberTx(org.orgId, known ?? (await currentNumber(org.orgId)));
      known = undefined;
      const memberNumber = formatMemberNumber(org.orgId, next.seq);
      record = {
        ...profile,
        membershipId: input.membershipId,
        userId,
        orgId: org.orgId,
        orgName: org.name,
        memberNumber,
        status: 'active',
        joinedAt: input.now.toISOString(),
        endedAt: null,
        applicationId: input.applicationId,
        transferId: null,
        memberNumberHistory: [],
        anonymisedAt: null,
        declaredFactsConfirmedBy: input.declaredFactsConfirmedBy ?? null,
        declaredFactsConfirmedAt: input.declaredFactsConfirmedBy ? input.now.toISOString() : null,
      };
      return [
        next.tx,
        membershipPutTx(record),
        {
          label: 'person',
          tx: ActivePersonEntity()
            .build(PutTransaction)
            .item({ idHash: profile.idHash, membershipId: input.membershipId, userId, orgId: org.orgId, orgName: org.name })
            .options({ condition: { attr: 'membershipId', exists: false } }),
        },
        {
          label: 'account',
          tx: UserMembershipEntity()
            .build(PutTransaction)
            .item(pointerItem(record, lineage))
            .options({ condition: { attr: 'membershipId', exists: false } }),
        },
        {
          label: 'phone',
          tx: MemberPhoneEntity()
            .build(PutTransaction)
            .item({ phoneHash: profile.phoneHash, idHash: profile.idHash, userId })
            .options({
              condition: {
                or: [
                  { attr: 'idHash', exists: false },
                  { attr: 'idHash', eq: profile.idHash },
                ],
              },
            }),
        },
        ...input.extra(memberNumber),
        ...deskTxsOf((d) => {
          joinedDeltas(d, org.orgId, channel, input.now);
          input.desk?.(d);
        }),
      ];
    }, ['seq']);
  } catch (e) {
    return explainRefusal(e, userId, profile);
  }
  if (!record) throw new Error('activation produced no record');
  return record;
};

export interface MoveInput {
  from: MembershipRecord;
  to: Pick<Org, 'orgId' | 'name'>;
  newMembershipId: string;
  transferId: string;
  now: Date;
  /** Writes that go with the move (the transfer's decision, the grants); built again on every attempt. */
  extra: (memberNumber: string) => Promise<LabeledTx[]>;
  /** Labels of `extra` whose failed condition means "read again and retry" (GRANTS_LABEL). */
  retryOn?: readonly string[];
  /** Desk counters that change with it (the transfer's queue), merged with the move's own. */
  desk?: (d: DeskDeltas) => void;
}

/**
 * 会籍转移 in one transaction: the old membership becomes "transferred" (only if still active),
 * a new one opens in the receiving org with its next number and the number history, and the
 * person's and account's active pointers move only if they still point at the old one — so
 * the person is never active in two orgs. The new membership is a copy of the old one's profile,
 * so a confirmation of the 入会 declarations (declaredFactsConfirmedBy) goes with it, and an
 * unconfirmed one stays unconfirmed: the receiving officer approves the move, not the declarations.
 */
export const moveMembership = async (input: MoveInput): Promise<MembershipRecord> => {
  const { from, to, now } = input;
  const basis = await readActivationBasis(to.orgId);
  const lineage = basis.lineage.map(summaryOf);
  let known: number | undefined = basis.seq;
  let record: MembershipRecord | undefined;
  await runTransaction(async () => {
    const next = nextNumberTx(to.orgId, known ?? (await currentNumber(to.orgId)));
    known = undefined;
    const memberNumber = formatMemberNumber(to.orgId, next.seq);
    record = {
      ...from,
      membershipId: input.newMembershipId,
      orgId: to.orgId,
      orgName: to.name,
      memberNumber,
      status: 'active',
      joinedAt: now.toISOString(),
      endedAt: null,
      transferId: input.transferId,
      memberNumberHistory: [
        ...from.memberNumberHistory,
        { orgId: from.orgId, orgName: from.orgName, memberNumber: from.memberNumber, from: from.joinedAt, to: now.toISOString() },
      ],
    };
    return [
      next.tx,
      {
        label: 'old',
        tx: MembershipEntity()
          .build(UpdateTransaction)
          .item({
            membershipId: from.membershipId,
            status: 'transferred',
            endedAt: now.toISOString(),
            gsi2pk: $remove(),
            gsi2sk: $remove(),
          })
          .options({ condition: { attr: 'status', eq: 'active' } }),
      },
      membershipPutTx(record),
      {
        label: 'person',
        tx: ActivePersonEntity()
          .build(PutTransaction)
          .item({ idHash: from.idHash, membershipId: input.newMembershipId, userId: from.userId, orgId: to.orgId, orgName: to.name })
          .options({ condition: { attr: 'membershipId', eq: from.membershipId } }),
      },
      {
        label: 'account',
        tx: UserMembershipEntity()
          .build(PutTransaction)
          .item(pointerItem(record, lineage))
          .options({ condition: { attr: 'membershipId', eq: from.membershipId } }),
      },
      ...(await input.extra(memberNumber)),
      ...deskTxsOf((d) => {
        d.add(from.orgId, DESK_NOW, { 'members:active': -1 });
        joinedDeltas(d, to.orgId, 'transferIn', now);
        input.desk?.(d);
      }),
    ];
  }, ['seq', ...(input.retryOn ?? [])]);
  if (!record) throw new Error('transfer produced no record');
  return record;
};

/**
 * 会员认定: an officer confirms what the member declared at 入会, on the membership the officer read
 * (only while it is still active) and on the account's copy of it (only while it still points at
 * that membership) — transaction items, beside an edit of the officer-set facts.
 */
export const confirmDeclaredFactsTx = (m: Pick<MembershipRecord, 'membershipId' | 'userId'>, by: string, now: Date): LabeledTx[] => {
  const confirmed = { declaredFactsConfirmedBy: by, declaredFactsConfirmedAt: now.toISOString() };
  return [
    {
      label: 'declaredFacts',
      tx: MembershipEntity()
        .build(UpdateTransaction)
        .item({ membershipId: m.membershipId, ...confirmed })
        .options({ condition: { attr: 'status', eq: 'active' } }),
    },
    {
      label: 'declaredFactsCopy',
      tx: UserMembershipEntity()
        .build(UpdateTransaction)
        .item({ userId: m.userId, ...confirmed })
        .options({ condition: { attr: 'membershipId', eq: m.membershipId } }),
    },
  ];
};

/** The user's 退会 records whose personal data awaits the purge. */
export const listRetentions = async (userId: string): Promise<Array<{ membershipId: string; leftAt: string; purgeAfter: string }>> => {
  const { Items = [] } = await PersonalDataRetentionEntity()
    .build(EntityRepository)
    .query({
      partition: `USER#${userId}`,
      range: { beginsWith: 'RETENTION#' },
    });
  return Items.map((i) => ({ membershipId: i.membershipId, leftAt: i.leftAt, purgeAfter: i.purgeAfter }));
};

/**
 * 退会 in one transaction: the membership ends (status left, endedAt, off the org's member list)
 * only if still active; the person's and the account's "active membership" items and the phone go,
 * each only if still this membership's — so ID and phone are free to join again — and a retention
 * item says when the personal data left behind is to be purged. `extra`: writes that must go with it
 * (closing a pending transfer, the grants), built again on every attempt; `retryOn`: its labels whose
 * failed condition means "read again and retry". Refusals: TransactionRefused (label 'membership'
 * when it is no longer active).
 */
export const leaveMembership = async (
  m: MembershipRecord,
  now: Date,
  purgeAfter: Date,
  extra: () => Promise<LabeledTx[]> = async () => [],
  retryOn: readonly string[] = [],
  desk?: (d: DeskDeltas) => void,
): Promise<void> => {
  const leftAt = now.toISOString();
  await runTransaction(
    async () => [
      {
        label: 'membership',
        tx: MembershipEntity()
          .build(UpdateTransaction)
          .item({ membershipId: m.membershipId, status: 'left', endedAt: leftAt, gsi2pk: $remove(), gsi2sk: $remove() })
          .options({ condition: { attr: 'status', eq: 'active' } }),
      },
      {
        label: 'person',
        tx: ActivePersonEntity()
          .build(DeleteTransaction)
          .key({ idHash: m.idHash })
          .options({ condition: { attr: 'membershipId', eq: m.membershipId } }),
      },
      {
        label: 'account',
        tx: UserMembershipEntity()
          .build(DeleteTransaction)
          .key({ userId: m.userId })
          .options({ condition: { attr: 'membershipId', eq: m.membershipId } }),
      },
      {
        label: 'phone',
        tx: MemberPhoneEntity()
          .build(DeleteTransaction)
          .key({ phoneHash: m.phoneHash })
          .options({ condition: phoneFreeOrHeldBy(m.idHash) }),
      },
      {
        label: 'retention',
        tx: PersonalDataRetentionEntity()
          .build(PutTransaction)
          .item({
            userId: m.userId,
            membershipId: m.membershipId,
            leftAt,
            purgeAfter: purgeAfter.toISOString(),
            gsi1pk: 'RETENTIONDUE',
            gsi1sk: `${purgeAfter.toISOString()}#${m.userId}#${m.membershipId}`,
          }),
      },
      ...(await extra()),
      ...deskTxsOf((d) => {
        d.add(m.orgId, DESK_NOW, { 'members:active': -1 });
        desk?.(d);
      }),
    ],
    retryOn,
  );
};

/** A phone uniqueness item that is absent or already this person's (by 身份证号 HMAC). */
const phoneFreeOrHeldBy = (idHash: string): Condition<ReturnType<typeof MemberPhoneEntity>> => ({
  or: [
    { attr: 'idHash', exists: false },
    { attr: 'idHash', eq: idHash },
  ],
});

/** The phone another person holds: the phone change was refused. */
export class PhoneTaken extends Error {
  constructor() {
    super('phone held by another person');
    this.name = 'PhoneTaken';
  }
}

/**
 * 更正手机号 in one transaction: the new phone's uniqueness item is created (absent, or already this
 * person's), the old one deleted (if still this person's), and the active membership takes the new
 * sealed phone only if it still has the old one. Refusals: PhoneTaken; TransactionRefused otherwise.
 */
export const changeMemberPhone = async (m: MembershipRecord, next: { phoneEnc: string; phoneHash: string }): Promise<void> => {
  try {
    await runTransaction(async () => [
      {
        label: 'membership',
        tx: MembershipEntity()
          .build(UpdateTransaction)
          .item({ membershipId: m.membershipId, phoneEnc: next.phoneEnc, phoneHash: next.phoneHash })
          .options({
            condition: {
              and: [
                { attr: 'status', eq: 'active' },
                { attr: 'phoneHash', eq: m.phoneHash },
              ],
            },
          }),
      },
      {
        label: 'phone',
        tx: MemberPhoneEntity()
          .build(PutTransaction)
          .item({ phoneHash: next.phoneHash, idHash: m.idHash, userId: m.userId })
          .options({ condition: phoneFreeOrHeldBy(m.idHash) }),
      },
      {
        label: 'oldPhone',
        tx: MemberPhoneEntity()
          .build(DeleteTransaction)
          .key({ phoneHash: m.phoneHash })
          .options({ condition: phoneFreeOrHeldBy(m.idHash) }),
      },
    ]);
  } catch (e) {
    if (e instanceof TransactionRefused && e.failed.includes('phone')) throw new PhoneTaken();
    throw e;
  }
};
