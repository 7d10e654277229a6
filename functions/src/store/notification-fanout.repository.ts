import { createHash } from 'node:crypto';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { NotificationEvent, NotificationFacts } from '@union/shared/domain/notifications/events';
import { pageRoster } from './congress-roster.repository';
import { isConditionFailure } from './errors';
import { orgMembersQueue } from './membership.repository';
import { getOrg } from './org.repository';
import { FANOUT_ENTITY, type FanoutAudience, fanoutKey, notificationTxs } from './outbox';
import { pageSubtreeQueue } from './subtree-page';
import { getDocumentClient, tableName } from './table';
import { type LabeledTx, runTransaction, TransactionRefused } from './transactions';

/**
 * A notification to a crowd, written by the change as one `FANOUT#id / META` item (outbox.ts) and
 * expanded here by the `notify` function into one notification per recipient (docs/ARCHITECTURE.md,
 * Notifications): a transaction holds at most 100 items, a session's signed-in delegates or a
 * subtree's members are more.
 *
 * - The audience is read a page at a time (FANOUT_PAGE people), through the aggregates' own readers:
 *   the session's roster (those with `signedInAt`) or the subtree's active members, org by org.
 * - Each recipient's note id is derived from the fan-out and the user (fanoutNoteId), and the
 *   notification is put if absent together with the unread count's ADD: a page is one transaction,
 *   and when some of it was written before (a retry), one small transaction per recipient, where
 *   "already there" is skipped. So nobody gets a notification twice, however often a page is redone.
 * - After each page the fan-out item's `cursor` moves from the cursor read to the next, on condition
 *   that it still is the one read: a retried batch (or a second function) resumes where it stopped.
 *   The last page sets `status` done.
 * - A fan-out that runs out of the function's time hands off: `handoffs` + 1 on the fan-out and a
 *   `FANOUT#id / HANDOFF#n` item (_et NotificationFanout, `continues`) in one transaction, whose
 *   INSERT the stream gives to a fresh invocation.
 */

export const FANOUT_PAGE = 50;

export interface FanoutRecord {
  fanoutId: string;
  event: NotificationEvent;
  facts: NotificationFacts;
  page: string;
  audience: FanoutAudience;
  createdAt: string;
  status: 'pending' | 'done';
  cursor: string | null;
  written: number;
  handoffs: number;
}

export const getFanout = async (fanoutId: string): Promise<FanoutRecord | null> => {
  const { Item } = await getDocumentClient().send(
    new GetCommand({ TableName: tableName(), Key: fanoutKey(fanoutId), ConsistentRead: true }),
  );
  if (!Item || Item._et !== FANOUT_ENTITY) return null;
  return {
    fanoutId: Item.fanoutId,
    event: Item.event,
    facts: Item.facts,
    page: Item.page,
    audience: Item.audience,
    createdAt: Item.createdAt,
    status: Item.status === 'done' ? 'done' : 'pending',
    cursor: typeof Item.cursor === 'string' ? Item.cursor : null,
    written: typeof Item.written === 'number' ? Item.written : 0,
    handoffs: typeof Item.handoffs === 'number' ? Item.handoffs : 0,
  };
};

/** One page of the audience from `cursor` (null: the start): the user ids and where the next page starts. */
export const pageAudience = async (
  audience: FanoutAudience,
  cursor: string | null,
): Promise<{ userIds: string[]; next: string | null }> => {
  const req = { limit: FANOUT_PAGE, ...(cursor ? { cursor } : {}) };
  if (audience.kind === 'sessionSignedIn') {
    const page = await pageRoster(audience.sessionId, req);
    return { userIds: page.items.filter((d) => d.signedInAt !== null).map((d) => d.userId), next: page.nextCursor };
  }
  const root = await getOrg(audience.orgId);
  if (!root) return { userIds: [], next: null };
  const page = await pageSubtreeQueue(root, req, orgMembersQueue);
  // The ORGMEMBERS partition holds active memberships only; the status is checked all the same.
  return { userIds: page.items.filter((m) => m.status === 'active').map((m) => m.userId), next: page.nextCursor };
};

