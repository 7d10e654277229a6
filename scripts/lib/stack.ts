import { appendFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { type DynamoLocal, ensureTable, freePort, repoRoot, startDynamoLocal } from './dynamo-local';
import { ensureMiniappBuild, miniappDist } from './miniapp-build';
import { killGroup, spawnManaged, waitFor } from './processes';
import { startStaticServer } from './static-server';
import { type StreamPoller, startStreamPoller } from './stream-poller';
import { startWechatStandIn, type WechatStandIn } from './wechat-stand-in';

export interface Stack {
  dynamo: DynamoLocal;
  tableName: string;
  apiUrl: string;
  appUrl: string;
  /** The WeChat stand-in the functions call (code2Session, stable_token, 订阅消息); GET `${url}/messages` lists what it was sent. */
  wechat: WechatStandIn;
  /** The local stream poller running the notify function on the table's stream. */
  notifyPoller: StreamPoller;
  stop(): Promise<void>;
}

const h5Dir = miniappDist('h5');

/** Builds the h5 app unless the build is newer than every source it comes from. */
export const ensureH5Build = (log: (s: string) => void): { built: boolean; ms: number } => ensureMiniappBuild('h5', log);

/**
 * DynamoDB Local + table + the WeChat stand-in + serverless-offline API + the notify function on the
 * table's stream (the local poller, in this process) + the h5 app behind a static server.
 * Shared by `npm start` (persisted data, fixed ports) and the e2e tests (in memory, free ports).
 */
export const startStack = async (opts: {
  dbPath?: string;
  tableName: string;
  apiPort?: number;
  appPort?: number;
  seed?: () => Promise<unknown>;
  /** Sees every API answer the h5 app receives through the static server's proxy. */
  onApiResponse?: (route: string, status: number, body: string) => void;
  log?: (s: string) => void;
  echoApi?: boolean;
  /** Where the in-process notify function's log lines go (default: stdout, as a Lambda's). */
  notifyLogFile?: string;
}): Promise<Stack> => {
  const log = opts.log ?? (() => {});
  const dynamo = await startDynamoLocal(opts.dbPath ? { dbPath: opts.dbPath } : {});
  const cleanups: Array<() => Promise<void>> = [() => dynamo.stop()];
  const stop = async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
  };
  try {
    await ensureTable(dynamo.endpoint, opts.tableName);
    const wechat = await startWechatStandIn();
    cleanups.push(() => wechat.close());
    const env = {
      ...process.env,
      STAGE: 'local',
      TABLE_NAME: opts.tableName,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SLS_TELEMETRY_DISABLED: '1',
      AWS_REGION: 'local',
      WECHAT_API_BASE: wechat.url,
    };
    Object.assign(process.env, {
      TABLE_NAME: opts.tableName,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      STAGE: 'local',
      WECHAT_API_BASE: wechat.url,
    });
    if (opts.seed) await opts.seed();
    // The notify function as Lambda runs it on the stream (serverless.yml's filter, batch size, retries).
    const { handler: notify } = await import('../../functions/src/notify/index');
    if (opts.notifyLogFile) {
      const file = opts.notifyLogFile;
      const { setLogSink } = await import('../../functions/src/platform/logger');
      const previous = setLogSink((line) => appendFileSync(file, `${line}\n`));
      cleanups.push(async () => {
        setLogSink(previous);
      });
    }
    const notifyPoller = await startStreamPoller({
      endpoint: dynamo.endpoint,
      tableName: opts.tableName,
      handler: notify,
      log: (line) => log(`[notify] ${line}`),
    });
    cleanups.push(() => notifyPoller.stop());

    const apiPort = opts.apiPort ?? (await freePort());
    const appPort = opts.appPort ?? (await freePort());
    const appUrl = `http://127.0.0.1:${appPort}`;
    const api = spawnManaged(
      process.execPath,
      [path.join(repoRoot, 'node_modules/osls/bin/serverless.js'), 'offline', 'start', '--stage', 'local'],
      {
        cwd: repoRoot,
        env: { ...env, API_PORT: String(apiPort), LAMBDA_PORT: String(await freePort()), PUBLIC_APP_URL: appUrl },
        label: 'api',
        echo: opts.echoApi ?? false,
      },
    );
    cleanups.push(() => killGroup(api.child));
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const build = ensureH5Build(log);
    if (build.built) log(`h5 app built in ${(build.ms / 1000).toFixed(1)} s`);
    await waitFor(
      async () => (await fetch(`${apiUrl}/orgs/none`)).status === 404,
      'the local API (serverless offline)',
      120_000,
      () => (api.child.exitCode !== null ? api.tail() : null),
    );
    const server: Server = await startStaticServer(h5Dir, apiUrl, appPort, opts.onApiResponse);
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
    return { dynamo, tableName: opts.tableName, apiUrl, appUrl, wechat, notifyPoller, stop };
  } catch (e) {
    await stop();
    throw e;
  }
};
