/**
 * Warm route latency: each hot route's handler, in process, against DynamoDB Local, alternated with
 * the bare DynamoDB operation it wraps, on the same client and table:
 *
 * - a read (the card, the benefits): the route's own first GetItem, replayed as it was sent (the same
 *   key, the same consistency) — the one read no implementation of the route can avoid;
 * - a write (ballot, claim, 入会): one TransactWriteItems of as many items as the route's transaction,
 *   each a conditional Put (attribute_not_exists) of a fresh item of the size of the route's item.
 *
 * The request (event) is built before the clock starts; each write request takes a prepared person,
 * made before the measurement. p50 and p95 of each side, and their ratios.
 */
import { BatchGetItemCommand, GetItemCommand, PutItemCommand, QueryCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  QueryCommand as DocQueryCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { getDocumentClient, tableName } from '../../functions/src/store/table';
import type { HotRoute } from './hot-routes';
import { alternate, percentile, progress, timed } from './lib';
import { eventOf, expectOk, send } from './world';

export interface LatencyRow {
  route: string;
  bare: string;
  /** The route's own calls, by round trip ("BatchGetItem → TransactWriteItems (2)"). */
  own: string;
  /** p50 of those calls replayed bare, in the same round trips. */
  own50: number;
  /** The route's p50 ÷ that floor: the route's own work on top of its store calls. */
  ratioOwn50: number;
  rounds: number;
  route50: number;
  route95: number;
  bare50: number;
  bare95: number;
  ratio50: number;
  ratio95: number;
}

interface Recorded {
  op: string;
  input: any;
  /** The round trip (wave) the call was part of: calls in flight together share one. */
  wave: number;
}

/** Records the input of every call on `client` while `fn` runs. */
export const recordCalls = async (client: ReturnType<typeof getDocumentClient>, fn: () => Promise<unknown>): Promise<Recorded[]> => {
  const name = `recordCalls-${Date.now()}-${Math.random()}`;
  const seen: Recorded[] = [];
  let inFlight = 0;
  let wave = -1;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const op = String((context as { commandName?: string }).commandName ?? '').replace(/(Item)?Command$/, (_m, item) =>
        item ? 'Item' : '',
      );
      if (inFlight === 0) wave += 1;
      inFlight += 1;
      seen.push({ op, input: structuredClone((args as { input: unknown }).input), wave });
      try {
        return await next(args);
      } finally {
        inFlight -= 1;
      }
    },
    { step: 'initialize', name, priority: 'high' },
  );
  try {
    await fn();
  } finally {
    client.middlewareStack.remove(name);
  }
  return seen;
};

const isLowLevel = (key: Record<string, unknown>) => Object.values(key).some((v) => typeof v === 'object' && v !== null && 'S' in v);

/** The route's first read as a GetItem of the same key. */
const bareRead = (calls: Recorded[], label: string): { describe: string; run: () => Promise<unknown> } => {
  const get = calls.find((c) => c.op === 'GetItem');
  const batchKey = calls.find((c) => c.op === 'BatchGetItem');
  let input: any;
  if (get) input = get.input;
  else if (batchKey) {
    const [table, request] = Object.entries(
      batchKey.input.RequestItems as Record<string, { Keys: unknown[]; ConsistentRead?: boolean }>,
    )[0]!;
    input = { TableName: table, Key: request.Keys[0], ConsistentRead: request.ConsistentRead };
  } else throw new Error(`${label}: the route read nothing a GetItem could stand for (${calls.map((c) => c.op).join(', ')})`);
  const client = getDocumentClient();
  const run = isLowLevel(input.Key) ? () => client.send(new GetItemCommand(input)) : () => client.send(new GetCommand(input));
  return { describe: `GetItem (the route's first read${input.ConsistentRead ? ', consistent' : ''})`, run };
};

