import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, demoToken, openAs, screenshot, useBrowser } from '../support/e2e';
import { ensureE2eMember } from '../support/e2e-members';

/**
 * Officer facts walked in Chromium (issue 15): the enterprise union's officer marks a member 困难职工
 * in 会员认定; the member's 困难职工帮扶 turns from 不符合 to 符合, with the reason shown.
 */

const MEMBER = { userId: 'e2e-facts-member', name: '孙晓红' };
const BENEFIT = '困难职工帮扶';

const benefitOn = (page: Page, name: string) =>
  page.locator('[data-testid^="benefit-"]').filter({ has: page.getByText(name, { exact: true }) });

describe('会员认定: an officer’s 困难职工 makes the member’s benefit 符合', () => {
  const browser = useBrowser();

  it('marks a member 困难职工; their 困难职工帮扶 changes from 不符合 to 符合 with the reason', async () => {
    await ensureE2eMember({
      userId: MEMBER.userId,
      name: MEMBER.name,
      orgId: 'enterprise',
      idSeq: '846',
      phone: '17000008461',
      description: 'e2e：企业工会会员（会员认定）',
      order: 911,
    });
    // Start from no officer-set fact (a run again on a kept stack resets it).
    const officerToken = await demoToken('officer-enterprise');
    const path = `/orgs/enterprise/members/${MEMBER.userId}/facts`;
    const current = await apiCall('GET', path, officerToken);
    expect(current.status).toBe(200);
    if (current.body.facts.hardship) {
      expect((await apiCall('PUT', path, officerToken, { hardship: false, version: current.body.version })).status).toBe(200);
    }

    // Before: 不符合, the reason says what is missing.
    const member = await openAs(browser(), MEMBER.userId, { redirect: '/pages/card/index' });
    await member.waitForSelector('[data-testid="benefits"]', { timeout: 30_000 });
    const thisYear = member.locator('[data-testid^="year-"]').first();
    const aid = benefitOn(member, BENEFIT).and(thisYear.locator('[data-testid^="benefit-"]'));
    await aid.waitFor({ timeout: 30_000 });
    expect(await aid.locator('[data-testid="decision"]').textContent()).toBe('不符合');
    expect(await aid.locator('[data-testid="reasons"]').textContent()).toContain('✗');
    expect(await aid.locator('[data-testid="claim-button"]').count()).toBe(0);
    await aid.scrollIntoViewIfNeeded();
    await screenshot(member, 'facts-member-before');

    // The officer of the enterprise marks them 困难职工建档 in 会员认定 (paged: 加载更多 until the row shows).
    const officer = await openAs(browser(), 'officer-enterprise', { desktop: true, redirect: '/officer/pages/facts/index' });
    await officer.waitForSelector('[data-testid="officer-facts"]', { timeout: 30_000 });
    const row = officer.locator(`[data-testid="facts-${MEMBER.userId}"]`);
    await expect
      .poll(
        async () => {
          if (await row.count()) return true;
          const more = officer.locator('[data-testid="facts-more"]');
          if (await more.count()) await more.click();
          return false;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    await row.scrollIntoViewIfNeeded();
    await row.locator('.oc-fact').nth(0).locator('input.weui-switch').click();
    await officer.getByText(`已认定${MEMBER.name}：困难职工建档`).waitFor({ timeout: 30_000 });
    await screenshot(officer, 'facts-officer-marked');
    await officer.context().close();

    // After: the member's benefit is 符合, with the reason, and can be claimed.
    await expect
      .poll(
        async () => {
          await member.reload();
          await aid.waitFor({ timeout: 30_000 });
          return aid.locator('[data-testid="decision"]').textContent();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe('符合');
    const reasons = await aid.locator('[data-testid="reasons"]').textContent();
    expect(reasons).toContain('✓');
    expect(reasons).toContain('困难职工');
    expect(reasons).not.toContain('✗');
    expect(await aid.locator('[data-testid="claim-button"]').count()).toBe(1);
    await aid.scrollIntoViewIfNeeded();
    await screenshot(member, 'facts-member-after');
    await member.context().close();
  });
});
