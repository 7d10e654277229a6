import type { Org } from '@union/shared';
import type { Dashboard } from '@union/shared/contracts/desk.contract';
import { counterOf } from '@union/shared/domain/desk/counters';
import { buildDashboard } from '@union/shared/domain/desk/dashboard';
import {
  benefitEntriesOf,
  catalogKeysOf,
  readDeskItems,
  readOpenPlaceKinds,
  readSubtreeYearMotions,
  readYearMotions,
  sumOf,
  walkSubtreeByLevel,
} from '../../store/desk-read.repository';
import { cursorInvalid, decodeCursor, encodeCursor } from '../../store/page';
import { readAhead } from '../read-ahead';

/** Orgs of the next level down in one answer; more come with `byChildNextCursor`. */
export const BY_CHILD_PAGE = 100;

/** The child a `byChild` page starts after (CURSOR_INVALID unless it names one of the org's children). */
const afterChildOf = (cursor: string | undefined, childIds: readonly string[]): number => {
  if (cursor === undefined) return 0;
  const value = decodeCursor(cursor) as { a?: unknown } | null;
  const at = typeof value === 'object' && value !== null && typeof value.a === 'string' ? childIds.indexOf(value.a) : -1;
  if (at < 0) throw cursorInvalid();
  return at + 1;
};

/**
 * The 数据看板 of `root` for a year: the subtree walked level by level, then its orgs' desk items and
 * the org's catalog copies in one BatchGetItem per 100 keys (at once), beside the org's sessions and
 * places (started with the walk). `scope` picks which orgs' counters are summed; the next level down
 * is shown with its subtree totals either way.
 */
export const readDashboard = async (
  root: Org,
  input: { year: number; scope: Dashboard['scope']; cursor?: string | undefined },
): Promise<Dashboard> => {
  const motions = readAhead(readYearMotions(root, input.year));
  const placeKinds = readAhead(readOpenPlaceKinds(root.orgId));
  const walked = await walkSubtreeByLevel(root);
  const childIds = walked.filter((s) => s.org.parentId === root.orgId).map((s) => s.org.orgId);
  const from = afterChildOf(input.cursor, childIds);
  const ids = walked.map((s) => s.org.orgId);
  const items = await readDeskItems(ids, input.year, catalogKeysOf(root.orgId, input.year));
  const summed = input.scope === 'org' ? [root.orgId] : ids;
  // The subtree's closed motions (scope=subtree): of the orgs below whose YEAR item counts some.
  const below =
    input.scope === 'org'
      ? []
      : await readSubtreeYearMotions(
          items.year,
          walked.slice(1).map((s) => s.org),
          input.year,
        );
  const motionList = [await motions, ...below].flat().sort((a, b) => (a.closedAt ?? '').localeCompare(b.closedAt ?? ''));
  const pageIds = childIds.slice(from, from + BY_CHILD_PAGE);
  const byChild = pageIds.map((childId) => {
    const under = walked.filter((s) => s.underChild === childId).map((s) => s.org.orgId);
    const child = walked.find((s) => s.org.orgId === childId)?.org as Org;
    return { orgId: childId, orgName: child.name, active: Math.max(0, counterOf(sumOf(items.now, under), 'members:active')) };
  });
  const last = pageIds.at(-1);
  return buildDashboard({
    orgId: root.orgId,
    orgName: root.name,
    year: input.year,
    scope: input.scope,
    now: sumOf(items.now, summed),
    yearCounters: sumOf(items.year, summed),
    byChild,
    byChildNextCursor: last !== undefined && from + BY_CHILD_PAGE < childIds.length ? encodeCursor({ a: last }) : null,
    benefits: benefitEntriesOf(items.extra, root.name),
    motions: motionList,
    placeKinds: await placeKinds,
  });
};
