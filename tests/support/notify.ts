import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { createNotifyHandler, type NotifyOptions, resetNotifyConfig } from '../../functions/src/notify/index';
import { randomId } from '../../functions/src/platform/ids';
import { setLogSink } from '../../functions/src/platform/logger';
import { inboxKey, type NotificationInput, notificationKey, notificationTxs } from '../../functions/src/store/outbox';
import { timeOrderedId } from '../../functions/src/store/project-call.repository';
import { getDocumentClient, tableName } from '../../functions/src/store/table';
import { runTransaction } from '../../functions/src/store/transactions';
import { linkOpenId, putUser } from '../../functions/src/store/user.repository';
import { forgetTokensInMemory } from '../../functions/src/store/wechat-token.repository';
import { enableStream } from '../../scripts/lib/dynamo-local';
import { readStreamRecords, type StreamPoller, startStreamPoller, streamSettingsOf } from '../../scripts/lib/stream-poller';
import { startWechatStandInForFunctions, type WechatStandIn } from './wechat-stand-in';

/**
 * The `notify` function against this test file's table: the WeChat stand-in, the real handler
 * (with short backoffs), and, when asked, the local stream poller that feeds it as Lambda would.
 */
export interface NotifyHarness {
  wechat: WechatStandIn;
  /** The functions' log lines while the harness runs (kept off the test output). */
  logs: string[];
  handler: (event: DynamoDBStreamEvent) => Promise<void>;
  /** Starts a stream poller (several may run at once, as two racing functions). */
  startPoller(): Promise<StreamPoller>;
  /** The outbox records on the stream now, filtered as the deployed mapping filters them. */
  outboxRecords(): Promise<DynamoDBStreamEvent>;
  stop(): Promise<void>;
}

export const startNotify = async (options: NotifyOptions = {}): Promise<NotifyHarness> => {
  // The file's table is made without its stream (tests/support/integration-setup.ts): on from here.
  await enableStream(process.env.DYNAMODB_ENDPOINT as string, tableName());
  const wechat = await startWechatStandInForFunctions();
  forgetTokensInMemory();
  resetNotifyConfig();
  const handler = createNotifyHandler({ backoffMs: [5, 5], ...options });
  const pollers: StreamPoller[] = [];
  const endpoint = process.env.DYNAMODB_ENDPOINT as string;
  const logs: string[] = [];
  const restoreSink = setLogSink((line) => logs.push(line));
  return {
    wechat,
    logs,
    handler,
    async startPoller() {
      const poller = await startStreamPoller({ endpoint, tableName: tableName(), handler, intervalMs: 50, retryDelayMs: 10 });
      pollers.push(poller);
      return poller;
    },
    async outboxRecords() {
      return { Records: await readStreamRecords(endpoint, tableName(), streamSettingsOf().filterPatterns) };
    },
    async stop() {
      for (const p of pollers) await p.stop();
      setLogSink(restoreSink);
      await wechat.close();
    },
  };
};

/** An account that signs in to the weapp as `openId` (or h5 only, with null). */
export const accountWith = async (userId: string, openId: string | null): Promise<void> => {
  await putUser({ userId, displayName: '测试用户', grants: [] });
  if (openId) await linkOpenId(userId, openId);
};

/** A notification written as a change writes it: its item and the unread count, in one transaction. */
export const writeNotification = async (n: NotificationInput, noteId?: string, now = new Date()): Promise<string> => {
  const id = noteId ?? timeOrderedId(now, randomId(6));
  await runTransaction(async () => notificationTxs(n, now, id));
  return id;
};

export const readNotification = async (userId: string, noteId: string) =>
  (await getDocumentClient().send(new GetCommand({ TableName: tableName(), Key: notificationKey(userId, noteId), ConsistentRead: true })))
    .Item;

export const unreadOf = async (userId: string): Promise<number> =>
  (await getDocumentClient().send(new GetCommand({ TableName: tableName(), Key: inboxKey(userId), ConsistentRead: true }))).Item?.unread ??
  0;

/** Every notification of a user (the inbox's partition). */
export const notificationsOf = async (userId: string) =>
  (
    await getDocumentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :n)',
        ExpressionAttributeValues: { ':p': `USER#${userId}`, ':n': 'NOTE#' },
        ConsistentRead: true,
      }),
    )
  ).Items ?? [];
