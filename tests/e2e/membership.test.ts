import { makeIdNumber, PRIVACY_NOTICE_VERSION } from '@union/shared';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { putUser } from '../../functions/src/store/user.repository';
import { DEMO_INVITES } from '../../scripts/seed/membership';
import { apiCall, appUrl, demoToken, openAs, screenshot, useBrowser, useE2eStore } from '../support/e2e';

const shots: string[] = [];
const shot = async (page: Page, name: string) => shots.push(await screenshot(page, `membership-${name}`));

const fillForm = async (page: Page, form: { name: string; phone: string; idNumber: string; employer: string }) => {
  for (const [key, value] of Object.entries(form)) await page.fill(`[data-testid="field-${key}"] input`, value);
  await page.locator('[data-testid="field-employmentType"]').getByText('全日制用工', { exact: true }).click();
  await page.locator('[data-testid="field-group"]').getByText('不属于八大群体').click();
  await page.locator('[data-testid="field-isMigrantWorker"]').getByText('否', { exact: true }).click();
  const notice = page.locator('[data-testid="notice-toggle"]');
  if ((await notice.textContent())?.includes('☐')) await notice.click();
};

describe('会籍 in Chromium (h5 build): a rejected application resubmitted, a transfer approved', () => {
  const browser = useBrowser();
  beforeAll(async () => {
    useE2eStore();
    await putUser({ userId: 'e2e-resubmitter', displayName: '孙丽', grants: [], demoDescription: 'e2e：被驳回后重新提交', demoOrder: 910 });
    await putUser({ userId: 'e2e-mover', displayName: '钱峰', grants: [], demoDescription: 'e2e：会籍转移', demoOrder: 911 });
  });

  it('an application is rejected with a reason; the applicant corrects it and resubmits; the officer approves', async () => {
    const applicant = { name: '孙丽', phone: '18600004401', idNumber: makeIdNumber('320105', '1992-03-04', '326') };
    const page = await openAs(browser(), 'e2e-resubmitter');
    await page.goto(`${appUrl()}/#/pages/join/index?invite=${DEMO_INVITES.enterpriseReview.inviteId}`);
    await page.waitForSelector('[data-testid="join-org"]');
    await fillForm(page, { ...applicant, employer: '精密机械' });
    await page.click('[data-testid="join-submit"]');
    await page.waitForSelector('[data-testid="application-status"]');

    const reason = '工作单位请填写全称：临江精密机械有限公司';
    const officer = await openAs(browser(), 'officer-enterprise', { desktop: true });
    await officer.goto(`${appUrl()}/#/officer/pages/review/index`);
    const item = officer.locator('[data-testid^="application-"]', { hasText: '孙丽' });
    await item.waitFor({ timeout: 30_000 });
    await item.locator('[data-testid="reject-reason-input"] input').fill(reason);
    await item.locator('[data-testid="reject"]').click();
    await officer.getByText('已驳回孙丽的申请').waitFor();
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(0);

    await page.goto(`${appUrl()}/#/member/pages/membership/index`);
    await page.waitForSelector('[data-testid="reject-reason"]');
    expect(await page.textContent('[data-testid="application-status"]')).toContain('未通过');
    expect(await page.textContent('[data-testid="reject-reason"]')).toContain(reason);
    // The form comes back filled with what was sent (never the 身份证号 or phone, which are re-entered).
    expect(await page.inputValue('[data-testid="field-employer"] input')).toBe('精密机械');
    await shot(page, '1-rejected-with-reason');
    await fillForm(page, { ...applicant, employer: '临江精密机械有限公司' });
    await page.click('[data-testid="join-submit"]');
    await page.getByText('已重新提交，请等待审核').waitFor();
    expect(await page.textContent('[data-testid="application-status"]')).toContain('待审核');
    await shot(page, '2-resubmitted');

    await officer.reload();
    const again = officer.locator('[data-testid^="application-"]', { hasText: '孙丽' });
    await again.waitFor({ timeout: 30_000 });
    expect(await again.textContent()).toContain('临江精密机械有限公司');
    await shot(officer, '3-officer-sees-resubmission');
    await again.locator('[data-testid="approve"]').click();
    await officer.getByText('已批准孙丽入会').waitFor();
    await officer.context().close();

    await page.reload();
    await page.waitForSelector('[data-testid="my-membership"]');
    expect(await page.textContent('[data-testid="member-number"]')).toMatch(/^ENTERPRISE-\d{6}$/);
    await shot(page, '4-approved');
    await page.context().close();
  });

  it('a member asks to move to another union; its officer approves; the card shows the new union, the old number stays in the history', async () => {
    // Setup (not the subject): the member joined the 快递物流 联合工会 through its auto invite.
    const token = await demoToken('e2e-mover');
    const joined = await apiCall<{ membership: { memberNumber: string } }>(
      'POST',
      `/invites/${DEMO_INVITES.logisticsAuto.inviteId}/applications`,
      token,
      {
        name: '钱峰',
        phone: '18600004402',
        idNumber: makeIdNumber('320106', '1988-11-12', '451'),
        employer: '顺达快递临江站',
        employmentType: 'platform',
        group: 'courier',
        isMigrantWorker: false,
        noticeAccepted: true,
        noticeVersion: PRIVACY_NOTICE_VERSION,
      },
    );
    expect(joined.status).toBe(201);
    const oldNumber = joined.body.membership.memberNumber;
    expect(oldNumber).toMatch(/^LOGISTICS-\d{6}$/);

    const page = await openAs(browser(), 'e2e-mover');
    await page.goto(`${appUrl()}/#/pages/me/index`);
    await page.waitForSelector('[data-testid="me-transfer"]');
    await shot(page, 'me-tab');
    await page.click('[data-testid="me-transfer"]');
    await page.waitForSelector('[data-testid="transfer-form"]');
    await page.fill('[data-testid="transfer-code"] input', DEMO_INVITES.enterpriseReview.inviteId);
    await page.click('[data-testid="transfer-find-code"]');
    await page.waitForSelector('[data-testid="transfer-target"]');
    expect(await page.textContent('[data-testid="transfer-target"]')).toContain('临江精密机械有限公司工会');
    // No reason: refused on the page, naming the field.
    await page.click('[data-testid="transfer-submit"]');
    expect(await page.textContent('[data-testid="error-note"]')).toContain('转移原因');
    await page.fill('[data-testid="transfer-note"] textarea', '已调入临江精密机械有限公司工作');
    await shot(page, '5-transfer-request');
    await page.click('[data-testid="transfer-submit"]');
    await page.waitForSelector('[data-testid="transfer-pending"]');
    expect(await page.textContent('[data-testid="transfer-pending"]')).toContain('临江精密机械有限公司工会');
    await shot(page, '6-transfer-pending');

    // The receiving officer first declines (a reason is required, and the member sees it) …
    const officer = await openAs(browser(), 'officer-enterprise', { desktop: true });
    await officer.goto(`${appUrl()}/#/officer/pages/review/index`);
    const queued = () => officer.locator('.list-item', { hasText: '钱峰' });
    await queued().waitFor({ timeout: 30_000 });
    expect(await queued().textContent()).toContain(oldNumber);
    expect(await queued().textContent()).toContain('已调入临江精密机械有限公司工作');
    await queued().locator('[data-testid="reject-transfer"]').click();
    await officer.getByText('不接收的理由：请填写理由').waitFor();
    const declined = '请先向人事部门确认劳动合同已签订';
    await queued().locator('[data-testid="transfer-reason"] input').fill(declined);
    await queued().locator('[data-testid="reject-transfer"]').click();
    await officer.getByText('已不接收钱峰的会籍转入').waitFor();
    await expect.poll(() => queued().count(), { timeout: 10_000 }).toBe(0);

    await page.reload();
    await page.waitForSelector('[data-testid="transfer-reject-reason"]');
    expect(await page.textContent('[data-testid="transfer-reject-reason"]')).toContain(declined);
    await shot(page, '7-transfer-declined-with-reason');

    // … the member asks again, and this time the officer approves.
    await page.fill('[data-testid="transfer-code"] input', DEMO_INVITES.enterpriseReview.inviteId);
    await page.click('[data-testid="transfer-find-code"]');
    await page.fill('[data-testid="transfer-note"] textarea', '劳动合同已签订，已调入临江精密机械有限公司');
    await page.click('[data-testid="transfer-submit"]');
    await page.waitForSelector('[data-testid="transfer-pending"]');

    await officer.reload();
    await queued().waitFor({ timeout: 30_000 });
    expect(await queued().textContent()).toContain('劳动合同已签订');
    await shot(officer, '8-officer-transfer-queue');
    await queued().locator('[data-testid="approve-transfer"]').click();
    await officer.getByText('已接收钱峰的会籍转入').waitFor();
    await officer.context().close();

    await page.goto(`${appUrl()}/#/pages/card/index`);
    await page.reload();
    await page.waitForSelector('[data-testid="member-card-block"][data-card="fresh"]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid="card-org"]')).toContain('临江精密机械有限公司工会');
    const newNumber = (await page.textContent('[data-testid="card-number"]')) ?? '';
    expect(newNumber).toMatch(/ENTERPRISE-\d{6}/);
    await shot(page, '9-card-new-union');

    await page.goto(`${appUrl()}/#/pages/me/index`);
    await page.click('[data-testid="me-membership"]');
    await page.waitForSelector('[data-testid="membership-history"]');
    const history = (await page.textContent('[data-testid="membership-history"]')) ?? '';
    expect(history).toContain(oldNumber);
    expect(history).toContain('临江区快递物流行业联合工会');
    expect(await page.textContent('[data-testid="history-transferred"]')).toContain(oldNumber);
    expect(history).toContain('已转入');
    await shot(page, '10-membership-history');
    await page.context().close();
    console.log(`screenshots:\n${shots.join('\n')}`);
  });
});
