import {
  DomainError,
  type MotionKind,
  type MotionProposal,
  type MotionResult,
  type MotionSpec,
  type MotionStatus,
  putToVoteNote,
  quorumOf,
  voteResultNote,
} from '@union/shared';
import { NOTIFICATION_PAGES } from '@union/shared/domain/notifications/index';
import { BatchGetRequest } from 'dynamodb-toolbox/entity/actions/batchGet';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { BatchGetCommand } from 'dynamodb-toolbox/table/actions/batchGet';
import { batchGet, inBatches } from './batch-get';
import { refusal } from './congress-conditions';
import { motionEventTx, votableProposalCheck } from './congress-proposal.repository';
import { requireSession } from './congress-session.repository';
import { DESK_NOW, deskTx } from './desk-counters';
import { CongressMotionEntity, CongressSessionEntity } from './entities/congress.entity';
import { once } from './once';
import { fanoutTx } from './outbox';
import { ALL_PAGES, limitOf, nextCursorOf, type Page, type PageRequest, startKeyOf } from './page';
import { UnionTable } from './table';
import { type LabeledTx, runTransaction, TransactionRefused } from './transactions';

/**
 * Motions (表决 / 分项表决 / 测评 / 选举): created as drafts, opened under the quorum, closed by an
 * officer, their result stored once. A motion on 提案 links them: creating it and storing its
 * result each write a step into every linked proposal's timeline, in the same transaction.
 * Ballots have their own repository (congress-ballot.repository.ts).
 */

const motions = once(() => CongressMotionEntity().build(EntityRepository));

export interface MotionRecord {
  motionId: string;
  sessionId: string;
  orgId: string;
  kind: MotionKind;
  title: string;
  description: string | null;
  /** The 议案's text (a 集体合同草案 …) as entered. */
  draftText: string | null;
  /** The 立案 proposals it is on, with their text as it was when the motion was made. */
  proposals: MotionProposal[];
  spec: MotionSpec;
  status: MotionStatus;
  delegateCount: number | null;
  presentCount: number | null;
  openedAt: string | null;
  closedAt: string | null;
  closedBy: { userId: string; name: string } | null;
  result: MotionResult | null;
  revoteOf: string | null;
  createdAt: string;
}

export type MotionItem = NonNullable<Awaited<ReturnType<ReturnType<typeof motions>['get']>>['Item']>;
export const motionFromItem = (i: MotionItem): MotionRecord => ({
  motionId: i.motionId,
  sessionId: i.sessionId,
  orgId: i.orgId,
  kind: i.kind,
  title: i.title,
  description: i.description ?? null,
  draftText: i.draftText ?? null,
  proposals: i.proposals ? (JSON.parse(i.proposals) as MotionProposal[]) : [],
  spec: JSON.parse(i.spec) as MotionSpec,
  status: i.status,
  delegateCount: i.delegateCount ?? null,
  presentCount: i.presentCount ?? null,
  openedAt: i.openedAt ?? null,
  closedAt: i.closedAt ?? null,
  closedBy: i.closedById !== undefined ? { userId: i.closedById, name: i.closedByName ?? '' } : null,
  result: i.result ? (JSON.parse(i.result) as MotionResult) : null,
  revoteOf: i.revoteOf ?? null,
  createdAt: i.createdAt,
});
const toMotion = motionFromItem;

export type NewMotion = Omit<MotionRecord, 'status' | 'delegateCount' | 'presentCount' | 'openedAt' | 'closedAt' | 'closedBy' | 'result'>;

/**
 * A draft motion. On 提案 it is one transaction: the motion (absent), and for each proposal it
 * links a check that the proposal is still of this session and 立案 (not 办结) with the
 * "提请职代会表决" step of its timeline — so a proposal decided otherwise meanwhile is refused.
 */
