import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  type BallotChoice,
  DomainError,
  type MotionKind,
  type MotionResult,
  type MotionSpec,
  type MotionStatus,
  type ProposalChange,
  type ProposalEventType,
  type ProposalStatus,
  quorumOf,
} from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { ConditionCheck } from 'dynamodb-toolbox/entity/actions/transactCheck';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { randomId } from '../platform/ids';
import {
  CongressBallotAnswerEntity,
  CongressBallotEntity,
  CongressCosignEntity,
  CongressDelegateEntity,
  CongressMotionEntity,
  CongressProposalEntity,
  CongressProposalEventEntity,
  CongressSeatsEntity,
  CongressSessionEntity,
  CongressVotedEntity,
} from './entities/congress.entity';
import { MembershipEntity, UserMembershipEntity } from './entities/membership.entity';
import { isConditionFailure } from './errors';
import { getDocumentClient, tableName } from './table';
import { type LabeledTx, runTransaction, TransactionRefused } from './transactions';
import { grantTx, holdsGrant, revokeGrantTx } from './user.repository';

const sessions = CongressSessionEntity.build(EntityRepository);
const delegates = CongressDelegateEntity.build(EntityRepository);
const proposals = CongressProposalEntity.build(EntityRepository);
const cosigns = CongressCosignEntity.build(EntityRepository);
const proposalEvents = CongressProposalEventEntity.build(EntityRepository);
const motions = CongressMotionEntity.build(EntityRepository);
const voted = CongressVotedEntity.build(EntityRepository);
const ballots = CongressBallotEntity.build(EntityRepository);
const answers = CongressBallotAnswerEntity.build(EntityRepository);
const memberships = MembershipEntity.build(EntityRepository);
const seats = CongressSeatsEntity.build(EntityRepository);

const ALL_PAGES = { maxPages: Number.POSITIVE_INFINITY } as const;

/** Turns a refused transaction into the domain error of its first failed condition. */
const refusal = (e: unknown, errors: Record<string, () => DomainError>): unknown => {
  if (e instanceof TransactionRefused) {
    for (const label of e.failed) {
      const make = errors[label.split(':')[0] ?? label];
      if (make) return make();
    }
  }
  return e;
};

// ——— sessions and roster ———

export interface CongressSessionRecord {
  sessionId: string;
  orgId: string;
  sessionName: string;
  startDate: string;
  endDate: string;
  rosterCount: number;
  signedInCount: number;
  rosterLocked: boolean;
  createdAt: string;
}

type SessionItem = NonNullable<Awaited<ReturnType<typeof sessions.get>>['Item']>;
const toSession = (i: SessionItem): CongressSessionRecord => ({
  sessionId: i.sessionId,
  orgId: i.orgId,
  sessionName: i.sessionName,
  startDate: i.startDate,
  endDate: i.endDate,
  rosterCount: i.rosterCount,
  signedInCount: i.signedInCount,
  rosterLocked: i.rosterLockedAt !== undefined,
  createdAt: i.createdAt,
});

export const createSession = async (input: Omit<CongressSessionRecord, 'rosterCount' | 'signedInCount' | 'rosterLocked'>) => {
  await sessions.put(
    {
      ...input,
      rosterCount: 0,
      signedInCount: 0,
      gsi1pk: `ORGCONGRESS#${input.orgId}`,
      gsi1sk: `${input.startDate}#${input.sessionId}`,
    },
    { condition: { attr: 'sessionId', exists: false } },
  );
  return { ...input, rosterCount: 0, signedInCount: 0, rosterLocked: false };
};

export const getSession = async (sessionId: string, consistent = false): Promise<CongressSessionRecord | null> => {
  const { Item } = await sessions.get({ sessionId }, { consistent });
  return Item ? toSession(Item) : null;
};

export const requireSession = async (sessionId: string, consistent = false): Promise<CongressSessionRecord> => {
  const s = await getSession(sessionId, consistent);
  if (!s) throw new DomainError('CONGRESS_SESSION_NOT_FOUND', '会议不存在', { field: 'sessionId' });
  return s;
};

export const listOrgSessions = async (orgId: string): Promise<CongressSessionRecord[]> => {
  const { Items = [] } = await sessions.query({ index: 'gsi1', partition: `ORGCONGRESS#${orgId}` }, ALL_PAGES);
  return Items.map(toSession).reverse();
};

