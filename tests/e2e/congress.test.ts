import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CONGRESS_SESSION_ID } from '../../scripts/seed/congress';
import { apiCall, apiUrl, appUrl, demoToken, openAs, screenshot, useBrowser } from '../support/e2e';

const SID = DEMO_CONGRESS_SESSION_ID;
const TITLE = '关于增设厂区班车线路的提案';
const MOTION = '关于《职工带薪年休假实施办法（草案）》的表决';
const shots: string[] = [];
const shot = async (page: Page, name: string) => shots.push(await screenshot(page, name));
const voteTab = '/pages/vote/index';
/** Opens `route` afresh (a reload, so a page already showing it loads its data again). */
const goto = async (page: Page, route: string) => {
  await page.goto(`${appUrl()}/#${route}`);
  await page.reload();
};

describe('职代会 in Chromium (h5 build)', () => {
  const browser = useBrowser();
  let officerToken: string;
  beforeAll(async () => {
    officerToken = await demoToken('officer-enterprise');
  });

  it('proposal → 附议 → 立案 → 答复 → 评价; 签到 → 表决 → receipts → results', async () => {
    // A delegate submits a proposal from the 投票 tab.
    const d1 = await openAs(browser(), 'delegate-01', { redirect: voteTab });
    await d1.waitForSelector(`[data-testid="session-${SID}"]`);
    await d1.click('[data-testid="new-proposal"]');
    await d1.fill('[data-testid="proposal-title"] input', TITLE);
    await d1.fill('[data-testid="proposal-cause"] textarea', '城东新区职工增多，现有班车线路不经过，职工通勤时间超过一小时。');
    await d1.fill('[data-testid="proposal-suggestion"] textarea', '建议增设城东新区班车线路，早晚各两班，并在厂区设置候车点。');
    await d1.click('[data-testid="submit-proposal"]');
    await d1.getByText('提案已提交').waitFor();
    await shot(d1, 'congress-1-proposal-submitted');
    const list = await apiCall('GET', `/congress/sessions/${SID}/proposals`, officerToken);
    const proposalId: string = list.body.proposals.find((p: { title: string }) => p.title === TITLE).proposalId;

    // Two other delegates co-sign (附议) in their own browsers.
    for (const who of ['delegate-02', 'delegate-03']) {
      const page = await openAs(browser(), who, { redirect: voteTab });
      await page.locator(`[data-testid="proposal-${proposalId}"] [data-testid="cosign"]`).click();
      await page.getByText('已附议').waitFor();
      if (who === 'delegate-03') await shot(page, 'congress-2-cosigned');
      await page.context().close();
    }

    // The officer (desktop) 立案s and records the department's reply.
    const officer = await openAs(browser(), 'officer-enterprise', {
      desktop: true,
      redirect: `/officer/pages/congress/proposal?id=${proposalId}`,
    });
    await officer.waitForSelector('[data-testid="decision-form"]');
    expect(await officer.textContent('[data-testid="proposal-status"]')).toContain('待审查');
    await officer.fill('[data-testid="officer-reason"] input', '涉及职工切身利益，建议可行');
    await officer.fill('[data-testid="officer-department"] input', '行政后勤部');
    await officer.fill('[data-testid="officer-replyDeadline"] input', '2099-06-30');
    await officer.click('[data-testid="decide-accept"]');
    await officer.waitForSelector('[data-testid="officer-reply"]');
    await officer.fill('[data-testid="officer-reply"] textarea', '已与公交公司签订协议，下月起开通城东新区班车两条线路。');
    await officer.click('[data-testid="submit-reply"]');
    await officer.getByText('答复已录入').waitFor();
    await shot(officer, 'congress-3-officer-accepted-replied');

    // The proposer sees the whole timeline and rates the reply.
    await goto(d1, `/member/pages/congress/proposal?id=${proposalId}`);
    await d1.waitForSelector('[data-testid="proposal-reply"]');
    await d1.click('[data-testid="rate-满意"]');
    await d1.click('[data-testid="submit-rating"]');
    await d1.getByText('评价已提交').waitFor();
    expect(await d1.textContent('[data-testid="proposal-status"]')).toContain('已评价');
    for (const step of ['提交提案', '附议人数已满，进入审查', '立案', '承办部门答复', '提案人评价'])
      expect(await d1.textContent('body')).toContain(step);
    await shot(d1, 'congress-4-proposer-rated-timeline');

    // Delegates sign in: three in the browser (the seed signed 30 of 36 in already).
    const voters: Page[] = [d1];
    for (const who of ['delegate-02', 'delegate-03']) voters.push(await openAs(browser(), who, { redirect: voteTab }));
    await goto(d1, voteTab);
    for (const page of voters) {
      await page.reload();
      await page.click('[data-testid="sign-in"]');
      await page.waitForSelector('[data-testid="signed-in"]');
    }
    expect(await voters[2]!.textContent('[data-testid="attendance"]')).toContain('已签到 33 人');
    await shot(voters[2]!, 'congress-5-signed-in');

    // The officer adds a 表决 and opens it.
    await goto(officer, '/officer/pages/congress/index');
    await officer.waitForSelector('[data-testid="session-admin"]');
    await officer.fill('[data-testid="motion-title"] input', MOTION);
    await officer.click('[data-testid="create-motion"]');
    const row = officer.locator('[data-testid^="officer-motion-"]', { hasText: MOTION });
    await row.locator('[data-testid="open-motion"]').click();
    await row.getByText('投票中').waitFor();
    const motionId = (await row.getAttribute('data-testid'))!.replace('officer-motion-', '');
    await shot(officer, 'congress-6-motion-open');

    // Three delegates vote in their own contexts; the rest of the majority votes through the API.
    const choices = ['yes', 'yes', 'no'] as const;
    const receipts: string[] = [];
    for (const [i, page] of voters.entries()) {
      await page.reload();
      const ballot = page.locator(`[data-testid="ballot-${motionId}"]`);
      await ballot.locator(`[data-testid="option-${choices[i]}"]`).click();
      await ballot.locator('[data-testid="cast-ballot"]').click();
      const receipt = page.locator(`[data-testid="motion-${motionId}"] [data-testid="receipt"]`);
      await receipt.waitFor();
      receipts.push((await receipt.textContent())!.trim());
      if (i === 0) await shot(page, 'congress-7-voted-receipt');
    }
    expect(receipts.every((r) => /^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/.test(r))).toBe(true);
    // delegate-07..24 赞成 (18), 25–26 弃权: with the browser votes 20 赞成 ≥ 19 = ⌊36/2⌋+1.
    for (let n = 7; n <= 26; n += 1) {
      const token = await demoToken(`delegate-${String(n).padStart(2, '0')}`);
      const res = await apiCall('POST', `/congress/motions/${motionId}/ballots`, token, {
        kind: 'vote',
        option: n <= 24 ? 'yes' : 'abstain',
      });
      expect(res.status).toBe(201);
    }
    await goto(voters[1]!, voteTab);
    expect(await voters[1]!.locator(`[data-testid="motion-${motionId}"] [data-testid="turnout"]`).textContent()).toContain('已投票 23 人');

    // The officer closes; the first delegate checks their receipt on the results page.
    await goto(officer, '/officer/pages/congress/index');
    await officer.locator('[data-testid^="officer-motion-"]', { hasText: MOTION }).locator('[data-testid="close-motion"]').click();
    await officer.getByText('投票已结束').waitFor();

    await goto(d1, voteTab);
    await d1.locator(`[data-testid="motion-${motionId}"] [data-testid="view-results"]`).click();
    await d1.waitForSelector('[data-testid="verdict"]');
    expect(await d1.textContent('[data-testid="verdict"]')).toBe('通过');
    expect(await d1.textContent('[data-testid="count-赞成"]')).toContain('20 票');
    expect(await d1.textContent('[data-testid="count-反对"]')).toContain('1 票');
    expect(await d1.textContent('[data-testid="count-弃权"]')).toContain('2 票');
    expect(await d1.textContent('[data-testid="receipt-check"]')).toContain(`回执码 ${receipts[0]} 已计入，记录的选择为：赞成`);
    await shot(d1, 'congress-8-results-receipt-checked');

    // The CSV export answers text/csv with a BOM.
    const csv = await fetch(`${apiUrl()}/congress/motions/${motionId}/results/csv`, {
      headers: { authorization: `Bearer ${officerToken}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(new Uint8Array(await csv.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    console.log(`[congress e2e] screenshots: ${shots.join(', ')}`);
  });
});
