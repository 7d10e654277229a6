import {
  type BallotChoice,
  DomainError,
  type MotionKind,
  type MotionResult,
  type MotionSpec,
  type MotionStatus,
  quorumOf,
} from '@union/shared';
import { BatchGetRequest } from 'dynamodb-toolbox/entity/actions/batchGet';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { ConditionCheck } from 'dynamodb-toolbox/entity/actions/transactCheck';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { BatchGetCommand } from 'dynamodb-toolbox/table/actions/batchGet';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { batchGet, inBatches } from './batch-get';
import { memberOfOrgCheck, notMember, refusal, requireSession } from './congress.repository';
import {
  CongressBallotAnswerEntity,
  CongressBallotEntity,
  CongressDelegateEntity,
  CongressMotionEntity,
  CongressSessionEntity,
  CongressVotedEntity,
} from './entities/congress.entity';
import { isConditionFailure } from './errors';
import { once } from './once';
import { ALL_PAGES, limitOf, nextCursorOf, type Page, type PageRequest, startKeyOf } from './page';
import { UnionTable } from './table';
import { runTransaction, TransactionRefused } from './transactions';

const motions = once(() => CongressMotionEntity().build(EntityRepository));
const voted = once(() => CongressVotedEntity().build(EntityRepository));
const ballots = once(() => CongressBallotEntity().build(EntityRepository));
const answers = once(() => CongressBallotAnswerEntity().build(EntityRepository));

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

type MotionItem = NonNullable<Awaited<ReturnType<ReturnType<typeof motions>['get']>>['Item']>;
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
  await motions().put(
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
  const { Item } = await motions().get({ motionId }, { consistent });
  return Item ? toMotion(Item) : null;
};

export const requireMotion = async (motionId: string, consistent = false): Promise<MotionRecord> => {
  const m = await getMotion(motionId, consistent);
  if (!m) throw new DomainError('MOTION_NOT_FOUND', '表决事项不存在', { field: 'motionId' });
  return m;
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

/** The motions a person voted in, by id (their VOTED# markers, gsi1; every page). */
export const listMotionIdsVotedBy = async (userId: string): Promise<string[]> => {
  const { Items = [] } = await voted().query({ index: 'gsi1', partition: `VOTER#${userId}` }, ALL_PAGES);
  return Items.map((v) => v.motionId);
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

/** How a motion's vote stands for one delegate: how many have voted, and whether they have. */
export interface Voting {
  turnout: number;
  hasVoted: boolean;
}

const votingOf = (voters: ReadonlyArray<{ userId: string }>, userId: string): Voting => ({
  turnout: voters.length,
  hasVoted: voters.some((v) => v.userId === userId),
});

/**
 * Turnout and "has `userId` voted" from the motion's VOTED# markers (ids only, never a choice), in
 * one strongly consistent query (every page).
 */
export const getVoting = async (motionId: string, userId: string): Promise<Voting> => {
  const { Items = [] } = await voted().query(
    { partition: `MOTION#${motionId}`, range: { beginsWith: 'VOTED#' } },
    { consistent: true, attributes: ['userId'], ...ALL_PAGES },
  );
  return votingOf(Items, userId);
};

/**
 * A motion and how its vote stands for `userId`: the item collection MOTION#id — the motion (META)
 * and its VOTED# markers — in one strongly consistent query. null when there is no such motion.
 */
export const getMotionWithVoting = async (motionId: string, userId: string): Promise<{ motion: MotionRecord; voting: Voting } | null> => {
  const { Items = [] } = await UnionTable.build(QueryCommand)
    .entities(CongressMotionEntity(), CongressVotedEntity())
    .query({ partition: `MOTION#${motionId}` })
    .options({ consistent: true, showEntityAttr: true, ...ALL_PAGES })
    .send();
  let motion: MotionRecord | null = null;
  const voters: Array<{ userId: string }> = [];
  for (const item of Items) {
    if (item.entity === 'CongressMotion') {
      const { entity: _entity, ...stored } = item;
      motion = toMotion(stored);
    } else voters.push(item);
  }
  return motion ? { motion, voting: votingOf(voters, userId) } : null;
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
        tx: CongressVotedEntity()
          .build(PutTransaction)
          .item({ motionId: motion.motionId, userId, gsi1pk: `VOTER#${userId}`, gsi1sk: motion.motionId })
          .options({ condition: { attr: 'userId', exists: false } }),
      },
      {
        label: 'ballot',
        tx: CongressBallotEntity()
          .build(PutTransaction)
          .item({ motionId: motion.motionId, receiptCode: input.receiptCode, choice: JSON.stringify(input.choice) })
          .options({ condition: { attr: 'receiptCode', exists: false } }),
      },
      {
        label: 'motion',
        tx: CongressMotionEntity().build(ConditionCheck).key({ motionId: motion.motionId }).condition({ attr: 'status', eq: 'open' }),
      },
      memberOfOrgCheck(userId, motion.orgId, 'member'),
      {
        label: 'delegate',
        tx: CongressDelegateEntity()
          .build(ConditionCheck)
          .key({ sessionId: motion.sessionId, userId })
          .condition({ attr: 'signedInAt', exists: true }),
      },
      ...(input.answer
        ? [
            {
              label: 'answer',
              tx: CongressBallotAnswerEntity()
                .build(PutTransaction)
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
  const { Item } = await answers().get({ requestHash }, { consistent: true });
  if (!Item || (Item.ttl !== undefined && Item.ttl <= epochSeconds(now))) return null;
  return Item.sealed;
};

/** Every ballot of a motion (strongly consistent: used to tally after close). */
export const listBallots = async (motionId: string): Promise<Array<{ receiptCode: string; choice: BallotChoice }>> => {
  const { Items = [] } = await ballots().query(
    { partition: `MOTIONBALLOTS#${motionId}`, range: { beginsWith: 'RECEIPT#' } },
    { ...ALL_PAGES, consistent: true },
  );
  return Items.map((b) => ({ receiptCode: b.receiptCode, choice: JSON.parse(b.choice) as BallotChoice }));
};

/** Closes voting: status open → closed on condition, after which no ballot transaction can pass. */
export const closeMotionVoting = async (motionId: string, presentCount: number, now: Date): Promise<void> => {
  try {
    await motions().update(
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
    await motions().update(
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
