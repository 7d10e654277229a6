import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, demoToken, openAs, screenshot, useBrowser } from '../support/e2e';

/** Page transitions over: no animation still running (a screenshot mid-slide shows two pages). */
const settled = (page: Page) =>
  page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 10_000 });

describe('商惠: a merchant’s staff scans a member’s card and records the discount; the member sees it under 我的', () => {
  const browser = useBrowser();

  it('临江惠民超市’s staff: 有效 with the discount there, 记录本次优惠使用 once; 我的商惠 and the officer’s list show it', async () => {
    // The member's live code, as the card page shows it (the h5 walk feeds the decoded QR as the scan).
    const memberToken = await demoToken('member-migrant');
    const code = (await apiCall('GET', '/me/card', memberToken)).body.token as string;

    const staff = await openAs(browser(), 'merchant-staff', { redirect: '/member/pages/verify/index' });
    await staff.waitForSelector('[data-testid="merchant-banner"]', { timeout: 30_000 });
    expect(await staff.textContent('[data-testid="merchant-banner"]')).toContain('临江惠民超市');
    await staff.locator('[data-testid="verify-input"] textarea').fill(code);
    await staff.locator('[data-testid="verify-submit"]').click();
    await staff.waitForSelector('[data-testid="merchant-offer"]', { timeout: 30_000 });
    expect(await staff.textContent('[data-testid="verify-word"]')).toBe('有效');
    const offer = (await staff.textContent('[data-testid="merchant-offer"]')) ?? '';
    expect(offer).toContain('凭工会会员卡购物享受 9.5 折优惠');
    expect(offer).toContain('临江精密机械有限公司工会');
    // No name of the member anywhere on the staff's screen.
    expect(await staff.textContent('[data-testid="verify-result"]')).not.toContain('张');
    await screenshot(staff, 'merchant-staff-valid');

    const recorded = staff.waitForResponse((r) => r.request().method() === 'POST' && /\/merchants\/[^/]+\/uses$/.test(r.url()), {
      timeout: 30_000,
    });
    await staff.locator('[data-testid="merchant-record"]').click();
    const answer = await recorded;
    expect(answer.status()).toBe(201);
    const { use } = (await answer.json()) as { use: { useId: string; usedAt: string } };
    await staff.waitForSelector('[data-testid="merchant-recorded"]', { timeout: 30_000 });
    expect(await staff.textContent('[data-testid="merchant-recorded"]')).toContain('已记录本次使用');
    expect(await staff.locator('[data-testid="merchant-record"]').count()).toBe(0);
    await screenshot(staff, 'merchant-staff-recorded');
    await staff.context().close();

    // The member: 我的 → 我的商惠.
    const member = await openAs(browser(), 'member-migrant', { redirect: '/pages/me/index' });
    await member.locator('[data-testid="me-merchant-uses"]').click();
    await member.waitForSelector(`[data-testid="my-use-${use.useId}"]`, { timeout: 30_000 });
    const row = (await member.textContent(`[data-testid="my-use-${use.useId}"]`)) ?? '';
    expect(row).toContain('临江惠民超市');
    expect(row).toContain('凭工会会员卡购物享受 9.5 折优惠');
    await settled(member);
    await screenshot(member, 'merchant-member-uses');
    await member.context().close();

    // The enterprise's officer: 商惠商户 → the merchant's uses (masked number, the member's union, never a name).
    const officer = await openAs(browser(), 'officer-enterprise', { desktop: true, redirect: '/officer/pages/merchants/index' });
    await officer.waitForSelector('[data-testid="merchant-demo-merchant"]', { timeout: 30_000 });
    await officer.locator('[data-testid="merchant-demo-merchant"] [data-testid="merchant-uses-toggle"]').click();
    await officer.waitForSelector('[data-testid="merchant-use"]', { timeout: 30_000 });
    const uses = (await officer.locator('[data-testid="merchant-use"]').allTextContents()).join('\n');
    expect(uses).toContain('临江精密机械有限公司工会');
    expect(uses).not.toContain('张德福');
    await officer.locator('[data-testid="merchant-use"]').first().scrollIntoViewIfNeeded();
    await settled(officer);
    await screenshot(officer, 'merchant-officer-uses');
    await officer.context().close();
  });
});
