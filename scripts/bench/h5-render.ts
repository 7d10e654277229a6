/**
 * h5 first render: the app's member home and card page against the bare Taro page, in Chromium.
 *
 * Both builds are served by `npm start`'s static server (scripts/lib/static-server.ts, /api proxied),
 * the API by the functions' handlers in this process against the bench's DynamoDB Local and demo data
 * (api-server.ts), signed in as the demo member. Every run opens a new browser
 * context (empty HTTP cache; the signed-in session is put in its localStorage beforehand). First
 * render = the time from navigation start (performance.timeOrigin) until the page's main element is
 * in the DOM with a layout box: the welcome card on the home page, the member's name on the card page
 * (which waits for GET /me/card), the bare page's only <View>. Rounds alternate the pages (home,
 * bare, card; then card, bare, home), so each app page loads next to the bare one, and its ratio is
 * the median of each round's app ÷ bare: the browser is CPU-bound, and the load on the machine
 * changes over seconds. The JavaScript bytes are those of the scripts the page had loaded by its first render.
 */
import type { Server } from 'node:http';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, PHONE } from '../../tests/support/chromium';
import { freePort } from '../lib/dynamo-local';
import { startStaticServer } from '../lib/static-server';
import { startApiServer } from './api-server';
import { BARE_SELECTOR } from './bare-taro';
import { alternate, median, pairedRatio, progress } from './lib';

export interface RenderRow {
  page: string;
  url: string;
  selector: string;
  medianMs: number;
  jsBytes: number;
  jsFiles: number;
  /** The median of each round's first render ÷ the bare page's of the same round; 1 for the bare row. */
  ratio: number;
  runs: number;
}

export const RENDER_MEMBER = 'member-migrant';
export const BARE_PAGE = 'bare Taro page';

/**
 * Records, in the page, when `selector` first has a layout box (ms since navigation start): checked on
 * every DOM change and every animation frame. A string, not a function: tsx's transform would put
 * helpers the page does not have into a serialised function.
 */
const watchFirstRender = (selector: string): string => `(() => {
  const selector = ${JSON.stringify(selector)};
  const check = () => {
    if (window.__benchFirstRender !== undefined) return true;
    const el = document.querySelector(selector);
    if (!el) return false;
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) window.__benchFirstRender = performance.now();
    return window.__benchFirstRender !== undefined;
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  const frame = () => { if (!check()) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})();`;

type StorageState = Awaited<ReturnType<Awaited<ReturnType<Browser['newContext']>>['storageState']>>;

const firstRender = async (
  browser: Browser,
  url: string,
  selector: string,
  storageState: StorageState | undefined,
): Promise<{ ms: number; jsBytes: number; jsFiles: number }> => {
  const context = await browser.newContext({ ...PHONE, ...(storageState ? { storageState } : {}) });
  try {
    await context.addInitScript({ content: watchFirstRender(selector) });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __benchFirstRender?: number }).__benchFirstRender !== undefined, undefined, {
      timeout: 60_000,
      polling: 50,
    });
    return await page.evaluate(() => {
      const at = (window as unknown as { __benchFirstRender: number }).__benchFirstRender;
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
        (e) => (e.initiatorType === 'script' || /\.js(\?|$)/.test(e.name)) && e.responseEnd <= at,
      );
      return { ms: at, jsBytes: scripts.reduce((n, e) => n + e.decodedBodySize, 0), jsFiles: scripts.length };
    });
  } finally {
    await context.close();
  }
};

export const measureH5Render = async (opts: { rounds: number; appDist: string; bareDist: string }): Promise<RenderRow[]> => {
  const api = await startApiServer();
  const servers: Server[] = [];
  let browser: Browser | undefined;
  try {
    const serve = async (dist: string) => {
      const port = await freePort();
      servers.push(await startStaticServer(dist, api.url, port));
      return `http://127.0.0.1:${port}`;
    };
    const appUrl = await serve(opts.appDist);
    const bareUrl = await serve(opts.bareDist);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

    // The demo member's session, as the development sign-in page stores it.
    const signIn = await browser.newContext(PHONE);
    const page = await signIn.newPage();
    await page.goto(`${appUrl}/#/pages/login/index?as=${RENDER_MEMBER}`);
    await page.waitForFunction(() => Boolean(window.localStorage.getItem('union.session')), undefined, { timeout: 60_000 });
    await page.waitForURL((u) => !u.hash.includes('pages/login'), { timeout: 60_000 });
    const storageState = await signIn.storageState();
    await signIn.close();

    const pages = [
      { page: 'member home', url: `${appUrl}/#/pages/index/index`, selector: '[data-testid="welcome"]', state: storageState },
      { page: BARE_PAGE, url: `${bareUrl}/#/pages/index/index`, selector: BARE_SELECTOR, state: undefined },
      { page: 'card page', url: `${appUrl}/#/pages/card/index`, selector: '[data-testid="card-name"]', state: storageState },
    ];
    const bytes = new Map<string, { jsBytes: number; jsFiles: number }>();
    progress(`h5 first render: ${opts.rounds} alternating rounds of ${pages.map((p) => p.page).join(', ')}`);
    const samples = await alternate(
      opts.rounds,
      Object.fromEntries(
        pages.map((p) => [
          p.page,
          async () => {
            const r = await firstRender(browser as Browser, p.url, p.selector, p.state);
            bytes.set(p.page, { jsBytes: r.jsBytes, jsFiles: r.jsFiles });
            return r.ms;
          },
        ]),
      ),
      { warmup: 1 },
    );
    const bare = samples[BARE_PAGE] ?? [];
    return pages.map((p) => {
      const m = median(samples[p.page] ?? []);
      return {
        page: p.page,
        url: p.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''),
        selector: p.selector,
        medianMs: m,
        jsBytes: bytes.get(p.page)?.jsBytes ?? 0,
        jsFiles: bytes.get(p.page)?.jsFiles ?? 0,
        ratio: pairedRatio(samples[p.page] ?? [], bare),
        runs: samples[p.page]?.length ?? 0,
      };
    });
  } finally {
    await browser?.close();
    for (const s of servers) await new Promise<void>((r) => s.close(() => r()));
    await api.close();
  }
};
