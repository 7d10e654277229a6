import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, demoToken, openAs, screenshot, useBrowser } from '../support/e2e';
import { ensureE2eMember } from '../support/e2e-members';

/**
 * 公示 walked in Chromium (issue 15): an officer of the enterprise union publishes the 公示 of a
 * benefit from the 申领审核 page; a member of the enterprise sees it on 首页, on the 公示 page and under
 * the benefit on the card; a member of another union (the logistics union's courier) does not, and the
 * server refuses them. The courier's card also shows last year's plan as 已结束, with no 申领.
 */

const BENEFIT = '职工法律援助';
const MEMBER = { userId: 'e2e-publicity-member', name: '赵公明', masked: '赵*明' };

const benefitOn = (page: Page, name: string) =>
  page.locator('[data-testid^="benefit-"]').filter({ has: page.getByText(name, { exact: true }) });

type Benefit = { benefitId: string; name: string; myClaim: { status: string; claimId: string } | null; periodStatus: string; year: number };
const benefitsOf = async (token: string): Promise<{ period: string; all: Benefit[] }> => {
  const res = await apiCall('GET', '/me/benefits', token);
  expect(res.status).toBe(200);
  return { period: res.body.period, all: res.body.tiers.flatMap((t: { benefits: Benefit[] }) => t.benefits) };
};

