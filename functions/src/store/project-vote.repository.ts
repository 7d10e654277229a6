import { DomainError, type Page } from '@union/shared';
import type { ProjectCandidateRequest } from '@union/shared/contracts/projects.contract';
import { mergeTallies, type ProjectVoteTally, tallyProjectVote } from '@union/shared/domain/projects/index';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { batchGetItems } from './batch-get';
import { refusal } from './congress-conditions';
import { ProjectBallotEntity, ProjectVotedEntity, ProjectVoteEntity } from './entities/project.entity';
import { isConditionFailure } from './errors';
import { countSubtreeMembers } from './member-count';
import { once } from './once';
import { ALL_PAGES, limitOf, nextCursorOf, type PageRequest, startKeyOf } from './page';
import { CALL_WAIT_LABEL, readCallWait, shortlistCallTxs } from './project-call-wait';
import { memberInSubtreeCheck, notInSubtree } from './project-conditions';
import { openingTxs } from './project-openings';
import { tableName } from './table';
import { rawTx, runTransaction, TransactionRefused } from './transactions';

/**
 * 遴选: the member vote on a shortlist of 实事 (PVOTE#voteId), its anonymous ballots spread over
 * PROJECT_BALLOT_SHARDS partitions, each member's VOTED marker in their own partition, and the
 * plan document an adoption writes. No item is written by every ballot: the count is taken from
 * the ballots at close (docs/ARCHITECTURE.md, 实事 vote).
 */

export const PROJECT_BALLOT_SHARDS = 16;

const shards = () => Array.from({ length: PROJECT_BALLOT_SHARDS }, (_, s) => String(s));

/**
 * Each ballot shard's gate (PVOTEBALLOTS#voteId#shard / GATE, `open`): the "vote is open" a ballot's
 * transaction checks, in the ballot's own partition, so no single item is checked by every ballot
 * (a ConditionCheck is billed as a write of the item it checks). The close shuts all gates at once.
 */
const gateKey = (voteId: string, shard: string) => ({ pk: `PVOTEBALLOTS#${voteId}#${shard}`, sk: 'GATE' });

const votes = once(() => ProjectVoteEntity().build(EntityRepository));
const ballots = once(() => ProjectBallotEntity().build(EntityRepository));

export type StoredCandidate = Omit<ProjectCandidateRequest, 'target' | 'amountYuan'> & {
  projectId: string;
  target: ProjectCandidateRequest['target'] | null;
  amountYuan: number | null;
};

export interface VoteRecord {
  voteId: string;
  orgId: string;
  orgName: string;
  orgDepth: number;
  title: string;
  year: number;
  callId: string | null;
  opensAt: string;
  closesAt: string;
  maxPicks: number;
  projects: StoredCandidate[];
  status: 'open' | 'closing' | 'closed';
  /** The count at close, with `eligible`: the subtree's active members then. */
  tally: (ProjectVoteTally & { eligible?: number }) | null;
  closedAt: string | null;
  closedByName: string | null;
  adoptedProjectIds: string[] | null;
  adoptedAt: string | null;
  adoptedByName: string | null;
  planDocumentId: string | null;
  createdByName: string;
  createdAt: string;
}

type VoteItem = NonNullable<Awaited<ReturnType<ReturnType<typeof votes>['get']>>['Item']>;

const toVote = (i: VoteItem): VoteRecord => ({
  voteId: i.voteId,
  orgId: i.orgId,
  orgName: i.orgName,
  orgDepth: i.orgDepth,
  title: i.title,
  year: i.year,
  callId: i.callId ?? null,
  opensAt: i.opensAt,
  closesAt: i.closesAt,
  maxPicks: i.maxPicks,
  projects: JSON.parse(i.projects) as StoredCandidate[],
  status: i.status,
  tally: i.tally ? (JSON.parse(i.tally) as ProjectVoteTally) : null,
  closedAt: i.closedAt ?? null,
  closedByName: i.closedByName ?? null,
  adoptedProjectIds: i.adoptedProjectIds ?? null,
  adoptedAt: i.adoptedAt ?? null,
  adoptedByName: i.adoptedByName ?? null,
  planDocumentId: i.planDocumentId ?? null,
  createdByName: i.createdByName,
  createdAt: i.createdAt,
});

