/**
 * The mini-program builds: the app (miniapp/) and the bare Taro app (bare-taro.ts), each for h5 and
 * weapp, with the same CLI. Reports build times, the h5 output, and the weapp main package: the whole
 * output minus every subpackage root of app.json (WeChat limits the main package to 2 MB, we to 480 KB).
 *
 * The app's h5 build goes where `npm start` and the e2e stack serve it from (miniapp/dist/h5, built
 * with TARO_APP_API=/api as ensureH5Build does), so the first-render measurement serves that build.
 *
 * A build is kept between runs while everything it is made from is unchanged: a hash of its sources
 * (miniapp/ or the bare project, shared/src), package-lock.json, the Node version and the build's
 * environment, recorded with the build's time in .bench/<name>.build.json, and the output not touched
 * since. Each build takes one to several minutes on a busy 2-core machine and the bench must finish
 * in five; most runs (server-side work) change none of it. BENCH_REBUILD=1 builds everything.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../lib/dynamo-local';
import { weappPackages } from '../lib/miniapp-build';
import { bareDist, writeBareTaro } from './bare-taro';
import { dirSize, progress } from './lib';

export interface BuildRow {
  app: 'app' | 'bare';
  type: 'h5' | 'weapp';
  /** Seconds this build took, in this run or (kept) when it was made. */
  seconds: number;
  /** When a kept build was made, or null when built in this run. */
  keptFrom: string | null;
  /** The whole output (h5), or the main package (weapp). */
  bytes: number;
  subpackages: string[];
  dist: string;
}

const taroBuild = (cwd: string, type: 'h5' | 'weapp', env: Record<string, string>): Promise<number> =>
  new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn('npx', ['taro', 'build', '--type', type], {
      cwd,
      env: { ...process.env, NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const keep = (b: Buffer) => {
      tail = (tail + b.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve((Date.now() - t0) / 1000) : reject(new Error(`taro build --type ${type} in ${cwd} failed:\n${tail}`)),
    );
  });

const mainPackage = (dist: string): { bytes: number; subpackages: string[] } => {
  const { mainBytes, subpackages } = weappPackages(dist);
  return { bytes: mainBytes, subpackages: subpackages.map((p) => p.root) };
};

/** Runs `jobs` at most `parallel` at a time. */
const pool = async <T>(jobs: Array<() => Promise<T>>, parallel: number): Promise<T[]> => {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, jobs.length) }, async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await (jobs[i] as () => Promise<T>)();
      }
    }),
  );
  return out;
};

/** Every file under `dir` (but dist and node_modules), by path relative to the repo. */
const filesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        if (e.name === 'dist' || e.name === 'node_modules' || e.name.startsWith('.')) return [];
        const p = path.join(dir, e.name);
        return e.isDirectory() ? filesUnder(p) : [p];
      })
    : [];

const hashOf = (parts: { files: string[]; texts?: Record<string, string>; env: Record<string, string> }): string => {
  const hash = createHash('sha256');
  for (const f of [...parts.files].sort()) hash.update(`${path.relative(repoRoot, f)}\0`).update(readFileSync(f));
  for (const [k, v] of Object.entries(parts.texts ?? {}).sort()) hash.update(`${k}\0${v}\0`);
  hash.update(readFileSync(path.join(repoRoot, 'package-lock.json')));
  hash.update(`${process.version}\0${JSON.stringify(parts.env)}`);
  return hash.digest('hex');
};

interface Stamp {
  inputs: string;
  seconds: number;
  builtAt: string;
  /** mtime of the output's marker file when built: a build someone else wrote since is not ours. */
  marker: number;
}

const stampFile = (name: string) => path.join(repoRoot, '.bench', `${name}.build.json`);
const markerOf = (dist: string, type: 'h5' | 'weapp') => path.join(dist, type === 'h5' ? 'index.html' : 'app.json');

/** Builds unless the kept build is of the same inputs; returns its time and when it was made. */
const buildOrKeep = async (
  name: string,
  type: 'h5' | 'weapp',
  dist: string,
  inputs: string,
  build: () => Promise<number>,
): Promise<{ seconds: number; keptFrom: string | null }> => {
  const marker = markerOf(dist, type);
  if (!process.env.BENCH_REBUILD && existsSync(stampFile(name)) && existsSync(marker)) {
    const stamp = JSON.parse(readFileSync(stampFile(name), 'utf8')) as Stamp;
    if (stamp.inputs === inputs && stamp.marker === statSync(marker).mtimeMs) return { seconds: stamp.seconds, keptFrom: stamp.builtAt };
  }
  progress(`building ${name}`);
  rmSync(stampFile(name), { force: true });
  const seconds = await build();
  mkdirSync(path.dirname(stampFile(name)), { recursive: true });
  const stamp: Stamp = {
    inputs,
    seconds,
    builtAt: new Date().toISOString().slice(0, 16).replace('T', ' '),
    marker: statSync(marker).mtimeMs,
  };
  writeFileSync(stampFile(name), JSON.stringify(stamp, null, 2));
  return { seconds, keptFrom: null };
};

export const APP_H5_DIST = path.join(repoRoot, 'miniapp/dist/h5');

/** The app for h5 and weapp and the bare app for both, `parallel` builds at a time (their times then measured side by side). */
export const measureMiniappBuilds = async (opts: { parallel: number }): Promise<BuildRow[]> => {
  const miniapp = path.join(repoRoot, 'miniapp');
  const appFiles = [...filesUnder(miniapp), ...filesUnder(path.join(repoRoot, 'shared/src'))];
  const bare = writeBareTaro();

  const appJob = (type: 'h5' | 'weapp') => async (): Promise<BuildRow> => {
    const env = { TARO_APP_API: type === 'h5' ? '/api' : 'https://api.example.invalid' };
    const dist = type === 'h5' ? APP_H5_DIST : path.join(miniapp, 'dist/weapp');
    const built = await buildOrKeep(`app-${type}`, type, dist, hashOf({ files: appFiles, env }), async () => {
      // Built beside the output and swapped in (as ensureH5Build does: a running server never sees half a build).
      const staging = `${dist}.build-${process.pid}`;
      rmSync(staging, { recursive: true, force: true });
      const seconds = await taroBuild(miniapp, type, { ...env, TARO_OUTPUT: staging });
      rmSync(dist, { recursive: true, force: true });
      renameSync(staging, dist);
      return seconds;
    });
    return { app: 'app', type, ...built, ...(type === 'weapp' ? mainPackage(dist) : { bytes: dirSize(dist), subpackages: [] }), dist };
  };
  const bareJob = (type: 'h5' | 'weapp') => async (): Promise<BuildRow> => {
    const dist = bareDist(type);
    const built = await buildOrKeep(`bare-taro-${type}`, type, dist, hashOf({ files: [], texts: bare.files, env: {} }), () =>
      taroBuild(bare.dir, type, { TARO_OUTPUT: dist }),
    );
    return { app: 'bare', type, ...built, ...(type === 'weapp' ? mainPackage(dist) : { bytes: dirSize(dist), subpackages: [] }), dist };
  };
  return pool([appJob('h5'), appJob('weapp'), bareJob('h5'), bareJob('weapp')], opts.parallel);
};