export interface DelegateRecord {
  sessionId: string;
  userId: string;
  displayName: string;
  memberNumber: string | null;
  delegation: string | null;
  signedInAt: string | null;
}

type DelegateItem = NonNullable<Awaited<ReturnType<typeof delegates.get>>['Item']>;
const toDelegate = (i: DelegateItem): DelegateRecord => ({
  sessionId: i.sessionId,
  userId: i.userId,
  displayName: i.displayName,
  memberNumber: i.memberNumber ?? null,
  delegation: i.delegation ?? null,
  signedInAt: i.signedInAt ?? null,
});

export const getDelegate = async (sessionId: string, userId: string): Promise<DelegateRecord | null> => {
  const { Item } = await delegates.get({ sessionId, userId });
  return Item ? toDelegate(Item) : null;
};

export const listRoster = async (sessionId: string): Promise<DelegateRecord[]> => {
  const { Items = [] } = await delegates.query(
    { partition: `CONGRESS#${sessionId}`, range: { beginsWith: 'DELEGATE#' } },
    { ...ALL_PAGES, consistent: true },
  );
  return Items.map(toDelegate);
};

/** Sessions where `userId` sits on the roster (the delegate's 投票 tab). */
export const listSessionsOfDelegate = async (userId: string): Promise<Array<CongressSessionRecord & { me: DelegateRecord }>> => {
  const { Items = [] } = await delegates.query({ index: 'gsi1', partition: `DELEGATEOF#${userId}` }, ALL_PAGES);
  const found = await Promise.all(Items.map(async (d) => ({ session: await getSession(d.sessionId), me: toDelegate(d) })));
  return found.flatMap(({ session, me }) => (session ? [{ ...session, me }] : []));
};

export type RosterEntry = Omit<DelegateRecord, 'sessionId' | 'signedInAt'>;

/**
 * Items a new roster entry costs in its transaction: the entry, the "still an active member of
 * the org" check, the delegate grant and the seat count. 24 entries and the session's counter fit
 * in one transaction (100 items at most).
 */
const ROSTER_ENTRIES_PER_TX = 24;

const delegateGrant = (orgId: string) => ({ role: 'delegate' as const, orgId });

/**
 * Adds delegates to the roster, resumably and idempotently. Each batch is one transaction in
 * which every new entry is put with "absent", checked against the person's active membership
 * in the session's org, and written together with its delegate grant, while N advances by the
 * number of entries put (refused once a motion has opened: N is then fixed). People already on
 * the roster are skipped — their grant is added if it is missing — so the same list again
 * completes an import a failure or a racing import cut short. When another writer puts one of
 * our entries first, the batch is recomputed from the store and retried.
 */
export const addDelegates = async (
  session: Pick<CongressSessionRecord, 'sessionId' | 'orgId'>,
  entries: RosterEntry[],
): Promise<{ added: number; alreadyOnRoster: number }> => {
  const { sessionId, orgId } = session;
  const grant = delegateGrant(orgId);
  const unique = [...new Map(entries.map((e) => [e.userId, e])).values()];
  let added = 0;
  let alreadyOnRoster = 0;
  for (let start = 0; start < unique.length; start += ROSTER_ENTRIES_PER_TX) {
    const chunk = unique.slice(start, start + ROSTER_ENTRIES_PER_TX);
    let outcome = { added: 0, alreadyOnRoster: 0 };
    try {
      await runTransaction(
        async () => {
          const state = await Promise.all(
            chunk.map(async (d) => {
              const onRoster = (await delegates.get({ sessionId, userId: d.userId }, { consistent: true })).Item !== undefined;
              return { d, onRoster, needsGrant: onRoster && !(await holdsGrant(d.userId, grant)) };
            }),
          );
          const fresh = state.filter((s) => !s.onRoster).map((s) => s.d);
          const repair = state.filter((s) => s.needsGrant).map((s) => s.d);
          outcome = { added: fresh.length, alreadyOnRoster: chunk.length - fresh.length };
          return [
            ...fresh.flatMap((d): LabeledTx[] => [
              {
                label: `delegate:${d.userId}`,
                tx: CongressDelegateEntity.build(PutTransaction)
                  .item({
                    sessionId,
                    userId: d.userId,
                    displayName: d.displayName,
                    ...(d.memberNumber ? { memberNumber: d.memberNumber } : {}),
                    ...(d.delegation ? { delegation: d.delegation } : {}),
                    gsi1pk: `DELEGATEOF#${d.userId}`,
                    gsi1sk: sessionId,
                  })
                  .options({ condition: { attr: 'userId', exists: false } }),
              },
              memberOfOrgCheck(d.userId, orgId, `member:${d.userId}`),
              grantTx(d.userId, grant),
              {
                label: `seats:${d.userId}`,
                tx: CongressSeatsEntity.build(UpdateTransaction).item({ userId: d.userId, orgId, seats: $add(1) }),
              },
            ]),
            // An entry left without its grant (written before grants went in the same transaction).
            ...repair.flatMap((d): LabeledTx[] => [
              {
                label: `onRoster:${d.userId}`,
                tx: CongressDelegateEntity.build(ConditionCheck)
                  .key({ sessionId, userId: d.userId })
                  .condition({ attr: 'userId', exists: true }),
              },
              memberOfOrgCheck(d.userId, orgId, `member:${d.userId}`),
              grantTx(d.userId, grant),
            ]),
            ...(fresh.length > 0
              ? [
                  {
                    label: 'session',
                    tx: CongressSessionEntity.build(UpdateTransaction)
                      .item({ sessionId, rosterCount: $add(fresh.length) })
                      .options({
                        condition: {
                          and: [
                            { attr: 'sessionId', exists: true },
                            { attr: 'rosterLockedAt', exists: false },
                          ],
                        },
                      }),
                  },
                ]
              : []),
          ];
        },
        // Someone else put (or removed) one of these entries meanwhile: recompute the batch.
        chunk.flatMap((d) => [`delegate:${d.userId}`, `onRoster:${d.userId}`]),
      );
    } catch (e) {
      throw rosterRefusal(e, chunk, added);
    }
    added += outcome.added;
    alreadyOnRoster += outcome.alreadyOnRoster;
  }
  return { added, alreadyOnRoster };
};