export const createVote = async (input: {
  voteId: string;
  org: { orgId: string; name: string; ancestors: readonly string[] };
  request: { title: string; year: number; callId?: string | undefined; opensAt: string; closesAt: string; maxPicks: number };
  projects: StoredCandidate[];
  officer: { userId: string; displayName: string };
  now: Date;
}): Promise<VoteRecord> => {
  const { org, request, officer, now } = input;
  const item = {
    voteId: input.voteId,
    orgId: org.orgId,
    orgName: org.name,
    orgDepth: org.ancestors.length,
    title: request.title,
    year: request.year,
    ...(request.callId ? { callId: request.callId } : {}),
    opensAt: new Date(request.opensAt).toISOString(),
    closesAt: new Date(request.closesAt).toISOString(),
    maxPicks: request.maxPicks,
    projects: JSON.stringify(input.projects),
    status: 'open' as const,
    createdById: officer.userId,
    createdByName: officer.displayName,
    createdAt: now.toISOString(),
  };
  // Its subtree's members are told it opens: now, or when it does (project-openings.ts).
  const opening = openingTxs(
    { kind: 'projectVoteOpens', id: item.voteId, orgId: org.orgId, title: item.title, opensAt: item.opensAt },
    now,
  );
  await runTransaction(async () => {
    // A vote made from a call shortlists it: its unmerged suggestions stop waiting, counted as read just
    // before (the condition; a suggestion or merge meanwhile builds it again: project-call-wait.ts).
    const call = request.callId ? await readCallWait(request.callId) : null;
    if (request.callId && !call) throw new DomainError('CALL_NOT_FOUND', '没有找到该实事征集', { field: 'callId' });
    return [
      {
        label: 'vote',
        tx: ProjectVoteEntity()
          .build(PutTransaction)
          .item({ ...item, gsi1pk: `ORGPVOTES#${org.orgId}`, gsi1sk: `${item.closesAt}#${item.voteId}` })
          .options({ condition: { attr: 'voteId', exists: false } }),
      },
      ...opening,
      ...shards().map((shard) => ({
        label: 'gate',
        tx: rawTx({ Put: { TableName: tableName(), Item: { ...gateKey(input.voteId, shard), open: true } } }),
      })),
      ...(call ? shortlistCallTxs(call, input.voteId, now) : []),
    ];
  }, [CALL_WAIT_LABEL]);
  return (await getVote(input.voteId, true)) as VoteRecord;
};

export const getVote = async (voteId: string, consistent = false): Promise<VoteRecord | null> => {
  const { Item } = await votes().get({ voteId }, { consistent });
  return Item ? toVote(Item) : null;
};

export const requireVote = async (voteId: string, consistent = false): Promise<VoteRecord> => {
  const vote = await getVote(voteId, consistent);
  if (!vote) throw new DomainError('VOTE_NOT_FOUND', '没有找到该实事投票', { field: 'voteId' });
  return vote;
};

/** An org's votes, latest closing first, one page. */
export const pageOrgVotes = async (orgId: string, req: PageRequest): Promise<Page<VoteRecord>> => {
  const partition = `ORGPVOTES#${orgId}`;
  const { Items = [], LastEvaluatedKey } = await votes().query(
    { index: 'gsi1', partition },
    { reverse: true, limit: limitOf(req), exclusiveStartKey: startKeyOf(req.cursor, 'gsi1', partition) },
  );
  return { items: Items.map(toVote), nextCursor: nextCursorOf(LastEvaluatedKey) };
};

/** The votes of every org of a lineage closing at or after `since`, latest closing first (one query per org, at once, each to its end). */
export const listLineageVotes = async (orgIds: readonly string[], since: string): Promise<VoteRecord[]> => {
  const perOrg = await Promise.all(
    orgIds.map((orgId) =>
      votes().query({ index: 'gsi1', partition: `ORGPVOTES#${orgId}`, range: { gte: since } }, { reverse: true, ...ALL_PAGES }),
    ),
  );
  return perOrg.flatMap((r) => (r.Items ?? []).map(toVote)).sort((a, b) => b.closesAt.localeCompare(a.closesAt));
};

const voted = once(() => ProjectVotedEntity().build(EntityRepository));

/** Every vote the member has voted in (their VOTED markers, in their own partition: one query, to its end). */
export const allVotedIn = async (userId: string): Promise<Set<string>> => {
  const { Items = [] } = await voted().query(
    { partition: `USER#${userId}`, range: { beginsWith: 'PVOTED#' } },
    { consistent: true, attributes: ['voteId'], ...ALL_PAGES },
  );
  return new Set(Items.map((i) => i.voteId));
};

/** Which of the votes the member has voted in (their VOTED markers: one BatchGetItem). */
export const votedIn = async (userId: string, voteIds: readonly string[]): Promise<Set<string>> => {
  if (voteIds.length === 0) return new Set();
  const found = await batchGetItems(
    voteIds.map((id) => ({ pk: `USER#${userId}`, sk: `PVOTED#${id}` })),
    { attributes: ['pk', 'sk'], consistent: true },
  );
  return new Set(voteIds.filter((_, i) => found[i] !== undefined));
};

/** The ballot partition a receipt code falls in. */
export const shardOf = (receiptCode: string): string => String((receiptCode.codePointAt(0) ?? 0) % PROJECT_BALLOT_SHARDS);

/**
 * One anonymous ballot, in one transaction: the member's VOTED marker (absent: one ballot per
 * member), the ballot under its receipt code (no voter, no time), "the vote is open" and "an active
 * member of the vote's subtree". The dates are checked by the caller from the vote (they never change).
 */
