import { DeleteCommand, GetCommand, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { NotificationEvent } from '@union/shared/domain/notifications/events';
import { expect } from 'vitest';
import { setLogSink } from '../../../functions/src/platform/logger';
import { FANOUT_ENTITY, inboxKey } from '../../../functions/src/store/outbox';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import type { WriteRecord } from '../../support/write-watch';

/**
 * What the outbox tests read back from DynamoDB Local: a person's notifications and unread count, the
 * fan-out items, and a way to make the unread count's ADD fail inside DynamoDB (a string where a
 * number is), which cancels the whole transaction it is in.
 */

type Stored = Record<string, unknown>;

/** The person's notification items, oldest first (strongly consistent). */
export const notesOf = async (userId: string): Promise<Stored[]> => {
  const { Items = [] } = await getDocumentClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :note)',
      ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':note': 'NOTE#' },
      ConsistentRead: true,
    }),
  );
  return Items;
};

/** The person's unread count (0 without an INBOX item). */
export const unreadOf = async (userId: string): Promise<unknown> => {
  const { Item } = await getDocumentClient().send(new GetCommand({ TableName: tableName(), Key: inboxKey(userId), ConsistentRead: true }));
  return Item?.unread ?? 0;
};

/** Makes `ADD unread 1` on the person's INBOX fail inside DynamoDB: the transaction that holds it is cancelled whole. */
export const breakInbox = (userId: string) =>
  getDocumentClient().send(new PutCommand({ TableName: tableName(), Item: { ...inboxKey(userId), unread: 'not a number' } }));

export const healInbox = (userId: string) => getDocumentClient().send(new DeleteCommand({ TableName: tableName(), Key: inboxKey(userId) }));

/** Every fan-out item (a test-only scan of the test's own table). */
export const fanouts = async (): Promise<Stored[]> => {
  const items: Stored[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await getDocumentClient().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: '#et = :et',
        ExpressionAttributeNames: { '#et': '_et' },
        ExpressionAttributeValues: { ':et': FANOUT_ENTITY },
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
};

/** The one notification the person holds, as the inbox and the stream function will read it. */
export const expectOneNote = async (
  userId: string,
  want: { event: NotificationEvent; facts: Record<string, string>; page: string },
): Promise<Stored> => {
  const notes = await notesOf(userId);
  expect(notes).toHaveLength(1);
  const note = notes[0] as Stored;
  expect(note).toMatchObject({
    _et: 'Notification',
    userId,
    event: want.event,
    page: want.page,
    delivery: 'pending',
  });
  // Exactly these facts: nothing else (never a 身份证号, phone or name) rides along.
  expect(note.facts).toEqual(want.facts);
  expect(typeof note.ttl).toBe('number');
  expect(await unreadOf(userId)).toBe(1);
  return note;
};

/** The single TransactWriteItems that wrote `key` (pk|sk prefix), failing unless there is exactly one. */
export const transactionWriting = (writes: WriteRecord[], keyPrefix: string): WriteRecord => {
  const found = writes.filter((w) => /^TransactWrite(Items)?Command$/.test(w.command) && w.keys.some((k) => k.startsWith(keyPrefix)));
  expect(found, `one transaction writing ${keyPrefix}`).toHaveLength(1);
  return found[0] as WriteRecord;
};

/** Keeps the expected 500s' logs out of the test output; returns what was logged. */
export const quietLogs = (): { lines: string[]; restore: () => void } => {
  const lines: string[] = [];
  const previous = setLogSink((line) => lines.push(line));
  return { lines, restore: () => setLogSink(previous) };
};
