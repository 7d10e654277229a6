import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@union/shared';
import { NOTIFICATION_EVENT_NAMES, type NotificationEvent, type NotificationFacts } from '@union/shared/domain/notifications/events';
import { batchGetItems } from './batch-get';
import { inboxKey, notificationKey } from './outbox';
import { encodeCursor, limitOf, type Page, type PageRequest, startKeyOf } from './page';
import { getDocumentClient, tableName } from './table';
import { type LabeledTx, rawTx, runTransaction, TransactionRefused } from './transactions';

/**
 * The member's 消息 inbox: the notification items the outbox writes (`USER#id / NOTE#<time-ordered id>`,
 * functions/src/store/outbox.ts) and the unread count beside them (`USER#id / INBOX`, `unread`).
 * docs/ARCHITECTURE.md, "Notifications: the inbox".
 *
 * - Read state: `readAt` on the notification, set once; the count goes down by one in the same
 *   transaction, on condition it is above zero. Reading twice changes nothing.
 * - A notification past its `ttl` (a year) counts as absent, as DynamoDB deletes it up to days late.
 *   One deleted unread leaves the count one too high: 全部已读 (`markAllRead`) sets it right.
 */

export interface NotificationRecord {
  noteId: string;
  userId: string;
  event: NotificationEvent;
  facts: NotificationFacts;
  page: string;
  createdAt: string;
  readAt: string | null;
}

const NOTE_PREFIX = 'NOTE#';
const partitionOf = (userId: string) => `USER#${userId}`;
const epochSeconds = (now: Date) => Math.floor(now.getTime() / 1000);
const KNOWN_EVENTS = new Set<string>(NOTIFICATION_EVENT_NAMES);

/** A stored notification that is still live (not past its ttl), of an event this code knows; else null. */
const recordOf = (item: Record<string, unknown> | undefined, now: Date): NotificationRecord | null => {
  if (!item || typeof item.noteId !== 'string' || !KNOWN_EVENTS.has(String(item.event))) return null;
  if (typeof item.ttl === 'number' && item.ttl <= epochSeconds(now)) return null;
  const facts = (item.facts ?? {}) as { subject?: unknown; reason?: unknown };
  return {
    noteId: item.noteId,
    userId: String(item.userId),
    event: item.event as NotificationEvent,
    facts: {
      subject: String(facts.subject ?? ''),
      ...(typeof facts.reason === 'string' && facts.reason ? { reason: facts.reason } : {}),
    },
    page: String(item.page ?? ''),
    createdAt: String(item.createdAt),
    readAt: typeof item.readAt === 'string' ? item.readAt : null,
  };
};

const unreadOf = (item: Record<string, unknown> | undefined): number =>
  typeof item?.unread === 'number' && item.unread > 0 ? item.unread : 0;

/** Live notifications only: an expired one waiting for DynamoDB's TTL is read past (a page may come back short). */
const queryNotes = (userId: string, opts: { limit: number; start?: Record<string, string>; consistent?: boolean; now: Date }) =>
  getDocumentClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :note)',
      FilterExpression: 'attribute_not_exists(#ttl) OR #ttl > :now',
      ExpressionAttributeNames: { '#ttl': 'ttl' },
      ExpressionAttributeValues: { ':p': partitionOf(userId), ':note': NOTE_PREFIX, ':now': epochSeconds(opts.now) },
      ScanIndexForward: false,
      Limit: opts.limit,
      ConsistentRead: opts.consistent ?? false,
      ...(opts.start ? { ExclusiveStartKey: opts.start } : {}),
    }),
  );

/**
 * A page of the member's notifications, newest first, with the unread count: the query and the
 * count's GetItem go out together (one round trip).
 */
export const pageInbox = async (userId: string, req: PageRequest, now: Date): Promise<Page<NotificationRecord> & { unread: number }> => {
  const start = startKeyOf(req.cursor, 'table', partitionOf(userId), NOTE_PREFIX);
  const [page, counts] = await Promise.all([
    queryNotes(userId, { limit: limitOf(req), ...(start ? { start } : {}), now }),
    getDocumentClient().send(new GetCommand({ TableName: tableName(), Key: inboxKey(userId) })),
  ]);
  return {
    items: (page.Items ?? []).flatMap((i) => recordOf(i, now) ?? []),
    nextCursor: page.LastEvaluatedKey ? encodeCursor({ pk: page.LastEvaluatedKey.pk, sk: page.LastEvaluatedKey.sk }) : null,
    unread: unreadOf(counts.Item),
  };
};

