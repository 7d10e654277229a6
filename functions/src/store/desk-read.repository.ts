import { canParent, type Org } from '@union/shared';
import type { PlaceKind } from '@union/shared/domain/card/places';
import { benefitKeyOf } from '@union/shared/domain/card/quota';
import { mapBounded } from '@union/shared/domain/common/map-bounded';
import { type DeskCounters, sumCounters } from '@union/shared/domain/desk/counters';
import type { DashboardBenefitEntry, DashboardMotion } from '@union/shared/domain/desk/dashboard';
import { batchGetItems, type ItemKey } from './batch-get';
import { catalogFromCopy, catalogOfYearKey } from './catalog.repository';
import { listSessionMotions } from './congress-motion.repository';
import { pageOrgSessions } from './congress-session.repository';
import { listChildren } from './org.repository';
import { pageOrgPlaces } from './place.repository';

/**
 * The officer's desk, read side (issue 13; docs/ARCHITECTURE.md "Dashboard"). The counters are kept
 * per org by the transactions that change the state (`DESK#<orgId> / NOW` and `/ YEAR#<yyyy>`, attributes
 * written with ADD, so absent = 0); a subtree's figures are the sum of its orgs' items. Never a scan:
 * the subtree is walked level by level (each level's children queries at once; grassroots and joint
 * unions cannot have children, so they are not asked) and its orgs' items read by key with BatchGetItem
 * (100 keys a call, the calls at once).
 */

export type DeskPeriod = 'NOW' | number;

/** The key of an org's desk item: what is true now, or what happened in a year. */
export const deskItemKey = (orgId: string, period: DeskPeriod): ItemKey => ({
  pk: `DESK#${orgId}`,
  sk: period === 'NOW' ? 'NOW' : `YEAR#${period}`,
});

/** An org of a walked subtree and the child of the root it lies under (null: the root). */
export interface SubtreeOrg {
  org: Org;
  underChild: string | null;
}

/** Orgs whose children are queried at once, at most. */
const CHILD_QUERIES_IN_FLIGHT = 32;

/**
 * The root and every org below it, root first, then level by level (siblings by name): one round trip
 * per level that can have children (the children of each org read to the end).
 */
export const walkSubtreeByLevel = async (root: Org): Promise<SubtreeOrg[]> => {
  const out: SubtreeOrg[] = [{ org: root, underChild: null }];
  let level: SubtreeOrg[] = out.slice();
  while (level.length > 0) {
    const parents = level.filter((s) => canParent(s.org.kind, 'grassroots'));
    const children = await mapBounded(parents, CHILD_QUERIES_IN_FLIGHT, async (p) =>
      (await listChildren(p.org.orgId)).map((org) => ({ org, underChild: p.underChild ?? org.orgId })),
    );
    level = children.flat();
    out.push(...level);
  }
  return out;
};

export interface DeskItems {
  /** Each org's NOW item, as read (absent: undefined). */
  now: Map<string, Record<string, unknown> | undefined>;
  /** Each org's YEAR#<year> item. */
  year: Map<string, Record<string, unknown> | undefined>;
  /** The items of `extraKeys`, in their order. */
  extra: Array<Record<string, unknown> | undefined>;
}

/**
 * The NOW and YEAR#<year> items of `orgIds` in one BatchGetItem per 100 keys (all at once).
 * `extraKeys` ride in the same calls (the org's catalog copies).
 */
export const readDeskItems = async (orgIds: readonly string[], year: number, extraKeys: readonly ItemKey[] = []): Promise<DeskItems> => {
  const keys = orgIds.flatMap((id) => [deskItemKey(id, 'NOW'), deskItemKey(id, year)]);
  const items = await batchGetItems([...keys, ...extraKeys]);
  return {
    now: new Map(orgIds.map((id, i) => [id, items[2 * i]])),
    year: new Map(orgIds.map((id, i) => [id, items[2 * i + 1]])),
    extra: items.slice(keys.length),
  };
};

