import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { cancellationReasons, isTransactionConflict } from './errors';
import { getDocumentClient } from './table';

/**
 * A transaction item with a name, so a cancellation can say which condition failed: a
 * dynamodb-toolbox transaction (`Entity.build(PutTransaction)…`), or `rawTx` of an item written
 * with expressions (attributes named by data, which an entity schema cannot declare).
 */
export interface LabeledTx {
  label: string;
  tx: { params: () => unknown };
}

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** A TransactWriteItems item as the DocumentClient takes it (`{ Update: { … } }`), for a LabeledTx. */
export const rawTx = (item: TransactItem): LabeledTx['tx'] => ({ params: () => item });

/** The item a LabeledTx sends (dynamodb-toolbox adds its parsed item beside the command input). */
const transactItemOf = (tx: LabeledTx['tx']): TransactItem => {
  const { ToolboxItem: _parsed, ...item } = tx.params() as TransactItem & { ToolboxItem?: unknown };
  return item;
};

/** The labels whose conditions failed when a transaction was cancelled. */
export class TransactionRefused extends Error {
  constructor(readonly failed: string[]) {
    super(`transaction refused: ${failed.join(', ')}`);
    this.name = 'TransactionRefused';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Tries of one built transaction that DynamoDB answered with a server error (5xx), the SDK's own retries apart. */
const SERVER_ERROR_TRIES = 6;

const isServerError = (e: unknown): boolean => {
  const x = e as { name?: string; $fault?: string; $metadata?: { httpStatusCode?: number } };
  return x?.$fault === 'server' || x?.name === 'InternalServerError' || (x?.$metadata?.httpStatusCode ?? 0) >= 500;
};

/**
 * Sends one transaction with a ClientRequestToken, and sends the SAME request again (same token) when
 * DynamoDB answers a server error: with the token, a transaction that was applied before the error is
 * not applied twice (DynamoDB answers the retry as the first, for 10 minutes), so the retry is safe even
 * for ADD counters. DynamoDB Local answers a transaction that waited too long for a contended item's lock
 * with such an error (it was not applied); real DynamoDB seldom does.
 */
const sendIdempotent = async (transactItems: TransactItem[]): Promise<void> => {
  const command = new TransactWriteCommand({ TransactItems: transactItems, ClientRequestToken: randomUUID() });
  for (let tryNo = 1; ; tryNo += 1) {
    try {
      await getDocumentClient().send(command);
      return;
    } catch (e) {
      if (!isServerError(e) || tryNo >= SERVER_ERROR_TRIES) throw e;
      await sleep(20 * 2 ** tryNo + Math.random() * 50);
    }
  }
};

/**
 * Runs a transaction built afresh on each attempt. Retries (with jitter) when another
 * transaction touched the same items, or when one of the `retryOn` conditions failed (an
 * optimistic sequence moved on); any other failed condition ends in TransactionRefused.
 */
export const runTransaction = async (
  build: () => Promise<LabeledTx[]>,
  retryOn: readonly string[] = [],
  maxAttempts = 60,
): Promise<void> => {
  for (let attempt = 1; ; attempt += 1) {
    const items = await build();
    // Nothing left to write (an idempotent step found its work already done).
    if (items.length === 0) return;
    try {
      await sendIdempotent(items.map((i) => transactItemOf(i.tx)));
      return;
    } catch (e) {
      const name = (e as { name?: string }).name;
      if (name !== 'TransactionCanceledException') throw e;
      const reasons = cancellationReasons(e);
      const failed = items.filter((_, i) => reasons[i] === 'ConditionalCheckFailed').map((i) => i.label);
      const retryable = failed.length > 0 ? failed.every((l) => retryOn.includes(l)) : isTransactionConflict(e) || reasons.length === 0;
      if (!retryable || attempt >= maxAttempts) {
        if (failed.length > 0) throw new TransactionRefused(failed);
        throw e;
      }
      await sleep(5 + Math.random() * Math.min(200, 10 * attempt));
    }
  }
};