describe('公示: published by an officer, seen by the members of the subtree only', () => {
  const browser = useBrowser();

  it('an officer publishes the 公示; a member below sees it on 首页 and under the benefit; a member elsewhere does not; last year’s benefits are 已结束', async () => {
    await ensureE2eMember({
      userId: MEMBER.userId,
      name: MEMBER.name,
      orgId: 'enterprise',
      idSeq: '735',
      phone: '17000007351',
      description: 'e2e：企业工会会员（公示）',
      order: 910,
    });
    // Setup through the API: the member claims this year's 职工法律援助 and the district approves it
    // (the city's benefit; the city delegated review to the district).
    const memberToken = await demoToken(MEMBER.userId);
    const legalAid = (await benefitsOf(memberToken)).all.find((b) => b.name === BENEFIT && b.periodStatus === 'open');
    expect(legalAid, 'this year’s 职工法律援助 is on the card').toBeTruthy();
    let claim = legalAid?.myClaim ?? null;
    if (!claim) {
      const res = await apiCall('POST', '/me/claims', memberToken, { benefitId: legalAid?.benefitId, facts: {} });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      claim = res.body.claim;
    }
    if (claim?.status === 'pending') {
      const approved = await apiCall('POST', `/claims/${claim.claimId}/approve`, await demoToken('officer-district'));
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    }

    // The enterprise's officer publishes the approved list from 申领审核 (已通过).
    const officer = await openAs(browser(), 'officer-enterprise', { desktop: true, redirect: '/officer/pages/claims/index' });
    await officer.waitForSelector('[data-testid="officer-claims"]', { timeout: 30_000 });
    await officer.getByText('已通过', { exact: true }).click();
    const publish = officer.getByText(`公示“${BENEFIT}”通过名单`);
    await publish.waitFor({ timeout: 30_000 });
    await publish.click();
    await officer.waitForSelector('[data-testid="publicity"]');
    const published = await officer.textContent('[data-testid="publicity"]');
    expect(published).toContain(MEMBER.masked);
    expect(published).not.toContain(MEMBER.name);
    await screenshot(officer, 'publicity-officer-published');
    await officer.context().close();

    // The member (of the enterprise) sees it on 首页: a short block linking to the 公示 page.
    const member = await openAs(browser(), MEMBER.userId, { redirect: '/pages/index/index' });
    const block = member.locator('[data-testid="home-publicity"]');
    await block.waitFor({ timeout: 30_000 });
    await expect.poll(() => block.textContent(), { timeout: 30_000 }).toContain(BENEFIT);
    expect(await block.textContent()).toContain('临江精密机械有限公司工会');
    await block.scrollIntoViewIfNeeded();
    await screenshot(member, 'publicity-member-home');
    await member.locator('[data-testid="open-publicity"]').click();
    await member.waitForSelector('[data-testid="publicity-loaded"]', { timeout: 30_000 });
    const item = member.locator('[data-testid^="publicity-enterprise-"]').filter({ hasText: BENEFIT });
    await item.waitFor();
    const listed = await item.textContent();
    expect(listed).toContain(MEMBER.masked);
    expect(listed).toContain('公示期');
    expect(listed).not.toContain(MEMBER.name);
    await screenshot(member, 'publicity-member-list');

    // …and under the benefit on the card.
    await member.goto(member.url().replace(/#.*$/, '#/pages/card/index'));
    const onCard = benefitOn(member, BENEFIT).filter({ has: member.locator('[data-testid="publicity-of-benefit"]') });
    await onCard.first().waitFor({ timeout: 30_000 });
    expect(await onCard.first().locator('[data-testid="publicity-of-benefit"]').textContent()).toContain(MEMBER.masked);
    await onCard.first().scrollIntoViewIfNeeded();
    await screenshot(member, 'publicity-member-benefit');
    await member.context().close();

    // A member elsewhere (the logistics union, a sibling of the enterprise) sees none of it.
    const courierToken = await demoToken('member-courier');
    const theirs = await apiCall('GET', '/me/publicity?limit=100', courierToken);
    expect(theirs.status).toBe(200);
    expect(theirs.body.publicity.filter((p: { orgId: string }) => p.orgId === 'enterprise')).toEqual([]);
    const refused = await apiCall(
      'GET',
      `/orgs/enterprise/benefits/${encodeURIComponent(legalAid?.benefitId ?? '')}/publicity`,
      courierToken,
    );
    expect([refused.status, refused.body.error.code]).toEqual([403, 'PUBLICITY_FORBIDDEN']);
    const courier = await openAs(browser(), 'member-courier', { redirect: '/pages/index/index' });
    const theirBlock = courier.locator('[data-testid="home-publicity"]');
    await theirBlock.waitFor({ timeout: 30_000 });
    expect(await theirBlock.textContent()).not.toContain('临江精密机械有限公司工会');
    await screenshot(courier, 'publicity-elsewhere-home');

    // The courier's card: last year's plan of the logistics union is grouped after this year's, 已结束, no 申领.
    const { period, all } = await benefitsOf(courierToken);
    const lastYear = Number(period) - 1;
    const ended = all.find((b) => b.year === lastYear);
    expect(ended, 'a benefit of last year’s plan').toBeTruthy();
    expect(ended?.periodStatus).toBe('ended');
    const claimEnded = await apiCall('POST', '/me/claims', courierToken, { benefitId: ended?.benefitId, facts: {} });
    expect([claimEnded.status, claimEnded.body.error.code, claimEnded.body.error.field]).toEqual([409, 'BENEFIT_ENDED', 'benefitId']);
    expect(claimEnded.body.error.message).toContain('已于');

    await courier.goto(courier.url().replace(/#.*$/, '#/pages/card/index'));
    await courier.waitForSelector('[data-testid="benefits"]', { timeout: 30_000 });
    const years = await courier.locator('[data-testid^="year-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(years).toEqual([`year-${period}`, `year-${lastYear}`]);
    const endedItem = courier.locator(`[data-testid="year-${lastYear}"] [data-testid="benefit-${ended?.benefitId}"]`);
    await endedItem.waitFor();
    expect(await endedItem.locator('[data-testid="decision"]').textContent()).toBe('已结束');
    expect(await endedItem.locator('[data-testid="claim-button"]').count()).toBe(0);
    expect(await endedItem.locator('[data-testid="period"]').textContent()).toContain(`${lastYear} 年度（已结束，不能再申领）`);
    await endedItem.scrollIntoViewIfNeeded();
    await screenshot(courier, 'publicity-ended-benefit');

    // 服务目录 groups the lineage's catalogs the same way: this year's plans first, last year's marked 已结束.
    await courier.goto(courier.url().replace(/#.*$/, '#/member/pages/catalog/index'));
    await courier.locator('[data-testid="benefit-quote"]').first().waitFor({ timeout: 30_000 });
    const catalogYears = await courier
      .locator('[data-testid^="catalog-year-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(catalogYears).toEqual([`catalog-year-${period}`, `catalog-year-${lastYear}`]);
    expect(await courier.locator(`[data-testid="catalog-year-${lastYear}"]`).textContent()).toContain(`${lastYear} 年度（已结束）`);
    expect(await courier.locator(`[data-testid="catalog-year-${lastYear}"] [data-testid^="catalog-logistics-v"]`).count()).toBe(1);
    await courier.context().close();
  });
});
