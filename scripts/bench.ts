/**
 * `npm run bench`: speed and size figures, written to BENCHMARKS.md. Nothing here asserts;
 * the tests stay free of timing thresholds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { importPlan } from '../shared/src/domain/plan-import/index';
import { repoRoot } from './lib/dynamo-local';

const lines: string[] = [];
const out = (s = '') => {
  lines.push(s);
  console.log(s);
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const dirSize = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const p = path.join(dir, e.name);
    return sum + (e.isDirectory() ? dirSize(p) : statSync(p).size);
  }, 0);

const plans = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8') }))
    : [];

out('# Benchmarks');
out();
out(
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform}/${process.arch}.`,
);
out();

// 1. The importer: all five seeds, and the project's own plans.
out('## Plan importer (median of 20 runs, after 3 warm-up runs)');
out();
out('| documents | characters | total ms | services found |');
out('|---|---|---|---|');
for (const [label, docs] of [
  ['five seed plans (../shared/seeds)', plans(path.resolve(repoRoot, '../shared/seeds'))],
  ['project plans (catalog/plans)', plans(path.join(repoRoot, 'catalog/plans'))],
  ['held-out plans (catalog/holdout)', plans(path.join(repoRoot, 'catalog/holdout'))],
] as const) {
  if (docs.length === 0) continue;
  for (let i = 0; i < 3; i += 1) for (const d of docs) importPlan(d.text);
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < 20; i += 1) {
    const t0 = performance.now();
    found = docs.reduce((n, d) => n + importPlan(d.text).services.length, 0);
    times.push(performance.now() - t0);
  }
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  out(`| ${label}: ${docs.length} | ${chars} | ${median(times).toFixed(1)} | ${found} |`);
}
out();

// 1b. The importer on hostile text: linear, under 2 s per MB (issue 9). One MB of each kind.
out('## Plan importer on 1 MB of adversarial text (median of 3 runs)');
out();
out('| text | UTF-8 bytes | ms | ms per MB | services |');
out('|---|---|---|---|---|');
const MB = 1 << 20;
const oneMb = (unit: string) => {
  const bytes = Buffer.byteLength(unit, 'utf8');
  return unit.repeat(Math.ceil(MB / bytes));
};
const adversarial: Array<[string, string]> = [
  ['numerals (full-width, Chinese)', oneMb('１２３４５６７８９０一二三四五六七八九十百千万亿〇两')],
  ['one line, no punctuation', oneMb('职工体检慰问驿站')],
  ['words and spaces, no punctuation', oneMb('组织职工参加免费体检 慰问困难职工 新建驿站 ')],
  ['mixed scripts and emoji', oneMb('abcαβγ🙂職工ñ\u0301٣٤ॐ😀')],
  ['an endless "、" list', oneMb('新建10家驿站、组织1万名职工体检、')],
  [
    'a tab table of short rows',
    `序号\t项目名称\t主要内容\t牵头部门\n${oneMb('1\t困难帮扶\t走访慰问困难职工200户,每户500元\t权益保障部\n')}`,
  ],
  ['brackets, quotes, markers', oneMb('（“【一是①(1)')],
];
for (const [label, text] of adversarial) {
  importPlan(text.slice(0, 5000));
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < 3; i += 1) {
    const t0 = performance.now();
    found = importPlan(text).services.length;
    times.push(performance.now() - t0);
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  out(`| ${label} | ${bytes} | ${median(times).toFixed(0)} | ${(median(times) / (bytes / MB)).toFixed(0)} | ${found} |`);
}
out();

// 2. zod vs zod/mini in a function bundle.
out('## zod vs zod/mini in a Lambda bundle (esbuild, minified, node20)');
out();
const tmp = mkdtempSync(path.join(tmpdir(), 'bench-'));
const entry = (flavour: string) => {
  const f = path.join(tmp, `${flavour.replace('/', '-')}.ts`);
  writeFileSync(
    f,
    `import * as z from '${flavour}';\nconst s = z.object({ name: z.string(), n: z.number(), tags: z.array(z.string()) });\nexport const handler = (x: unknown) => s.safeParse(x);\n`,
  );
  return f;
};
const bundleSize = async (flavour: string) => {
  const r = await build({
    entryPoints: [entry(flavour)],
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node20',
    write: false,
    nodePaths: [path.join(repoRoot, 'node_modules')],
  });
  return r.outputFiles[0]?.contents.byteLength ?? 0;
};
const classic = await bundleSize('zod');
const mini = await bundleSize('zod/mini');
out('| flavour | bundle |');
out('|---|---|');
out(`| zod (classic) | ${kb(classic)} |`);
out(`| zod/mini | ${kb(mini)} |`);
out();

// 3. Function packages (serverless package, offline).
out('## Function packages (`serverless package --stage prod`)');
out();
execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/osls/bin/serverless.js'), 'package', '--stage', 'prod'], {
  cwd: repoRoot,
  env: { ...process.env, SLS_TELEMETRY_DISABLED: '1' },
  stdio: 'ignore',
});
out('| function | zip |');
out('|---|---|');
for (const f of readdirSync(path.join(repoRoot, '.serverless')).filter((f) => f.endsWith('.zip'))) {
  out(`| ${f.replace('.zip', '')} | ${kb(statSync(path.join(repoRoot, '.serverless', f)).size)} |`);
}
out();

// 4. The mini-program builds.
out('## Mini-program builds');
out();
out('| build | seconds | size |');
out('|---|---|---|');
for (const type of ['weapp', 'h5'] as const) {
  const t0 = Date.now();
  execFileSync('npx', ['taro', 'build', '--type', type], {
    cwd: path.join(repoRoot, 'miniapp'),
    env: { ...process.env, TARO_APP_API: type === 'h5' ? '/api' : 'https://api.example.invalid', NODE_ENV: 'production' },
    stdio: 'ignore',
  });
  const dist = path.join(repoRoot, 'miniapp/dist', type);
  let size = dirSize(dist);
  let note = 'whole output';
  if (type === 'weapp') {
    // The main package excludes every subpackage (app.json's subPackages roots): WeChat limits it to 2 MB, we to 480 KB.
    const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> };
    const roots = (app.subPackages ?? []).map((p) => p.root.replace(/\/$/, ''));
    for (const root of roots) size -= existsSync(path.join(dist, root)) ? dirSize(path.join(dist, root)) : 0;
    note = `main package (without the subpackages ${roots.join(', ')})`;
  }
  out(`| ${type} | ${((Date.now() - t0) / 1000).toFixed(1)} | ${kb(size)} (${note}) |`);
}
out();
// 5. The local stack, as `npm start` runs it (the h5 build above is current, so not rebuilt).
out('## Local stack (`npm start` path: DynamoDB Local, table, seed, serverless-offline, static server)');
out();
{
  const { startStack } = await import('./lib/stack');
  const { seedDemo } = await import('./seed/index');
  const dbPath = mkdtempSync(path.join(tmpdir(), 'bench-db-'));
  out('| start | seconds to ready |');
  out('|---|---|');
  for (const label of ['first (empty data, seeds the demo)', 'second (reuses the data)']) {
    const t0 = Date.now();
    const stack = await startStack({ dbPath, tableName: 'union-service-bench', seed: () => seedDemo() });
    out(`| ${label} | ${((Date.now() - t0) / 1000).toFixed(1)} |`);
    await stack.stop();
  }
  out();
  out('A fresh clone adds the first h5 build (the "Mini-program builds" row) to the first start.');
  out();
}
writeFileSync(path.join(repoRoot, 'BENCHMARKS.md'), `${lines.join('\n')}\n`);
console.log('\nwritten to BENCHMARKS.md');
