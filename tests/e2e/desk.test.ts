import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, demoToken, openAs, screenshot, useBrowser } from '../support/e2e';

/**
 * The officer's desk (issue 13) in Chromium, at 1280 px (a PC browser) and at 390 px (a phone): the district
 * officer sees 待办 with the counts the API answers for the demo data (`GET /orgs/district/desk/waiting`, not
 * numbers written here), opens a queue from its count, and sees the 数据看板's charts drawn. Needs the desk API
 * (the counters and dashboard branches).
 */
const shot = async (page: Page, name: string) => {
  await screenshot(page, name);
};

const TILES = ['applications', 'transfers', 'claims', 'proposals', 'repliesOverdue', 'motionsOpen', 'suggestions'] as const;

/** Non-blank pixels of a chart's canvas: a chart that was drawn has many. */
const paintedPixels = (page: Page, id: string) =>
  page.locator(`canvas#${id}`).evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
    return n;
  });

const walk = async (b: Browser, width: 1280 | 390) => {
  const token = await demoToken('officer-district');
  const api = await apiCall<Record<string, { count: number } | number>>('GET', '/orgs/district/desk/waiting', token);
  expect(api.status).toBe(200);
  const expected = (key: (typeof TILES)[number]) => {
    const v = api.body[key];
    return typeof v === 'number' ? v : (v?.count ?? -1);
  };

  const page = await openAs(b, 'officer-district', { desktop: width === 1280, redirect: '/officer/pages/home/index' });
  await page.locator('[data-testid="org-district"]').click();
  await page.locator('[data-testid="waiting-applications"]').waitFor();
  for (const key of TILES) expect(Number(await page.getAttribute(`[data-testid="waiting-${key}"]`, 'data-count')), key).toBe(expected(key));
  // Laid out in columns on a PC, two a row on a phone.
  const boxes = await Promise.all(TILES.slice(0, 4).map((k) => page.locator(`[data-testid="waiting-${k}"]`).boundingBox()));
  const rows = new Set(boxes.map((box) => Math.round(box?.y ?? -1)));
  expect(rows.size).toBe(width === 1280 ? 1 : 2);
  await shot(page, `desk-waiting-${width}`);

  // A count opens its queue.
  await page.locator('[data-testid="waiting-applications"]').click();
  await page.waitForURL(/officer\/pages\/review\/index/);
  await page.locator('[data-testid="org-district"]').waitFor();

  // 数据看板: the charts are drawn.
  await page.goto(page.url().replace(/#.*$/, '#/officer/pages/desk/dashboard'));
  await page.reload();
  await page.locator('[data-testid="org-district"]').click();
  await page.locator('[data-testid="dashboard-heading"]').waitFor();
  await page.locator('canvas#newByMonth').waitFor();
  await page.waitForTimeout(300);
  expect(await paintedPixels(page, 'newByMonth')).toBeGreaterThan(500);
  expect(await paintedPixels(page, 'byChannel')).toBeGreaterThan(500);
  if (width === 1280) {
    const [members, review] = await Promise.all([
      page.locator('[data-testid="dash-members"]').boundingBox(),
      page.locator('[data-testid="dash-review"]').boundingBox(),
    ]);
    // Side by side on a PC.
    expect(Math.round(members?.y ?? 0)).toBe(Math.round(review?.y ?? -1));
  }
  await shot(page, `desk-dashboard-${width}`);
  await page.context().close();
};

describe('工会干部工作台: 待办 and 数据看板 in Chromium', () => {
  const browser = useBrowser();
  it('at 1280 px: the district officer sees the waiting counts, opens a queue, sees the charts', async () => {
    await walk(browser(), 1280);
  }, 120_000);
  it('at 390 px: the same on a phone', async () => {
    await walk(browser(), 390);
  }, 120_000);
});
