/**
 * h5 first render of the member home and the card page ÷ a bare Taro 4 h5 page (one page, one <View>),
 * and the JavaScript each loads. Chromium, a fresh browser context (cold cache) per load, the
 * loads alternating, medians over the rounds. Self-contained: it builds what it needs, serves both
 * builds on loopback, and prints a Markdown table.
 *
 *   npx tsx scripts/bench/h5-render-probe.ts [--runs 7] [--app <h5 dist dir>] [--before <h5 dist dir>]
 *     [--rebuild-bare] [--profile loopback|mobile|both] [--files]
 *
 * Without --app it builds the mini-program's h5 app into a temporary folder (as the e2e stack does,
 * API at /api). The bare app is a temporary Taro project on this repo's node_modules (the same Taro
 * packages, babel preset and browserslist), built once and kept under the OS temp folder. `--before`
 * adds the same two pages from another build (say, of the previous commit) to the same alternating runs,
 * for a before → after on one machine state.
 *
 * "visible" is the first animation frame in which the page's main element has a box (the home's
 * welcome card, the member's name on the card as npm run bench measures it, the bare page's <View>):
 * the frame that paints it. The member pages run with a member session in localStorage. Every /api
 * call is answered after 400 ms, so a render that waits on the API shows in the figure instead of being
 * hidden by a fast local API: GET /me/card with a made-up card (the name shows only once it is there),
 * everything else 503. The card page loads twice: on a device that has no card yet (as the bench), and
 * on one that kept the member's last card (the app's storage, written as the app writes it).
 *
 * Profiles: `loopback` (no throttling: what the code costs on this machine) and `mobile` (Lighthouse's
 * mobile profile through the DevTools protocol: 150 ms round trips, 1.6 Mbit/s down, CPU 4× slower),
 * where the bytes a page loads before it can paint count as they do on a phone. Default: both.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from 'playwright-core';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const miniappDir = path.join(repoRoot, 'miniapp');
const taroBin = path.join(repoRoot, 'node_modules/.bin/taro');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(arg('runs') ?? 7);
type Profile = 'loopback' | 'mobile';
const PROFILES: Profile[] =
  arg('profile') === 'loopback' ? ['loopback'] : arg('profile') === 'mobile' ? ['mobile'] : ['loopback', 'mobile'];
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const log = (s: string) => process.stderr.write(`${s}\n`);

const taroVersion = (JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/@tarojs/cli/package.json'), 'utf8')) as { version: string })
  .version;

const build = (cwd: string, outDir: string, env: Record<string, string> = {}) => {
  const t0 = Date.now();
  execFileSync(taroBin, ['build', '--type', 'h5'], {
    cwd,
    env: { ...process.env, NODE_ENV: 'production', TARO_OUTPUT: outDir, ...env },
    stdio: 'ignore',
  });
  if (!existsSync(path.join(outDir, 'index.html'))) throw new Error(`no h5 build in ${outDir}`);
  log(`  built ${path.relative(repoRoot, cwd) || cwd} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
};

/** The bare app: one page, one <View>, Taro's own defaults for everything else. */
const BARE_FILES: Record<string, string> = {
  'package.json': JSON.stringify(
    {
      name: 'taro-bare-h5',
      private: true,
      browserslist: (JSON.parse(readFileSync(path.join(miniappDir, 'package.json'), 'utf8')) as { browserslist: string[] }).browserslist,
      templateInfo: { name: 'default', typescript: true, css: 'sass', framework: 'React' },
    },
    null,
    2,
  ),
  'babel.config.js': "module.exports = { presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]] };\n",
  'config/index.js': `module.exports = {
  projectName: 'taro-bare-h5',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: process.env.TARO_OUTPUT || 'dist/h5',
  framework: 'react',
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  cache: { enable: false },
  logger: { quiet: true, stats: false },
  h5: { publicPath: '/', staticDirectory: 'static', router: { mode: 'hash' } },
};
`,
  'src/app.config.ts': "export default defineAppConfig({ pages: ['pages/index/index'], window: { navigationBarTitleText: 'bare' } });\n",
  'src/app.tsx':
    "import type { PropsWithChildren } from 'react';\n\nexport default function App({ children }: PropsWithChildren) {\n  return children;\n}\n",
  'src/pages/index/index.config.ts': "export default definePageConfig({ navigationBarTitleText: 'bare' });\n",
  'src/pages/index/index.tsx':
    'import { View } from \'@tarojs/components\';\n\nexport default function Index() {\n  return <View data-testid="bare">你好</View>;\n}\n',
  'src/index.html':
    '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n  <meta charset="utf-8">\n  <meta content="width=device-width,initial-scale=1,user-scalable=no" name="viewport">\n  <title>bare</title>\n  <script><%= htmlWebpackPlugin.options.script %></script>\n</head>\n<body>\n  <div id="app"></div>\n</body>\n</html>\n',
};