export const createMotion = async (m: NewMotion, actorName: string): Promise<MotionRecord> => {
  const motionTx: LabeledTx = {
    label: 'motion',
    tx: CongressMotionEntity()
      .build(PutTransaction)
      .item({
        motionId: m.motionId,
        sessionId: m.sessionId,
        orgId: m.orgId,
        kind: m.kind,
        title: m.title,
        ...(m.description ? { description: m.description } : {}),
        ...(m.draftText ? { draftText: m.draftText } : {}),
        ...(m.proposals.length > 0 ? { proposals: JSON.stringify(m.proposals) } : {}),
        spec: JSON.stringify(m.spec),
        status: 'draft',
        ...(m.revoteOf ? { revoteOf: m.revoteOf } : {}),
        createdAt: m.createdAt,
        gsi1pk: `CONGRESSMOTIONS#${m.sessionId}`,
        gsi1sk: `${m.createdAt}#${m.motionId}`,
      })
      .options({ condition: { attr: 'motionId', exists: false } }),
  };
  const note = putToVoteNote(m);
  try {
    await runTransaction(async () => [
      motionTx,
      ...m.proposals.flatMap((p, i) => [
        votableProposalCheck(p.proposalId, m.sessionId, `proposal:${i}`),
        motionEventTx(p.proposalId, { type: 'put-to-vote', note, actorName, at: m.createdAt, motionId: m.motionId }, `event:${i}`),
      ]),
    ]);
  } catch (e) {
    throw refusal(e, {
      motion: () => new DomainError('MOTION_EXISTS', '表决事项已存在', { field: 'motionId' }),
      proposal: () =>
        new DomainError('PROPOSAL_NOT_VOTABLE', '关联提案：提案已不在“已立案”状态或不属于本次会议，请刷新后重试', {
          field: 'proposalIds',
        }),
    });
  }
  return requireMotion(m.motionId, true);
};

export const getMotion = async (motionId: string, consistent = false): Promise<MotionRecord | null> => {
  const { Item } = await motions().get({ motionId }, { consistent });
  return Item ? toMotion(Item) : null;
};

export const requireMotion = async (motionId: string, consistent = false): Promise<MotionRecord> => {
  const m = await getMotion(motionId, consistent);
  if (!m) throw new DomainError('MOTION_NOT_FOUND', '表决事项不存在', { field: 'motionId' });
  return m;
};

/** What never changes about a motion once it is created: no write touches them (a revote is a new motion). */
export type MotionTerms = Pick<MotionRecord, 'motionId' | 'sessionId' | 'orgId' | 'spec'>;

/** Terms a warm function keeps (a motion's spec is at most a few KB); past it the oldest go. */
const TERMS_KEPT = 500;
const keptTerms = new Map<string, MotionTerms>();

/**
 * A motion's terms (its session, org and spec), read once per warm function and then kept: they are
 * immutable, so a ballot needs no read of its motion after the function's first. What may change (open,
 * closed) is never kept: the ballot's transaction checks it. MOTION_NOT_FOUND is not kept either.
 */
export const requireMotionTerms = async (motionId: string): Promise<MotionTerms> => {
  const kept = keptTerms.get(motionId);
  if (kept) return kept;
  const m = await requireMotion(motionId);
  const terms: MotionTerms = { motionId: m.motionId, sessionId: m.sessionId, orgId: m.orgId, spec: m.spec };
  if (keptTerms.size >= TERMS_KEPT) {
    const oldest = keptTerms.keys().next().value;
    if (oldest !== undefined) keptTerms.delete(oldest);
  }
  keptTerms.set(motionId, terms);
  return terms;
};

/** Motions by id, in one BatchGetItem per 100 (at once); absent ones are left out. */
export const getMotions = async (motionIds: readonly string[]): Promise<Map<string, MotionRecord>> => {
  const found = await inBatches(motionIds, async (ids) => {
    const { Responses } = await batchGet(
      UnionTable.build(BatchGetCommand).requests(...ids.map((motionId) => CongressMotionEntity().build(BatchGetRequest).key({ motionId }))),
    );
    return Responses[0].filter((i): i is MotionItem => i !== undefined);
  });
  return new Map(found.map((i) => [i.motionId, toMotion(i)]));
};