/** The person's active membership is in `orgId` (the account's pointer, moved by a transfer). */
const memberOfOrgCheck = (userId: string, orgId: string, label: string): LabeledTx => ({
  label,
  tx: UserMembershipEntity.build(ConditionCheck).key({ userId }).condition({ attr: 'orgId', eq: orgId }),
});

/** The refusal of a roster batch, saying how much of the list is already in (the same list again resumes). */
const rosterRefusal = (e: unknown, chunk: RosterEntry[], addedBefore: number): unknown => {
  if (!(e instanceof TransactionRefused)) return e;
  const progress = addedBefore > 0 ? `（此前已加入 ${addedBefore} 名代表；处理后再次导入同一名单即可继续）` : '';
  const who = (label: string) => {
    const d = chunk.find((c) => c.userId === label.slice(label.indexOf(':') + 1));
    return d ? `${d.displayName}（${d.memberNumber ?? d.userId}）` : '';
  };
  const details = { added: addedBefore };
  for (const label of e.failed) {
    if (label === 'session')
      return new DomainError('ROSTER_LOCKED', `已有表决事项开始，代表名单不能再修改${progress}`, { field: 'sessionId', details });
    if (label.startsWith('member:'))
      return new DomainError('ROSTER_MEMBER_CHANGED', `${who(label)}已不是本工会的在册会员，不能成为代表${progress}`, {
        field: 'memberNumber',
        details,
      });
    if (label.startsWith('grant:'))
      return new DomainError('USER_NOT_FOUND', `${who(label)}的账号不存在${progress}`, { field: 'memberNumber', details });
  }
  return new DomainError('ROSTER_BUSY', `代表名单正被同时修改，请稍后再试${progress}`, { field: 'sessionId', details });
};

/**
 * Takes a delegate off the roster in one transaction: the entry (conditioned on what was read —
 * signed in or not — so the counts stay exact under a racing 签到), N and the signed-in count
 * (refused once the roster is locked), and the user's seat count for the org, with the delegate
 * grant when this was their last roster of the org.
 */