const bareBuild = (): string => {
  const digest = createHash('sha256').update(JSON.stringify(BARE_FILES)).digest('hex').slice(0, 10);
  const dir = path.join(tmpdir(), `taro-bare-h5-${taroVersion}-${digest}`);
  const out = path.join(dir, 'dist');
  if (process.argv.includes('--rebuild-bare')) rmSync(dir, { recursive: true, force: true });
  if (existsSync(path.join(out, 'index.html'))) return out;
  log(`building the bare Taro ${taroVersion} h5 app in ${dir}…`);
  for (const [file, text] of Object.entries(BARE_FILES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  if (!existsSync(path.join(dir, 'node_modules'))) symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
  build(dir, out);
  return out;
};

/** The app's h5 build: the one given, or a fresh one in a temporary folder (removed by `done`). */
const appBuild = (): { dir: string; done(): void } => {
  const given = arg('app');
  if (given) return { dir: path.resolve(given), done: () => undefined };
  const tmp = mkdtempSync(path.join(tmpdir(), 'h5-probe-'));
  const out = path.join(tmp, 'h5');
  log('building the mini-program h5 app…');
  build(miniappDir, out, { TARO_APP_API: '/api' });
  return { dir: out, done: () => rmSync(tmp, { recursive: true, force: true }) };
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const API_DELAY_MS = 400;
const CARD = {
  maskedName: '测*员',
  memberNumber: 'PROBE-000001',
  orgId: 'probe-org',
  orgName: '探针工会',
  joinedOn: '2024-01-01',
  status: 'active',
  statusText: '正常在会',
};
/** GET /me/card's answer (cardResponse), a fresh made-up token each time. */
const cardAnswer = () => {
  const now = Date.now();
  return {
    card: CARD,
    token: `probe.${now}`,
    tokenExpiresAt: new Date(now + 60_000).toISOString(),
    fetchedAt: new Date(now).toISOString(),
  };
};

/**
 * A static server that never lets the browser cache, gzips scripts and styles as any real host would,
 * and answers every /api call after 400 ms: GET /me/card with a card, the rest 503.
 */
const serve = (root: string): Promise<{ server: Server; url: string }> =>
  new Promise((resolve) => {
    const gzipped = new Map<string, Buffer>();
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname.startsWith('/api/')) {
        setTimeout(() => {
          if (url.pathname === '/api/me/card') {
            res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
            res.end(JSON.stringify(cardAnswer()));
            return;
          }
          res.writeHead(503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          res.end(JSON.stringify({ error: { code: 'API_UNAVAILABLE', message: '接口服务未启动' } }));
        }, API_DELAY_MS);
        return;
      }
      let file = path.join(root, decodeURIComponent(url.pathname));
      if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(root, 'index.html');
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      if (/^text\//.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'content-encoding': 'gzip', vary: 'accept-encoding' });
        const body = gzipped.get(file) ?? gzipSync(readFileSync(file));
        gzipped.set(file, body);
        res.end(body);
        return;
      }
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      createReadStream(file).pipe(res);
    });
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });

interface Target {
  label: string;
  url: string;
  selector: string;
  session: boolean;
  /** The member's last card kept on the device, as the app keeps it. */
  lastCard?: boolean;
}

interface Sample {
  /** The scripts loaded, in the order they arrived, with their sizes. */
  files: string[];
  visibleMs: number;
  fcpMs: number;
  scripts: number;
  jsBytes: number;
  jsGzip: number;
}

const SESSION = {
  token: 'probe',
  expiresAt: '2099-01-01T00:00:00.000Z',
  user: { userId: 'probe', displayName: '测试会员', roles: [{ role: 'member', orgId: 'probe-org' }] },
};

/**
 * The last card as the app keeps it (miniapp/src/lib/device-store.ts: the printed fields under the
 * user's key), and as builds before that kept it (the whole answer under one key), so a --before build
 * finds its own. Fetched an hour ago.
 */
const lastCardKept = (): Record<string, string> => {
  const answer = { ...cardAnswer(), fetchedAt: new Date(Date.now() - 3_600_000).toISOString() };
  const { maskedName, memberNumber, orgName, joinedOn, statusText } = answer.card;
  return {
    [`union.card.last.${SESSION.user.userId}`]: JSON.stringify({
      maskedName,
      memberNumber,
      orgName,
      joinedOn,
      statusText,
      fetchedAt: answer.fetchedAt,
    }),
    'union.card.last': JSON.stringify(answer),
  };
};

/**
 * Runs in the page before any of its scripts: records the frame the element first has a box in.
 * A string, not a function: tsx would wrap a function's inner functions in a helper the page lacks.
 */
const watchFor = (selector: string, session: string | null, lastCard: Record<string, string> | null): string => `
  ${session ? `window.localStorage.setItem('union.session', ${JSON.stringify(session)});` : ''}
  ${Object.entries(lastCard ?? {})
    .map(([key, value]) => `window.localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(value)});`)
    .join('\n  ')}
  window.__probe = {};
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__probe.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  const frame = (t) => {
    const el = document.querySelector(${JSON.stringify(selector)});
    if (el && el.getBoundingClientRect().height > 0) window.__probe.visible = t;
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
`;

