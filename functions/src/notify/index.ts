import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { mapBounded } from '@union/shared/domain/common/map-bounded';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { getRuntime } from '../http/runtime';
import { logger } from '../platform/logger';
import { loadNotifyConfig, type NotifyConfig } from '../platform/notify-config';
import { FANOUT_ENTITY, NOTIFICATION_ENTITY } from '../store/outbox';
import { type DeliveryResult, deliverNotification, type NotificationImage } from './deliver';
import { expandFanout } from './fanout';

/**
 * The `notify` function: the table's stream (serverless.yml: only INSERTs of Notification and
 * NotificationFanout items pass its filter), a batch at a time (docs/ARCHITECTURE.md, Notifications).
 * Fan-outs are expanded into notifications (whose INSERTs come back in later batches); each
 * notification is sent as a WeChat 订阅消息, at most once. When something must be tried again (WeChat
 * busy after the in-function retries, a fan-out that failed), the items are back to pending and the
 * function throws: Lambda retries the batch, split in two (bisect), a bounded number of times, then
 * sends it to the dead-letter queue. A retried batch sends only what is still pending.
 *
 * Locally, scripts/lib/stream-poller.ts reads DynamoDB Local's stream and calls the same handler.
 */

export interface NotifyOptions {
  /** Waits between in-function attempts at WeChat 45009 / -1 (ms). */
  backoffMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  fetchImpl?: typeof fetch;
  /** Time this invocation may still use (ms); a fan-out hands off below `reserveMs`. */
  timeLeft?: (context: Pick<Context, 'getRemainingTimeInMillis'> | undefined, startedAt: number) => number;
  reserveMs?: number;
  /** Notifications sent at once. */
  concurrency?: number;
}

/** Without a Lambda context (the local poller), a fan-out hands off after this long. */
const LOCAL_BUDGET_MS = 60_000;

const defaultTimeLeft: NonNullable<NotifyOptions['timeLeft']> = (context, startedAt) =>
  context?.getRemainingTimeInMillis ? context.getRemainingTimeInMillis() : LOCAL_BUDGET_MS - (Date.now() - startedAt);

let notifyConfig: NotifyConfig | undefined;

export const createNotifyHandler =
  (options: NotifyOptions = {}) =>
  async (event: DynamoDBStreamEvent, context?: Pick<Context, 'getRemainingTimeInMillis'>): Promise<void> => {
    const startedAt = Date.now();
    const now = options.now ?? (() => new Date());
    const runtime = await getRuntime();
    notifyConfig ??= loadNotifyConfig(process.env);
    const images = event.Records.flatMap((r) =>
      r.eventName === 'INSERT' && r.dynamodb?.NewImage ? [unmarshall(r.dynamodb.NewImage as Record<string, AttributeValue>)] : [],
    );

    const toRetry: string[] = [];
    const timeLeft = options.timeLeft ?? defaultTimeLeft;
    for (const f of images.filter((i) => i._et === FANOUT_ENTITY)) {
      const fanoutId = String(f.continues ?? f.fanoutId);
      try {
        await expandFanout(fanoutId, { now, outOfTime: () => timeLeft(context, startedAt) < (options.reserveMs ?? 20_000) });
      } catch (e) {
        logger.error('fan-out failed', { fanoutId, error: e as Error });
        toRetry.push(`fan-out ${fanoutId}`);
      }
    }

    const notes = images.filter((i) => i._et === NOTIFICATION_ENTITY) as unknown as NotificationImage[];
    const deps = {
      wechat: runtime.config.wechat,
      notify: notifyConfig,
      now,
      sleep: options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
      backoffMs: options.backoffMs ?? [300, 1200],
      ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
    };
    const results: DeliveryResult[] = await mapBounded(notes, options.concurrency ?? 4, (n) => deliverNotification(n, deps));
    results.forEach((r, i) => {
      if (r === 'retry') toRetry.push(`note ${notes[i]?.noteId}`);
    });
    if (toRetry.length > 0) {
      // Lambda retries the batch (bisected); what was sent or finished is skipped then.
      throw new Error(`notify: ${toRetry.length} to retry (${toRetry.slice(0, 5).join(', ')})`);
    }
  };

export const handler = createNotifyHandler();

/** Forgets the config read at the first batch (tests change the environment). */
export const resetNotifyConfig = (): void => {
  notifyConfig = undefined;
};