/** The recipient's note id: the fan-out's time-ordered id (so the inbox sorts it by time) and the user's. */
export const fanoutNoteId = (fanoutId: string, userId: string): string =>
  `${fanoutId}-${createHash('sha256').update(userId).digest('base64url').slice(0, 12)}`;

const recipientTxs = (f: FanoutRecord, userId: string): LabeledTx[] =>
  notificationTxs({ userId, event: f.event, facts: f.facts, page: f.page }, new Date(f.createdAt), fanoutNoteId(f.fanoutId, userId)).map(
    (t) => ({ ...t, label: `${t.label}:${userId}` }),
  );

/**
 * Writes the page's notifications that are not there yet; returns how many it wrote. The page in
 * one transaction (2 items a recipient); if one of them exists already, recipient by recipient.
 */
export const writeRecipients = async (f: FanoutRecord, userIds: readonly string[]): Promise<number> => {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return 0;
  try {
    await runTransaction(async () => unique.flatMap((u) => recipientTxs(f, u)));
    return unique.length;
  } catch (e) {
    if (!(e instanceof TransactionRefused)) throw e;
  }
  let written = 0;
  for (const userId of unique) {
    try {
      await runTransaction(async () => recipientTxs(f, userId));
      written += 1;
    } catch (e) {
      // Written by an earlier attempt: its unread count was added with it.
      if (!(e instanceof TransactionRefused)) throw e;
    }
  }
  return written;
};

const cursorCondition = (from: string | null) => (from === null ? 'attribute_not_exists(#c)' : '#c = :from');

/**
 * Moves the cursor from `from` to `to` (null: the audience is done), adding `written`. False when
 * the fan-out is no longer at `from` (another function moved it, or finished it).
 */
export const advanceFanout = async (
  fanoutId: string,
  from: string | null,
  to: string | null,
  written: number,
  now: Date,
): Promise<boolean> => {
  try {
    await getDocumentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: fanoutKey(fanoutId),
        UpdateExpression: `${to === null ? 'SET #s = :done, doneAt = :now REMOVE #c' : 'SET #c = :to'} ADD written :n`,
        ConditionExpression: `#s = :pending AND ${cursorCondition(from)}`,
        ExpressionAttributeNames: { '#s': 'status', '#c': 'cursor' },
        ExpressionAttributeValues: {
          ':pending': 'pending',
          ':n': written,
          ...(to === null ? { ':done': 'done', ':now': now.toISOString() } : { ':to': to }),
          ...(from === null ? {} : { ':from': from }),
        },
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
};

/**
 * Hands the rest of a fan-out to a fresh invocation: `handoffs` + 1 (on condition that the fan-out is
 * still at `cursor`) and a HANDOFF item whose INSERT the stream delivers. False when another
 * function moved the fan-out meanwhile (it goes on with it).
 */
export const handOffFanout = async (f: FanoutRecord, cursor: string | null, now: Date): Promise<boolean> => {
  const n = f.handoffs + 1;
  try {
    await getDocumentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: fanoutKey(f.fanoutId),
              UpdateExpression: 'SET handoffs = :n',
              ConditionExpression: `#s = :pending AND ${cursorCondition(cursor)} AND (attribute_not_exists(handoffs) OR handoffs = :prev)`,
              ExpressionAttributeNames: { '#s': 'status', '#c': 'cursor' },
              ExpressionAttributeValues: {
                ':pending': 'pending',
                ':n': n,
                ':prev': f.handoffs,
                ...(cursor === null ? {} : { ':from': cursor }),
              },
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: {
                pk: fanoutKey(f.fanoutId).pk,
                sk: `HANDOFF#${String(n).padStart(4, '0')}`,
                _et: FANOUT_ENTITY,
                continues: f.fanoutId,
                createdAt: now.toISOString(),
                ttl: Math.floor(now.getTime() / 1000) + 7 * 86_400,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
};
