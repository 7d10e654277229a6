import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  type AttributeValue,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type Shard,
  type _Record as StreamRecord,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { parse } from 'yaml';
import { localClient, repoRoot } from './dynamo-local';
import { type FilterPattern, matchesAny } from './event-filter';

/**
 * DynamoDB Local's stream, read as Lambda's event source mapping reads the table's stream in AWS,
 * for `npm start` and the tests: DescribeStream / GetShardIterator / GetRecords on the table's
 * LatestStreamArn, every shard from its start (a child after its parent), each record in the shape
 * Lambda delivers (`eventName`, `dynamodb.NewImage` in AttributeValue form, `eventSourceARN` …),
 * kept only when it passes the function's `filterPatterns`, and handed to the handler in batches of
 * its `batchSize` — all read from serverless.yml (`streamSettingsOf`: the notify function's mapping). A batch the handler
 * fails is retried as Lambda does with `bisectBatchOnFunctionError`: split in two, each half tried
 * again, up to `maximumRetryAttempts`; then it goes to the dead-letter list (in AWS, the SQS queue of
 * `DestinationConfig.OnFailure`, which gets where the batch is in the stream, not its items).
 */

export interface StreamSettings {
  batchSize: number;
  filterPatterns: FilterPattern[];
  maximumRetryAttempts: number;
  bisectBatchOnFunctionError: boolean;
}

/** An event source mapping as serverless.yml declares it under `resources` (CloudFormation's names). */
interface MappingResource {
  Type?: string;
  Properties?: {
    /** `!GetAtt <Fn>LambdaFunction.Arn`, read without CloudFormation's tags as the string after the tag. */
    FunctionName?: unknown;
    BatchSize?: number;
    FilterCriteria?: { Filters?: Array<{ Pattern: string }> };
    MaximumRetryAttempts?: number;
    BisectBatchOnFunctionError?: boolean;
  };
}

/**
 * The stream mapping of a function in serverless.yml (the notify function's by default): an
 * `AWS::Lambda::EventSourceMapping` under `resources`, written by hand so that only the function's
 * own role can read the stream (docs/ARCHITECTURE.md, Notifications). Its filters are JSON strings,
 * as CloudFormation takes them.
 */
export const streamSettingsOf = (functionName = 'notify'): StreamSettings => {
  const yml = parse(readFileSync(path.join(repoRoot, 'serverless.yml'), 'utf8'), { logLevel: 'error' }) as {
    resources?: { Resources?: Record<string, MappingResource> };
  };
  const target = `${functionName.charAt(0).toUpperCase()}${functionName.slice(1)}LambdaFunction.Arn`;
  const mapping = Object.values(yml.resources?.Resources ?? {}).find(
    (r) => r.Type === 'AWS::Lambda::EventSourceMapping' && r.Properties?.FunctionName === target,
  )?.Properties;
  if (!mapping) throw new Error(`serverless.yml: no event source mapping for function ${functionName}`);
  return {
    batchSize: mapping.BatchSize ?? 100,
    filterPatterns: (mapping.FilterCriteria?.Filters ?? []).map((f) => JSON.parse(f.Pattern) as FilterPattern),
    maximumRetryAttempts: mapping.MaximumRetryAttempts ?? 0,
    bisectBatchOnFunctionError: mapping.BisectBatchOnFunctionError ?? false,
  };
};

export interface DeadLetter {
  /** As Lambda's on-failure record says it: where the batch is in the stream. */
  DDBStreamBatchInfo: { shardId: string; startSequenceNumber: string; endSequenceNumber: string; batchSize: number; streamArn: string };
  error: string;
}

export interface StreamPoller {
  streamArn: string;
  /** Resolves once a whole pass over the stream that began after the call found nothing new. */
  idle(timeoutMs?: number): Promise<void>;
  deadLetters: DeadLetter[];
  /** Batches handed to the handler (retries included). */
  invocations: number;
  stop(): Promise<void>;
}

type Handler = (event: DynamoDBStreamEvent) => Promise<unknown>;

const streamsClient = (endpoint: string) =>
  new DynamoDBStreamsClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

