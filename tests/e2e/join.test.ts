import { makeIdNumber } from '@union/shared';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { putUser } from '../../functions/src/store/user.repository';
import { DEMO_INVITES, demoJoinLinks } from '../../scripts/seed/membership';
import { apiUrl, appUrl, demoToken, openAs, screenshot, useBrowser, useE2eStore } from '../support/e2e';

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
