import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@union/shared';
import type { CatalogVersion } from '@union/shared/contracts/catalog-publish.contract';
import { batchGetItems } from './batch-get';
import { catalogFromCopy, catalogOfYearKey } from './catalog.repository';
import { MEMBER_CLAIM_PREFIX, memberClaimsKey, ORG_QUOTAS_ENTITY, orgQuotasKey, QUOTA_USED_PREFIX } from './entities/claim.entity';
import {
  MARKED_PREFIX,
  MEMBER_SERVICE_ENTITY,
  markedOf,
  memberServiceKey,
  PROGRESS_PREFIX,
  progressRecordSk,
  progressRecordsPk,
  type RecordedProgress,
  recordedProgressOf,
  SERVED_PREFIX,
} from './entities/project-progress.entity';
import { memberInSubtreeCheck } from './project-conditions';
import { getDocumentClient, tableName } from './table';
import { rawTx, runTransaction, TransactionRefused } from './transactions';

/**
 * 实事 过程管理 (progress records of published entries) and the officers' "served" marks; the keys and
 * why they sit where they do: entities/project-progress.entity.ts.
 */

export interface ProgressRecord {
  benefitKey: string;
  benefitId: string;
  benefitName: string;
  seq: number;
  done: number;
  on: string;
  note: string;
  byName: string;
  at: string;
}

const MAX_ATTEMPTS = 60;

/**
 * Appends a progress record of an entry: the record (put if absent, at the next sequence number) and
 * the copy of the latest on the publisher's quota item, conditioned on the sequence read. A record
 * another officer appended meanwhile fails that condition: the attempt re-reads and appends after it,
 * so both records are kept and neither overwrites the other.
 */