const load = async (browser: Browser, target: Target, profile: Profile): Promise<Sample> => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  if (profile === 'mobile') {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  const bodies: Array<Promise<{ url: string; body: Buffer } | null>> = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script')
      bodies.push(
        r.body().then(
          (body) => ({ url: new URL(r.url()).pathname, body }),
          () => null,
        ),
      );
  });
  await page.addInitScript(
    watchFor(target.selector, target.session ? JSON.stringify(SESSION) : null, target.lastCard ? lastCardKept() : null),
  );
  await page.goto(target.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __probe?: { visible?: number } }).__probe?.visible !== undefined, undefined, {
    timeout: 30_000,
    polling: 50,
  });
  // What the page fetches right after its first render (lazy chunks) counts as what it loads.
  await page.waitForLoadState('networkidle');
  const probe = await page.evaluate(() => (window as unknown as { __probe: { visible: number; fcp?: number } }).__probe);
  const loaded = (await Promise.all(bodies)).filter((b) => b !== null);
  const scripts = loaded.map((l) => l.body);
  await context.close();
  return {
    files: loaded.map((l) => `${l.url} ${kb(l.body.length)}`),
    visibleMs: probe.visible,
    fcpMs: probe.fcp ?? Number.NaN,
    scripts: scripts.length,
    jsBytes: scripts.reduce((n, b) => n + b.length, 0),
    jsGzip: scripts.reduce((n, b) => n + gzipSync(b).length, 0),
  };
};

