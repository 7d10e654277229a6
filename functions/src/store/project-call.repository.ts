import { DomainError, type Page } from '@union/shared';
import type { CreateCallRequest, CreateSuggestionRequest } from '@union/shared/contracts/projects.contract';
import { PROJECT_CALL_LIMITS } from '@union/shared/domain/projects/index';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { batchGetItems } from './batch-get';
import { refusal } from './congress-conditions';
import { ProjectCallEntity, ProjectSuggestionEntity, ProjectSupportEntity } from './entities/project.entity';
import { once } from './once';
import { ALL_PAGES, limitOf, nextCursorOf, type PageRequest, startKeyOf } from './page';
import { CALL_WAIT_LABEL, readCallWait, suggestionWaitTxs } from './project-call-wait';
import { memberInSubtreeCheck, notInSubtree } from './project-conditions';
import { callOpensAt, openingTxs } from './project-openings';
import { tableName } from './table';
import { rawTx, runTransaction, TransactionRefused } from './transactions';

/** 实事征集: calls, suggestions, support and merges (the aggregate of PCALL#callId). */

const calls = once(() => ProjectCallEntity().build(EntityRepository));
const suggestions = once(() => ProjectSuggestionEntity().build(EntityRepository));
const supports = once(() => ProjectSupportEntity().build(EntityRepository));

export interface CallRecord {
  callId: string;
  orgId: string;
  orgName: string;
  orgDepth: number;
  title: string;
  brief: string;
  year: number;
  opensOn: string;
  closesOn: string;
  createdByName: string;
  createdAt: string;
  /** When the first member vote was made from it (遴选): its suggestions no longer wait (project-call-wait.ts). */
  shortlistedAt: string | null;
}

export interface SuggestionRecord {
  callId: string;
  suggestionId: string;
  authorId: string;
  authorName: string;
  title: string;
  content: string;
  targetGroup: string;
  category: string;
  supportCount: number;
  mergedInto: string | null;
  mergedIntoTitle: string | null;
  mergedFrom: string[];
  createdAt: string;
}

const toCall = (i: Omit<CallRecord, 'shortlistedAt'> & { shortlistedAt?: string | undefined }): CallRecord => ({
  callId: i.callId,
  orgId: i.orgId,
  orgName: i.orgName,
  orgDepth: i.orgDepth,
  title: i.title,
  brief: i.brief,
  year: i.year,
  opensOn: i.opensOn,
  closesOn: i.closesOn,
  createdByName: i.createdByName,
  createdAt: i.createdAt,
  shortlistedAt: i.shortlistedAt ?? null,
});

type SuggestionItem = Omit<SuggestionRecord, 'mergedInto' | 'mergedIntoTitle'> & { mergedInto?: string; mergedIntoTitle?: string };
const toSuggestion = (i: SuggestionItem): SuggestionRecord => ({
  callId: i.callId,
  suggestionId: i.suggestionId,
  authorId: i.authorId,
  authorName: i.authorName,
  title: i.title,
  content: i.content,
  targetGroup: i.targetGroup,
  category: i.category,
  supportCount: i.supportCount,
  mergedInto: i.mergedInto ?? null,
  mergedIntoTitle: i.mergedIntoTitle ?? null,
  mergedFrom: i.mergedFrom,
  createdAt: i.createdAt,
});

/** Ids that sort by creation time, so a call's suggestions list oldest first (platform/ids.ts). */
export { timeOrderedId } from '../platform/ids';

export const createCall = async (input: {
  callId: string;
  org: { orgId: string; name: string; ancestors: readonly string[] };
  request: CreateCallRequest;
  officer: { userId: string; displayName: string };
  now: Date;
}): Promise<CallRecord> => {
  const { org, request, officer, now } = input;
  const record: CallRecord = {
    callId: input.callId,
    orgId: org.orgId,
    orgName: org.name,
    orgDepth: org.ancestors.length,
    title: request.title,
    brief: request.brief,
    year: request.year,
    opensOn: request.opensOn,
    closesOn: request.closesOn,
    createdByName: officer.displayName,
    createdAt: now.toISOString(),
    shortlistedAt: null,
  };
  const { shortlistedAt: _s, ...stored } = record;
  // Its subtree's members are told it opens: now, or when it does (project-openings.ts).
  const opening = openingTxs(
    { kind: 'projectCallOpens', id: record.callId, orgId: org.orgId, title: record.title, opensAt: callOpensAt(record.opensOn) },
    now,
  );
  await runTransaction(async () => [
    {
      label: 'call',
      tx: ProjectCallEntity()
        .build(PutTransaction)
        .item({
          ...stored,
          createdById: officer.userId,
          gsi1pk: `ORGPCALLS#${org.orgId}`,
          gsi1sk: `${record.closesOn}#${record.callId}`,
        })
        .options({ condition: { attr: 'callId', exists: false } }),
    },
    ...opening,
  ]);
  return record;
};