export const removeDelegate = async (session: Pick<CongressSessionRecord, 'sessionId' | 'orgId'>, userId: string): Promise<void> => {
  const { sessionId, orgId } = session;
  try {
    await runTransaction(
      async () => {
        const { Item: entry } = await delegates.get({ sessionId, userId }, { consistent: true });
        if (!entry) throw new TransactionRefused(['absent']);
        const { Item: seat } = await seats.get({ userId, orgId }, { consistent: true });
        const held = seat?.seats ?? 0;
        const signedIn = entry.signedInAt !== undefined;
        return [
          {
            label: 'delegate',
            tx: CongressDelegateEntity.build(DeleteTransaction)
              .key({ sessionId, userId })
              .options({
                condition: {
                  and: [
                    { attr: 'userId', exists: true },
                    { attr: 'signedInAt', exists: signedIn },
                  ],
                },
              }),
          },
          {
            label: 'session',
            tx: CongressSessionEntity.build(UpdateTransaction)
              .item({ sessionId, rosterCount: $add(-1), ...(signedIn ? { signedInCount: $add(-1) } : {}) })
              .options({
                condition: {
                  and: [
                    { attr: 'sessionId', exists: true },
                    { attr: 'rosterLockedAt', exists: false },
                  ],
                },
              }),
          },
          ...(held > 1
            ? [
                {
                  label: 'seats',
                  tx: CongressSeatsEntity.build(UpdateTransaction)
                    .item({ userId, orgId, seats: $add(-1) })
                    .options({ condition: { attr: 'seats', eq: held } }),
                },
              ]
            : [
                {
                  label: 'seats',
                  tx: CongressSeatsEntity.build(DeleteTransaction)
                    .key({ userId, orgId })
                    .options({ condition: seat ? { attr: 'seats', eq: held } : { attr: 'seats', exists: false } }),
                },
                revokeGrantTx(userId, delegateGrant(orgId), 'revoke'),
              ]),
        ];
      },
      // Signed in, added to another roster or removed meanwhile: read again.
      ['delegate', 'seats'],
    );
  } catch (e) {
    throw refusal(e, {
      absent: () => new DomainError('DELEGATE_NOT_FOUND', '该代表不在本次会议的代表名单中', { field: 'userId' }),
      session: () => new DomainError('ROSTER_LOCKED', '已有表决事项开始，代表名单不能再修改', { field: 'sessionId' }),
      revoke: () => new DomainError('USER_NOT_FOUND', '该代表的账号不存在', { field: 'userId' }),
    });
  }
};

const notMember = (act: string) => new DomainError('DELEGATE_NOT_MEMBER', `您已不是本工会的在册会员，不能${act}`, { field: 'sessionId' });

/**
 * 签到: once per delegate, by a delegate still on the roster whose active membership is still in
 * the session's org (checked in the transaction, not from the token); the session's signed-in
 * count moves in the same transaction.
 */
export const signIn = async (
  session: Pick<CongressSessionRecord, 'sessionId' | 'orgId'>,
  userId: string,
  now: Date,
): Promise<'signed-in' | 'already'> => {
  const { sessionId } = session;
  try {
    await runTransaction(async () => [
      memberOfOrgCheck(userId, session.orgId, 'member'),
      {
        label: 'delegate',
        tx: CongressDelegateEntity.build(UpdateTransaction)
          .item({ sessionId, userId, signedInAt: now.toISOString() })
          .options({
            condition: {
              and: [
                { attr: 'userId', exists: true },
                { attr: 'signedInAt', exists: false },
              ],
            },
          }),
      },
      { label: 'session', tx: CongressSessionEntity.build(UpdateTransaction).item({ sessionId, signedInCount: $add(1) }) },
    ]);
    return 'signed-in';
  } catch (e) {
    if (!(e instanceof TransactionRefused)) throw e;
    if (e.failed.includes('member')) throw notMember('签到');
    const d = await getDelegate(sessionId, userId);
    if (!d) throw new DomainError('NOT_A_DELEGATE', '您不是本次会议的代表', { field: 'sessionId' });
    return 'already';
  }
};

/** The active member with this number in `orgId` (members come from the 入会 journey's memberships). */
export const findActiveMemberByNumber = async (
  orgId: string,
  memberNumber: string,
): Promise<{ userId: string; name: string; memberNumber: string } | null> => {
  const { Items = [] } = await memberships.query({ index: 'gsi2', partition: `ORGMEMBERS#${orgId}`, range: { eq: memberNumber } });
  const m = Items.find((i) => i.status === 'active');
  return m ? { userId: m.userId, name: m.name, memberNumber: m.memberNumber } : null;
};

// ——— proposals ———

export interface ProposalRecord {
  proposalId: string;
  sessionId: string;
  orgId: string;
  title: string;
  cause: string;
  suggestion: string;
  proposerId: string;
  proposerName: string;
  status: ProposalStatus;
  cosignCount: number;
  version: number;
  department?: string | undefined;
  replyDeadline?: string | undefined;
  decisionReason?: string | undefined;
  reply?: string | undefined;
  repliedAt?: string | undefined;
  rating?: string | undefined;
  createdAt: string;
  updatedAt: string;
}

