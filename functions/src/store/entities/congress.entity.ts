import { MOTION_KINDS, MOTION_STATUSES, PROPOSAL_STATUSES } from '@union/shared';
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { once } from '../once';
import { UnionTable } from '../table';

/**
 * 职代会 session. rosterCount (N) and signedInCount move only inside the transactions that add a
 * delegate or sign one in; the first motion to open stamps rosterLockedAt, after which N is fixed.
 * Access patterns:
 * - get a session — pk CONGRESS#sessionId, sk META
 * - an org's sessions — gsi1: ORGCONGRESS#orgId / startDate#sessionId
 */
export const CongressSessionEntity = once(
  () =>
    new Entity({
      name: 'CongressSession',
      table: UnionTable,
      timestamps: false,
      schema: item({
        sessionId: string().key(),
        orgId: string(),
        sessionName: string(),
        startDate: string(),
        endDate: string(),
        rosterCount: number(),
        signedInCount: number(),
        rosterLockedAt: string().optional(),
        createdAt: string(),
        gsi1pk: string().optional(),
        gsi1sk: string().optional(),
      }),
      computeKey: ({ sessionId }) => ({ pk: `CONGRESS#${sessionId}`, sk: 'META' }),
    }),
);

/**
 * A delegate on a session's roster (代表), with their 代表团 and 签到 time.
 * Access patterns:
 * - the roster of a session — pk CONGRESS#sessionId, sk begins_with DELEGATE#
 * - is this user a delegate of this session — get pk CONGRESS#sessionId, sk DELEGATE#userId
 * - a user's sessions (投票 tab) — gsi1: DELEGATEOF#userId / sessionId
 */
export const CongressDelegateEntity = once(
  () =>
    new Entity({
      name: 'CongressDelegate',
      table: UnionTable,
      timestamps: false,
      schema: item({
        sessionId: string().key(),
        userId: string().key(),
        displayName: string(),
        memberNumber: string().optional(),
        delegation: string().optional(),
        signedInAt: string().optional(),
        gsi1pk: string().optional(),
        gsi1sk: string().optional(),
      }),
      computeKey: ({ sessionId, userId }) => ({ pk: `CONGRESS#${sessionId}`, sk: `DELEGATE#${userId}` }),
    }),
);

/**
 * How many rosters of one org a user sits on. It moves only in the transactions that add or
 * remove a roster entry, and the one that takes it to zero also takes the delegate grant for the
 * org away: a delegate of two sessions keeps the role until off both rosters.
 * Access pattern: get — pk USER#userId, sk DELEGATESEATS#orgId
 */
export const CongressSeatsEntity = once(
  () =>
    new Entity({
      name: 'CongressSeats',
      table: UnionTable,
      timestamps: false,
      schema: item({
        userId: string().key(),
        orgId: string().key(),
        seats: number(),
      }),
      computeKey: ({ userId, orgId }) => ({ pk: `USER#${userId}`, sk: `DELEGATESEATS#${orgId}` }),
    }),
);

/**
 * 提案. `version` advances with every change (optimistic concurrency: each transition is
 * conditioned on the version it was computed from). Access patterns:
 * - get — pk PROPOSAL#proposalId, sk META
 * - a session's proposals — gsi1: CONGRESSPROPOSALS#sessionId / createdAt#proposalId
 * - a proposer's proposals — gsi2: PROPOSER#userId / createdAt#proposalId
 */
export const CongressProposalEntity = once(
  () =>
    new Entity({
      name: 'CongressProposal',
      table: UnionTable,
      timestamps: false,
      schema: item({
        proposalId: string().key(),
        sessionId: string(),
        orgId: string(),
        title: string(),
        cause: string(),
        suggestion: string(),
        proposerId: string(),
        proposerName: string(),
        status: string().enum(...PROPOSAL_STATUSES),
        cosignCount: number(),
        version: number(),
        department: string().optional(),
        replyDeadline: string().optional(),
        decisionReason: string().optional(),
        reply: string().optional(),
        repliedAt: string().optional(),
        rating: string().optional(),
        /** When its officers were told the reply is overdue (the once-marker of functions/src/jobs/reply-overdue.ts). */
        replyOverdueNotifiedAt: string().optional(),
        createdAt: string(),
        updatedAt: string(),
        gsi1pk: string().optional(),
        gsi1sk: string().optional(),
        gsi2pk: string().optional(),
        gsi2sk: string().optional(),
      }),
      computeKey: ({ proposalId }) => ({ pk: `PROPOSAL#${proposalId}`, sk: 'META' }),
    }),
);

/**
 * 附议: one per (proposal, co-signer), put with "absent" so nobody co-signs twice.
 * Access patterns:
 * - a proposal's co-signers (with the proposal and its timeline) — pk PROPOSAL#id, sk begins_with COSIGN#
 * - what a person co-signed (their personal data) — gsi1: COSIGNER#userId / at#proposalId
 */
