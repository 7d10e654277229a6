import type { BatchGetCommand } from 'dynamodb-toolbox/table/actions/batchGet';
import { type ExecuteBatchGetResponses, execute } from 'dynamodb-toolbox/table/actions/batchGet';

/** Keys one BatchGetItem may ask for. */
export const BATCH_GET_MAX = 100;

/** Attempts at the keys DynamoDB leaves unprocessed (throttled, or past 16 MB) before giving up. */
const MAX_ATTEMPTS = 5;

/**
 * One BatchGetItem (at most 100 keys), its unprocessed keys asked again — each retry is another
 * round trip, so it happens only when DynamoDB throttles or a batch is over 16 MB. Keys still
 * unprocessed after that are an error, never silently missing items.
 */
export const batchGet = async <COMMAND extends BatchGetCommand>(command: COMMAND): Promise<ExecuteBatchGetResponses<[COMMAND]>> => {
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
