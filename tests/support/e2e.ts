import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, PHONE } from './chromium';
import { OWN_DATA_ROUTES, piiFindings } from './pii-scan';

export const ARTIFACTS = path.resolve(import.meta.dirname, '../e2e/artifacts');
export { CHROMIUM } from './chromium';

export const appUrl = () => inject('appUrl');
export const apiUrl = () => inject('apiUrl');

/** Points this test process's store at the e2e stack's table (for setup done through the store). */
export const useE2eStore = (): void => {
  Object.assign(process.env, { STAGE: 'local', DYNAMODB_ENDPOINT: inject('dynamoEndpointE2e'), TABLE_NAME: inject('tableNameE2e') });
};

let browser: Browser | undefined;

/** One Chromium per test file, closed after it. */
export const useBrowser = (): (() => Browser) => {
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
  return () => {
    if (!browser) throw new Error('browser not started');
    return browser;
  };
};

/** A phone-sized browser context (desktop-sized for officers' PC use when `desktop`). */
export const newContext = (b: Browser, opts: { desktop?: boolean } = {}): Promise<BrowserContext> =>
  b.newContext(opts.desktop ? { viewport: { width: 1280, height: 900 }, locale: 'zh-CN' } : PHONE);

/** Signs in as a demo identity through the development sign-in page, landing on `redirect` (a page path). */
export const signInAs = async (page: Page, identityId: string, redirect?: string): Promise<void> => {
  const q = redirect ? `&redirect=${encodeURIComponent(redirect)}` : '';
  await page.goto(`${appUrl()}/#/pages/login/index?as=${identityId}${q}`);
  await page.waitForFunction(() => Boolean(window.localStorage.getItem('union.session')), undefined, { timeout: 30_000 });
  // The sign-in page saves the session and then navigates on: wait for it to leave, or a
  // navigation the test starts next would race the redirect.
  await page.waitForURL((url) => !url.hash.includes('pages/login'), { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
};

/** A new page in its own context, signed in as `identityId`. */
export const openAs = async (b: Browser, identityId: string, opts: { desktop?: boolean; redirect?: string } = {}): Promise<Page> => {
  const context = await newContext(b, opts);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[browser ${identityId}] ${e.message}`));
  await signInAs(page, identityId, opts.redirect);
  return page;
};

export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
};

/** Calls the API directly (for test setup that is not the subject of the test). */
export const apiCall = async <T = any>(method: string, p: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> => {
  const res = await fetch(`${apiUrl()}${p}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const route = `${method} ${new URL(p, 'http://x').pathname}`;
  const found = OWN_DATA_ROUTES.has(route) ? [] : piiFindings(text);
  if (found.length > 0) throw new Error(`PII in the response of ${route}: ${found.map((f) => `${f.kind} ${f.text}`).join(', ')}`);
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
};

/** A session token for a demo identity, through the development sign-in. */
export const demoToken = async (identityId: string): Promise<string> => {
  const res = await apiCall<{ token: string }>('POST', '/auth/dev', undefined, { identityId });
  if (res.status !== 200) throw new Error(`dev sign-in as ${identityId} failed: ${JSON.stringify(res.body)}`);
  return res.body.token;
};

/** The page printed to PDF as the browser prints it (its @page size, backgrounds): each page's size in points. */
export const printedPageSizes = async (page: Page): Promise<Array<[number, number]>> => {
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  return [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
    Math.round(Number(m[1])),
    Math.round(Number(m[2])),
  ]);
};
