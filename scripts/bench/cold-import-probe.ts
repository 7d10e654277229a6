/**
 * Cold import of every function's bundle ÷ a bare DocumentClient `GetCommand` handler (issue 14).
 *
 *   npx tsx scripts/bench/cold-import-probe.ts [--rounds 15] [--only card,membership] [--analyze] [--evaluated] [--keep DIR]
 *                                               [--before COMMIT] [--bodies]
 *
 * Builds each function in serverless.yml with the esbuild options of `custom.esbuild` (what
 * serverless-esbuild passes: its own keys dropped, `exclude` → `external`, `outputFileExtension`),
 * and the bare handler with the same options. Each bundle is then `require()`d in a fresh `node`
 * process, the function's and the bare one alternately, for `--rounds` rounds after one warm-up
 * round; the child times `require()` alone with performance.now, so node's own start is left out.
 * Prints bundle size, median import ms and the ratio of medians; beside them the process's CPU time
 * (user + system, all threads: process.cpuUsage, the figure `npm run bench` and issue 14's target use)
 * and the main thread's alone (Linux), which a busy machine disturbs far less than the wall clock
 * (the kernel's figure can lag a scheduler tick, a few ms, on one sample; the medians even it out).
 * `--keep DIR` writes the bundles to DIR and leaves them there (e.g. for `node --cpu-prof`).
 * `--bodies` builds a copy in which every module marks the start of its body, and prints where the
 * CPU of `require()` goes: the top-level compile before the first body runs, then each package's or
 * source folder's module bodies (medians of `--rounds` runs; a body's time includes the functions it
 * calls and compiles, and what Node loads for it, e.g. a built-in module it requires).
 * `--before COMMIT` also builds every function as that commit had it (`git archive` into the output
 * directory, this checkout's node_modules linked in, that commit's serverless.yml options) and times it
 * in the same alternation (bare, function, function before), for a before/after from one run.
 *
 * `--analyze` prints each bundle's bytes by package and esbuild's analyzeMetafile. `--evaluated` builds a second copy in
 * which every module of a few heavy packages announces itself when its body runs, and prints which
 * of them ran during `require()` (an `await import()` in a CommonJS bundle is inlined, not split: the
 * module is in the file but its body must not run until the import is reached).
 *
 * Self-contained on purpose; the full `npm run bench` measures more.
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeMetafile, type BuildOptions, build, type Metafile, type Plugin } from 'esbuild';
import { parse } from 'yaml';
import { BARE_HANDLER, PLUGIN_ONLY_KEYS, serverlessEsbuild } from './cold-import';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const rounds = Number(option('rounds') ?? 15);
const only = option('only')?.split(',');

// The same bundles as `npm run bench` (cold-import.ts): serverless.yml's functions, serverless-esbuild's options.
const built0 = serverlessEsbuild();
const yml = { functions: built0.functions };
const esbuildOptions: BuildOptions = {
  ...built0.esbuildOptions,
  outExtension: { '.js': built0.ext },
  logLevel: 'error',
};
const BARE = BARE_HANDLER;

/** Packages whose module bodies `--evaluated` reports when they run. */
const TRACKED: Array<[string, RegExp]> = [
  ['@aws-sdk/client-ssm', /node_modules\/@aws-sdk\/client-ssm\//],
  ['poster font (bitmap-font.ts)', /functions\/src\/platform\/bitmap-font\.ts$/],
  ['qrcode', /node_modules\/qrcode\//],
  ['pngjs', /node_modules\/pngjs\//],
  ['jose', /node_modules\/jose\//],
  ['dynamodb-toolbox', /node_modules\/dynamodb-toolbox\//],
];
const announce: Plugin = {
  name: 'announce-evaluation',
  setup(b) {
    b.onLoad({ filter: /\.(c|m)?[jt]s$/ }, (a) => {
      const hit = TRACKED.find(([, re]) => re.test(a.path));
      if (!hit) return undefined;
      const contents = readFileSync(a.path, 'utf8');
      const mark = `(globalThis.__evaluated ??= new Set()).add(${JSON.stringify(hit[0])});\n`;
      // A "use strict" after the mark is no longer a directive: this copy only answers what ran, it is never timed.
      return { contents: mark + contents, loader: a.path.endsWith('.ts') ? 'ts' : 'js', resolveDir: path.dirname(a.path) };
    });
  },
};

const keep = option('keep');
const outDir = keep ? path.resolve(keep) : mkdtempSync(path.join(tmpdir(), 'cold-import-probe-'));
if (keep) mkdirSync(outDir, { recursive: true });
else process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));

const entryOf = (handler: string) => `${handler.slice(0, handler.lastIndexOf('.'))}.ts`;

const bundle = async (
  name: string,
  entry: string | { stdin: string },
  extra: Partial<BuildOptions> = {},
  tree: { root: string; options: BuildOptions } = { root: repoRoot, options: esbuildOptions },
) => {
  const dir = path.join(outDir, name);
  mkdirSync(dir, { recursive: true });
  const source: BuildOptions =
    typeof entry === 'string'
      ? { entryPoints: { [name]: path.join(tree.root, entry) } }
      : {
          stdin: { contents: entry.stdin, resolveDir: path.join(repoRoot, 'functions'), sourcefile: 'bare.ts', loader: 'ts' },
          outfile: path.join(dir, `${name}.cjs`),
        };
  const result = await build({
    ...tree.options,
    ...source,
    ...(typeof entry === 'string' ? { outdir: dir } : {}),
    absWorkingDir: tree.root,
    metafile: true,
    write: true,
    ...extra,
  });
  const metafile = result.metafile!;
  const file = path.resolve(tree.root, Object.keys(metafile.outputs).find((f) => f.endsWith('.cjs') || f.endsWith('.js'))!);
  return { file, bytes: statSync(file).size, metafile };
};

/** A bundle's bytes by package (node_modules/<name>) or source folder, largest first. */
const byPackage = (metafile: Metafile) => {
  const sizes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs))
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input.split('/').slice(0, 4).join('/');
      sizes.set(pkg, (sizes.get(pkg) ?? 0) + bytesInOutput);
    }
  return [...sizes].sort((a, b) => b[1] - a[1]);
};

