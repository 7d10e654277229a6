import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { once } from '../once';
import { UnionTable } from '../table';

/**
 * 实事 (docs/ARCHITECTURE.md, 实事: 征集 and 遴选).
 *
 * 征集 (a call for suggestions) and its item collection PCALL#callId: the call (META), its
 * suggestions (SUGG#id, ids sort by time), one SUPPORT# marker per member and suggestion, and one
 * AUTHOR# counter per member (how many they suggested).
 * Access patterns:
 * - get a call — pk PCALL#callId, sk META
 * - an org's calls — gsi1: ORGPCALLS#orgId / closesOn#callId
 */
export const ProjectCallEntity = once(
  () =>
    new Entity({
      name: 'ProjectCall',
      table: UnionTable,
      schema: item({
        callId: string().key(),
        orgId: string(),
        orgName: string(),
        /** How many ancestors the org has: where it sits in a member's root-first lineage. */
        orgDepth: number(),
        title: string(),
        brief: string(),
        year: number(),
        opensOn: string(),
        closesOn: string(),
        createdById: string(),
        createdByName: string(),
        createdAt: string(),
        /**
         * Its unmerged suggestions (ADD +1 with a suggestion, −1 with a merge, in their transactions): what the
         * shortlisting takes off the desk's `waiting:suggestions` (project-call.repository.ts). Absent = 0.
         */
        unmerged: number().optional(),
        /** When a member vote was first made from it (遴选): its suggestions no longer wait for an officer. */
        shortlistedAt: string().optional(),
        shortlistVoteId: string().optional(),
        gsi1pk: string().optional(),
        gsi1sk: string().optional(),
      }),
      computeKey: ({ callId }) => ({ pk: `PCALL#${callId}`, sk: 'META' }),
    }),
);

/**
 * A member's suggestion. `supportCount` moves only in the transactions that add a SUPPORT# marker;
 * a merged suggestion keeps `mergedInto` (and its title, for the author) and takes no more support.
 * Access patterns:
 * - a call's suggestions, oldest first — pk PCALL#callId, sk begins SUGG#
 * - a member's suggestions, newest first — gsi1: USERPSUGG#userId / createdAt#suggestionId
 */
export const ProjectSuggestionEntity = once(
  () =>
    new Entity({
      name: 'ProjectSuggestion',
      table: UnionTable,
      schema: item({
        callId: string().key(),
        suggestionId: string().key(),
        authorId: string(),
        authorName: string(),
        title: string(),
        content: string(),
        targetGroup: string(),
        category: string(),
        supportCount: number(),
        mergedInto: string().optional(),
        mergedIntoTitle: string().optional(),
        mergedFrom: list(string()),
        createdAt: string(),
        gsi1pk: string().optional(),
        gsi1sk: string().optional(),
      }),
      computeKey: ({ callId, suggestionId }) => ({ pk: `PCALL#${callId}`, sk: `SUGG#${suggestionId}` }),
    }),
);

/** One member's support of one suggestion (absent → once). Access pattern: get; a suggestion's supporters — begins SUPPORT#id# */
export const ProjectSupportEntity = once(
  () =>
    new Entity({
      name: 'ProjectSupport',
      table: UnionTable,
      timestamps: false,
      schema: item({ callId: string().key(), suggestionId: string().key(), userId: string().key(), at: string() }),
      computeKey: ({ callId, suggestionId, userId }) => ({ pk: `PCALL#${callId}`, sk: `SUPPORT#${suggestionId}#${userId}` }),
    }),
);

/**
 * 遴选: a member vote on a shortlist. The candidates (`projects`, JSON of at most 30) and the dates
 * never change once created; `status` moves open → closing → closed, and the tally (JSON) is written
 * once, with closed. Access patterns:
 * - get a vote — pk PVOTE#voteId, sk META
 * - an org's votes — gsi1: ORGPVOTES#orgId / closesAt#voteId
 */
export const ProjectVoteEntity = once(
  () =>
    new Entity({
      name: 'ProjectVote',
      table: UnionTable,
      schema: item({
        voteId: string().key(),
        orgId: string(),
        orgName: string(),
        orgDepth: number(),
        title: string(),
        year: number(),
        callId: string().optional(),
        opensAt: string(),
        closesAt: string(),
        maxPicks: number(),
        projects: string(),
        status: string().enum('open', 'closing', 'closed'),
        tally: string().optional(),
        closedAt: string().optional(),
        closedByName: string().optional(),
        adoptedProjectIds: list(string()).optional(),
        adoptedAt: string().optional(),
        adoptedByName: string().optional(),
        planDocumentId: string().optional(),
        createdById: string(),
        createdByName: string(),
        createdAt: string(),
        gsi1pk: string().optional(),
        gsi1sk: string().optional(),
      }),
      computeKey: ({ voteId }) => ({ pk: `PVOTE#${voteId}`, sk: 'META' }),
    }),
);

/**
 * That a member voted (never how), in the member's own partition: no item or partition that every
 * ballot writes. Access pattern: get — pk USER#userId, sk PVOTED#voteId
 */
export const ProjectVotedEntity = once(
  () =>
    new Entity({
      name: 'ProjectVoted',
      table: UnionTable,
      timestamps: false,
      schema: item({ userId: string().key(), voteId: string().key() }),
      computeKey: ({ userId, voteId }) => ({ pk: `USER#${userId}`, sk: `PVOTED#${voteId}` }),
    }),
);

/**
 * An anonymous ballot: its random receipt code and the picks, nothing of the voter, no time. Spread
 * over PROJECT_BALLOT_SHARDS partitions by the code's first character, so a burst of ballots writes
 * many partitions; the tally reads each to its end at close.
 * Access pattern: a shard's ballots — pk PVOTEBALLOTS#voteId#shard
 */
export const ProjectBallotEntity = once(
  () =>
    new Entity({
      name: 'ProjectBallot',
      table: UnionTable,
      timestamps: false,
      schema: item({ voteId: string().key(), shard: string().key(), receiptCode: string().key(), picks: list(string()) }),
      computeKey: ({ voteId, shard, receiptCode }) => ({ pk: `PVOTEBALLOTS#${voteId}#${shard}`, sk: `RECEIPT#${receiptCode}` }),
    }),
);

/**
 * A plan document of an org (计划文本): the text an importer reads, here the one an adopted vote
 * writes. Access patterns: get — pk PLANDOC#orgId, sk DOC#documentId; an org's documents — begins DOC#
 */
export const PlanDocumentEntity = once(
  () =>
    new Entity({
      name: 'PlanDocument',
      table: UnionTable,
      schema: item({
        orgId: string().key(),
        documentId: string().key(),
        year: number(),
        title: string(),
        text: string(),
        voteId: string().optional(),
        createdByName: string(),
        createdAt: string(),
      }),
      computeKey: ({ orgId, documentId }) => ({ pk: `PLANDOC#${orgId}`, sk: `DOC#${documentId}` }),
    }),
);