export const getCall = async (callId: string): Promise<CallRecord | null> => {
  const { Item } = await calls().get({ callId });
  return Item ? toCall(Item) : null;
};

export const requireCall = async (callId: string): Promise<CallRecord> => {
  const call = await getCall(callId);
  if (!call) throw new DomainError('CALL_NOT_FOUND', '没有找到该实事征集', { field: 'callId' });
  return call;
};

/** An org's calls, latest closing first, one page. */
export const pageOrgCalls = async (orgId: string, req: PageRequest): Promise<Page<CallRecord>> => {
  const partition = `ORGPCALLS#${orgId}`;
  const { Items = [], LastEvaluatedKey } = await calls().query(
    { index: 'gsi1', partition },
    { reverse: true, limit: limitOf(req), exclusiveStartKey: startKeyOf(req.cursor, 'gsi1', partition) },
  );
  return { items: Items.map(toCall), nextCursor: nextCursorOf(LastEvaluatedKey) };
};

/**
 * The calls of every org of a member's lineage that close on or after `sinceDay`, latest closing
 * first: one query per org, all at once, each read to its end.
 */
export const listLineageCalls = async (orgIds: readonly string[], sinceDay: string): Promise<CallRecord[]> => {
  const perOrg = await Promise.all(
    orgIds.map((orgId) =>
      calls().query({ index: 'gsi1', partition: `ORGPCALLS#${orgId}`, range: { gte: sinceDay } }, { reverse: true, ...ALL_PAGES }),
    ),
  );
  return perOrg.flatMap((r) => (r.Items ?? []).map(toCall)).sort((a, b) => b.closesOn.localeCompare(a.closesOn));
};

const supportTx = (callId: string, suggestionId: string, userId: string, now: Date) => ({
  label: 'support',
  tx: ProjectSupportEntity()
    .build(PutTransaction)
    .item({ callId, suggestionId, userId, at: now.toISOString() })
    .options({ condition: { attr: 'userId', exists: false } }),
});

/** One more supporter of an unmerged suggestion. */
const countSupportTx = (callId: string, suggestionId: string) => ({
  label: 'suggestion',
  tx: rawTx({
    Update: {
      TableName: tableName(),
      Key: { pk: `PCALL#${callId}`, sk: `SUGG#${suggestionId}` },
      UpdateExpression: 'ADD #n :one',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#merged)',
      ExpressionAttributeNames: { '#n': 'supportCount', '#merged': 'mergedInto' },
      ExpressionAttributeValues: { ':one': 1 },
    },
  }),
});

/**
 * A member's suggestion, in one transaction: the suggestion, the author's own support, the author's
 * count (at most PROJECT_CALL_LIMITS.suggestionsPerMember per call) and "an active member of the
 * call's subtree". The call's dates are checked by the caller (they never change).
 */
