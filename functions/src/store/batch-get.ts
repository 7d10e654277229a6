import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { BatchGetCommand as ToolboxBatchGetCommand } from 'dynamodb-toolbox/table/actions/batchGet';
import { type ExecuteBatchGetResponses, execute } from 'dynamodb-toolbox/table/actions/batchGet';
import { getDocumentClient, tableName } from './table';

/** Keys one BatchGetItem may ask for. */
export const BATCH_GET_MAX = 100;

/** Attempts at the keys DynamoDB leaves unprocessed (throttled, or past 16 MB) before giving up. */
const MAX_ATTEMPTS = 5;

/**
 * One BatchGetItem (at most 100 keys), its unprocessed keys asked again — each retry is another
 * round trip, so it happens only when DynamoDB throttles or a batch is over 16 MB. Keys still
 * unprocessed after that are an error, never silently missing items.
 */
export const batchGet = async <COMMAND extends ToolboxBatchGetCommand>(command: COMMAND): Promise<ExecuteBatchGetResponses<[COMMAND]>> => {
  const out = await execute({ maxAttempts: MAX_ATTEMPTS }, command);
  if (Object.values(out.UnprocessedKeys ?? {}).some((t) => (t.Keys?.length ?? 0) > 0)) {
    throw Object.assign(new Error('BatchGetItem left keys unprocessed'), { name: 'BatchGetUnprocessed' });
  }
  return out as ExecuteBatchGetResponses<[COMMAND]>;
};

/** `fetch` over `keys` (duplicates dropped) in chunks a BatchGetItem takes, all at once; results in order. */
export const inBatches = async <K, T>(keys: readonly K[], fetch: (chunk: K[]) => Promise<T[]>): Promise<T[]> => {
  const unique = [...new Set(keys)];
  const chunks = Array.from({ length: Math.ceil(unique.length / BATCH_GET_MAX) }, (_, i) =>
    unique.slice(i * BATCH_GET_MAX, (i + 1) * BATCH_GET_MAX),
  );
  return (await Promise.all(chunks.map(fetch))).flat();
};

export interface ItemKey {
  pk: string;
  sk: string;
}

const keyString = (k: { pk?: unknown; sk?: unknown }) => `${String(k.pk)}\u0000${String(k.sk)}`;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Items by key, in the order of `keys` (undefined where absent), as DynamoDB stores them (no entity
 * formatting): BatchGetItem, 100 keys a call, all calls at once; unprocessed keys asked again as
 * `batchGet` does, and an error if they stay. For a read that gathers items of several kinds —
 * some written with expressions, named by data — in one call.
 */
export const batchGetItems = async (
  keys: readonly ItemKey[],
  opts: { consistent?: boolean; attributes?: readonly string[] } = {},
): Promise<Array<Record<string, unknown> | undefined>> => {
  const found = new Map<string, Record<string, unknown>>();
  await inBatches(keys.map(keyString), async (chunk) => {
    let pending: Array<Record<string, unknown>> = chunk.map((k) => {
      const [pk, sk] = k.split('\u0000');
      return { pk, sk };
    });
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > MAX_ATTEMPTS) throw Object.assign(new Error('BatchGetItem left keys unprocessed'), { name: 'BatchGetUnprocessed' });
      if (attempt > 1) await pause(10 * 2 ** attempt);
      const table = tableName();
      const out = await getDocumentClient().send(
        new BatchGetCommand({
          RequestItems: {
            [table]: {
              Keys: pending,
              ...(opts.consistent ? { ConsistentRead: true } : {}),
              ...(opts.attributes
                ? {
                    ProjectionExpression: opts.attributes.map((_, i) => `#p${i}`).join(', '),
                    ExpressionAttributeNames: Object.fromEntries(opts.attributes.map((a, i) => [`#p${i}`, a])),
                  }
                : {}),
            },
          },
        }),
      );
      for (const item of out.Responses?.[table] ?? []) found.set(keyString(item), item);
      pending = out.UnprocessedKeys?.[table]?.Keys ?? [];
    }
    return [];
  });
  return keys.map((k) => found.get(keyString(k)));
};
