/**
 * Cold import: each function's bundle, as `serverless package --stage prod` builds it, loaded in a
 * fresh Node process, against a bare DocumentClient `GetCommand` handler bundled the same way.
 *
 * The bundles: serverless-esbuild passes `custom.esbuild` of serverless.yml to esbuild as it is, minus
 * its own keys (exclude, packager, watch, outputFileExtension, …), with `external` = `exclude` and one
 * entry point per handler file (node_modules/serverless-esbuild/dist/bundle.js). We call esbuild the same
 * way on each handler of serverless.yml `functions:` instead of running `serverless package`, which
 * would also zip and write CloudFormation for the same bundles and take far longer. The AWS SDK is
 * bundled (`exclude: []`), so the bare handler bundles its DynamoDB client too.
 *
 * The time: the child process reads the clock and its CPU usage around `require(bundle)` and prints
 * both. That excludes Node's own start by construction; subtracting a separately measured empty
 * `node` start would add that start's noise (tens of ms, varying by several) to an import of tens of
 * ms. What a Lambda cold start adds on top (runtime init, reading the zip) is the same for every
 * function and not measured here.
 *
 * The ratio is of CPU time (user + system, all threads: process.cpuUsage): on this oversubscribed
 * 2-core machine a process waits for a core for a random share of its import, and wall-time ratios of
 * the same bundles moved by ±0.5 between runs where CPU-time ratios moved by ±0.1. An import is
 * CPU-bound (parse, compile, run the module bodies; the file is in the page cache), and a 512 MB
 * Lambda gets about a third of a vCPU, so its init lasts about as long as the CPU it needs. Wall
 * time is reported beside it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { parse } from 'yaml';
import { repoRoot } from '../lib/dynamo-local';
import { alternate, median, progress } from './lib';

export const BARE_FUNCTION = 'bare DocumentClient GetCommand';

export interface ColdImportRow {
  fn: string;
  bundleBytes: number;
  /** Median CPU time of the import (user + system). */
  cpuMs: number;
  /** cpuMs ÷ the bare handler's; 1 for the bare row itself. */
  ratio: number;
  /** Median wall time of the import, and its ratio to the bare handler's. */
  wallMs: number;
  wallRatio: number;
  samples: number;
}

interface ImportTime {
  wall: number;
  cpu: number;
}

/** The options serverless-esbuild strips before it calls esbuild (bundle.js, `esbuildOptions`). */
const PLUGIN_ONLY_KEYS = [
  'concurrency',
  'zipConcurrency',
  'exclude',
  'nativeZip',
  'packager',
  'packagePath',
  'watch',
  'keepOutputDirectory',
  'packagerOptions',
  'installExtraArgs',
  'outputFileExtension',
  'outputBuildFolder',
  'outputWorkFolder',
  'nodeExternals',
  'skipBuild',
  'skipRebuild',
  'skipBuildExcludeFns',
  'stripEntryResolveExtensions',
  'disposeContext',
];

interface ServerlessYml {
  custom: { esbuild: Record<string, unknown> & { exclude?: string[]; external?: string[]; outputFileExtension?: string } };
  functions: Record<string, { handler: string }>;
}

