import { makeIdNumber } from '@union/shared';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCAL_TEMPLATE_IDS } from '../../functions/src/platform/notify-config';
import { linkOpenId, putUser } from '../../functions/src/store/user.repository';
import { DEMO_INVITES, demoJoinLinks } from '../../scripts/seed/membership';
import { apiUrl, appUrl, demoToken, openAs, screenshot, useBrowser, useE2eStore } from '../support/e2e';
import { expectBadge, settled } from '../support/e2e-inbox';

const JOINER_OPENID = 'o-e2e-joiner-openid';

const shots: string[] = [];
const shot = async (page: Page, name: string) => shots.push(await screenshot(page, name));

const fillForm = async (page: Page, form: { name: string; phone: string; idNumber: string; employer: string }) => {
  for (const [key, value] of Object.entries(form)) await page.fill(`[data-testid="field-${key}"] input`, value);
  await page.locator('[data-testid="field-employmentType"]').getByText('新就业形态（平台用工）').click();
  await page.locator('[data-testid="field-group"]').getByText('快递员').click();
  await page.locator('[data-testid="field-isMigrantWorker"]').getByText('否', { exact: true }).click();
  const notice = page.locator('[data-testid="notice-toggle"]');
  if ((await notice.textContent())?.includes('☐')) await notice.click();
};

const worker = {
  name: '刘明',
  phone: '18600001111',
  idNumber: makeIdNumber('320102', '1995-08-20', '173'),
  employer: '顺达快递临江站',
};