type ProposalItem = NonNullable<Awaited<ReturnType<typeof proposals.get>>['Item']>;
const toProposal = ({ gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...rest }: ProposalItem): ProposalRecord => rest;

export const getProposal = async (proposalId: string, consistent = false): Promise<ProposalRecord | null> => {
  const { Item } = await proposals.get({ proposalId }, { consistent });
  return Item ? toProposal(Item) : null;
};

export const requireProposal = async (proposalId: string, consistent = false): Promise<ProposalRecord> => {
  const p = await getProposal(proposalId, consistent);
  if (!p) throw new DomainError('PROPOSAL_NOT_FOUND', '提案不存在', { field: 'proposalId' });
  return p;
};

export const listSessionProposals = async (sessionId: string): Promise<ProposalRecord[]> => {
  const { Items = [] } = await proposals.query({ index: 'gsi1', partition: `CONGRESSPROPOSALS#${sessionId}` }, ALL_PAGES);
  return Items.map(toProposal);
};

export const listProposalCosigners = async (proposalId: string) => {
  const { Items = [] } = await cosigns.query({ partition: `PROPOSAL#${proposalId}`, range: { beginsWith: 'COSIGN#' } }, ALL_PAGES);
  return Items.map((c) => ({ userId: c.userId, displayName: c.displayName, at: c.at })).sort((a, b) => a.at.localeCompare(b.at));
};

export const listProposalTimeline = async (proposalId: string) => {
  const { Items = [] } = await proposalEvents.query({ partition: `PROPOSAL#${proposalId}`, range: { beginsWith: 'EVENT#' } }, ALL_PAGES);
  return Items.map((e) => ({ type: e.type as ProposalEventType, note: e.note, actorName: e.actorName, at: e.at }));
};

const eventTxs = (proposalId: string, change: Pick<ProposalChange, 'events'>, actorName: string, now: Date): LabeledTx[] =>
  change.events.map((ev, i) => ({
    label: `event:${i}`,
    tx: CongressProposalEventEntity.build(PutTransaction).item({
      proposalId,
      // Time first so the timeline sorts; the index and a random tail keep same-millisecond steps apart.
      eventKey: `${now.toISOString()}#${i}#${randomId(6)}`,
      type: ev.type,
      note: ev.note,
      actorName,
      at: now.toISOString(),
    }),
  }));

/** A proposal by a roster delegate, with its first timeline step, in one transaction. */
export const createProposal = async (p: Omit<ProposalRecord, 'status' | 'cosignCount' | 'version' | 'updatedAt'>, now: Date) => {
  const record: ProposalRecord = { ...p, status: 'collecting', cosignCount: 0, version: 1, updatedAt: p.createdAt };
  try {
    await runTransaction(async () => [
      {
        label: 'delegate',
        tx: CongressDelegateEntity.build(ConditionCheck)
          .key({ sessionId: p.sessionId, userId: p.proposerId })
          .condition({ attr: 'userId', exists: true }),
      },
      memberOfOrgCheck(p.proposerId, p.orgId, 'member'),
      {
        label: 'proposal',
        tx: CongressProposalEntity.build(PutTransaction)
          .item({
            ...record,
            gsi1pk: `CONGRESSPROPOSALS#${p.sessionId}`,
            gsi1sk: `${p.createdAt}#${p.proposalId}`,
            gsi2pk: `PROPOSER#${p.proposerId}`,
            gsi2sk: `${p.createdAt}#${p.proposalId}`,
          })
          .options({ condition: { attr: 'proposalId', exists: false } }),
      },
      ...eventTxs(p.proposalId, { events: [{ type: 'submitted', note: p.title }] }, p.proposerName, now),
    ]);
  } catch (e) {
    throw refusal(e, {
      delegate: () => new DomainError('NOT_A_DELEGATE', '只有本次会议的代表可以提交提案', { field: 'sessionId' }),
      member: () => notMember('提交提案'),
    });
  }
  return record;
};

const proposalUpdateTx = (p: ProposalRecord, change: ProposalChange, now: Date, extraCondition: object[] = []): LabeledTx => ({
  label: 'proposal',
  tx: CongressProposalEntity.build(UpdateTransaction)
    .item({ ...(change.set as object), proposalId: p.proposalId, version: p.version + 1, updatedAt: now.toISOString() } as never)
    .options({ condition: { and: [{ attr: 'version', eq: p.version }, ...extraCondition] } as never }),
});