/** Every live notification of the person, newest first (GET /me/data, the purge). */
export const listAllNotifications = async (userId: string, now: Date): Promise<NotificationRecord[]> => {
  const out: NotificationRecord[] = [];
  let start: Record<string, string> | undefined;
  do {
    const page = await queryNotes(userId, { limit: 500, ...(start ? { start } : {}), now });
    out.push(...(page.Items ?? []).flatMap((i) => recordOf(i, now) ?? []));
    start = page.LastEvaluatedKey as Record<string, string> | undefined;
  } while (start);
  return out;
};

const notificationNotFound = () => new DomainError('NOTIFICATION_NOT_FOUND', '消息不存在或已过期', { field: 'noteId' });

/** Sets `readAt` on a live, unread notification of this person (the condition is the whole check). */
const setReadTx = (userId: string, noteId: string, now: Date): LabeledTx => ({
  label: 'note',
  tx: rawTx({
    Update: {
      TableName: tableName(),
      Key: notificationKey(userId, noteId),
      UpdateExpression: 'SET readAt = :at',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(readAt) AND (attribute_not_exists(#ttl) OR #ttl > :now)',
      ExpressionAttributeNames: { '#ttl': 'ttl' },
      ExpressionAttributeValues: { ':at': now.toISOString(), ':now': epochSeconds(now) },
    },
  }),
});

/** The count down by one, on condition it is above zero. */
const decrementTx = (userId: string): LabeledTx => ({
  label: 'count',
  tx: rawTx({
    Update: {
      TableName: tableName(),
      Key: inboxKey(userId),
      UpdateExpression: 'ADD unread :minus',
      ConditionExpression: 'unread > :zero',
      ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
    },
  }),
});

/** The count already at zero (or absent): the notification is marked read without going below it. */
const countAtZeroTx = (userId: string): LabeledTx => ({
  label: 'count',
  tx: rawTx({
    ConditionCheck: {
      TableName: tableName(),
      Key: inboxKey(userId),
      ConditionExpression: 'attribute_not_exists(unread) OR unread <= :zero',
      ExpressionAttributeValues: { ':zero': 0 },
    },
  }),
});

/**
 * Marks one of the person's notifications read: `readAt` set (if absent) and the count down by one
 * (if above zero) in one transaction. Read already: nothing changes. Then the notification and the
 * count are read back together. Another person's notification is not in this person's partition:
 * NOTIFICATION_NOT_FOUND, as one that never existed or expired.
 */
export const markRead = async (
  userId: string,
  noteId: string,
  now: Date,
): Promise<{ notification: NotificationRecord; unread: number }> => {
  let countAtZero = false;
  for (let attempt = 0; attempt < 6; attempt += 1) {
    try {
      await runTransaction(async () => [setReadTx(userId, noteId, now), countAtZero ? countAtZeroTx(userId) : decrementTx(userId)]);
      break;
    } catch (e) {
      if (!(e instanceof TransactionRefused)) throw e;
      // Read already, gone, or never this person's: the read below answers.
      if (e.failed.includes('note')) break;
      // The count was not as this attempt expected (zero, or no longer zero): the other form.
      countAtZero = !countAtZero;
    }
  }
  const [note, counts] = await batchGetItems([notificationKey(userId, noteId), inboxKey(userId)], { consistent: true });
  const notification = recordOf(note, now);
  if (!notification) throw notificationNotFound();
  return { notification, unread: unreadOf(counts) };
};

/** How many notifications one 全部已读 request marks at most (one transaction with the count). */
export const READ_ALL_MAX = 99;
/** How many notifications one 全部已读 request reads at most looking for unread ones. */
export const READ_ALL_SCAN = 1000;
const READ_ALL_PAGE = 200;

/**
 * 全部已读, bounded: reads at most READ_ALL_SCAN notifications (newest first, from `cursor`) and marks
 * the first READ_ALL_MAX unread ones among them read, with the count, in one transaction; `nextCursor`
 * says where to go on (null: nothing older is left unread).
 *
 * The count is read first, then the notifications; the transaction sets it on condition it still holds
 * what was read (compare-and-set), so a notification written meanwhile (its ADD moves the count) makes
 * the request read again rather than be lost. When the read started at the newest and reached the end,
 * every live notification is read and the count is set to 0 — which also corrects a count left too high
 * by a notification DynamoDB's TTL deleted unread. Otherwise it goes down by the number marked.
 */
export const markAllRead = async (
  userId: string,
  cursor: string | undefined,
  now: Date,
): Promise<{ marked: number; unread: number; nextCursor: string | null }> => {
  const from = startKeyOf(cursor, 'table', partitionOf(userId), NOTE_PREFIX);
  const result = { marked: 0, unread: 0, nextCursor: null as string | null };
  await runTransaction(async () => {
    const [counts] = await batchGetItems([inboxKey(userId)], { consistent: true });
    const stored = typeof counts?.unread === 'number' ? counts.unread : null;
    const unread: Array<Record<string, unknown>> = [];
    let start = from;
    let scanned = 0;
    let reachedEnd = false;
    let resumeAt: Record<string, unknown> | undefined;
    reading: while (true) {
      const limit = Math.min(READ_ALL_PAGE, READ_ALL_SCAN - scanned);
      const page = await queryNotes(userId, { limit, ...(start ? { start } : {}), consistent: true, now });
      scanned += page.ScannedCount ?? limit;
      const items = page.Items ?? [];
      for (const [i, item] of items.entries()) {
        if (typeof item.readAt === 'string') continue;
        unread.push(item);
        if (unread.length === READ_ALL_MAX) {
          // The batch is full: the next request goes on after this one, unless nothing is left after it.
          if (i === items.length - 1 && !page.LastEvaluatedKey) reachedEnd = true;
          else resumeAt = { pk: item.pk, sk: item.sk };
          break reading;
        }
      }
      if (!page.LastEvaluatedKey) {
        reachedEnd = true;
        break;
      }
      start = page.LastEvaluatedKey as Record<string, string>;
      if (scanned >= READ_ALL_SCAN) {
        resumeAt = start;
        break;
      }
    }
    const everything = reachedEnd && from === undefined;
    const next = everything ? 0 : Math.max(0, (stored ?? 0) - unread.length);
    result.marked = unread.length;
    result.unread = next;
    result.nextCursor = resumeAt ? encodeCursor({ pk: resumeAt.pk, sk: resumeAt.sk }) : null;
    if (unread.length === 0 && (stored ?? 0) === next) return [];
    return [
      ...unread.map((item) => setReadTx(userId, String(item.sk).slice(NOTE_PREFIX.length), now)),
      {
        label: 'count',
        tx: rawTx({
          Update: {
            TableName: tableName(),
            Key: inboxKey(userId),
            UpdateExpression: 'SET unread = :next, #et = :et',
            ConditionExpression: stored === null ? 'attribute_not_exists(unread)' : 'unread = :stored',
            ExpressionAttributeNames: { '#et': '_et' },
            ExpressionAttributeValues: { ':next': next, ':et': 'Inbox', ...(stored === null ? {} : { ':stored': stored }) },
          },
        }),
      },
    ];
  }, ['note', 'count']);
  return result;
};

/**
 * The purge after 退会 (personal-data.repository.ts): deletes the person's notifications written up to
 * `leftAt`. An unread one takes the count down with it (one transaction, on the same conditions as a
 * read); one read meanwhile, or a count already at zero, is deleted alone. Idempotent.
 */
export const deleteNotificationsUpTo = async (userId: string, leftAt: string, now: Date): Promise<number> => {
  const due = (await listAllNotifications(userId, now)).filter((n) => n.createdAt <= leftAt);
  const deleteTx = (noteId: string, condition: string): LabeledTx => ({
    label: 'note',
    tx: rawTx({ Delete: { TableName: tableName(), Key: notificationKey(userId, noteId), ConditionExpression: condition } }),
  });
  for (const n of due) {
    if (n.readAt === null) {
      try {
        await runTransaction(async () => [
          deleteTx(n.noteId, 'attribute_exists(pk) AND attribute_not_exists(readAt)'),
          decrementTx(userId),
        ]);
        continue;
      } catch (e) {
        if (!(e instanceof TransactionRefused)) throw e;
      }
    }
    await runTransaction(async () => [deleteTx(n.noteId, 'attribute_exists(pk)')]).catch((e) => {
      if (!(e instanceof TransactionRefused)) throw e;
    });
  }
  return due.length;
};