/** An AttributeValue as Lambda's JSON carries it: binary as base64. */
const lambdaValue = (v: AttributeValue): Record<string, unknown> => {
  if (v.B !== undefined) return { B: Buffer.from(v.B).toString('base64') };
  if (v.BS !== undefined) return { BS: v.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (v.M !== undefined) return { M: lambdaImage(v.M) };
  if (v.L !== undefined) return { L: v.L.map(lambdaValue) };
  const { $unknown: _u, ...plain } = v as AttributeValue & { $unknown?: unknown };
  return plain;
};
const lambdaImage = (image: Record<string, AttributeValue>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(image).map(([k, v]) => [k, lambdaValue(v)]));

/** A GetRecords record as Lambda delivers it to a function. */
export const toLambdaRecord = (r: StreamRecord, streamArn: string): DynamoDBRecord => {
  const d = r.dynamodb ?? {};
  return {
    eventID: r.eventID,
    eventName: r.eventName,
    eventVersion: r.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: r.awsRegion ?? 'local',
    dynamodb: {
      ...(d.ApproximateCreationDateTime ? { ApproximateCreationDateTime: Math.floor(d.ApproximateCreationDateTime.getTime() / 1000) } : {}),
      ...(d.Keys ? { Keys: lambdaImage(d.Keys) } : {}),
      ...(d.NewImage ? { NewImage: lambdaImage(d.NewImage) } : {}),
      ...(d.OldImage ? { OldImage: lambdaImage(d.OldImage) } : {}),
      SequenceNumber: d.SequenceNumber,
      SizeBytes: d.SizeBytes,
      StreamViewType: d.StreamViewType,
    },
    eventSourceARN: streamArn,
  } as DynamoDBRecord;
};

const latestStreamArn = async (endpoint: string, tableName: string): Promise<string> => {
  const client = localClient(endpoint);
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (!Table?.LatestStreamArn) throw new Error(`table ${tableName} has no stream (infra/table.yml StreamSpecification)`);
    return Table.LatestStreamArn;
  } finally {
    client.destroy();
  }
};

const listShards = async (client: DynamoDBStreamsClient, streamArn: string): Promise<Shard[]> => {
  const shards: Shard[] = [];
  let start: string | undefined;
  do {
    const { StreamDescription } = await client.send(
      new DescribeStreamCommand({ StreamArn: streamArn, ...(start ? { ExclusiveStartShardId: start } : {}) }),
    );
    shards.push(...(StreamDescription?.Shards ?? []));
    start = StreamDescription?.LastEvaluatedShardId;
  } while (start);
  return shards;
};

/** Every record on the table's stream now, from the start, in Lambda's shape (filtered when patterns are given). */
export const readStreamRecords = async (
  endpoint: string,
  tableName: string,
  patterns: readonly FilterPattern[] = [],
): Promise<DynamoDBRecord[]> => {
  const streamArn = await latestStreamArn(endpoint, tableName);
  const client = streamsClient(endpoint);
  try {
    const out: DynamoDBRecord[] = [];
    for (const shard of await listShards(client, streamArn)) {
      let iterator = (
        await client.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }))
      ).ShardIterator;
      while (iterator) {
        const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
        out.push(...(page.Records ?? []).map((r) => toLambdaRecord(r, streamArn)).filter((r) => matchesAny(r, patterns)));
        // An open shard keeps giving an iterator: stop at its end as it is now.
        iterator = (page.Records ?? []).length > 0 ? page.NextShardIterator : undefined;
      }
    }
    return out;
  } finally {
    client.destroy();
  }
};

interface ShardState {
  parent: string | undefined;
  iterator: string | undefined;
  lastSequence: string | undefined;
  done: boolean;
}