/**
 * Applies a proposal transition computed by the domain from the freshest state. The update is
 * conditioned on the version it was computed from; a concurrent change makes it recompute.
 */
export const changeProposal = async (
  proposalId: string,
  compute: (p: ProposalRecord) => ProposalChange,
  actorName: string,
  now: Date,
): Promise<ProposalRecord> => {
  let latest: ProposalRecord | undefined;
  await runTransaction(async () => {
    const p = await requireProposal(proposalId, true);
    const change = compute(p);
    latest = { ...p, ...(change.set as Partial<ProposalRecord>), version: p.version + 1, updatedAt: now.toISOString() };
    return [proposalUpdateTx(p, change, now), ...eventTxs(proposalId, change, actorName, now)];
  }, ['proposal']);
  return latest as ProposalRecord;
};

/**
 * 附议: the co-sign item is put with "absent" (nobody co-signs twice), the co-signer must be on the
 * roster, and the proposal update is conditioned on "proposer is not the co-signer".
 */
export const cosignProposalInStore = async (
  proposalId: string,
  actor: { userId: string; displayName: string },
  compute: (p: ProposalRecord) => ProposalChange,
  now: Date,
): Promise<ProposalRecord> => {
  let latest: ProposalRecord | undefined;
  try {
    await runTransaction(async () => {
      const p = await requireProposal(proposalId, true);
      const change = compute(p);
      latest = { ...p, ...(change.set as Partial<ProposalRecord>), version: p.version + 1, updatedAt: now.toISOString() };
      return [
        {
          label: 'cosign',
          tx: CongressCosignEntity.build(PutTransaction)
            .item({ proposalId, userId: actor.userId, displayName: actor.displayName, at: now.toISOString() })
            .options({ condition: { attr: 'userId', exists: false } }),
        },
        {
          label: 'delegate',
          tx: CongressDelegateEntity.build(ConditionCheck)
            .key({ sessionId: p.sessionId, userId: actor.userId })
            .condition({ attr: 'userId', exists: true }),
        },
        memberOfOrgCheck(actor.userId, p.orgId, 'member'),
        proposalUpdateTx(p, change, now, [{ attr: 'proposerId', ne: actor.userId }]),
        ...eventTxs(proposalId, change, actor.displayName, now),
      ];
    }, ['proposal']);
  } catch (e) {
    throw refusal(e, {
      cosign: () => new DomainError('ALREADY_COSIGNED', '您已附议过该提案', { field: 'proposalId' }),
      delegate: () => new DomainError('NOT_A_DELEGATE', '只有本次会议的代表可以附议', { field: 'proposalId' }),
      member: () => notMember('附议'),
    });
  }
  return latest as ProposalRecord;
};

// ——— motions and ballots ———

export interface MotionRecord {
  motionId: string;
  sessionId: string;
  orgId: string;
  kind: MotionKind;
  title: string;
  description: string | null;
  spec: MotionSpec;
  status: MotionStatus;
  delegateCount: number | null;
  presentCount: number | null;
  openedAt: string | null;
  closedAt: string | null;
  result: MotionResult | null;
  revoteOf: string | null;
  createdAt: string;
}

type MotionItem = NonNullable<Awaited<ReturnType<typeof motions.get>>['Item']>;
const toMotion = (i: MotionItem): MotionRecord => ({
  motionId: i.motionId,
  sessionId: i.sessionId,
  orgId: i.orgId,
  kind: i.kind,
  title: i.title,
  description: i.description ?? null,
  spec: JSON.parse(i.spec) as MotionSpec,
  status: i.status,
  delegateCount: i.delegateCount ?? null,
  presentCount: i.presentCount ?? null,
  openedAt: i.openedAt ?? null,
  closedAt: i.closedAt ?? null,
  result: i.result ? (JSON.parse(i.result) as MotionResult) : null,
  revoteOf: i.revoteOf ?? null,
  createdAt: i.createdAt,
});

