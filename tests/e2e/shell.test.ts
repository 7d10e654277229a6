import { describe, expect, it } from 'vitest';
import { appUrl, newContext, openAs, screenshot, useBrowser } from '../support/e2e';
import { textLines } from '../support/e2e-layout';

describe('the mini-program shell (h5 build in Chromium)', () => {
  const browser = useBrowser();

  it('shows the app with a signed-in demo member', async () => {
    const page = await openAs(browser(), 'member-courier');
    await page.waitForSelector('[data-testid="welcome"]');
    await expect.poll(() => page.textContent('[data-testid="welcome"]')).toContain('王小军');
    // The tab bar of the mini-program.
    for (const tab of ['首页', '会员卡', '投票', '我的']) {
      expect(await page.getByText(tab, { exact: true }).count()).toBeGreaterThan(0);
    }
    await screenshot(page, 'shell-home-signed-in');
    await page.context().close();
  });

  it('lists the demo identities on the development sign-in page', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await page.goto(`${appUrl()}/#/pages/login/index`);
    await page.waitForSelector('[data-testid="identity-officer-district"]');
    expect(await page.textContent('[data-testid="identity-officer-district"]')).toContain('工会干部');
    await page.locator('[data-testid="identity-officer-enterprise"]').getByText('以此身份登录').click();
    await page.waitForSelector('[data-testid="welcome"]');
    expect(await page.textContent('[data-testid="welcome"]')).toContain('李晓梅');
    await screenshot(page, 'shell-dev-sign-in');
    await context.close();
  });

  it('the sign-in list at 390 px: every 以此身份登录 on one line, beside its identity', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await page.goto(`${appUrl()}/#/pages/login/index`);
    await page.waitForSelector('[data-testid="identity-newcomer"]');
    expect(page.viewportSize()?.width).toBe(390);
    const rows = page.locator('[data-testid^="identity-"]');
    expect(await rows.count()).toBeGreaterThanOrEqual(6);
    const lines: Record<string, number> = {};
    for (const row of await rows.all())
      lines[(await row.getAttribute('data-testid')) ?? ''] = await textLines(row.getByText('以此身份登录'));
    expect(Object.entries(lines).filter(([, n]) => n !== 1)).toEqual([]);
    // Each beside its identity's name and description, not pushed under them.
    for (const row of await rows.all()) {
      const [button, text] = await Promise.all([
        row.getByText('以此身份登录').boundingBox(),
        row.locator(':scope > :first-child').boundingBox(),
      ]);
      expect(button && text && button.x >= text.x + text.width && button.y < text.y + text.height).toBe(true);
    }
    await screenshot(page, 'shell-login-390');
    await context.close();
  });

  it('leads a worker whose employer has no union to a 联合工会 by area', async () => {
    const page = await openAs(browser(), 'newcomer');
    await page.click('[data-testid="no-union"]');
    await page.fill('[data-testid="area"] input', '临江区');
    await page.click('[data-testid="find-joint"]');
    await page.waitForSelector('[data-testid="joint-results"]');
    expect(await page.textContent('[data-testid="joint-results"]')).toContain('临江区快递物流行业联合工会');
    await screenshot(page, 'shell-joint-union-by-area');
    await page.getByText('申请加入').first().click();
    await page.waitForSelector('[data-testid="join-org"]');
    expect(await page.textContent('[data-testid="join-org"]')).toContain('临江区快递物流行业联合工会');
    await page.context().close();
  });
});
