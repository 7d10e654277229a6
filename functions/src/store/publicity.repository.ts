import { type PublicityEntry, type PublicityPeriod, storedPublicityPeriod } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { PublicityEntity } from './entities/claim.entity';
import { once } from './once';
import { cursorInvalid, decodeCursor, encodeCursor, limitOf, type Page, type PageRequest } from './page';

const publicity = once(() => PublicityEntity().build(EntityRepository));

/** 公示: the masked approved list of a benefit an org published, with its 公示期. */
export interface PublicityRecord extends PublicityPeriod {
  benefitId: string;
  orgId: string;
  benefitName: string;
  /** The claim year whose approvals are listed. */
  period: string;
  entries: PublicityEntry[];
  publishedAt: string;
  publishedBy: string;
}

const orgPartition = (orgId: string): string => `PUBLICITYORG#${orgId}`;
/** Ending soonest first; unique within an org (one 公示 per benefit and org). */
const orgSortKey = (p: Pick<PublicityRecord, 'endsOn' | 'benefitId'>): string => `${p.endsOn}#${p.benefitId}`;

type StoredPublicity = PublicityRecord & { startsOn?: string | null; endsOn?: string | null };

const fromStored = (i: StoredPublicity): PublicityRecord => ({
  benefitId: i.benefitId,
  orgId: i.orgId,
  benefitName: i.benefitName,
  period: i.period,
  entries: i.entries.map((e) => ({ maskedName: e.maskedName, orgName: e.orgName, decidedAt: e.decidedAt })),
  publishedAt: i.publishedAt,
  publishedBy: i.publishedBy,
  ...storedPublicityPeriod(i),
});

/** Publishes (or replaces) the 公示 of a benefit by an org, indexed under the org by its last day. */
export const putPublicity = async (p: PublicityRecord): Promise<void> => {
  await publicity().put({ ...p, gsi1pk: orgPartition(p.orgId), gsi1sk: orgSortKey(p) });
};

export const getPublicity = async (benefitId: string, orgId: string): Promise<PublicityRecord | null> => {
  const { Item } = await publicity().get({ benefitId, orgId });
  return Item ? fromStored(Item as StoredPublicity) : null;
};

/** Where each org's list stands: absent from its start, a sort key after which to go on, null when read to its end. */
type Positions = Record<string, string | null>;

const MAX_SORT_KEY = 200;

const positionsOf = (cursor: string | undefined, orgIds: readonly string[]): Positions => {
  if (cursor === undefined) return {};
  const value = decodeCursor(cursor);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw cursorInvalid();
  const positions = value as Record<string, unknown>;
  for (const [orgId, at] of Object.entries(positions)) {
    if (!orgIds.includes(orgId)) throw cursorInvalid();
    if (at !== null && (typeof at !== 'string' || at.length === 0 || at.length > MAX_SORT_KEY)) throw cursorInvalid();
  }
  return positions as Positions;
};

/**
 * The 公示 on show (`today` within 公示期) that any of `orgIds` published, ending soonest first, one
 * page of at most `limit`. Each org's partition is queried at once from where the cursor left it
 * (one round trip); the page is the first `limit` of their merge, and the cursor holds each org's
 * position, so nothing is skipped or repeated. A 公示 not yet started is read past and not answered
 * (a page may come back short).
 */
export const pageOpenPublicity = async (orgIds: readonly string[], today: string, req: PageRequest): Promise<Page<PublicityRecord>> => {
  const limit = limitOf(req);
  const positions = positionsOf(req.cursor, orgIds);
  const reads = await Promise.all(
    orgIds
      .filter((orgId) => positions[orgId] !== null)
      .map(async (orgId) => {
        const at = positions[orgId];
        // Never before today's: a 公示 that ended is not shown (the sort key starts with its last day).
        const range: { gt: string } | { gte: string } = typeof at === 'string' && at >= today ? { gt: at } : { gte: today };
        const { Items = [], LastEvaluatedKey } = await publicity().query(
          { index: 'gsi1', partition: orgPartition(orgId), range },
          { limit },
        );
        return { orgId, items: (Items as StoredPublicity[]).map(fromStored), more: LastEvaluatedKey !== undefined };
      }),
  );
  const merged = reads.flatMap((r) => r.items).sort((a, b) => orgSortKey(a).localeCompare(orgSortKey(b)) || a.orgId.localeCompare(b.orgId));
  const taken = merged.slice(0, limit);
  const next: Positions = { ...positions };
  for (const r of reads) {
    const mine = taken.filter((p) => p.orgId === r.orgId);
    const last = mine.at(-1);
    if (mine.length === r.items.length && !r.more) next[r.orgId] = null;
    else if (last) next[r.orgId] = orgSortKey(last);
  }
  const done = orgIds.every((orgId) => next[orgId] === null);
  return {
    items: taken.filter((p) => p.startsOn <= today && today <= p.endsOn),
    nextCursor: done ? null : encodeCursor(next),
  };
};
