import { isWithin, type Org } from '@union/shared';
import { getOrg, walkSubtree } from './org.repository';
import {
  checkStartKey,
  cursorInvalid,
  decodeCursor,
  encodeCursor,
  KEY_NAMES,
  limitOf,
  type Page,
  type PageRequest,
  type StartKey,
} from './page';

/**
 * Queues kept per org (APPQUEUE#<orgId>#pending, CLAIMQ#<orgId>#<status>, …) read as one list over
 * an officer's subtree: the subtree is walked in preorder and each org's queue is read in its own
 * order, until the page is full. The cursor says where the walk stopped:
 *   { o }        — start of org o's queue
 *   { o, k }     — inside o's queue, after key k
 *   { o, n: 1 }  — o's queue is done; go on with o's children
 * A cursor naming an org outside the subtree, or a key of another partition, is CURSOR_INVALID.
 */

export interface OrgQueue<T> {
  index: 'gsi1' | 'gsi2';
  /** The partition of an org's queue. */
  partition(orgId: string): string;
  /** Reads at most `limit` items of an org's queue from `startKey`. */
  read(orgId: string, startKey: StartKey | undefined, limit: number): Promise<{ items: T[]; lastKey: Record<string, unknown> | undefined }>;
}

interface Position {
  o: string;
  k?: StartKey;
  n?: 1;
}

/** Orgs whose queues one request may read: a page over a wide, mostly empty subtree stays bounded. */
export const MAX_ORGS_PER_PAGE = 50;

const parsePosition = <T>(cursor: string, queue: OrgQueue<T>): Position => {
  const value = decodeCursor(cursor);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw cursorInvalid();
  const { o, k, n, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof o !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(o)) throw cursorInvalid();
  if (n !== undefined && (n !== 1 || k !== undefined)) throw cursorInvalid();
  const position: Position = { o };
  if (k !== undefined) position.k = checkStartKey(k, KEY_NAMES[queue.index], { [`${queue.index}pk`]: queue.partition(o) });
  if (n === 1) position.n = 1;
  return position;
};

/** One page of the per-org queues of `root`'s subtree, in walk order. */
export const pageSubtreeQueue = async <T>(root: Org, req: PageRequest, queue: OrgQueue<T>): Promise<Page<T>> => {
  const limit = limitOf(req);
  const position = req.cursor ? parsePosition(req.cursor, queue) : { o: root.orgId };
  const start = position.o === root.orgId ? root : await getOrg(position.o);
  if (!start || !isWithin(start, root.orgId)) throw cursorInvalid();

  const items: T[] = [];
  let visited = 0;
  for await (const org of walkSubtree(root.orgId, start)) {
    const resuming = org.orgId === start.orgId;
    if (resuming && position.n === 1) continue;
    if (visited === MAX_ORGS_PER_PAGE) return { items, nextCursor: encodeCursor({ o: org.orgId }) };
    visited += 1;
    let key: Record<string, unknown> | undefined = resuming ? position.k : undefined;
    do {
      const page = await queue.read(org.orgId, key as StartKey | undefined, limit - items.length);
      items.push(...page.items);
      key = page.lastKey;
      if (items.length >= limit) {
        return { items, nextCursor: encodeCursor(key ? { o: org.orgId, k: key } : { o: org.orgId, n: 1 }) };
      }
    } while (key);
  }
  return { items, nextCursor: null };
};