describe('入会 in Chromium (h5 build)', () => {
  const browser = useBrowser();
  beforeAll(async () => {
    useE2eStore();
    await putUser({ userId: 'e2e-joiner', displayName: '赵磊', grants: [], demoDescription: 'e2e：审核入会的职工', demoOrder: 900 });
    // Signed in from WeChat before: the account's openid, where a 订阅消息 goes.
    await linkOpenId('e2e-joiner', JOINER_OPENID);
  });

  it('a new worker joins through the auto-approve link; a wrong check digit is refused inline', async () => {
    const page = await openAs(browser(), 'newcomer');
    await page.goto(demoJoinLinks(appUrl()).auto);
    await page.waitForSelector('[data-testid="join-org"]');
    expect(await page.textContent('[data-testid="join-org"]')).toContain('临江区快递物流行业联合工会');
    const wrong = `${worker.idNumber.slice(0, 17)}${worker.idNumber[17] === '1' ? '2' : '1'}`;
    await fillForm(page, { ...worker, idNumber: wrong });
    await page.click('[data-testid="join-submit"]');
    await page.waitForSelector('[data-testid="error-idNumber"]');
    expect(await page.textContent('[data-testid="error-idNumber"]')).toContain('校验位');
    await shot(page, 'join-1-wrong-check-digit');

    await page.fill('[data-testid="field-idNumber"] input', worker.idNumber);
    await page.click('[data-testid="join-submit"]');
    await page.waitForSelector('[data-testid="member-number"]');
    expect(await page.textContent('[data-testid="member-number"]')).toMatch(/^LOGISTICS-\d{6}$/);
    await shot(page, 'join-2-member-number');

    // Joining a second time (another union's link): told where the membership is.
    await page.goto(demoJoinLinks(appUrl()).review);
    await page.reload();
    await page.waitForSelector('[data-testid="join-org"]');
    await fillForm(page, { ...worker, phone: '18600002222' });
    await page.click('[data-testid="join-submit"]');
    await page.waitForSelector('[data-testid="join-error"]');
    const refusal = await page.textContent('[data-testid="join-error"]');
    expect(refusal).toContain('临江区快递物流行业联合工会');
    expect(refusal).toContain('会籍转移');
    await shot(page, 'join-5-already-member');
    await page.context().close();
  });

  it('on a review invite, the worker waits for the officer, who approves in the officer pages', async () => {
    const page = await openAs(browser(), 'e2e-joiner');
    await page.goto(`${appUrl()}/#/pages/join/index?invite=${DEMO_INVITES.enterpriseReview.inviteId}`);
    await page.waitForSelector('[data-testid="join-org"]');
    expect(await page.textContent('[data-testid="join-org"]')).toContain('临江精密机械有限公司工会');
    await fillForm(page, {
      name: '赵磊',
      phone: '18600003333',
      idNumber: makeIdNumber('320104', '1990-01-05', '217'),
      employer: '临江精密机械有限公司',
    });
    await page.click('[data-testid="join-submit"]');
    await page.waitForSelector('[data-testid="application-status"]');
    expect(await page.textContent('[data-testid="application-status"]')).toContain('待审核');
    await page.goto(`${appUrl()}/#/member/pages/membership/index`);
    await page.waitForSelector('[data-testid="my-application"]');
    expect(await page.textContent('[data-testid="application-status"]')).toContain('待审核');
    await shot(page, 'join-3-pending');

    const officer = await openAs(browser(), 'officer-enterprise', { desktop: true });
    await officer.goto(`${appUrl()}/#/officer/pages/review/index`);
    const item = officer.locator('[data-testid^="application-"]', { hasText: '赵磊' });
    await item.waitFor({ timeout: 30_000 });
    expect(await item.textContent()).toContain('3201**********');
    await shot(officer, 'join-4-officer-review');
    await item.locator('[data-testid="approve"]').click();
    await officer.getByText('已批准赵磊入会').waitFor();
    await officer.context().close();

    await page.reload();
    await page.waitForSelector('[data-testid="my-membership"]');
    expect(await page.textContent('[data-testid="member-number"]')).toMatch(/^ENTERPRISE-\d{6}$/);
    await shot(page, 'join-6-approved');

    // The approval told the applicant (issue 12): the badge on 我的, the line in 消息, which opens the
    // membership page, and one 订阅消息 through WeChat (the stand-in) with the review template and that page.
    await page.goto(`${appUrl()}/#/pages/index/index`);
    await page.reload();
    await expectBadge(page, '1');
    await page.locator('.weui-tabbar__item').nth(3).click();
    await page.click('[data-testid="me-inbox"]');
    const note = page.locator('[data-testid^="note-"]');
    await note.first().waitFor({ timeout: 30_000 });
    expect(await note.count()).toBe(1);
    expect(await note.first().textContent()).toContain('入会申请已通过');
    expect(await note.first().textContent()).toContain('《临江精密机械有限公司工会》已通过');
    await page.waitForSelector('[data-testid="inbox-loaded"]');
    await settled(page);
    await shot(page, 'join-7-inbox');
    await note.first().click();
    await page.waitForSelector('[data-testid="my-membership"]', { timeout: 30_000 });
    await expectBadge(page, null);
    const sent = async () => {
      const res = await fetch(`${inject('wechatUrl')}/messages`);
      const body = (await res.json()) as {
        messages: Array<{ touser: string; template_id: string; page: string; errcode: number; data: object }>;
      };
      return body.messages.filter((m) => m.touser === JOINER_OPENID);
    };
    await expect.poll(async () => (await sent()).length, { timeout: 30_000 }).toBe(1);
    const [message] = await sent();
    // WeChat's `page` is the path without its leading slash (index?foo=bar).
    expect(message).toMatchObject({ template_id: LOCAL_TEMPLATE_IDS.review, page: 'member/pages/membership/index', errcode: 0 });
    // No name, phone or 身份证号 in what WeChat is sent.
    expect(JSON.stringify(message!.data)).not.toMatch(/赵磊|18600003333|320104/);
    expect(JSON.stringify(message!.data)).toContain('已通过');
    await page.context().close();
    console.log(`screenshots:\n${shots.join('\n')}`);
  });

  it('the officer prints an invite poster: the poster function answers behind the same API', async () => {
    const { inviteId } = DEMO_INVITES.enterpriseReview;
    const officer = await openAs(browser(), 'officer-enterprise', { desktop: true });
    await officer.goto(`${appUrl()}/#/officer/pages/invites/index`);
    const item = officer.locator('.list-item', { hasText: `invite=${inviteId}` });
    await item.waitFor({ timeout: 30_000 });
    await item.getByText('海报（H5）').click();
    await item.locator('img[src^="data:image/svg+xml"]').waitFor();
    await shot(officer, 'join-7-officer-poster');
    await officer.context().close();

    const png = await fetch(`${apiUrl()}/invites/${inviteId}/poster?format=png`, {
      headers: { authorization: `Bearer ${await demoToken('officer-enterprise')}` },
    });
    expect(png.headers.get('content-type')).toBe('image/png');
    const image = PNG.sync.read(Buffer.from(await png.arrayBuffer()));
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toContain(`invite=${inviteId}`);
  });
});