const dirBytes = (dir: string, ext: string): number => {
  const out = execFileSync('find', [dir, '-type', 'f', '-name', `*${ext}`, '-printf', '%s\\n'], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter(Boolean)
    .reduce((n, s) => n + Number(s), 0);
};

const main = async () => {
  const bareDir = bareBuild();
  const appOut = appBuild();
  const appDir = appOut.dir;
  const bare = await serve(bareDir);
  const app = await serve(appDir);
  const beforeDir = arg('before');
  const before = beforeDir ? await serve(path.resolve(beforeDir)) : null;
  const pagesOf = (url: string, suffix: string): Target[] => [
    { label: `member home${suffix}`, url: `${url}/#/pages/index/index`, selector: '[data-testid="welcome"]', session: true },
    { label: `card page, no card kept${suffix}`, url: `${url}/#/pages/card/index`, selector: '[data-testid="card-name"]', session: true },
    {
      label: `card page, last card kept${suffix}`,
      url: `${url}/#/pages/card/index`,
      selector: '[data-testid="card-name"]',
      session: true,
      lastCard: true,
    },
  ];
  const targets: Target[] = [
    { label: 'bare Taro page', url: `${bare.url}/#/pages/index/index`, selector: '[data-testid="bare"]', session: false },
    ...pagesOf(app.url, ''),
    ...(before ? pagesOf(before.url, ' (before)') : []),
  ];
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const results: Array<{ profile: Profile; samples: Map<string, Sample[]> }> = [];
  try {
    for (const profile of PROFILES) {
      const samples = new Map<string, Sample[]>(targets.map((t) => [t.label, []]));
      // One warm-up round (Chromium's own start-up costs), not counted.
      for (const t of targets) await load(browser, t, profile);
      for (let round = 0; round < RUNS; round += 1) {
        // Alternate, starting each round from a different target, so drift on a shared machine spreads evenly.
        for (let k = 0; k < targets.length; k += 1) {
          const t = targets[(round + k) % targets.length] as Target;
          samples.get(t.label)?.push(await load(browser, t, profile));
        }
        log(`  ${profile}: round ${round + 1}/${RUNS}`);
      }
      results.push({ profile, samples });
    }
  } finally {
    await browser.close();
    bare.server.close();
    app.server.close();
    before?.server.close();
  }
  console.log(`h5 first render, Chromium, cold cache, median of ${RUNS} alternating runs (Taro ${taroVersion})`);
  for (const { profile, samples } of results) {
    const bareVisible = median((samples.get('bare Taro page') ?? []).map((s) => s.visibleMs));
    const bareFcp = median((samples.get('bare Taro page') ?? []).map((s) => s.fcpMs));
    console.log();
    console.log(`${profile === 'mobile' ? 'mobile profile (150 ms RTT, 1.6 Mbit/s, CPU 4× slower)' : 'loopback, no throttling'}:`);
    console.log();
    console.log('| page | visible ms | ÷ bare | FCP ms | ÷ bare | scripts | JS loaded | JS gzip |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const t of targets) {
      const s = samples.get(t.label) ?? [];
      const v = median(s.map((x) => x.visibleMs));
      const f = median(s.map((x) => x.fcpMs));
      console.log(
        `| ${t.label} | ${v.toFixed(0)} | ${(v / bareVisible).toFixed(2)} | ${f.toFixed(0)} | ${(f / bareFcp).toFixed(2)} | ${median(s.map((x) => x.scripts))} | ${kb(median(s.map((x) => x.jsBytes)))} | ${kb(median(s.map((x) => x.jsGzip)))} |`,
      );
    }
  }
  if (process.argv.includes('--files')) {
    const last = results.at(-1)?.samples;
    for (const t of targets) console.log(`\n${t.label} loads: ${(last?.get(t.label)?.at(-1)?.files ?? []).join(', ')}`);
  }
  console.log();
  console.log(
    `h5 build: app ${kb(dirBytes(appDir, '.js'))} of JS (${kb(dirBytes(appDir, ''))} in all); bare ${kb(dirBytes(bareDir, '.js'))} of JS`,
  );
};

await main();
