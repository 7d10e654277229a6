/**
 * `npm test`: unit, integration (DynamoDB Local) and e2e (Chromium) tests, after making
 * sure Chromium and CJK fonts are there (installed through apt-get when running as root).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { assertJava, repoRoot } from './lib/dynamo-local';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const hasCjkFont = (): boolean => {
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
};

const ensureBrowser = (): void => {
  const missing = [!existsSync(CHROMIUM) && 'chromium', !hasCjkFont() && 'fonts-noto-cjk'].filter(Boolean) as string[];
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(
      `e2e tests need ${missing.join(' and ')}. Install with:\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
    process.exit(1);
  }
  console.log(`installing ${missing.join(', ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
};

try {
  assertJava();
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
ensureBrowser();

interface Counts {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults?: {
    name: string;
    message?: string;
    assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
}

/** The failed tests of a run, a few lines each: CI keeps only the tail of the output. */
const failures = (counts: Counts | null): string[] =>
  (counts?.testResults ?? []).flatMap((file) => {
    const rel = path.relative(repoRoot, file.name);
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    if (failed.length === 0 && file.message) return [`FAILED ${rel}: ${file.message.split('\n').slice(0, 3).join(' | ')}`];
    return failed.map(
      (a) => `FAILED ${rel} > ${a.fullName}: ${(a.failureMessages?.[0] ?? '').split('\n').slice(0, 4).join(' | ').slice(0, 600)}`,
    );
  });

/** One vitest run; returns its exit status and counts. */
const vitest = (name: string, extra: string[]): { status: number; counts: Counts | null } => {
  const results = path.join(repoRoot, `.data/vitest-${name}.json`);
  rmSync(results, { force: true });
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...extra];
  const run = spawnSync('npx', args, { stdio: 'inherit', cwd: repoRoot, env: { ...process.env, SLS_TELEMETRY_DISABLED: '1' } });
  const counts = existsSync(results) ? (JSON.parse(readFileSync(results, 'utf8')) as Counts) : null;
  return { status: run.status ?? 1, counts };
};

// Unit and integration first, then e2e on its own: on two cores the browser tests and the
// concurrency tests would otherwise slow each other into timeouts.
const userArgs = process.argv.slice(2);
const runs =
  userArgs.length > 0
    ? [vitest('custom', userArgs)]
    : [vitest('unit-integration', ['--project', 'unit', '--project', 'integration']), vitest('e2e', ['--project', 'e2e'])];
const sum = (k: 'numPassedTests' | 'numFailedTests' | 'numPendingTests' | 'numTodoTests') =>
  runs.reduce((n, r) => n + (r.counts?.[k] ?? 0), 0);
for (const line of runs.flatMap((r) => failures(r.counts))) console.log(line);
// The plain closing line CI reads.
console.log(`${sum('numPassedTests')} passed, ${sum('numFailedTests')} failed, ${sum('numPendingTests') + sum('numTodoTests')} skipped`);
process.exit(runs.every((r) => r.status === 0) ? 0 : 1);