export const createMotion = async (
  m: Omit<MotionRecord, 'status' | 'delegateCount' | 'presentCount' | 'openedAt' | 'closedAt' | 'result'>,
) => {
  await motions.put(
    {
      motionId: m.motionId,
      sessionId: m.sessionId,
      orgId: m.orgId,
      kind: m.kind,
      title: m.title,
      ...(m.description ? { description: m.description } : {}),
      spec: JSON.stringify(m.spec),
      status: 'draft',
      ...(m.revoteOf ? { revoteOf: m.revoteOf } : {}),
      createdAt: m.createdAt,
      gsi1pk: `CONGRESSMOTIONS#${m.sessionId}`,
      gsi1sk: `${m.createdAt}#${m.motionId}`,
    },
    { condition: { attr: 'motionId', exists: false } },
  );
  return requireMotion(m.motionId, true);
};

export const getMotion = async (motionId: string, consistent = false): Promise<MotionRecord | null> => {
  const { Item } = await motions.get({ motionId }, { consistent });
  return Item ? toMotion(Item) : null;
};

export const requireMotion = async (motionId: string, consistent = false): Promise<MotionRecord> => {
  const m = await getMotion(motionId, consistent);
  if (!m) throw new DomainError('MOTION_NOT_FOUND', '表决事项不存在', { field: 'motionId' });
  return m;
};

export const listSessionMotions = async (sessionId: string): Promise<MotionRecord[]> => {
  const { Items = [] } = await motions.query({ index: 'gsi1', partition: `CONGRESSMOTIONS#${sessionId}` }, ALL_PAGES);
  return Items.map(toMotion);
};

/**
 * Opens a draft motion. The session update is conditioned on "N is what we read and at least
 * ⌈2N/3⌉ delegates are signed in" — the quorum is the store's condition, not a handler's check —
 * and it locks the roster so N cannot change under an open vote.
 */
export const openMotion = async (motionId: string, now: Date): Promise<MotionRecord> => {
  try {
    await runTransaction(async () => {
      const motion = await requireMotion(motionId, true);
      const session = await requireSession(motion.sessionId, true);
      const n = session.rosterCount;
      if (motion.status !== 'draft') throw new TransactionRefused(['motion']);
      if (n === 0 || session.signedInCount < quorumOf(n)) throw new TransactionRefused(['quorum']);
      return [
        {
          label: 'motion',
          tx: CongressMotionEntity.build(UpdateTransaction)
            .item({ motionId, status: 'open', delegateCount: n, openedAt: now.toISOString() })
            .options({ condition: { attr: 'status', eq: 'draft' } }),
        },
        {
          label: 'session',
          tx: CongressSessionEntity.build(UpdateTransaction)
            .item({ sessionId: session.sessionId, rosterLockedAt: now.toISOString() })
            .options({
              condition: {
                and: [
                  { attr: 'rosterCount', eq: n },
                  { attr: 'signedInCount', gte: quorumOf(n) },
                ],
              },
            }),
        },
      ];
    }, ['session']);
  } catch (e) {
    throw refusal(e, {
      motion: () => new DomainError('MOTION_NOT_DRAFT', '该事项已开始或已结束，不能再次开始', { field: 'motionId' }),
      quorum: () => new DomainError('QUORUM_NOT_MET', '签到代表未达到全体代表的三分之二，不能开始表决', { field: 'sessionId' }),
      session: () => new DomainError('QUORUM_NOT_MET', '签到代表未达到全体代表的三分之二，不能开始表决', { field: 'sessionId' }),
    });
  }
  return requireMotion(motionId, true);
};

export const hasVoted = async (motionId: string, userId: string): Promise<boolean> => {
  const { Item } = await voted.get({ motionId, userId }, { consistent: true });
  return Item !== undefined;
};

/** Turnout while open: the number of VOTED markers (counted, never read one by one). */
export const countVoted = async (motionId: string): Promise<number> => {
  let count = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await getDocumentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': `MOTION#${motionId}`, ':sk': 'VOTED#' },
        Select: 'COUNT',
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    count += page.Count ?? 0;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return count;
};

/**
 * Casts one secret ballot in ONE transaction: the VOTED marker (absent → one per delegate), the
 * anonymous ballot under its random receipt code, "motion is open", "still an active member of
 * the org", "delegate on the roster and signed in", and — when the client sent an
 * Idempotency-Key — the sealed first answer.
 */