/**
 * One fresh node: require the bundle and print what `require()` took — wall ms (performance.now) and,
 * on Linux, the main thread's own CPU ms (/proc/self/task/<pid>/schedstat: time on a CPU, so not the
 * time spent waiting for one on a loaded machine) — and which tracked modules announced themselves.
 */
const CHILD = `
const { readFileSync } = require('node:fs');
const stat = '/proc/self/task/' + process.pid + '/schedstat';
const cpu = () => { try { return Number(readFileSync(stat, 'utf8').split(' ')[0]) / 1e6; } catch { return NaN; } };
const c0 = cpu();
const u0 = process.cpuUsage();
const t0 = performance.now();
require(process.argv[1]);
const ms = performance.now() - t0;
const u1 = process.cpuUsage(u0);
const cpuMs = cpu() - c0;
const allCpuMs = (u1.user + u1.system) / 1000;
process.stdout.write(JSON.stringify({ ms, cpuMs, allCpuMs, evaluated: [...(globalThis.__evaluated ?? [])] }));
`;
const childEnv = {
  PATH: process.env.PATH,
  // What the functions read at import on a deployed stage (serverless.yml provider.environment).
  STAGE: 'prod',
  TABLE_NAME: 'union-service-prod',
  SSM_PREFIX: '/union-service/prod',
  WECHAT_APP_ID: 'wx-probe',
  PUBLIC_APP_URL: 'https://example.invalid',
  AWS_REGION: 'cn-north-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
const load = (file: string): { ms: number; cpuMs: number; allCpuMs: number; evaluated: string[] } =>
  JSON.parse(execFileSync(process.execPath, ['-e', CHILD, file], { env: childEnv, encoding: 'utf8' }));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

const functions = Object.entries(yml.functions).filter(([name]) => !only || only.includes(name));
const bare = await bundle('bare', { stdin: BARE });
const built = [] as Array<{ name: string; file: string; bytes: number }>;
for (const [name, fn] of functions) {
  const b = await bundle(name, entryOf(fn.handler));
  built.push({ name, ...b });
  if (flag('analyze')) {
    console.log(
      `\n## ${name} (${kb(b.bytes)})\n\nBy package: ${byPackage(b.metafile)
        .slice(0, 15)
        .map(([p, n]) => `${p} ${kb(n)}`)
        .join(', ')}`,
    );
    console.log(await analyzeMetafile(b.metafile));
  }
}
/** `--bodies`: the bucket a module's body counts under (package, or the first three folders of a source). */
const bucketOf = (file: string) =>
  /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? path.relative(repoRoot, file).split('/').slice(0, 3).join('/');
const markBodies: Plugin = {
  name: 'mark-bodies',
  setup(b) {
    b.onLoad({ filter: /\.(c|m)?[jt]s$/ }, (a) => {
      const contents = readFileSync(a.path, 'utf8');
      const mark = `globalThis.__body?.(${JSON.stringify(bucketOf(a.path))});\n`;
      // After a leading "use strict", so the directive stays one; this copy is only ever timed by bucket.
      const marked = contents.replace(/^(\s*(['"])use strict\2;?)/, `$1\n${mark}`);
      return {
        contents: marked === contents ? mark + contents : marked,
        loader: a.path.endsWith('.ts') ? 'ts' : 'js',
        resolveDir: path.dirname(a.path),
      };
    });
  },
};
const BODIES_CHILD = `
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const spent = new Map(); let current = '(top-level compile, before the first body)'; let at = cpu(); const start = at;
globalThis.__body = (bucket) => { const now = cpu(); spent.set(current, (spent.get(current) ?? 0) + now - at); current = bucket; at = now; };
require(process.argv[1]);
globalThis.__body('(end)'); spent.set('(total)', cpu() - start);
process.stdout.write(JSON.stringify([...spent]));
`;

/**
 * `--before COMMIT`: that commit's tree beside the bundles, with this checkout's packages (its own
 * workspaces linked as @union/*), and its functions built with its serverless.yml options.
 */
const before = option('before');
const builtBefore = new Map<string, { file: string; bytes: number }>();
if (before) {
  const sha = execSync(`git -C ${repoRoot} rev-parse --short ${before}`, { encoding: 'utf8' }).trim();
  const root = path.join(outDir, `tree-${sha}`);
  if (!existsSync(root)) {
    mkdirSync(path.join(root, 'node_modules', '@union'), { recursive: true });
    execSync(`git -C ${repoRoot} archive ${sha} | tar -x -C ${root}`);
    for (const entry of readdirSync(path.join(repoRoot, 'node_modules'))) {
      if (entry !== '@union') symlinkSync(path.join(repoRoot, 'node_modules', entry), path.join(root, 'node_modules', entry));
    }
    for (const ws of ['shared', 'functions', 'miniapp']) symlinkSync(path.join(root, ws), path.join(root, 'node_modules', '@union', ws));
    if (existsSync(path.join(repoRoot, 'functions/node_modules'))) {
      symlinkSync(path.join(repoRoot, 'functions/node_modules'), path.join(root, 'functions/node_modules'));
    }
  }
  const ymlBefore = parse(readFileSync(path.join(root, 'serverless.yml'), 'utf8'), { logLevel: 'error' }) as {
    custom: { esbuild: Record<string, unknown> & { exclude?: string[]; external?: string[]; outputFileExtension?: string } };
    functions: Record<string, { handler: string }>;
  };
  const custom = ymlBefore.custom.esbuild;
  const options: BuildOptions = {
    ...(Object.fromEntries(Object.entries(custom).filter(([k]) => !PLUGIN_ONLY_KEYS.includes(k))) as BuildOptions),
    external: [...(custom.external ?? []), ...(custom.exclude ?? []).filter((e) => e !== '*')],
    outExtension: { '.js': custom.outputFileExtension ?? '.js' },
    logLevel: 'error',
  };
  for (const [name] of functions) {
    const fn = ymlBefore.functions[name];
    if (fn) builtBefore.set(name, await bundle(`${name}@${sha}`, entryOf(fn.handler), {}, { root, options }));
  }
}

if (flag('analyze')) {
  console.log(
    `\n## bare (${kb(bare.bytes)})\n\nBy package: ${byPackage(bare.metafile)
      .slice(0, 15)
      .map(([p, n]) => `${p} ${kb(n)}`)
      .join(', ')}`,
  );
  console.log(await analyzeMetafile(bare.metafile));
}

if (flag('evaluated')) {
  console.log('\nModule bodies run during require() (tracked: %s)', TRACKED.map(([n]) => n).join(', '));
  for (const [name, fn] of functions) {
    const b = await bundle(`${name}-announce`, entryOf(fn.handler), { plugins: [announce] });
    const inBundle = TRACKED.filter(([, re]) => Object.keys(b.metafile.inputs).some((i) => re.test(path.resolve(repoRoot, i)))).map(
      ([n]) => n,
    );
    const { evaluated } = load(b.file);
    const deferred = inBundle.filter((n) => !evaluated.includes(n));
    console.log(`  ${name}: ran ${evaluated.join(', ') || '—'}; in the bundle but not run: ${deferred.join(', ') || '—'}`);
  }
}

if (flag('bodies')) {
  console.log(`\nWhere require() spends its CPU, by module bodies (medians of ${rounds} runs, ms; parts under 0.3 ms left out)`);
  for (const [name, entry] of [['bare', { stdin: BARE }] as const, ...functions.map(([n, fn]) => [n, entryOf(fn.handler)] as const)]) {
    const b = await bundle(`${name}-bodies`, entry, { plugins: [markBodies] });
    const runs = new Map<string, number[]>();
    for (let i = 0; i < Math.max(rounds, 1); i += 1) {
      const spent = new Map(
        JSON.parse(execFileSync(process.execPath, ['-e', BODIES_CHILD, b.file], { env: childEnv, encoding: 'utf8' })) as Array<
          [string, number]
        >,
      );
      for (const key of new Set([...runs.keys(), ...spent.keys()]))
        (runs.get(key) ?? runs.set(key, []).get(key)!).push(spent.get(key) ?? 0);
    }
    const parts = [...runs].map(([k, v]) => [k, median(v)] as const).sort((x, y) => y[1] - x[1]);
    console.log(
      `  ${name}: ${parts
        .filter(([, ms]) => ms >= 0.3)
        .map(([k, ms]) => `${k} ${ms.toFixed(1)}`)
        .join(', ')}`,
    );
  }
}

// Alternate: bare, fn, bare, fn … so drift on a shared machine hits both alike. Round 0 warms the page cache.
const times = new Map<string, { ms: number[]; cpu: number[]; all: number[] }>(
  ['bare', ...built.map((b) => b.name), ...[...builtBefore.keys()].map((name) => `${name}@before`)].map((name) => [
    name,
    { ms: [], cpu: [], all: [] },
  ]),
);
for (let round = 0; round <= rounds; round += 1) {
  for (const b of built) {
    const then = builtBefore.get(b.name);
    const group: Array<readonly [string, string]> = [
      ['bare', bare.file],
      [b.name, b.file],
      ...(then ? [[`${b.name}@before`, then.file] as const] : []),
    ];
    for (const [name, file] of round % 2 ? [...group].reverse() : group) {
      const { ms, cpuMs, allCpuMs } = load(file);
      if (round === 0) continue;
      times.get(name)!.ms.push(ms);
      times.get(name)!.cpu.push(cpuMs);
      times.get(name)!.all.push(allCpuMs);
    }
  }
}
const stats = (name: string) => ({
  ms: median(times.get(name)!.ms),
  cpu: median(times.get(name)!.cpu),
  all: median(times.get(name)!.all),
});
const floor = stats('bare');
const cpuCell = (cpu: number, digits = 1) => (Number.isNaN(cpu) ? '—' : cpu.toFixed(digits));
const row = (label: string, bytes: number, s: { ms: number; cpu: number; all: number }) =>
  `| ${label} | ${kb(bytes)} | ${s.all.toFixed(1)} | **${(s.all / floor.all).toFixed(2)}** | ${cpuCell(s.cpu)} | ${cpuCell(s.cpu / floor.cpu, 2)} | ${s.ms.toFixed(1)} | ${(s.ms / floor.ms).toFixed(2)} |`;
console.log(
  `\nCold import: require() of each bundle in a fresh node, median of ${rounds} rounds alternating with the bare bundle (node ${process.version}, ${process.platform}/${process.arch})\n`,
);
console.log('| function | bundle | CPU ms (all threads) | ÷ bare | main-thread CPU ms | ÷ bare | wall ms | ÷ bare |');
console.log('|---|---|---|---|---|---|---|---|');
console.log(row('bare DocumentClient GetCommand', bare.bytes, floor));
for (const b of built) console.log(row(b.name, b.bytes, stats(b.name)));
if (before) {
  console.log(`\nBefore (${before}) → now, CPU (all threads) ÷ the same bare, from the same alternation:\n`);
  console.log('| function | bundle before → now | CPU ms before → now | ÷ bare before → now |');
  console.log('|---|---|---|---|');
  for (const b of built) {
    const then = builtBefore.get(b.name);
    const now = stats(b.name);
    if (!then) {
      console.log(`| ${b.name} | (new) → ${kb(b.bytes)} | → ${now.all.toFixed(1)} | → **${(now.all / floor.all).toFixed(2)}** |`);
      continue;
    }
    const was = stats(`${b.name}@before`);
    console.log(
      `| ${b.name} | ${kb(then.bytes)} → ${kb(b.bytes)} | ${was.all.toFixed(1)} → ${now.all.toFixed(1)} | ${(was.all / floor.all).toFixed(2)} → **${(now.all / floor.all).toFixed(2)}** |`,
    );
  }
}