export const createSuggestion = async (input: {
  call: CallRecord;
  suggestionId: string;
  author: { userId: string; displayName: string };
  request: CreateSuggestionRequest;
  now: Date;
}): Promise<SuggestionRecord> => {
  const { call, author, request, now } = input;
  const record: SuggestionRecord = {
    callId: call.callId,
    suggestionId: input.suggestionId,
    authorId: author.userId,
    authorName: author.displayName,
    title: request.title,
    content: request.content,
    targetGroup: request.targetGroup,
    category: request.category,
    supportCount: 1,
    mergedInto: null,
    mergedIntoTitle: null,
    mergedFrom: [],
    createdAt: now.toISOString(),
  };
  const { mergedInto: _m, mergedIntoTitle: _t, ...stored } = record;
  // Branches on the call's state as read (the route's read; afresh when the call moved meanwhile).
  let shortlisted = call.shortlistedAt !== null;
  let attempt = 0;
  try {
    await runTransaction(async () => {
      if (attempt++ > 0) shortlisted = (await readCallWait(call.callId))?.shortlisted ?? shortlisted;
      return [
        {
          label: 'create',
          tx: ProjectSuggestionEntity()
            .build(PutTransaction)
            .item({ ...stored, gsi1pk: `USERPSUGG#${author.userId}`, gsi1sk: `${record.createdAt}#${record.suggestionId}` })
            .options({ condition: { attr: 'suggestionId', exists: false } }),
        },
        supportTx(call.callId, record.suggestionId, author.userId, now),
        {
          label: 'quota',
          tx: rawTx({
            Update: {
              TableName: tableName(),
              Key: { pk: `PCALL#${call.callId}`, sk: `AUTHOR#${author.userId}` },
              UpdateExpression: 'ADD #n :one',
              ConditionExpression: 'attribute_not_exists(#n) OR #n < :max',
              ExpressionAttributeNames: { '#n': 'suggestions' },
              ExpressionAttributeValues: { ':one': 1, ':max': PROJECT_CALL_LIMITS.suggestionsPerMember },
            },
          }),
        },
        memberInSubtreeCheck(author.userId, call),
        // The call's unmerged count, and 待办 at the call's org unless the call was shortlisted (Desk counters).
        ...suggestionWaitTxs(call, 1, shortlisted),
      ];
    }, [CALL_WAIT_LABEL]);
  } catch (e) {
    throw refusal(e, {
      member: () => notInSubtree('callId', '提建议'),
      quota: () =>
        new DomainError('SUGGESTION_LIMIT', `每位会员在一次征集中最多提 ${PROJECT_CALL_LIMITS.suggestionsPerMember} 条建议`, {
          field: 'callId',
        }),
      create: () => new DomainError('ID_COLLISION', '编号冲突，请重试'),
    });
  }
  return record;
};

/** A member supports a suggestion once: the marker (absent), the count, "an active member of the subtree". */
export const supportSuggestion = async (input: { call: CallRecord; suggestionId: string; userId: string; now: Date }): Promise<void> => {
  const { call, suggestionId, userId, now } = input;
  try {
    await runTransaction(async () => [
      supportTx(call.callId, suggestionId, userId, now),
      countSupportTx(call.callId, suggestionId),
      memberInSubtreeCheck(userId, call),
    ]);
  } catch (e) {
    throw refusal(e, {
      support: () => new DomainError('ALREADY_SUPPORTED', '您已支持过这条建议', { field: 'suggestionId' }),
      suggestion: () => new DomainError('SUGGESTION_NOT_OPEN', '这条建议不存在或已合并到其他建议', { field: 'suggestionId' }),
      member: () => notInSubtree('callId', '支持建议'),
    });
  }
};

export const getSuggestion = async (callId: string, suggestionId: string, consistent = false): Promise<SuggestionRecord | null> => {
  const { Item } = await suggestions().get({ callId, suggestionId }, { consistent });
  return Item ? toSuggestion(Item) : null;
};

/** A call's suggestions, oldest first, one page. */
export const pageSuggestions = async (callId: string, req: PageRequest): Promise<Page<SuggestionRecord>> => {
  const partition = `PCALL#${callId}`;
  const { Items = [], LastEvaluatedKey } = await suggestions().query(
    { partition, range: { beginsWith: 'SUGG#' } },
    { limit: limitOf(req), exclusiveStartKey: startKeyOf(req.cursor, 'table', partition, 'SUGG#') },
  );
  return { items: Items.map(toSuggestion), nextCursor: nextCursorOf(LastEvaluatedKey) };
};

/** A member's suggestions, newest first, one page. */
export const pageMySuggestions = async (userId: string, req: PageRequest): Promise<Page<SuggestionRecord>> => {
  const partition = `USERPSUGG#${userId}`;
  const { Items = [], LastEvaluatedKey } = await suggestions().query(
    { index: 'gsi1', partition },
    { reverse: true, limit: limitOf(req), exclusiveStartKey: startKeyOf(req.cursor, 'gsi1', partition) },
  );
  return { items: Items.map(toSuggestion), nextCursor: nextCursorOf(LastEvaluatedKey) };
};

/** Every suggestion a member wrote (their personal data: 我的数据, and the retention purge), every page. */
export const listSuggestionsOf = async (userId: string): Promise<SuggestionRecord[]> => {
  const { Items = [] } = await suggestions().query({ index: 'gsi1', partition: `USERPSUGG#${userId}` }, ALL_PAGES);
  return Items.map(toSuggestion);
};

/** Replaces the author's name on a suggestion (the retention purge); the suggestion and its support stay. */
export const anonymiseSuggestionAuthor = async (callId: string, suggestionId: string, name: string): Promise<void> => {
  await suggestions().update({ callId, suggestionId, authorName: name }, { condition: { attr: 'suggestionId', exists: true } });
};