/** Every motion of a session (personal data). */
export const listSessionMotions = async (sessionId: string): Promise<MotionRecord[]> => {
  const { Items = [] } = await motions().query({ index: 'gsi1', partition: `CONGRESSMOTIONS#${sessionId}` }, ALL_PAGES);
  return Items.map(toMotion);
};

/** A page of a session's motions, oldest first. */
export const pageSessionMotions = async (sessionId: string, req: PageRequest): Promise<Page<MotionRecord>> => {
  const partition = `CONGRESSMOTIONS#${sessionId}`;
  const { Items = [], LastEvaluatedKey } = await motions().query(
    { index: 'gsi1', partition },
    { limit: limitOf(req), exclusiveStartKey: startKeyOf(req.cursor, 'gsi1', partition) },
  );
  return { items: Items.map(toMotion), nextCursor: nextCursorOf(LastEvaluatedKey) };
};

/** The refusal of an open below the quorum, with the numbers (第二十条). */
const quorumRefusal = (rosterCount: number, signedIn: number) =>
  rosterCount === 0
    ? new DomainError('QUORUM_NOT_MET', '代表名单为空，不能开始表决', { field: 'sessionId' })
    : new DomainError(
        'QUORUM_NOT_MET',
        `已签到 ${signedIn} 人，未达到法定人数 ${quorumOf(rosterCount)} 人（全体代表 ${rosterCount} 人的三分之二），不能开始表决`,
        { field: 'sessionId', details: { rosterCount, signedInCount: signedIn, quorum: quorumOf(rosterCount) } },
      );

/**
 * Opens a draft motion. The session update is conditioned on "N is what we read and at least
 * ⌈2N/3⌉ delegates are signed in" — the quorum is the store's condition, not a handler's check —
 * and it locks the roster so N cannot change under an open vote. In the same transaction, the
 * fan-out that tells the session's signed-in delegates (表决已开始, the 投票 tab).
 */
