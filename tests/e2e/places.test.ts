/**
 * 阵地 walked in Chromium (issue 15): a member who shares their position sees the places of their
 * unions and area nearest first, with opening hours, and opens navigation (h5: the map link, which
 * carries the place's coordinates and name); a member in another city sees that city's places.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PLACES } from '../../scripts/seed/places';
import { openAs, screenshot, useBrowser } from '../support/e2e';
import { pageLayout, textLines } from '../support/e2e-layout';

/** Opens the card tab as `identityId` with the browser's position granted and fixed at `at`. */
const openPlacesAt = async (browser: Browser, identityId: string, at: { latitude: number; longitude: number }): Promise<Page> => {
  const page = await openAs(browser, identityId);
  const context = page.context();
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ ...at, accuracy: 20 });
  // No network in the test: the map site answers with a stub page, so the opened URL can be read.
  await context.route('https://uri.amap.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>地图</title>' }),
  );
  await page.goto(`${page.url().split('#')[0]}#/pages/card/index`);
  await page.locator('[data-testid="find-places"]').click();
  await page.locator('[data-testid="place"]').first().waitFor({ timeout: 30_000 });
  return page;
};

const placeNames = (page: Page) => page.locator('[data-testid="place"] .cp-text').allInnerTexts();

describe('阵地: nearest first, with hours, and navigation', () => {
  const browser = useBrowser();

  it('a 临江区 member sees their places nearest first with hours and opens the map on the nearest', async () => {
    // Near 滨江公园 (临江区): the courier's own union's 驿站 is about 270 m away.
    const page = await openPlacesAt(browser(), 'member-courier', { latitude: 30.25, longitude: 120.21 });
    const shown = await placeNames(page);
    expect(shown[0]).toMatch(/^滨江路户外劳动者驿站 · \d+ 米$/);
    const expected = DEMO_PLACES.filter((p) => !p.placeId.startsWith('place-east')).map((p) => p.name);
    expect(shown.map((s) => s.split(' · ')[0]).sort()).toEqual([...expected].sort());
    // Nearest first: each distance no smaller than the one before.
    const meters = shown.map((s) => {
      const [, n, unit] = /· ([\d.]+) (米|公里)$/.exec(s) ?? [];
      return Number(n) * (unit === '公里' ? 1000 : 1);
    });
    expect(meters).toEqual([...meters].sort((a, b) => a - b));
    // Another city's places never show.
    expect(shown.some((s) => s.includes('澄江') || s.includes('东湖'))).toBe(false);
    await expect.poll(() => page.locator('[data-testid="place-hours"]').first().innerText()).toBe('开放时间：全天开放');
    // At 390 px every 导航 button keeps its label on one line, beside its place, in normal and in large
    // type (大字模式: it wrapped there before, one character a line).
    const oneLineButtons = async (large: 'on' | 'off') => {
      await page.waitForSelector(`[data-testid="card-page"][data-large="${large}"]`);
      for (const button of await page.locator('[data-testid="navigate"]').all()) expect(await textLines(button), large).toBe(1);
      const layout = await pageLayout(page, 0);
      expect({ large, wrapped: layout.wrappedButtons, overflow: layout.overflow }).toEqual({ large, wrapped: [], overflow: [] });
    };
    await oneLineButtons('off');
    await page.locator('[data-testid="large-text-toggle"]:visible').click();
    await oneLineButtons('on');
    // A place name with a long run that has no break opportunity (a Latin code) wraps within its column
    // and never runs under the 导航 button beside it (it did before; the button kept one line).
    const first = page.locator('[data-testid="place"]').first();
    await first.locator('.cp-text').evaluate((el) => {
      el.textContent = '临江国际物流园LINJIANGINTERNATIONALLOGISTICSPARK驿站';
    });
    const [text, button] = await Promise.all([
      first.locator('.row-main').evaluate((el) => {
        const r = document.createRange();
        r.selectNodeContents(el);
        return Math.max(...Array.from(r.getClientRects()).map((c) => c.right));
      }),
      first.locator('[data-testid="navigate"]').evaluate((el) => el.getBoundingClientRect().left),
    ]);
    expect(text).toBeLessThanOrEqual(button);
    expect(await textLines(first.locator('[data-testid="navigate"]'))).toBe(1);
    await page.locator('[data-testid="places"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'places-large-text');
    await page.locator('[data-testid="large-text-toggle"]:visible').click();
    await oneLineButtons('off');
    await page.locator('[data-testid="places"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'places-nearest-first');

    const station = DEMO_PLACES.find((p) => p.placeId === 'place-station-1')!;
    const [map] = await Promise.all([page.context().waitForEvent('page'), page.locator('[data-testid="navigate"]').first().click()]);
    await map.waitForURL(/uri\.amap\.com/, { timeout: 15_000 });
    const url = new URL(map.url());
    expect(url.pathname).toBe('/marker');
    expect(url.searchParams.get('position')).toBe(`${station.lng},${station.lat}`);
    expect(url.searchParams.get('name')).toBe(station.name);
    await page.context().close();
  });

  it('a member in another city (澄江市东湖区) sees that city’s places, not 临江区’s', async () => {
    const page = await openPlacesAt(browser(), 'member-east', { latitude: 31.3, longitude: 120.6 });
    const shown = (await placeNames(page)).map((s) => s.split(' · ')[0]);
    expect([...shown].sort()).toEqual(
      DEMO_PLACES.filter((p) => p.placeId.startsWith('place-east'))
        .map((p) => p.name)
        .sort(),
    );
    expect(shown[0]).toBe('澄江市职工书屋'); // about 260 m from the position given
    await page.locator('[data-testid="places"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'places-other-city');
    await page.context().close();
  });
});