/** Which of `suggestionIds` the member supports (one BatchGetItem of their markers). */
export const supportedBy = async (callId: string, suggestionIds: readonly string[], userId: string): Promise<Set<string>> => {
  if (suggestionIds.length === 0) return new Set();
  const found = await batchGetItems(
    suggestionIds.map((id) => ({ pk: `PCALL#${callId}`, sk: `SUPPORT#${id}#${userId}` })),
    { attributes: ['pk', 'sk'] },
  );
  return new Set(suggestionIds.filter((_, i) => found[i] !== undefined));
};

/**
 * Merges `fromId` into `intoId` (an officer's 合并): the first is marked merged (with where it went,
 * for its author) and takes no more support; the second lists it. Then every supporter of the first
 * becomes one of the second — each a marker (absent) and a count, so a member who supported both
 * counts once. The copy is resumable: the same request again finishes a merge a failure cut short.
 */
export const mergeSuggestions = async (input: { callId: string; fromId: string; intoId: string; now: Date }): Promise<void> => {
  const { callId, fromId, intoId, now } = input;
  const into = await getSuggestion(callId, intoId, true);
  const from = await getSuggestion(callId, fromId, true);
  if (!into) throw new DomainError('SUGGESTION_NOT_FOUND', '没有找到要合并到的建议', { field: 'intoSuggestionId' });
  if (!from) throw new DomainError('SUGGESTION_NOT_FOUND', '没有找到被合并的建议', { field: 'fromSuggestionId' });
  if (from.mergedInto !== null && from.mergedInto !== intoId) {
    throw new DomainError('SUGGESTION_MERGED', `这条建议已合并到《${from.mergedIntoTitle}》`, { field: 'fromSuggestionId' });
  }
  if (from.mergedInto === null) {
    try {
      await runTransaction(async () => {
        const call = await readCallWait(callId);
        if (!call) throw new DomainError('CALL_NOT_FOUND', '没有找到该实事征集', { field: 'callId' });
        return [
          {
            label: 'from',
            tx: rawTx({
              Update: {
                TableName: tableName(),
                Key: { pk: `PCALL#${callId}`, sk: `SUGG#${fromId}` },
                UpdateExpression: 'SET #merged = :into, #mergedTitle = :title',
                ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#merged) AND size(#mergedFrom) = :zero',
                ExpressionAttributeNames: { '#merged': 'mergedInto', '#mergedTitle': 'mergedIntoTitle', '#mergedFrom': 'mergedFrom' },
                ExpressionAttributeValues: { ':into': intoId, ':title': into.title, ':zero': 0 },
              },
            }),
          },
          {
            label: 'into',
            tx: rawTx({
              Update: {
                TableName: tableName(),
                Key: { pk: `PCALL#${callId}`, sk: `SUGG#${intoId}` },
                UpdateExpression: 'SET #mergedFrom = list_append(#mergedFrom, :from)',
                ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#merged)',
                ExpressionAttributeNames: { '#merged': 'mergedInto', '#mergedFrom': 'mergedFrom' },
                ExpressionAttributeValues: { ':from': [fromId] },
              },
            }),
          },
          // The merged suggestion is no longer unmerged, nor waiting unless the call was shortlisted (once: the
          // 'from' update is conditioned on not merged).
          ...suggestionWaitTxs(call, -1, call.shortlisted),
        ];
      }, [CALL_WAIT_LABEL]);
    } catch (e) {
      // The same merge sent twice at once: the other request merged it; this one finishes the copy too.
      const sameMerge =
        e instanceof TransactionRefused && e.failed.includes('from') && (await getSuggestion(callId, fromId, true))?.mergedInto === intoId;
      if (!sameMerge)
        throw refusal(e, {
          from: () =>
            new DomainError('SUGGESTION_MERGED', '被合并的建议已合并到其他建议，或已有建议合并到它', { field: 'fromSuggestionId' }),
          into: () => new DomainError('SUGGESTION_MERGED', '要合并到的建议本身已被合并', { field: 'intoSuggestionId' }),
        });
    }
  }
  const { Items = [] } = await supports().query(
    { partition: `PCALL#${callId}`, range: { beginsWith: `SUPPORT#${fromId}#` } },
    { consistent: true, ...ALL_PAGES },
  );
  for (const s of Items) {
    try {
      await runTransaction(async () => [supportTx(callId, intoId, s.userId, now), countSupportTx(callId, intoId)]);
    } catch (e) {
      const refused = refusal(e, { support: () => new DomainError('ALREADY_SUPPORTED', '') });
      if (!(refused instanceof DomainError)) throw refused;
    }
  }
};