/** The counters of some orgs' items, summed. */
export const sumOf = (items: Map<string, Record<string, unknown> | undefined>, orgIds: readonly string[]): DeskCounters =>
  sumCounters(orgIds.map((id) => items.get(id)));

/** The keys of an org's catalog for a year: the copy of that year's plan, and the latest (when the year has none). */
export const catalogKeysOf = (orgId: string, year: number): ItemKey[] => [
  catalogOfYearKey(orgId, year),
  { pk: `CATALOG#${orgId}`, sk: 'LATEST' },
];

/** The benefits table's entries from the catalog copies read with `catalogKeysOf` (year first, else latest). */
export const benefitEntriesOf = (copies: ReadonlyArray<Record<string, unknown> | undefined>, orgName: string): DashboardBenefitEntry[] => {
  const item = copies.find((c) => c !== undefined);
  if (!item) return [];
  return catalogFromCopy(item).entries.map((e) => ({
    benefitId: e.benefitId,
    benefitKey: benefitKeyOf(e),
    name: e.name,
    orgName,
    quota: e.benefit.quota?.count ?? null,
  }));
};

const SESSION_PAGE = 100;

/**
 * The closed motions (with a stored result) of the org's 职代会 sessions that began in `year`: ballots
 * cast of all N delegates. Sessions come newest first, so the read stops at the first of an earlier year.
 */
export const readYearMotions = async (org: { orgId: string; name: string }, year: number): Promise<DashboardMotion[]> => {
  const { orgId } = org;
  const sessionIds: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await pageOrgSessions(orgId, { cursor, limit: SESSION_PAGE });
    const ofYear = page.items.filter((s) => s.startDate.startsWith(`${year}-`));
    sessionIds.push(...ofYear.map((s) => s.sessionId));
    if (page.items.some((s) => s.startDate < `${year}-`)) break;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const motions = (await Promise.all(sessionIds.map(listSessionMotions))).flat();
  return motions
    .filter((m) => m.status === 'closed' && m.result !== null)
    .sort((a, b) => (a.closedAt ?? '').localeCompare(b.closedAt ?? ''))
    .map((m) => ({
      motionId: m.motionId,
      title: m.title,
      orgName: org.name,
      voted: m.result?.castCount ?? 0,
      eligible: m.result?.delegateCount ?? 0,
      closedAt: m.closedAt ?? '',
    }));
};

/** Orgs whose motions are read at once, at most. */
const MOTION_ORGS_IN_FLIGHT = 16;

/**
 * The closed motions of the subtree's orgs below the root (the root's are read ahead, `readYearMotions`):
 * only of orgs whose YEAR item counts closed motions of sessions that began in the year (`motions:closed`,
 * written with each close), so a district of 200 unions without any reads none. In the same order as
 * `readYearMotions` (by close time), merged with the root's.
 */
export const readSubtreeYearMotions = async (
  yearItems: Map<string, Record<string, unknown> | undefined>,
  orgs: readonly { orgId: string; name: string }[],
  year: number,
): Promise<DashboardMotion[][]> => {
  const holding = orgs.filter((o) => {
    const n = yearItems.get(o.orgId)?.['motions:closed'];
    return typeof n === 'number' && n > 0;
  });
  return mapBounded(holding, MOTION_ORGS_IN_FLIGHT, (o) => readYearMotions(o, year));
};

const PLACE_PAGE = 100;

/** The kinds of the org's open places (every page). */
export const readOpenPlaceKinds = async (orgId: string): Promise<PlaceKind[]> => {
  const kinds: PlaceKind[] = [];
  let cursor: string | undefined;
  do {
    const page = await pageOrgPlaces(orgId, { cursor, limit: PLACE_PAGE });
    for (const p of page.items) if (p.status === 'open') kinds.push(p.kind);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return kinds;
};
