import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getRuntime } from '../../functions/src/http/runtime';
import { signCardToken } from '../../functions/src/platform/card-token';
import { getActiveMembershipByUser } from '../../functions/src/store/membership.repository';
import { apiCall, demoToken, openAs, screenshot, useBrowser, useE2eStore } from '../support/e2e';

/** Pastes a scanned code into the 核验 page (h5: the textarea stands in for the camera) and reads the answer. */
const check = async (page: Page, code: string) => {
  await page.locator('[data-testid="verify-input"] textarea').fill(code);
  const responded = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/verify'), { timeout: 30_000 });
  await page.locator('[data-testid="verify-submit"]').click();
  const { result } = (await (await responded).json()) as { result: string };
  await expect.poll(() => page.textContent('[data-testid="verify-word"]'), { timeout: 30_000 }).toBe(result);
  const answer = async (id: string) => (await page.textContent(`[data-testid="${id}"]`))?.trim();
  return {
    kind: await page.getAttribute('[data-testid="verify-result"]', 'data-result'),
    word: await answer('verify-word'),
    action: await answer('verify-action'),
    reason: await answer('verify-reason'),
    next: await answer('verify-next'),
    text: (await page.textContent('[data-testid="verify-result"]')) ?? '',
  };
};

/** The answer box's colour and size: unmistakable at arm's length, and told apart without colour too. */
const look = (page: Page) =>
  page.evaluate(() => {
    const box = document.querySelector('[data-testid="verify-result"]') as HTMLElement;
    const word = document.querySelector('[data-testid="verify-word"]') as HTMLElement;
    return {
      background: getComputedStyle(box).backgroundColor,
      wordPx: Number.parseFloat(getComputedStyle(word).fontSize),
      width: box.getBoundingClientRect().width,
    };
  });

describe('核验: a verifier tells 有效, 已过期 and 无效 apart and knows what to do next', () => {
  const browser = useBrowser();

  it('a live code is 有效, a code of the real key whose minute has passed is 已过期, an altered code is 无效', async () => {
    // The member's live code, as the card page shows it.
    const live = (await apiCall('GET', '/me/card', await demoToken('member-migrant'))).body.token as string;
    // The same member's code issued through the same code path with a clock two minutes back: genuine, expired.
    useE2eStore();
    const membership = await getActiveMembershipByUser('member-migrant');
    if (!membership) throw new Error('demo member-migrant has no membership');
    const runtime = await getRuntime();
    const past = new Date(Date.now() - 120_000);
    const expired = (
      await signCardToken(
        { userId: membership.userId, memberNumber: membership.memberNumber, orgId: membership.orgId },
        runtime.config.sessionSecret,
        past,
      )
    ).token;
    // A forgery: one character of a real code changed.
    const at = Math.floor(live.length / 2);
    const forged = `${live.slice(0, at)}${live[at] === 'A' ? 'B' : 'A'}${live.slice(at + 1)}`;

    const page = await openAs(browser(), 'verifier', { redirect: '/member/pages/verify/index' });
    await page.waitForSelector('[data-testid="verify-input"]');

    const valid = await check(page, live);
    expect(valid).toMatchObject({
      kind: 'valid',
      word: '有效',
      action: '可以办理',
      reason: '会员卡真实有效',
      next: '可以为会员办理本次服务或优惠。',
    });
    expect(valid.text).toContain('正常在会');
    expect(valid.text).not.toContain('张');
    const validLook = await look(page);
    await screenshot(page, 'verifier-valid');

    const stale = await check(page, expired);
    expect(stale).toMatchObject({ kind: 'expired', word: '已过期', action: '暂不办理，请会员刷新' });
    expect(stale.reason).toContain('二维码已过期');
    expect(stale.next).toContain('刷新');
    expect(stale.next).toContain('不能办理');
    expect(stale.text).not.toContain('所在工会');
    const staleLook = await look(page);
    await screenshot(page, 'verifier-expired');

    const bad = await check(page, forged);
    expect(bad).toMatchObject({ kind: 'invalid', word: '无效', action: '不要办理' });
    expect(bad.reason).toContain('内容已被改动');
    expect(bad.next?.startsWith('不要办理')).toBe(true);
    const badLook = await look(page);
    await screenshot(page, 'verifier-invalid');

    // Three colours, each with its own word, symbol and action; as large as each other, wide as the phone allows.
    expect(new Set([validLook.background, staleLook.background, badLook.background]).size).toBe(3);
    for (const l of [validLook, staleLook, badLook]) {
      expect(l.wordPx).toBeGreaterThanOrEqual(40);
      expect(l.width).toBeGreaterThan(300);
    }
    await page.context().close();
  });
});
