import { boundedFacts, type NotificationEvent, type NotificationFacts } from '@union/shared/domain/notifications/events';
import { randomId } from '../platform/ids';
import { timeOrderedId } from './project-call.repository';
import { tableName } from './table';
import { type LabeledTx, rawTx } from './transactions';

/**
 * The transactional outbox (docs/ARCHITECTURE.md, Notifications). A change that someone must be
 * told about adds these items to its own transaction, so there is no notification without the
 * change and no change without its notification:
 *
 * - a notification, `USER#userId / NOTE#<time-ordered id>` (`_et` Notification): what the inbox
 *   lists, newest first (query the partition, begins_with NOTE#, backwards), and what the `notify`
 *   stream function delivers as a WeChat 订阅消息. `delivery` goes pending → sending → sent / skipped /
 *   failed, each step with a condition (at most once). `ttl` ends it after a year.
 * - the member's unread count, `USER#userId / INBOX`: `unread` ADD 1 here, ADD -1 (if > 0) when read.
 * - a fan-out, `FANOUT#<id> / META` (`_et` NotificationFanout), for an event whose recipients are a
 *   crowd (the signed-in delegates of a session, every member of a subtree): one item in the
 *   change's transaction; the stream function writes the per-recipient notifications from it
 *   (deterministic keys, put if absent, resumable), since a transaction holds at most 100 items.
 */
export const NOTIFICATION_ENTITY = 'Notification';
export const FANOUT_ENTITY = 'NotificationFanout';
export const NOTIFICATION_RETENTION_DAYS = 365;

export const DELIVERY_STATES = ['pending', 'sending', 'sent', 'skipped', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const notificationKey = (userId: string, noteId: string) => ({ pk: `USER#${userId}`, sk: `NOTE#${noteId}` });
export const inboxKey = (userId: string) => ({ pk: `USER#${userId}`, sk: 'INBOX' });
export const fanoutKey = (fanoutId: string) => ({ pk: `FANOUT#${fanoutId}`, sk: 'META' });

export interface NotificationInput {
  userId: string;
  event: NotificationEvent;
  facts: NotificationFacts;
  /** The page the message opens (a mini-program path with its query). */
  page: string;
}

/** Who a fan-out reaches. */
export type FanoutAudience = { kind: 'sessionSignedIn'; sessionId: string } | { kind: 'subtreeMembers'; orgId: string };

const ttlOf = (now: Date) => Math.floor(now.getTime() / 1000) + NOTIFICATION_RETENTION_DAYS * 86_400;

/** The notification item (also written by the fan-out, with its own deterministic id). */
export const notificationItem = (n: NotificationInput, noteId: string, now: Date) => ({
  ...notificationKey(n.userId, noteId),
  _et: NOTIFICATION_ENTITY,
  noteId,
  userId: n.userId,
  event: n.event,
  facts: boundedFacts(n.facts),
  page: n.page,
  createdAt: now.toISOString(),
  delivery: 'pending' satisfies DeliveryState,
  ttl: ttlOf(now),
});

/** The unread count's increment, for the transaction that writes a notification. */
export const unreadIncrementTx = (userId: string): LabeledTx => ({
  label: 'inbox',
  tx: rawTx({
    Update: {
      TableName: tableName(),
      Key: inboxKey(userId),
      UpdateExpression: 'ADD unread :one SET #et = :et',
      ExpressionAttributeNames: { '#et': '_et' },
      ExpressionAttributeValues: { ':one': 1, ':et': 'Inbox' },
    },
  }),
});

/** One notification to one recipient: the items to add to the change's transaction. */
export const notificationTxs = (n: NotificationInput, now: Date, noteId = timeOrderedId(now, randomId(6))): LabeledTx[] => [
  {
    label: 'notification',
    tx: rawTx({
      Put: {
        TableName: tableName(),
        Item: notificationItem(n, noteId, now),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }),
  },
  unreadIncrementTx(n.userId),
];

/** A notification to a crowd: one item in the change's transaction, expanded by the stream function. */
export const fanoutTx = (
  f: { event: NotificationEvent; facts: NotificationFacts; page: string; audience: FanoutAudience },
  now: Date,
  fanoutId = timeOrderedId(now, randomId(6)),
): LabeledTx => ({
  label: 'fanout',
  tx: rawTx({
    Put: {
      TableName: tableName(),
      Item: {
        ...fanoutKey(fanoutId),
        _et: FANOUT_ENTITY,
        fanoutId,
        event: f.event,
        facts: boundedFacts(f.facts),
        page: f.page,
        audience: f.audience,
        createdAt: now.toISOString(),
        status: 'pending',
        ttl: ttlOf(now),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }),
});
