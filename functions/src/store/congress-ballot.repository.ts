import { type BallotChoice, DomainError } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { ConditionCheck } from 'dynamodb-toolbox/entity/actions/transactCheck';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { memberOfOrgCheck, notMember, refusal } from './congress-conditions';
import { type MotionRecord, motionFromItem } from './congress-motion.repository';
import {
  CongressBallotAnswerEntity,
  CongressBallotEntity,
  CongressDelegateEntity,
  CongressMotionEntity,
  CongressVotedEntity,
} from './entities/congress.entity';
import { once } from './once';
import { ALL_PAGES } from './page';
import { UnionTable } from './table';
import { runTransaction } from './transactions';

/**
 * Ballots (无记名投票): the VOTED# marker that says a delegate voted (never how), the anonymous
 * ballot under its random receipt code, and the sealed first answer of a request with an
 * Idempotency-Key — all three written by one transaction, which is the whole ballot path.
 */

const voted = once(() => CongressVotedEntity().build(EntityRepository));
const ballots = once(() => CongressBallotEntity().build(EntityRepository));
const answers = once(() => CongressBallotAnswerEntity().build(EntityRepository));

/** The motions a person voted in, by id (their VOTED# markers, gsi1; every page). */
export const listMotionIdsVotedBy = async (userId: string): Promise<string[]> => {
  const { Items = [] } = await voted().query({ index: 'gsi1', partition: `VOTER#${userId}` }, ALL_PAGES);
  return Items.map((v) => v.motionId);
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
      motion = motionFromItem(stored);
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