export const openMotion = async (motionId: string, now: Date): Promise<MotionRecord> => {
  let seen = { rosterCount: 0, signedInCount: 0 };
  try {
    await runTransaction(async () => {
      const motion = await requireMotion(motionId, true);
      const session = await requireSession(motion.sessionId, true);
      const n = session.rosterCount;
      seen = { rosterCount: n, signedInCount: session.signedInCount };
      if (motion.status !== 'draft') throw new TransactionRefused(['motion']);
      if (n === 0 || session.signedInCount < quorumOf(n)) throw new TransactionRefused(['quorum']);
      return [
        {
          label: 'motion',
          tx: CongressMotionEntity()
            .build(UpdateTransaction)
            .item({ motionId, status: 'open', delegateCount: n, openedAt: now.toISOString() })
            .options({ condition: { attr: 'status', eq: 'draft' } }),
        },
        {
          label: 'session',
          tx: CongressSessionEntity()
            .build(UpdateTransaction)
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
        fanoutTx(
          {
            event: 'motionOpened',
            facts: { subject: motion.title },
            page: NOTIFICATION_PAGES.voteTab(),
            audience: { kind: 'sessionSignedIn', sessionId: session.sessionId },
          },
          now,
        ),
        // 待办: a 表决 open now, at the session's org (docs/ARCHITECTURE.md, Desk counters).
        deskTx(motion.orgId, DESK_NOW, { 'open:motions': 1 }),
      ];
    }, ['session']);
  } catch (e) {
    throw refusal(e, {
      motion: () => new DomainError('MOTION_NOT_DRAFT', '该事项已开始或已结束，不能再次开始', { field: 'motionId' }),
      quorum: () => quorumRefusal(seen.rosterCount, seen.signedInCount),
      session: () => quorumRefusal(seen.rosterCount, seen.signedInCount),
    });
  }
  return requireMotion(motionId, true);
};

/** The session's start year of a date `YYYY-MM-DD`: the YEAR item its closed motions count in. */
export const sessionYearOf = (startDate: string): number => Number(startDate.slice(0, 4));

const motionPlace = async (motionId: string) => {
  const m = await requireMotion(motionId, true);
  return { orgId: m.orgId, sessionYear: sessionYearOf((await requireSession(m.sessionId, true)).startDate) };
};

/**
 * Closes voting: status open → closed on condition, after which no ballot transaction can pass.
 * Records who closed it and how many were signed in (会议纪要).
 */
export const closeMotionVoting = async (
  motionId: string,
  presentCount: number,
  closer: { userId: string; name: string },
  now: Date,
  /**
   * The motion's org (the session's) and the year its session began, when the caller read them: its
   * open-motions count goes down with the close, and its closed motions of that year up.
   */
  at?: { orgId: string; sessionYear: number },
): Promise<void> => {
  // One transaction: the close and the org's counters (Desk counters).
  const { orgId: motionOrg, sessionYear } = at ?? (await motionPlace(motionId));
  try {
    await runTransaction(async () => [
      {
        label: 'motion',
        tx: CongressMotionEntity()
          .build(UpdateTransaction)
          .item({
            motionId,
            status: 'closed',
            closedAt: now.toISOString(),
            presentCount,
            closedById: closer.userId,
            closedByName: closer.name,
          })
          .options({ condition: { attr: 'status', eq: 'open' } }),
      },
      deskTx(motionOrg, DESK_NOW, { 'open:motions': -1 }),
      // 数据看板: which orgs' sessions of a year hold closed motions (their turnout is read from the motions).
      deskTx(motionOrg, sessionYear, { 'motions:closed': 1 }),
    ]);
  } catch (e) {
    if (e instanceof TransactionRefused) throw new DomainError('MOTION_NOT_OPEN', '该事项不在投票中，不能结束', { field: 'motionId' });
    throw e;
  }
};

/**
 * Writes the result of a closed motion once ("absent" condition): results are immutable. In the
 * same transaction, each linked proposal's timeline gets the result ("表决结果", per item for a
 * 分项表决), under a key made of the close time and the motion, so it is written once too; and the
 * fan-out that tells the session's signed-in delegates the results are published (表决结果已公布).
 * Returns the stored result, whoever wrote it first.
 */
export const storeMotionResult = async (m: MotionRecord, result: MotionResult): Promise<MotionResult> => {
  const at = m.closedAt ?? new Date().toISOString();
  try {
    await runTransaction(async () => [
      {
        label: 'motion',
        tx: CongressMotionEntity()
          .build(UpdateTransaction)
          .item({ motionId: m.motionId, result: JSON.stringify(result) })
          .options({
            condition: {
              and: [
                { attr: 'status', eq: 'closed' },
                { attr: 'result', exists: false },
              ],
            },
          }),
      },
      ...m.proposals.map((p, i) =>
        motionEventTx(
          p.proposalId,
          {
            type: 'vote-result',
            note: voteResultNote(m.title, result, p.proposalId),
            actorName: m.closedBy?.name ?? '',
            at,
            motionId: m.motionId,
          },
          `event:${i}`,
        ),
      ),
      fanoutTx(
        {
          event: 'motionResults',
          facts: { subject: m.title },
          page: NOTIFICATION_PAGES.motionResults(m.motionId),
          audience: { kind: 'sessionSignedIn', sessionId: m.sessionId },
        },
        new Date(at),
      ),
    ]);
    return result;
  } catch (e) {
    if (!(e instanceof TransactionRefused)) throw e;
    const stored = await requireMotion(m.motionId, true);
    if (!stored.result) throw new DomainError('MOTION_NOT_CLOSED', '该事项尚未结束', { field: 'motionId' });
    return stored.result;
  }
};