export const CongressCosignEntity = once(
  () =>
    new Entity({
      name: 'CongressCosign',
      table: UnionTable,
      timestamps: false,
      schema: item({
        proposalId: string().key(),
        userId: string().key(),
        displayName: string(),
        at: string(),
        gsi1pk: string().optional(),
        gsi1sk: string().optional(),
      }),
      computeKey: ({ proposalId, userId }) => ({ pk: `PROPOSAL#${proposalId}`, sk: `COSIGN#${userId}` }),
    }),
);

/**
 * A step in a proposal's timeline, written in the same transaction as the change it records; a
 * motion's steps (提请表决, 表决结果) name it (`motionId`) and are written by the motion's
 * transactions, under a key of their time and the motion.
 * Access pattern: the timeline — pk PROPOSAL#id, sk begins_with EVENT# (time order).
 */
export const CongressProposalEventEntity = once(
  () =>
    new Entity({
      name: 'CongressProposalEvent',
      table: UnionTable,
      timestamps: false,
      schema: item({
        proposalId: string().key(),
        eventKey: string().key(),
        type: string(),
        note: string(),
        actorName: string(),
        at: string(),
        motionId: string().optional(),
      }),
      computeKey: ({ proposalId, eventKey }) => ({ pk: `PROPOSAL#${proposalId}`, sk: `EVENT#${eventKey}` }),
    }),
);

/**
 * A motion (表决 / 分项表决 / 测评 / 选举). spec, result and the linked proposals (their text as
 * voted on) are JSON (their shape is the domain's). Nothing but the status, the open and close
 * stamps (who closed it, how many were present) and the result is ever written after creation;
 * once closed, `result` is written once (condition: absent) and nothing may change it.
 * Access patterns:
 * - get — pk MOTION#motionId, sk META
 * - a session's motions — gsi1: CONGRESSMOTIONS#sessionId / createdAt#motionId
 */
export const CongressMotionEntity = once(
  () =>
    new Entity({
      name: 'CongressMotion',
      table: UnionTable,
      timestamps: false,
      schema: item({
        motionId: string().key(),
        sessionId: string(),
        orgId: string(),
        kind: string().enum(...MOTION_KINDS),
        title: string(),
        description: string().optional(),
        draftText: string().optional(),
        proposals: string().optional(),
        spec: string(),
        status: string().enum(...MOTION_STATUSES),
        delegateCount: number().optional(),
        presentCount: number().optional(),
        openedAt: string().optional(),
        closedAt: string().optional(),
        closedById: string().optional(),
        closedByName: string().optional(),
        result: string().optional(),
        revoteOf: string().optional(),
        createdAt: string(),
        gsi1pk: string().optional(),
        gsi1sk: string().optional(),
      }),
      computeKey: ({ motionId }) => ({ pk: `MOTION#${motionId}`, sk: 'META' }),
    }),
);

/**
 * "This delegate has voted" — no choice, no time. Written with "absent" in the same
 * transaction as the anonymous ballot: one ballot per delegate per motion.
 * Access patterns:
 * - turnout and "has this user voted", with the motion — query pk MOTION#id (META and the VOTED# markers)
 * - which motions a person voted in (their personal data) — gsi1: VOTER#userId / motionId
 */
export const CongressVotedEntity = once(
  () =>
    new Entity({
      name: 'CongressVoted',
      table: UnionTable,
      timestamps: false,
      schema: item({
        motionId: string().key(),
        userId: string().key(),
        gsi1pk: string().optional(),
        gsi1sk: string().optional(),
      }),
      computeKey: ({ motionId, userId }) => ({ pk: `MOTION#${motionId}`, sk: `VOTED#${userId}` }),
    }),
);

/**
 * An anonymous ballot (无记名投票): keyed by its random receipt code only. No voter id, no
 * user-derived key, no time — nothing orders or links it to a VOTED marker.
 * Access pattern: all ballots of a motion (tally, published receipts) — pk MOTIONBALLOTS#id
 */
export const CongressBallotEntity = once(
  () =>
    new Entity({
      name: 'CongressBallot',
      table: UnionTable,
      timestamps: false,
      schema: item({
        motionId: string().key(),
        receiptCode: string().key(),
        choice: string(),
      }),
      computeKey: ({ motionId, receiptCode }) => ({ pk: `MOTIONBALLOTS#${motionId}`, sk: `RECEIPT#${receiptCode}` }),
    }),
);

/**
 * The first answer to a ballot request, for retries with the same Idempotency-Key. Keyed by
 * HMAC(server secret, userId, motionId, key); the receipt code is sealed under
 * HMAC(server secret, key + voter + motion), so neither the table nor the client's key alone
 * turns it into a voter's choice. Expires at `ttl` (epoch seconds; the table's TTL attribute):
 * a day is long enough for any retry, and readers ignore an expired record DynamoDB has not
 * deleted yet.
 * Access pattern: get — pk BALLOTIDEMP#hash, sk ANSWER
 */
export const CongressBallotAnswerEntity = once(
  () =>
    new Entity({
      name: 'CongressBallotAnswer',
      table: UnionTable,
      timestamps: false,
      schema: item({
        requestHash: string().key(),
        sealed: string(),
        ttl: number().optional(),
      }),
      computeKey: ({ requestHash }) => ({ pk: `BALLOTIDEMP#${requestHash}`, sk: 'ANSWER' }),
    }),
);
