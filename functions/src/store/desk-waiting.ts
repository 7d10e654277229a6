import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Org } from '@union/shared';
import { mapBounded } from '@union/shared/domain/common/map-bounded';
import { batchGetItems } from './batch-get';
import { deskCountersOf, deskNowKey } from './desk-counters';
import { listChildren } from './org.repository';
import { getDocumentClient, tableName } from './table';

/**
 * 待办 over an org's subtree (GET /orgs/{orgId}/desk/waiting; docs/ARCHITECTURE.md, Desk counters): the
 * subtree's NOW items summed, and for the queues that hold items the oldest one — never a scan.
 */

/** Queries of one kind in flight at once (child lists, oldest items). */
const IN_FLIGHT = 64;

const inFlight = <T, R>(items: readonly T[], f: (item: T) => Promise<R>): Promise<R[]> => mapBounded(items, IN_FLIGHT, f);

/** Kinds that never have children (org.ts canBeParentOf): their child lists are not read. */
const isLeafKind = (o: Org) => o.kind === 'grassroots' || o.kind === 'joint';

/**
 * The org and every org below it, a level at a time: each level's child lists read at once (64 in
 * flight, each paged to the end), leaves' kinds never asked. Round trips: one per level with children
 * (plus one per further page of 100 children) — a district of 200 unions is 2.
 */
export const subtreeLevels = async (root: Org): Promise<Org[]> => {
  const out: Org[] = [root];
  let level = isLeafKind(root) ? [] : [root];
  while (level.length > 0) {
    const children = (await inFlight(level, (o) => listChildren(o.orgId))).flat();
    out.push(...children);
    level = children.filter((c) => !isLeafKind(c));
  }
  return out;
};

/** A queue the desk reports the oldest item of: its index, the org's partition, the attribute sorted by time. */
export interface WaitingQueue {
  counter: string;
  index: 'gsi1' | 'gsi2';
  partition: (orgId: string) => string;
}

export const WAITING_QUEUES = {
  applications: { counter: 'waiting:applications', index: 'gsi2', partition: (o) => `APPQUEUE#${o}#pending` },
  transfers: { counter: 'waiting:transfers', index: 'gsi2', partition: (o) => `TRANSFERQUEUE#${o}#pending` },
  claims: { counter: 'waiting:claims', index: 'gsi1', partition: (o) => `CLAIMQ#${o}#pending` },
} as const satisfies Record<string, WaitingQueue>;

/** The oldest item's time in one org's queue (its sort key is `<ISO time>#<id>`), or null: one Query, Limit 1. */
const oldestIn = async (q: WaitingQueue, orgId: string): Promise<string | null> => {
  const skName = `${q.index}sk`;
  const out = await getDocumentClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: q.index,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': `${q.index}pk`, '#sk': skName },
      ExpressionAttributeValues: { ':pk': q.partition(orgId) },
      ProjectionExpression: '#sk',
      Limit: 1,
    }),
  );
  const sk = out.Items?.[0]?.[skName];
  return typeof sk === 'string' ? (sk.split('#')[0] ?? null) : null;
};

/** Every org's NOW counters, by org, in BatchGetItem calls of 100 keys, all at once. */
export const readNowCounters = async (orgIds: readonly string[]): Promise<Map<string, Record<string, number>>> => {
  const items = await batchGetItems(orgIds.map(deskNowKey));
  return new Map(orgIds.map((id, i) => [id, deskCountersOf(items[i])]));
};

/**
 * The orgs whose counter is above 0, most first (then by name), at most `shown`, and how many there are:
 * where a subtree's items of a queue are.
 */
export const holdingOrgs = (
  counter: string,
  byOrg: Map<string, Record<string, number>>,
  orgs: readonly Pick<Org, 'orgId' | 'name'>[],
  shown: number,
): { orgs: { orgId: string; orgName: string; count: number }[]; orgsHolding: number } => {
  const holding = orgs
    .map((o) => ({ orgId: o.orgId, orgName: o.name, count: byOrg.get(o.orgId)?.[counter] ?? 0 }))
    .filter((o) => o.count > 0)
    .sort((a, b) => b.count - a.count || a.orgName.localeCompare(b.orgName, 'zh'));
  return { orgs: holding.slice(0, shown), orgsHolding: holding.length };
};

/** The counters summed over the orgs (a negative sum — never expected — reads as 0). */
export const sumCounters = (counters: Iterable<Record<string, number>>): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const c of counters) for (const [k, v] of Object.entries(c)) out[k] = (out[k] ?? 0) + v;
  return out;
};

/**
 * The oldest waiting time of a queue over the orgs whose counter is above 0, oldest first; each org one
 * Query (Limit 1), 64 in flight. Orgs whose counter is 0 are not asked.
 */
export const oldestWaiting = async (q: WaitingQueue, byOrg: Map<string, Record<string, number>>): Promise<string | null> => {
  const holding = [...byOrg].filter(([, c]) => (c[q.counter] ?? 0) > 0).map(([id]) => id);
  const times = (await inFlight(holding, (id) => oldestIn(q, id))).filter((t): t is string => t !== null);
  return times.length > 0 ? times.reduce((a, b) => (a < b ? a : b)) : null;
};
