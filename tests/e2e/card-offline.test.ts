/**
 * 会员卡 offline, walked in Chromium (issue 15): a member opened the card online; the phone loses its
 * network; when the card page refreshes (shown again, or its 50 s timer) it keeps showing the last card
 * with 更新于 and the time it was fetched, says it is offline, and the device's copy holds only what the
 * card prints (masked name, number, union, dates, status) — no QR token, no 身份证号 or phone.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUrl, openAs, screenshot, useBrowser } from '../support/e2e';
import { piiFindings } from '../support/pii-scan';

const tab = async (page: Page, label: string) => page.getByText(label, { exact: true }).last().click();

describe('会员卡 offline', () => {
  const browser = useBrowser();

  it('shows the last card with 更新于 when the refresh finds no network, and comes back fresh online', async () => {
    const page = await openAs(browser(), 'member-courier');
    const tokens: string[] = [];
    page.on('response', async (res) => {
      if (res.url().endsWith('/me/card') && res.ok()) tokens.push(((await res.json()) as { token: string }).token);
    });
    // The page's clock is Playwright's, so the walk can move it past the QR's 60 s instead of waiting.
    await page.clock.install();
    await page.goto(`${appUrl()}/#/pages/card/index`);
    await page.waitForSelector('[data-testid="member-card-block"][data-card="fresh"] [data-testid="card-qr"]', { timeout: 30_000 });
    const updated = (await page.textContent('[data-testid="card-updated"]')) ?? '';
    expect(updated).toMatch(/^更新于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await page.locator('[data-testid="card-stamp"]').count()).toBe(0);
    await expect.poll(() => tokens.length).toBeGreaterThan(0);

    // The network goes; the card page is shown again (another tab, then 会员卡), so it refreshes — offline.
    await page.context().setOffline(true);
    await tab(page, '首页');
    await tab(page, '会员卡');
    const stamp = page.locator('[data-testid="card-stamp"]:visible');
    await stamp.waitFor({ timeout: 30_000 });
    expect(await stamp.textContent()).toMatch(/^当前离线，显示的是上次获取的会员卡（\d{4}-\d{2}-\d{2} \d{2}:\d{2}）/);
    expect(await page.textContent('[data-testid="card-name"]')).toBe('王*军');
    expect(await page.textContent('[data-testid="card-org"]')).toBe('临江区快递物流行业联合工会');
    expect(await page.textContent('[data-testid="card-number"]')).toMatch(/^LOGISTICS-\d{6}$/);
    expect(await page.textContent('[data-testid="card-updated"]')).toBe(updated);
    await screenshot(page, 'offline-card');

    // What the device keeps: the printed fields only — no token the page was given, no 身份证号 or phone.
    const kept = await page.evaluate(() => window.localStorage.getItem('union.card.last.member-courier'));
    const card = JSON.parse(kept ?? 'null') as Record<string, string>;
    expect(Object.keys(card).sort()).toEqual(['fetchedAt', 'joinedOn', 'maskedName', 'memberNumber', 'orgName', 'statusText']);
    expect(card.maskedName).toBe('王*军');
    for (const token of tokens) expect(kept).not.toContain(token);
    expect(piiFindings(kept ?? '')).toEqual([]);

    // The QR's token expires (60 s) while offline: the QR is hidden and waits for the network.
    await page.clock.fastForward('01:05');
    await page.waitForSelector('[data-testid="qr-placeholder"]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid="qr-note"]')).toBe('联网刷新后显示二维码');
    expect(await page.textContent('[data-testid="card-updated"]')).toBe(updated);
    await screenshot(page, 'offline-card-qr-expired');

    // Online again (and the page's clock back to the server's): the next refresh brings a fresh card and QR,
    // and the offline note goes.
    await page.clock.setSystemTime(new Date());
    await page.context().setOffline(false);
    await tab(page, '首页');
    await tab(page, '会员卡');
    await page.waitForSelector('[data-testid="member-card-block"][data-card="fresh"] [data-testid="card-qr"]', { timeout: 30_000 });
    await expect.poll(() => page.locator('[data-testid="card-stamp"]:visible').count()).toBe(0);
    await page.context().close();
  }, 120_000);
});