export const castBallotInStore = async (input: {
  motion: Pick<MotionRecord, 'motionId' | 'sessionId' | 'orgId'>;
  userId: string;
  choice: BallotChoice;
  receiptCode: string;
  /** The sealed first answer, kept until `ttl` (epoch seconds); an expired one left behind is replaced. */
  answer?: { requestHash: string; sealed: string; ttl: number; now: Date } | undefined;
}): Promise<void> => {
  const { motion, userId } = input;
  try {
    await runTransaction(async () => [
      {
        label: 'voted',
        tx: CongressVotedEntity.build(PutTransaction)
          .item({ motionId: motion.motionId, userId })
          .options({ condition: { attr: 'userId', exists: false } }),
      },
      {
        label: 'ballot',
        tx: CongressBallotEntity.build(PutTransaction)
          .item({ motionId: motion.motionId, receiptCode: input.receiptCode, choice: JSON.stringify(input.choice) })
          .options({ condition: { attr: 'receiptCode', exists: false } }),
      },
      {
        label: 'motion',
        tx: CongressMotionEntity.build(ConditionCheck).key({ motionId: motion.motionId }).condition({ attr: 'status', eq: 'open' }),
      },
      memberOfOrgCheck(userId, motion.orgId, 'member'),
      {
        label: 'delegate',
        tx: CongressDelegateEntity.build(ConditionCheck)
          .key({ sessionId: motion.sessionId, userId })
          .condition({ attr: 'signedInAt', exists: true }),
      },
      ...(input.answer
        ? [
            {
              label: 'answer',
              tx: CongressBallotAnswerEntity.build(PutTransaction)
                .item({ requestHash: input.answer.requestHash, sealed: input.answer.sealed, ttl: input.answer.ttl })
                .options({
                  condition: {
                    or: [
                      { attr: 'requestHash', exists: false },
                      { attr: 'ttl', lt: epochSeconds(input.answer.now) },
                    ],
                  },
                }),
            },
          ]
        : []),
    ]);
  } catch (e) {
    throw refusal(e, {
      answer: () => new DomainError('IDEMPOTENT_REPLAY', '重复的请求'),
      voted: () => new DomainError('VOTE_ALREADY_CAST', '您已投过票，每位代表只能投一票', { field: 'motionId' }),
      motion: () => new DomainError('MOTION_NOT_OPEN', '该事项不在投票时间内', { field: 'motionId' }),
      member: () => notMember('投票'),
      delegate: () => new DomainError('NOT_SIGNED_IN', '请先签到，签到后才能投票', { field: 'sessionId' }),
      ballot: () => new DomainError('RECEIPT_COLLISION', '回执码冲突，请重试'),
    });
  }
};

const epochSeconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** The sealed first answer for this request, unless it has expired (DynamoDB deletes expired items late). */
export const getBallotAnswer = async (requestHash: string, now: Date): Promise<string | null> => {
  const { Item } = await answers.get({ requestHash }, { consistent: true });
  if (!Item || (Item.ttl !== undefined && Item.ttl <= epochSeconds(now))) return null;
  return Item.sealed;
};

/** Every ballot of a motion (strongly consistent: used to tally after close). */
export const listBallots = async (motionId: string): Promise<Array<{ receiptCode: string; choice: BallotChoice }>> => {
  const { Items = [] } = await ballots.query(
    { partition: `MOTIONBALLOTS#${motionId}`, range: { beginsWith: 'RECEIPT#' } },
    { ...ALL_PAGES, consistent: true },
  );
  return Items.map((b) => ({ receiptCode: b.receiptCode, choice: JSON.parse(b.choice) as BallotChoice }));
};

/** Closes voting: status open → closed on condition, after which no ballot transaction can pass. */
export const closeMotionVoting = async (motionId: string, presentCount: number, now: Date): Promise<void> => {
  try {
    await motions.update(
      { motionId, status: 'closed', closedAt: now.toISOString(), presentCount },
      { condition: { attr: 'status', eq: 'open' } },
    );
  } catch (e) {
    if (isConditionFailure(e)) throw new DomainError('MOTION_NOT_OPEN', '该事项不在投票中，不能结束', { field: 'motionId' });
    throw e;
  }
};

/**
 * Writes the result of a closed motion once ("absent" condition): results are immutable.
 * Returns the stored result, whoever wrote it first.
 */
export const storeMotionResult = async (motionId: string, result: MotionResult): Promise<MotionResult> => {
  try {
    await motions.update(
      { motionId, result: JSON.stringify(result) },
      {
        condition: {
          and: [
            { attr: 'status', eq: 'closed' },
            { attr: 'result', exists: false },
          ],
        },
      },
    );
    return result;
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    const stored = await requireMotion(motionId, true);
    if (!stored.result) throw new DomainError('MOTION_NOT_CLOSED', '该事项尚未结束', { field: 'motionId' });
    return stored.result;
  }
};