/** A TransactWriteItems of as many conditional Puts as the route's (largest) transaction has items, each of its item's size. */
const bareWrite = (calls: Recorded[], label: string): { describe: string; run: () => Promise<unknown> } => {
  const tx = calls
    .filter((c) => c.op === 'TransactWriteItems')
    .sort((a, b) => b.input.TransactItems.length - a.input.TransactItems.length)[0];
  if (!tx) throw new Error(`${label}: the route made no transaction (${calls.map((c) => c.op).join(', ')})`);
  const sizes: number[] = (tx.input.TransactItems as Array<Record<string, unknown>>).map(
    (item) => JSON.stringify(Object.values(item)[0]).length,
  );
  let n = 0;
  const client = getDocumentClient();
  const run = () => {
    n += 1;
    return client.send(
      new TransactWriteCommand({
        TransactItems: sizes.map((size, k) => ({
          Put: {
            TableName: tableName(),
            Item: { pk: `BENCHTX#${label}#${n}`, sk: `item#${k}`, data: 'x'.repeat(Math.max(0, size - 60)) },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        })),
      }),
    );
  };
  return { describe: `TransactWriteItems (${sizes.length} items)`, run };
};

const READS: Record<string, [low: new (input: any) => any, doc: new (input: any) => any]> = {
  GetItem: [GetItemCommand, GetCommand],
  BatchGetItem: [BatchGetItemCommand, BatchGetCommand],
  Query: [QueryCommand, DocQueryCommand],
};

const keyOf = (input: any): Record<string, unknown> | undefined =>
  input.Key ?? (Object.values(input.RequestItems ?? {})[0] as { Keys?: Record<string, unknown>[] } | undefined)?.Keys?.[0];

/**
 * The route's own DynamoDB calls, replayed bare in the same round trips (calls of one wave together,
 * waves in order): reads exactly as sent, a single-item write (a rate-limit counter) on a fresh key
 * with its condition, the transaction as `bareWrite`'s conditional Puts of the same sizes. What the
 * route adds over this floor is its own work (parsing, deciding, mapping, JSON), not the store's.
 */
const ownCallsReplayed = (calls: Recorded[], label: string): { describe: string; run: () => Promise<unknown> } => {
  const client = getDocumentClient();
  let n = 0;
  const thunks = calls.map((c): (() => Promise<unknown>) => {
    const read = READS[c.op];
    if (read) {
      const [Low, Doc] = read;
      const key = keyOf(c.input);
      const Command = key && isLowLevel(key) ? Low : Doc;
      return () => client.send(new Command(c.input));
    }
    if (c.op === 'TransactWriteItems') {
      const tx = bareWrite([c], `${label} (own calls)`);
      return tx.run;
    }
    if (c.op === 'UpdateItem' || c.op === 'PutItem') {
      const low = isLowLevel(c.input.Key ?? c.input.Item ?? {});
      return () => {
        n += 1;
        const fresh = low ? { pk: { S: `BENCHREPLAY#${label}#${n}` }, sk: { S: 'item' } } : { pk: `BENCHREPLAY#${label}#${n}`, sk: 'item' };
        const input = c.op === 'UpdateItem' ? { ...c.input, Key: fresh } : { ...c.input, Item: { ...c.input.Item, ...fresh } };
        const command: any = low
          ? c.op === 'UpdateItem'
            ? new UpdateItemCommand(input)
            : new PutItemCommand(input)
          : c.op === 'UpdateItem'
            ? new UpdateCommand(input)
            : new PutCommand(input);
        return client.send(command).catch((e: { name?: string }) => {
          if (e.name !== 'ConditionalCheckFailedException') throw e;
        });
      };
    }
    throw new Error(`${label}: no bare replay for ${c.op}`);
  });
  const waves: Array<Array<() => Promise<unknown>>> = [];
  calls.forEach((c, i) => {
    const wave = waves[c.wave] ?? [];
    wave.push(thunks[i] as () => Promise<unknown>);
    waves[c.wave] = wave;
  });
  const shape = waves
    .map((_, w) => {
      const ops = calls
        .filter((c) => c.wave === w)
        .map((c) => (c.op === 'TransactWriteItems' ? `TransactWriteItems (${c.input.TransactItems.length})` : c.op));
      return ops.join(' ‖ ');
    })
    .join(' → ');
  return {
    describe: shape,
    run: async () => {
      for (const wave of waves) await Promise.all(wave.map((t) => t()));
    },
  };
};

export const measureWarmRoutes = async (routes: HotRoute[], opts: { rounds: number; warmup: number }): Promise<LatencyRow[]> => {
  const rows: LatencyRow[] = [];
  for (const route of routes) {
    const probe = route.next();
    const calls = await recordCalls(getDocumentClient(), async () => expectOk(route.label, await send(probe.area, eventOf(probe))));
    const bare = route.bare === 'TransactWriteItems' ? bareWrite(calls, route.label) : bareRead(calls, route.label);
    const own = ownCallsReplayed(calls, route.label);
    if (route.left() < opts.rounds + opts.warmup) {
      throw new Error(`${route.label}: ${route.left()} prepared requests left for ${opts.rounds + opts.warmup}`);
    }
    progress(`warm routes: ${route.label} ÷ ${bare.describe}, ${opts.rounds} alternating rounds after ${opts.warmup}`);
    const samples = await alternate(
      opts.rounds,
      {
        route: async () => {
          const req = route.next();
          const event = eventOf(req);
          const t0 = performance.now();
          const answer = await send(req.area, event);
          const elapsed = performance.now() - t0;
          expectOk(route.label, answer);
          return elapsed;
        },
        bare: () => timed(bare.run),
        own: () => timed(own.run),
      },
      { warmup: opts.warmup },
    );
    const r50 = percentile(samples.route, 50);
    const r95 = percentile(samples.route, 95);
    const b50 = percentile(samples.bare, 50);
    const b95 = percentile(samples.bare, 95);
    const o50 = percentile(samples.own, 50);
    rows.push({
      route: route.label,
      bare: bare.describe,
      own: own.describe,
      own50: o50,
      ratioOwn50: r50 / o50,
      rounds: samples.route.length,
      route50: r50,
      route95: r95,
      bare50: b50,
      bare95: b95,
      ratio50: r50 / b50,
      ratio95: r95 / b95,
    });
  }
  return rows;
};
