import { makeIdNumber, PRIVACY_NOTICE_VERSION } from '@union/shared';
import jsQR from 'jsqr';
import type { Browser, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sealProfile } from '../../functions/src/http/membership/join.service';
import { getRuntime } from '../../functions/src/http/runtime';
import { activateMembership } from '../../functions/src/store/membership.repository';
import { requireOrg } from '../../functions/src/store/org.repository';
import { addGrant, putUser } from '../../functions/src/store/user.repository';
import { apiCall, appUrl, demoToken, openAs, screenshot, useBrowser, useE2eStore } from '../support/e2e';
import { piiFindings } from '../support/pii-scan';

/** Reads the card's QR image back into text, as a verifier's camera would. */
const readQr = async (page: Page): Promise<string | null> => {
  const pixels = await page.evaluate(async () => {
    const img = document.querySelector('[data-testid="card-qr"] img') as HTMLImageElement | null;
    if (!img) return null;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, data: Array.from(data.data) };
  });
  if (!pixels) return null;
  return jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height)?.data ?? null;
};

const benefit = (page: Page, name: string) =>
  page.locator('[data-testid^="benefit-"]').filter({ has: page.getByText(name, { exact: true }) });

/** The district officer's 会员认定 page, paged on (加载更多) until the member's row is there. */
const openFactsRow = async (browser: Browser, userId: string) => {
  const page = await openAs(browser, 'officer-district', { desktop: true, redirect: '/officer/pages/facts/index' });
  await page.waitForSelector('[data-testid="officer-facts"]');
  const row = page.locator(`[data-testid="facts-${userId}"]`);
  await expect
    .poll(
      async () => {
        if (await row.count()) return true;
        const more = page.locator('[data-testid="facts-more"]');
        if (await more.count()) await more.click();
        return false;
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
  return { page, row };
};

describe('服务卡: card, benefits with reasons, a claim approved by an officer', () => {
  const browser = useBrowser();

  it('opened on the card tab, the card is asked for before the page renders; the last card shows at once, and the QR only from the fresh token', async () => {
    // A member signed in on this phone (the session only: no card kept yet).
    const signIn = await openAs(browser(), 'member-migrant');
    const storageState = await signIn.context().storageState();
    await signIn.context().close();
    const context = await browser().newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      storageState,
    });
    // When GET /me/card is sent and when the card page first exists (ms since navigation start). A string:
    // the test's transform would add helpers to a function that the page does not have.
    await context.addInitScript({
      content: `(() => {
        const fetch0 = window.fetch.bind(window);
        window.fetch = (input, init) => {
          if (String(input).endsWith('/me/card')) window.__cardAsked ??= performance.now();
          return fetch0(input, init);
        };
        new MutationObserver(() => {
          if (document.querySelector('[data-testid="card-page"]')) window.__pageShown ??= performance.now();
        }).observe(document, { childList: true, subtree: true });
      })();`,
    });
    const page = await context.newPage();
    // GET /me/card is held until the test lets it through (a slow network).
    const held: Route[] = [];
    let asked = 0;
    await page.route('**/api/me/card', (route) => {
      asked += 1;
      held.push(route);
    });
    const release = async (): Promise<string> => {
      await expect.poll(() => held.length, { timeout: 30_000 }).toBe(1);
      const route = held.shift() as Route;
      const response = await route.fetch();
      const body = (await response.json()) as { token: string };
      await route.fulfill({ response });
      return body.token;
    };
    const stamp = page.locator('[data-testid="card-stamp"]');

    // First opening on this phone: the request leaves before the page has rendered; no name until it answers.
    await page.goto(`${appUrl()}/#/pages/card/index`);
    await expect.poll(() => held.length, { timeout: 30_000 }).toBe(1);
    await page.waitForSelector('[data-testid="card-page"]', { timeout: 30_000 });
    const order = await page.evaluate(() => {
      const w = window as unknown as { __cardAsked?: number; __pageShown?: number };
      return { asked: w.__cardAsked ?? Number.NaN, shown: w.__pageShown ?? Number.NaN };
    });
    expect(order.asked).toBeLessThan(order.shown);
    expect(await page.locator('[data-testid="card-name"]').count()).toBe(0);
    expect(await page.textContent('[data-testid="card-loading"]')).toBe('正在加载会员卡…');
    const first = await release();
    await page.waitForSelector('[data-testid="card-qr"]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid="card-name"]')).toBe('张*福');
    expect(await readQr(page)).toBe(first);
    // One request: the page took over the one sent before it loaded.
    expect(asked).toBe(1);

    // What the phone keeps: the printed card under this member's key; no token, 身份证号 or phone.
    const kept = await page.evaluate(() => window.localStorage.getItem('union.card.last.member-migrant'));
    expect(JSON.parse(kept ?? 'null')).toMatchObject({ maskedName: '张*福', fetchedAt: expect.any(String) });
    expect(Object.keys(JSON.parse(kept ?? '{}')).sort()).toEqual([
      'fetchedAt',
      'joinedOn',
      'maskedName',
      'memberNumber',
      'orgName',
      'statusText',
    ]);
    expect(kept).not.toContain(first);
    expect(piiFindings(kept ?? '')).toEqual([]);

    // Opened again: the name shows at once from the last card, marked 上次获取, with no QR while /me/card is held.
    await page.reload();
    await page.waitForSelector('[data-testid="member-card-block"][data-card="last"] [data-testid="card-name"]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid="card-name"]')).toBe('张*福');
    expect(await stamp.textContent()).toMatch(/^上次获取于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}，正在刷新…$/);
    await page.waitForTimeout(1_500);
    expect(await page.locator('[data-testid="card-qr"]').count()).toBe(0);
    expect(await page.textContent('[data-testid="qr-note"]')).toBe('正在获取二维码…');
    await screenshot(page, 'card-last-card-refreshing');

    // The fresh answer: the QR carries its token (never the earlier one), and the 上次 mark goes.
    const second = await release();
    expect(second).not.toBe(first);
    await page.waitForSelector('[data-testid="member-card-block"][data-card="fresh"] [data-testid="card-qr"]', { timeout: 30_000 });
    expect(await readQr(page)).toBe(second);
    expect(asked).toBe(2);
    expect(await stamp.count()).toBe(0);
    const verifier = await demoToken('verifier');
    expect((await apiCall('POST', '/verify', verifier, { token: second })).body).toMatchObject({ result: '有效' });
    await context.close();
  });

  it('a courier (八大群体) sees the card and benefits, claims 大病住院慰问金, and sees it 已通过', async () => {
    const member = await openAs(browser(), 'member-courier', { redirect: '/pages/card/index' });
    await member.waitForSelector('[data-testid="card-name"]', { timeout: 30_000 });
    expect(await member.textContent('[data-testid="card-name"]')).toBe('王*军');
    expect(await member.textContent('[data-testid="card-org"]')).toBe('临江区快递物流行业联合工会');
    expect(await member.textContent('[data-testid="card-status"]')).toBe('正常在会');
    expect(await member.textContent('[data-testid="card-number"]')).toMatch(/^LOGISTICS-\d{6}$/);
    await member.waitForSelector('[data-testid="card-qr"]');

    // The QR really carries a signed token a verifier accepts, and it reveals no name.
    const token = await readQr(member);
    expect(token).toBeTruthy();
    const verifier = await demoToken('verifier');
    const check = await apiCall('POST', '/verify', verifier, { token });
    expect(check.body).toMatchObject({ result: '有效', memberStatus: 'active', orgName: '临江区快递物流行业联合工会' });
    expect(JSON.stringify(check.body)).not.toContain('王');

    // Benefits from the city catalog the importer made out of the demo plan.
    await member.waitForSelector('[data-testid="benefits"]', { timeout: 30_000 });
    const accident = benefit(member, '意外伤害互助保险');
    await accident.waitFor();
    expect(await accident.locator('[data-testid="decision"]').textContent()).toBe('符合');
    expect(await accident.textContent()).toContain('符合：八大群体会员');
    expect(await accident.locator('[data-testid="source"]').textContent()).toMatch(/^来源：.*意外伤害互助保险/);

    const illness = benefit(member, '大病住院慰问金');
    expect(await illness.locator('[data-testid="decision"]').textContent()).toBe('待核对');
    expect(await illness.textContent()).toContain('需申领时提供：本年度大病住院自付医药费（元），达到 10000 元（含）以上');
    await screenshot(member, 'card-member');
    await accident.scrollIntoViewIfNeeded();
    await screenshot(member, 'card-member-benefits');

    // 适老化: every text on the page grows.
    const before = await member.locator('[data-testid="card-name"]').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    await member.locator('[data-testid="large-text-toggle"]').click();
    await member.waitForSelector('[data-testid="card-page"][data-large="on"]');
    const after = await member.locator('[data-testid="card-name"]').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(after).toBeGreaterThan(before * 1.2);
    await screenshot(member, 'card-member-large-text');
    await illness.scrollIntoViewIfNeeded();
    await screenshot(member, 'card-member-large-text-benefits');
    await member.locator('[data-testid="large-text-toggle"]').scrollIntoViewIfNeeded();
    await member.locator('[data-testid="large-text-toggle"]').click();
    await member.waitForSelector('[data-testid="card-page"][data-large="off"]');

    // The claim form asks for the one fact the rule needs.
    await illness.locator('[data-testid="claim-button"]').click();
    await member.waitForSelector('[data-testid="fact-selfPaidMedical"]');
    expect(await member.locator('[data-testid="claim-page"]').textContent()).toContain('本年度大病住院自付医药费（元）');
    await member.locator('[data-testid="fact-selfPaidMedical"] input').fill('12000');
    await member.locator('[data-testid="submit-claim"]').click();
    await member.waitForSelector('[data-testid="claim-done"]');
    expect(await member.textContent('[data-testid="claim-done"]')).toContain('待审核');
    await screenshot(member, 'card-claim-submitted');

    // The district officer (whose subtree includes the 联合工会) approves it from the queue.
    const officer = await openAs(browser(), 'officer-district', { desktop: true, redirect: '/officer/pages/claims/index' });
    const row = officer.locator('[data-testid^="officer-claim-"]').filter({ hasText: '大病住院慰问金' }).filter({ hasText: '王小军' });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('本年度大病住院自付医药费：12000元');
    await screenshot(officer, 'card-officer-queue');
    await row.locator('[data-testid="approve"]').click();
    await officer.getByText('已通过 王小军 的申领').waitFor();
    await officer.context().close();

    // Back on the card, the member sees 已通过.
    await member.locator('[data-testid="claim-done"]').getByText('返回会员卡').click();
    await member.waitForSelector('[data-testid="my-claims"]');
    const mine = member.locator('[data-testid^="claim-"]').filter({ hasText: '大病住院慰问金' });
    await expect
      .poll(
        async () => {
          await member.reload();
          await mine.first().waitFor({ timeout: 30_000 });
          return mine.first().locator('[data-testid="claim-status"]').textContent();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe('已通过');
    expect(await benefit(member, '大病住院慰问金').locator('[data-testid="my-claim-status"]').textContent()).toBe('我的申领：已通过');
    await screenshot(member, 'card-claim-approved');
    await member.context().close();
  });

  it('a verifier pastes a card token and gets 有效 without any personal information', async () => {
    const memberToken = await demoToken('member-migrant');
    const card = await apiCall('GET', '/me/card', memberToken);
    expect(card.status).toBe(200);
    const page = await openAs(browser(), 'verifier', { redirect: '/member/pages/verify/index' });
    await page.waitForSelector('[data-testid="verify-input"]');
    await page.locator('[data-testid="verify-input"] textarea').fill(card.body.token);
    await page.locator('[data-testid="verify-submit"]').click();
    await page.waitForSelector('[data-testid="verify-result"]');
    const text = await page.textContent('[data-testid="verify-result"]');
    expect(text).toContain('有效');
    expect(text).toContain('正常在会');
    expect(text).not.toContain('张');
    await screenshot(page, 'card-verify-valid');
    await page.context().close();
  });

  it('an officer sets a member’s facts; an edit made meanwhile elsewhere is refused (409) and the row reloads', async () => {
    const token = await demoToken('officer-district');
    const path = '/orgs/district/members/member-courier/facts';
    const { page, row } = await openFactsRow(browser(), 'member-courier');
    const fact = (i: number) => row.locator('.oc-fact').nth(i).locator('input.weui-switch');

    await fact(1).click();
    await page.getByText('已认定王小军：劳动模范').waitFor();
    // Another officer edits the same member from what they read.
    const read = await apiCall('GET', path, token);
    const other = await apiCall('PUT', path, token, { frontlineMedical: true, version: read.body.version });
    expect(other.status).toBe(200);

    // The page still holds the older version: its edit is refused, and the row shows what is stored now.
    await fact(0).click();
    await page.getByText('刚被其他干部修改').waitFor();
    await expect.poll(() => fact(2).isChecked()).toBe(true);
    expect(await fact(0).isChecked()).toBe(false);
    await screenshot(page, 'card-officer-facts-stale');
    await fact(0).click();
    await page.getByText('已认定王小军：困难职工建档').waitFor();
    const after = await apiCall('GET', path, token);
    expect(after.body).toMatchObject({
      version: read.body.version + 2,
      facts: { hardship: true, modelWorker: true, frontlineMedical: true },
    });
    await page.context().close();

    // Leave the demo courier as the other tests expect.
    const reset = await apiCall('PUT', path, token, {
      hardship: false,
      modelWorker: false,
      frontlineMedical: false,
      version: after.body.version,
    });
    expect(reset.status).toBe(200);
  });

  it('免申即享 on an unconfirmed 八大群体 declaration waits for review, and says why; an officer confirms it in 会员认定', async () => {
    // A courier who joined through the auto invite: nobody has looked at what the form declares.
    useE2eStore();
    await putUser({
      userId: 'e2e-auto-courier',
      displayName: '钱多多',
      grants: [],
      demoDescription: 'e2e：扫码自动入会的快递员',
      demoOrder: 902,
    });
    const profile = sealProfile(await getRuntime(), 'e2e-auto-courier', {
      name: '钱多多',
      idNumber: makeIdNumber('320102', '1995-08-16', '451'),
      phone: '17000008812',
      employer: '顺达快递临江营业部',
      employmentType: 'platform',
      group: 'courier',
      isMigrantWorker: false,
      noticeAccepted: true,
      noticeVersion: PRIVACY_NOTICE_VERSION,
    });
    await activateMembership({
      membershipId: 'me2eautocourier1',
      userId: 'e2e-auto-courier',
      org: await requireOrg('logistics'),
      profile,
      now: new Date(),
      applicationId: 'seed-e2e-auto-courier',
      declaredFactsConfirmedBy: null,
      extra: () => [],
    });
    await addGrant('e2e-auto-courier', { role: 'member', orgId: 'logistics' });

    const memberToken = await demoToken('e2e-auto-courier');
    const benefits = await apiCall('GET', '/me/benefits', memberToken);
    const insurance = benefits.body.tiers
      .flatMap((t: { benefits: Array<{ name: string }> }) => t.benefits)
      .find((b: { name: string }) => b.name === '意外伤害互助保险');
    expect(insurance.howToClaim).toBe('免申即享：八大群体身份待工会确认，申领后由工会审核');

    const member = await openAs(browser(), 'e2e-auto-courier', { redirect: '/pages/card/index' });
    const accident = benefit(member, '意外伤害互助保险');
    await accident.waitFor({ timeout: 30_000 });
    expect(await accident.textContent()).toContain('八大群体身份待工会确认');
    await accident.locator('[data-testid="claim-button"]').click();
    await member.waitForSelector('[data-testid="submit-claim"]');
    await member.locator('[data-testid="submit-claim"]').click();
    await member.waitForSelector('[data-testid="claim-done"]');
    expect(await member.textContent('[data-testid="claim-done"]')).toContain('待审核');
    expect(await member.textContent('[data-testid="claim-review-reason"]')).toBe('八大群体身份待工会确认，已转人工审核');
    await screenshot(member, 'card-claim-declared-unconfirmed');
    await member.context().close();

    // The district officer confirms the declaration in 会员认定.
    const { page, row } = await openFactsRow(browser(), 'e2e-auto-courier');
    expect(await row.locator('[data-testid="declared"]').textContent()).toContain('快递员');
    expect(await row.locator('[data-testid="declared"]').textContent()).toContain('待确认');
    await row.locator('[data-testid="confirm-declared"]').click();
    await page.getByText('已确认钱多多入会时申报的信息').waitFor();
    await expect.poll(() => row.locator('[data-testid="declared"]').textContent()).toContain('已确认');
    expect(await row.locator('[data-testid="confirm-declared"]').count()).toBe(0);
    await screenshot(page, 'card-officer-confirm-declared');
    await page.context().close();

    const after = await apiCall('GET', '/me/benefits', memberToken);
    const confirmed = after.body.tiers
      .flatMap((t: { benefits: Array<{ name: string }> }) => t.benefits)
      .find((b: { name: string }) => b.name === '意外伤害互助保险');
    expect(confirmed.howToClaim).toBe('免申即享：提交即通过');
  });
});
