import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './dynamo-local';

export type MiniappTarget = 'h5' | 'weapp';

/** Where each build goes: what `npm start` and the e2e stack serve (h5), and what `npm run build:weapp` writes. */
export const miniappDist = (type: MiniappTarget): string => path.join(repoRoot, 'miniapp/dist', type);

/** The file a finished build writes last enough to date it by: h5's page, weapp's app.json. */
const markerOf = (type: MiniappTarget) => path.join(miniappDist(type), type === 'h5' ? 'index.html' : 'app.json');

// What each build is built with. h5 is served behind the static server's /api proxy; weapp calls a
// deployed API, whose address only changes a string (the bench builds it the same way).
const BUILD_ENV: Record<MiniappTarget, Record<string, string>> = {
  h5: { TARO_APP_API: '/api' },
  weapp: { TARO_APP_API: 'https://api.example.invalid' },
};

const newestMtime = (dir: string): number => {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
};

/** The newest change to anything a build is made from: the app, its config, the shared workspace, the lockfile. */
const newestSource = (): number =>
  Math.max(
    newestMtime(path.join(repoRoot, 'miniapp/src')),
    newestMtime(path.join(repoRoot, 'miniapp/config')),
    newestMtime(path.join(repoRoot, 'shared/src')),
    statSync(path.join(repoRoot, 'miniapp/package.json')).mtimeMs,
    statSync(path.join(repoRoot, 'package-lock.json')).mtimeMs,
  );

/**
 * Builds the mini-program for `type` unless the build in miniapp/dist is newer than every source it comes
 * from. Built beside the output and swapped in, so a running server never sees half a build.
 */
export const ensureMiniappBuild = (type: MiniappTarget, log: (s: string) => void): { built: boolean; ms: number } => {
  const dist = miniappDist(type);
  const marker = markerOf(type);
  if (existsSync(marker) && statSync(marker).mtimeMs > newestSource()) return { built: false, ms: 0 };
  log(`building the ${type} app (taro build --type ${type})…`);
  const t0 = Date.now();
  const staging = `${dist}.build-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const r = spawnSync('npx', ['taro', 'build', '--type', type], {
    cwd: path.join(repoRoot, 'miniapp'),
    env: { ...process.env, ...BUILD_ENV[type], TARO_OUTPUT: staging, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (r.status !== 0 || !existsSync(path.join(staging, path.basename(marker)))) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`${type} build failed:\n${(r.stdout ?? '').slice(-3000)}\n${(r.stderr ?? '').slice(-3000)}`);
  }
  rmSync(dist, { recursive: true, force: true });
  renameSync(staging, dist);
  return { built: true, ms: Date.now() - t0 };
};

const dirSize = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const p = path.join(dir, e.name);
    return sum + (e.isDirectory() ? dirSize(p) : statSync(p).size);
  }, 0);

/**
 * A weapp build's packages as WeChat counts them: each subpackage is its root folder (app.json
 * `subPackages`); the main package is everything else in the output.
 */
export const weappPackages = (dist: string): { mainBytes: number; subpackages: Array<{ root: string; bytes: number }> } => {
  const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> };
  const subpackages = (app.subPackages ?? []).map((p) => {
    const root = p.root.replace(/\/$/, '');
    return { root, bytes: existsSync(path.join(dist, root)) ? dirSize(path.join(dist, root)) : 0 };
  });
  return { mainBytes: dirSize(dist) - subpackages.reduce((n, s) => n + s.bytes, 0), subpackages };
};