export const startStreamPoller = async (opts: {
  endpoint: string;
  tableName: string;
  handler: Handler;
  settings?: StreamSettings;
  /** Wait between passes that found nothing (ms). */
  intervalMs?: number;
  /** Wait before retrying a failed batch (ms; Lambda waits too). */
  retryDelayMs?: number;
  log?: (line: string) => void;
}): Promise<StreamPoller> => {
  const settings = opts.settings ?? streamSettingsOf();
  const log = opts.log ?? (() => {});
  const streamArn = await latestStreamArn(opts.endpoint, opts.tableName);
  const client = streamsClient(opts.endpoint);
  const shards = new Map<string, ShardState>();
  const deadLetters: DeadLetter[] = [];
  let stopped = false;
  let passes = 0;
  let lastDescribe = 0;
  const idleWaiters: Array<{ after: number; resolve: () => void }> = [];
  const poller = { streamArn, deadLetters, invocations: 0 } as StreamPoller;

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  const refreshShards = async () => {
    for (const s of await listShards(client, streamArn)) {
      if (s.ShardId && !shards.has(s.ShardId)) {
        shards.set(s.ShardId, { parent: s.ParentShardId, iterator: undefined, lastSequence: undefined, done: false });
      }
    }
    lastDescribe = Date.now();
  };

  const iteratorFor = async (shardId: string, s: ShardState): Promise<string | undefined> =>
    (
      await client.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ...(s.lastSequence
            ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: s.lastSequence }
            : { ShardIteratorType: 'TRIM_HORIZON' }),
        }),
      )
    ).ShardIterator;

  const invoke = async (shardId: string, records: DynamoDBRecord[], attempt: number): Promise<void> => {
    poller.invocations += 1;
    try {
      await opts.handler({ Records: records });
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      if (attempt >= settings.maximumRetryAttempts) {
        deadLetters.push({
          DDBStreamBatchInfo: {
            shardId,
            startSequenceNumber: records[0]?.dynamodb?.SequenceNumber ?? '',
            endSequenceNumber: records.at(-1)?.dynamodb?.SequenceNumber ?? '',
            batchSize: records.length,
            streamArn,
          },
          error,
        });
        log(`stream batch of ${records.length} to the dead-letter list after ${attempt + 1} attempts: ${error}`);
        return;
      }
      await sleep((opts.retryDelayMs ?? 500) * (attempt + 1));
      if (settings.bisectBatchOnFunctionError && records.length > 1) {
        const half = Math.ceil(records.length / 2);
        await invoke(shardId, records.slice(0, half), attempt + 1);
        await invoke(shardId, records.slice(half), attempt + 1);
      } else {
        await invoke(shardId, records, attempt + 1);
      }
    }
  };

  /** One pass over every readable shard; returns how many records it read. */
  const pass = async (): Promise<number> => {
    if (Date.now() - lastDescribe > 1000 || [...shards.values()].every((s) => s.done)) await refreshShards();
    let read = 0;
    for (const [shardId, s] of shards) {
      if (s.done || stopped) continue;
      // A child shard's records come after its parent's.
      if (s.parent && shards.get(s.parent) && !shards.get(s.parent)?.done) continue;
      s.iterator ??= await iteratorFor(shardId, s);
      let page: GetRecordsCommandOutput;
      try {
        page = await client.send(new GetRecordsCommand({ ShardIterator: s.iterator, Limit: 1000 }));
      } catch (e) {
        if (e instanceof ExpiredIteratorException || e instanceof TrimmedDataAccessException) {
          s.iterator = undefined;
          if (e instanceof TrimmedDataAccessException) s.lastSequence = undefined;
          continue;
        }
        throw e;
      }
      s.iterator = page.NextShardIterator;
      if (!s.iterator) s.done = true;
      const records = page.Records ?? [];
      read += records.length;
      if (records.length === 0) continue;
      s.lastSequence = records.at(-1)?.dynamodb?.SequenceNumber;
      const admitted = records.map((r) => toLambdaRecord(r, streamArn)).filter((r) => matchesAny(r, settings.filterPatterns));
      for (let i = 0; i < admitted.length; i += settings.batchSize) await invoke(shardId, admitted.slice(i, i + settings.batchSize), 0);
    }
    return read;
  };

  const loop = (async () => {
    while (!stopped) {
      const started = passes;
      let read = 0;
      try {
        read = await pass();
      } catch (e) {
        if (stopped) break;
        log(`stream poller: ${e instanceof Error ? e.message : String(e)}`);
        await sleep(1000);
        continue;
      }
      passes += 1;
      if (read === 0) {
        for (const w of idleWaiters.filter((w) => started >= w.after)) {
          idleWaiters.splice(idleWaiters.indexOf(w), 1);
          w.resolve();
        }
        await sleep(opts.intervalMs ?? 200);
      }
    }
  })();

  poller.idle = (timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`stream poller not idle after ${timeoutMs} ms`)), timeoutMs);
      // A pass already under way may have read the shard before the caller's last write.
      idleWaiters.push({
        after: passes + 1,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  poller.stop = async () => {
    stopped = true;
    await loop;
    client.destroy();
  };
  return poller;
};
