import type { Server } from 'node:http';
import path from 'node:path';
import { type DynamoLocal, ensureTable, freePort, repoRoot, startDynamoLocal } from './dynamo-local';
import { ensureMiniappBuild, miniappDist } from './miniapp-build';
import { killGroup, spawnManaged, waitFor } from './processes';
import { startStaticServer } from './static-server';

export interface Stack {
  dynamo: DynamoLocal;
  tableName: string;
  apiUrl: string;
  appUrl: string;
  stop(): Promise<void>;
}

const h5Dir = miniappDist('h5');

/** Builds the h5 app unless the build is newer than every source it comes from. */
export const ensureH5Build = (log: (s: string) => void): { built: boolean; ms: number } => ensureMiniappBuild('h5', log);

/**
 * DynamoDB Local + table + serverless-offline API + the h5 app behind a static server.
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
}): Promise<Stack> => {
  const log = opts.log ?? (() => {});
  const dynamo = await startDynamoLocal(opts.dbPath ? { dbPath: opts.dbPath } : {});
  const cleanups: Array<() => Promise<void>> = [() => dynamo.stop()];
  const stop = async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
  };
  try {
    await ensureTable(dynamo.endpoint, opts.tableName);
    const env = {
      ...process.env,
      STAGE: 'local',
      TABLE_NAME: opts.tableName,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SLS_TELEMETRY_DISABLED: '1',
      AWS_REGION: 'local',
    };
    Object.assign(process.env, { TABLE_NAME: opts.tableName, DYNAMODB_ENDPOINT: dynamo.endpoint, STAGE: 'local' });
    if (opts.seed) await opts.seed();

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
    return { dynamo, tableName: opts.tableName, apiUrl, appUrl, stop };
  } catch (e) {
    await stop();
    throw e;
  }
};