export const appendProgress = async (input: {
  orgId: string;
  year: string;
  benefit: { benefitKey: string; benefitId: string; name: string };
  done: number;
  on: string;
  note: string;
  by: { userId: string; displayName: string };
  now: Date;
}): Promise<ProgressRecord> => {
  const { orgId, year, benefit } = input;
  let record: ProgressRecord | null = null;
  await runTransaction(
    async () => {
      const [quotas] = await batchGetItems([orgQuotasKey(orgId, year)], { consistent: true });
      const previous = new Map(recordedProgressOf(quotas)).get(benefit.benefitKey);
      const seq = (previous?.seq ?? 0) + 1;
      record = {
        benefitKey: benefit.benefitKey,
        benefitId: benefit.benefitId,
        benefitName: benefit.name,
        seq,
        done: input.done,
        on: input.on,
        note: input.note,
        byName: input.by.displayName,
        at: input.now.toISOString(),
      };
      const latest: RecordedProgress = { done: input.done, on: input.on, seq };
      return [
        {
          label: 'record',
          tx: rawTx({
            Put: {
              TableName: tableName(),
              Item: {
                pk: progressRecordsPk(orgId, year),
                sk: progressRecordSk(benefit.benefitKey, seq),
                _et: 'ProjectProgressRecord',
                ...record,
                byId: input.by.userId,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          }),
        },
        {
          label: 'latest',
          tx: rawTx({
            Update: {
              TableName: tableName(),
              Key: orgQuotasKey(orgId, year),
              UpdateExpression: 'SET #p = :p, #et = if_not_exists(#et, :et)',
              ConditionExpression: previous ? '#p.#seq = :prev' : 'attribute_not_exists(#p)',
              ExpressionAttributeNames: {
                '#p': PROGRESS_PREFIX + benefit.benefitKey,
                '#et': '_et',
                ...(previous ? { '#seq': 'seq' } : {}),
              },
              ExpressionAttributeValues: { ':p': latest, ':et': ORG_QUOTAS_ENTITY, ...(previous ? { ':prev': previous.seq } : {}) },
            },
          }),
        },
      ];
    },
    ['record', 'latest'],
    MAX_ATTEMPTS,
  );
  return record as unknown as ProgressRecord;
};

/** An org's progress records of a year, oldest first per entry (every page). */
export const listProgressRecords = async (orgId: string, year: string): Promise<ProgressRecord[]> => {
  const out: ProgressRecord[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await getDocumentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :rec)',
        ExpressionAttributeValues: { ':pk': progressRecordsPk(orgId, year), ':rec': 'REC#' },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const i of page.Items ?? []) {
      out.push({
        benefitKey: String(i.benefitKey),
        benefitId: String(i.benefitId),
        benefitName: String(i.benefitName),
        seq: Number(i.seq),
        done: Number(i.done),
        on: String(i.on),
        note: String(i.note ?? ''),
        byName: String(i.byName),
        at: String(i.at),
      });
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
};

export interface OrgYearCounters {
  /** Approved claims per benefit key (the quota counter). */
  approved: Map<string, number>;
  recorded: Map<string, RecordedProgress>;
  /** Members marked served by an officer, per benefit key. */
  marked: Map<string, number>;
}

export const countersOf = (item: Record<string, unknown> | undefined): OrgYearCounters => {
  const approved = new Map<string, number>();
  for (const [name, value] of Object.entries(item ?? {}))
    if (name.startsWith(QUOTA_USED_PREFIX)) approved.set(name.slice(QUOTA_USED_PREFIX.length), Number(value));
  return { approved, recorded: new Map(recordedProgressOf(item)), marked: markedOf(item) };
};

/** The publisher's counters of a year: one GetItem (strongly consistent). */
export const getOrgYearCounters = async (orgId: string, year: string): Promise<OrgYearCounters> => {
  const [item] = await batchGetItems([orgQuotasKey(orgId, year)], { consistent: true });
  return countersOf(item);
};

/**
 * The catalogs of `year` of some orgs and their counters of that year, in one BatchGetItem: for a
 * member's 实事进度 of a year whose plan is no longer an org's latest (next year's was published).
 */
export const readCatalogsOfYear = async (
  orgIds: readonly string[],
  year: string,
): Promise<Map<string, { catalog: CatalogVersion; counters: OrgYearCounters }>> => {
  const keys = orgIds.flatMap((orgId) => [catalogOfYearKey(orgId, Number(year)), orgQuotasKey(orgId, year)]);
  const items = await batchGetItems(keys);
  const out = new Map<string, { catalog: CatalogVersion; counters: OrgYearCounters }>();
  orgIds.forEach((orgId, i) => {
    const copy = items[2 * i];
    if (copy) out.set(orgId, { catalog: catalogFromCopy(copy), counters: countersOf(items[2 * i + 1]) });
  });
  return out;
};

/**
 * An officer marks a member as served by an entry (for services without a claim): the member's mark
 * (set if absent), one more on the publisher's `marked:` count, the member still in the org's subtree,
 * and no approved claim of the entry that year (an approved claim is served already: counted once).
 */
export const markServed = async (input: {
  org: { orgId: string; orgDepth: number };
  year: string;
  benefitKey: string;
  userId: string;
  by: { userId: string; displayName: string };
  now: Date;
}): Promise<void> => {
  const { org, year, benefitKey, userId } = input;
  try {
    await runTransaction(async () => [
      {
        label: 'served',
        tx: rawTx({
          Update: {
            TableName: tableName(),
            Key: memberServiceKey(userId, year),
            UpdateExpression: 'SET #s = :s, #et = :et',
            ConditionExpression: 'attribute_not_exists(#s)',
            ExpressionAttributeNames: { '#s': SERVED_PREFIX + benefitKey, '#et': '_et' },
            ExpressionAttributeValues: { ':s': { at: input.now.toISOString(), by: input.by.displayName }, ':et': MEMBER_SERVICE_ENTITY },
          },
        }),
      },
      {
        label: 'claim',
        tx: rawTx({
          ConditionCheck: {
            TableName: tableName(),
            Key: memberClaimsKey(userId, year),
            ConditionExpression: 'attribute_not_exists(#c) OR #c.#st <> :approved',
            ExpressionAttributeNames: { '#c': MEMBER_CLAIM_PREFIX + benefitKey, '#st': 'status' },
            ExpressionAttributeValues: { ':approved': 'approved' },
          },
        }),
      },
      {
        label: 'count',
        tx: rawTx({
          Update: {
            TableName: tableName(),
            Key: orgQuotasKey(org.orgId, year),
            UpdateExpression: 'SET #et = if_not_exists(#et, :et) ADD #m :one',
            ExpressionAttributeNames: { '#m': MARKED_PREFIX + benefitKey, '#et': '_et' },
            ExpressionAttributeValues: { ':one': 1, ':et': ORG_QUOTAS_ENTITY },
          },
        }),
      },
      memberInSubtreeCheck(userId, org),
    ]);
  } catch (e) {
    if (e instanceof TransactionRefused) {
      if (e.failed.includes('member')) throw new DomainError('NOT_IN_SUBTREE', '该会员不在本工会及下级工会', { field: 'memberNumber' });
      if (e.failed.includes('served')) throw new DomainError('ALREADY_SERVED', '该会员已标记为已服务', { field: 'memberNumber' });
      if (e.failed.includes('claim'))
        throw new DomainError('ALREADY_SERVED', '该会员的申领已通过，已计为已服务', { field: 'memberNumber' });
    }
    throw e;
  }
};