const BARE_HANDLER = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = async (event: { pathParameters?: Record<string, string> }) => {
  const id = event.pathParameters?.id ?? 'none';
  const out = await client.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: 'ITEM#' + id, sk: 'item' } }));
  return { statusCode: out.Item ? 200 : 404, body: JSON.stringify(out.Item ?? null) };
};
`;

/** Runs in a fresh process: the time of `require(bundle)` alone. */
const CHILD = `
const { performance } = require('node:perf_hooks');
const c0 = process.cpuUsage();
const t0 = performance.now();
const m = require(process.argv[2]);
const t1 = performance.now();
const c1 = process.cpuUsage(c0);
if (typeof m.handler !== 'function') throw new Error('no handler exported by ' + process.argv[2]);
process.stdout.write(JSON.stringify({ wall: t1 - t0, cpu: (c1.user + c1.system) / 1000 }));
`;

const handlerFile = (handler: string): string => {
  const base = path.join(repoRoot, handler.slice(0, handler.lastIndexOf('.')));
  const found = ['.ts', '.js', '.mts', '.mjs'].map((ext) => base + ext).find((f) => existsSync(f));
  if (!found) throw new Error(`no source for handler ${handler}`);
  return found;
};

export const measureColdImport = async (opts: { rounds: number }): Promise<ColdImportRow[]> => {
  const yml = parse(readFileSync(path.join(repoRoot, 'serverless.yml'), 'utf8'), { logLevel: 'error' }) as ServerlessYml;
  const custom = yml.custom.esbuild;
  const esbuildOptions = Object.fromEntries(Object.entries(custom).filter(([k]) => !PLUGIN_ONLY_KEYS.includes(k))) as BuildOptions;
  const ext = custom.outputFileExtension ?? '.js';
  const tmp = mkdtempSync(path.join(tmpdir(), 'bench-cold-'));
  try {
    const bundle = async (name: string, entry: string | { contents: string }): Promise<string> => {
      const outfile = path.join(tmp, `${name}${ext}`);
      await build({
        ...esbuildOptions,
        external: [...(custom.external ?? []), ...(custom.exclude ?? []).filter((e) => e !== '*')],
        // The bare handler is resolved from functions/, as if it were one of them (same packages, same tsconfig).
        ...(typeof entry === 'string'
          ? { entryPoints: [entry] }
          : { stdin: { contents: entry.contents, loader: 'ts', resolveDir: path.join(repoRoot, 'functions'), sourcefile: 'bare.ts' } }),
        outfile,
        absWorkingDir: repoRoot,
        logLevel: 'error',
      });
      return outfile;
    };
    progress('cold import: bundling each function as serverless package does');
    const bundles: Record<string, string> = {};
    bundles[BARE_FUNCTION] = await bundle('bare', { contents: BARE_HANDLER });
    for (const [fn, def] of Object.entries(yml.functions)) bundles[fn] = await bundle(fn, handlerFile(def.handler));

    const child = path.join(tmp, 'import-time.cjs');
    writeFileSync(child, CHILD);
    // The environment a deployed function has (serverless.yml provider.environment on stage prod).
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      STAGE: 'prod',
      TABLE_NAME: 'union-service-prod',
      SSM_PREFIX: '/union-service/prod',
      WECHAT_APP_ID: 'unset',
      PUBLIC_APP_URL: 'unset',
      DYNAMODB_ENDPOINT: '',
      WECHAT_API_BASE: 'https://api.weixin.qq.com',
      AWS_REGION: 'cn-north-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    const importTime = (file: string) => async (): Promise<ImportTime> =>
      JSON.parse(execFileSync(process.execPath, [child, file], { env, encoding: 'utf8' })) as ImportTime;
    progress(`cold import: ${opts.rounds} alternating rounds of ${Object.keys(bundles).length} fresh processes`);
    const samples = await alternate(opts.rounds, Object.fromEntries(Object.entries(bundles).map(([fn, file]) => [fn, importTime(file)])), {
      warmup: 1,
    });
    const of = (fn: string, key: keyof ImportTime) => median((samples[fn] ?? []).map((s) => s[key]));
    return Object.entries(bundles).map(([fn, file]) => ({
      fn,
      bundleBytes: statSync(file).size,
      cpuMs: of(fn, 'cpu'),
      ratio: of(fn, 'cpu') / of(BARE_FUNCTION, 'cpu'),
      wallMs: of(fn, 'wall'),
      wallRatio: of(fn, 'wall') / of(BARE_FUNCTION, 'wall'),
      samples: samples[fn]?.length ?? 0,
    }));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
};
