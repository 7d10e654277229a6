import { makeIdNumber, PRIVACY_NOTICE_VERSION } from '@union/shared';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { sealProfile } from '../../functions/src/http/membership/join.service';
import { getRuntime } from '../../functions/src/http/runtime';
import { activateMembership } from '../../functions/src/store/membership.repository';
import { requireOrg } from '../../functions/src/store/org.repository';
import { addGrant, putUser } from '../../functions/src/store/user.repository';
import { appUrl, openAs, screenshot, useBrowser, useE2eStore } from '../support/e2e';

const shots: string[] = [];
const shot = async (page: Page, name: string) => shots.push(await screenshot(page, name));

const leaver = { idNumber: makeIdNumber('320102', '1993-05-21', '338'), phone: '17000008801' };

describe('我的数据, 更正手机号 and 退会 in Chromium (h5 build)', () => {
  const browser = useBrowser();
  beforeAll(async () => {
    useE2eStore();
    await putUser({ userId: 'e2e-leaver', displayName: '孙丽', grants: [], demoDescription: 'e2e：查看数据并退会的会员', demoOrder: 901 });
    const org = await requireOrg('enterprise');
    const profile = sealProfile(await getRuntime(), 'e2e-leaver', {
      name: '孙丽',
      ...leaver,
      employer: '临江精密机械有限公司',
      employmentType: 'fullTime',
      group: 'none',
      isMigrantWorker: false,
      noticeAccepted: true,
      noticeVersion: PRIVACY_NOTICE_VERSION,
    });
    await activateMembership({
      membershipId: 'me2eleaver000001',
      userId: 'e2e-leaver',
      org,
      profile,
      now: new Date(),
      applicationId: 'seed-e2e-leaver',
      extra: () => [],
    });
    await addGrant('e2e-leaver', { role: 'member', orgId: 'enterprise' });
  });

  it('shows the member their own data, corrects the phone (h5: format-checked), and leaves after confirming', async () => {
    const page = await openAs(browser(), 'e2e-leaver');
    await page.goto(`${appUrl()}/#/pages/me/index`);
    await page.click('[data-testid="me-data"]');
    await page.waitForSelector('[data-testid="active-membership-id"]');
    // Masked until asked, then in full: it is their own data.
    expect(await page.textContent('[data-testid="active-membership-id"]')).not.toContain(leaver.idNumber);
    await page.click('[data-testid="toggle-full"]');
    expect(await page.textContent('[data-testid="active-membership-id"]')).toBe(leaver.idNumber);
    expect(await page.textContent('[data-testid="active-membership-phone"]')).toBe(leaver.phone);
    expect(await page.textContent('[data-testid="my-data"]')).toContain('选票不与您关联');
    await shot(page, 'member-data-1-my-data');

    await page.click('[data-testid="to-phone"]');
    await page.waitForSelector('[data-testid="phone-correction"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="current-phone"]')?.textContent?.includes('****'));
    await page.fill('[data-testid="field-phone"] input', '123');
    await page.click('[data-testid="phone-submit"]');
    await page.waitForSelector('[data-testid="error-phone"]');
    expect(await page.textContent('[data-testid="error-phone"]')).toContain('手机号');
    await page.fill('[data-testid="field-phone"] input', '17000008803');
    await page.click('[data-testid="phone-submit"]');
    await page.waitForSelector('[data-testid="phone-done"]');
    expect(await page.textContent('[data-testid="current-phone"]')).toBe('170****8803');
    await shot(page, 'member-data-2-phone-corrected');

    await page.goto(`${appUrl()}/#/member/pages/data/index`);
    await page.waitForSelector('[data-testid="leave-card"]');
    expect(await page.textContent('[data-testid="leave-card"]')).toContain('无记名投票仍然有效');
    await page.click('[data-testid="leave"]');
    // The confirmation: cancelling keeps the membership …
    await page.getByText('再想想', { exact: true }).click();
    await page.waitForTimeout(500);
    expect(await page.locator('[data-testid="leave-done"]').count()).toBe(0);
    // … confirming ends it.
    await page.click('[data-testid="leave"]');
    await page.getByText('确认退会', { exact: true }).click();
    await page.waitForSelector('[data-testid="leave-done"]');
    expect(await page.textContent('[data-testid="leave-done"]')).toContain('您已退会');
    await page.waitForSelector('[data-testid="retention"]');
    expect(await page.locator('[data-testid="leave-card"]').count()).toBe(0);
    expect(await page.textContent('[data-testid="my-data-memberships"]')).toContain('已退会');
    await shot(page, 'member-data-3-left');

    await page.goto(`${appUrl()}/#/pages/membership/index`);
    await page.getByText('您还不是会员').waitFor();
    await page.context().close();
    console.log(`screenshots:\n${shots.join('\n')}`);
  });
});