export const castProjectBallot = async (input: {
  vote: VoteRecord;
  userId: string;
  picks: string[];
  receiptCode: string;
}): Promise<void> => {
  const { vote, userId } = input;
  try {
    await runTransaction(async () => [
      {
        label: 'voted',
        tx: ProjectVotedEntity()
          .build(PutTransaction)
          .item({ userId, voteId: vote.voteId })
          .options({ condition: { attr: 'userId', exists: false } }),
      },
      {
        label: 'ballot',
        tx: ProjectBallotEntity()
          .build(PutTransaction)
          .item({ voteId: vote.voteId, shard: shardOf(input.receiptCode), receiptCode: input.receiptCode, picks: input.picks })
          .options({ condition: { attr: 'receiptCode', exists: false } }),
      },
      {
        label: 'vote',
        tx: rawTx({
          ConditionCheck: {
            TableName: tableName(),
            Key: gateKey(vote.voteId, shardOf(input.receiptCode)),
            ConditionExpression: '#open = :open',
            ExpressionAttributeNames: { '#open': 'open' },
            ExpressionAttributeValues: { ':open': true },
          },
        }),
      },
      memberInSubtreeCheck(userId, vote),
    ]);
  } catch (e) {
    throw refusal(e, {
      voted: () => new DomainError('VOTE_ALREADY_CAST', '您已投过票，每位会员只能投一次', { field: 'voteId' }),
      vote: () => new DomainError('VOTE_NOT_OPEN', '投票已结束', { field: 'voteId' }),
      member: () => notInSubtree('voteId', '参加投票'),
      ballot: () => new DomainError('RECEIPT_COLLISION', '回执码冲突，请重试'),
    });
  }
};

/** The ballot under a receipt code (its picks only), or null. */
export const getBallotByReceipt = async (voteId: string, receiptCode: string): Promise<string[] | null> => {
  const { Item } = await ballots().get({ voteId, shard: shardOf(receiptCode), receiptCode });
  return Item ? Item.picks : null;
};

/** Counts one shard's ballots, every page, strongly consistent. */
const tallyShard = async (vote: VoteRecord, shard: string): Promise<ProjectVoteTally> => {
  const { Items = [] } = await ballots().query(
    { partition: `PVOTEBALLOTS#${vote.voteId}#${shard}`, range: { beginsWith: 'RECEIPT#' } },
    { consistent: true, attributes: ['picks'], ...ALL_PAGES },
  );
  return tallyProjectVote(
    vote.projects.map((p) => p.projectId),
    Items.map((b) => b.picks),
  );
};

/**
 * Closes a vote: open → closing (no ballot is taken after this: each carries "status is open"),
 * then the ballots of every shard are counted (all at once, each to its end) and the tally is
 * stored with closed. A close cut short after the first step is finished by the same request again.
 */
export const closeProjectVote = async (input: { voteId: string; byName: string; now: Date }): Promise<VoteRecord> => {
  const shut = (metaCondition: string) =>
    runTransaction(async () => [
      {
        label: 'vote',
        tx: rawTx({
          Update: {
            TableName: tableName(),
            Key: { pk: `PVOTE#${input.voteId}`, sk: 'META' },
            UpdateExpression: 'SET #status = :closing',
            ConditionExpression: metaCondition,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':closing': 'closing', ...(metaCondition.includes(':open') ? { ':open': 'open' } : {}) },
          },
        }),
      },
      ...shards().map((shard) => ({
        label: 'gate',
        tx: rawTx({
          Update: {
            TableName: tableName(),
            Key: gateKey(input.voteId, shard),
            UpdateExpression: 'SET #open = :false',
            ExpressionAttributeNames: { '#open': 'open' },
            ExpressionAttributeValues: { ':false': false },
          },
        }),
      })),
    ]);
  try {
    await shut('#status = :open');
  } catch (e) {
    if (!(e instanceof TransactionRefused)) throw e;
    const current = await requireVote(input.voteId, true);
    if (current.status === 'closed') throw new DomainError('VOTE_CLOSED', '投票已结束，结果已公布', { field: 'voteId' });
    // A close cut short: the gates are shut again (the same writes) before the count.
    await shut('#status = :closing');
  }
  const vote = await requireVote(input.voteId, true);
  // The ballots of every shard and the members of the subtree (who could vote: turnout), all at once.
  const [parts, eligible] = await Promise.all([
    Promise.all(shards().map((shard) => tallyShard(vote, shard))),
    countSubtreeMembers(vote.orgId),
  ]);
  const tally = {
    ...mergeTallies(
      vote.projects.map((p) => p.projectId),
      parts,
    ),
    eligible,
  };
  try {
    await votes().update(
      {
        voteId: input.voteId,
        status: 'closed',
        tally: JSON.stringify(tally),
        closedAt: input.now.toISOString(),
        closedByName: input.byName,
      },
      { condition: { attr: 'status', eq: 'closing' } },
    );
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
  return requireVote(input.voteId, true);
};
