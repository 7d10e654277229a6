import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAs, screenshot, useBrowser } from '../support/e2e';

/**
 * 实事 in Chromium, from members' suggestions to next year's catalog draft: the district officer opens a
 * 征集; members of an enterprise union below suggest and support; the officer merges two duplicates and
 * shortlists; four members vote in their own browsers (each gets a receipt); the officer closes the vote,
 * sees the ranking, adopts, and the plan text it writes opens in the catalog importer, whose draft
 * quotes it. (过程管理 and 绩效评估 come with the rest of issue 11.)
 */
const shots: string[] = [];
const shot = async (page: Page, name: string) => shots.push(await screenshot(page, name));
const TITLE = '实事征集（浏览器走查）';

const suggest = async (page: Page, title: string, content: string, group: string, category: string) => {
  await page.fill('[data-testid="suggest-title"] input', title);
  await page.fill('[data-testid="suggest-content"] textarea', content);
  await page.fill('[data-testid="suggest-group"] input', group);
  await page.getByText(category, { exact: true }).click();
  await page.click('[data-testid="suggest-submit"]');
  await page.locator('[data-testid="suggestion"]', { hasText: title }).waitFor();
};

const openCallFromHome = async (page: Page) => {
  await page.click('[data-testid="open-projects"]');
  await page.locator('[data-testid="project-call"]', { hasText: TITLE }).click();
  await page.waitForSelector('[data-testid="suggest-form"]');
};

describe('实事 in Chromium: 征集 → 合并 → 遴选 → 会员投票 → 采纳 → 计划文本 → 目录草稿', () => {
  const browser = useBrowser();

  it('members suggest, support and vote; the officer merges, shortlists, closes, adopts and imports the plan', async () => {
    // The district officer opens a 征集 for the district's subtree.
    const officer = await openAs(browser(), 'officer-district', { desktop: true, redirect: '/officer/pages/projects/index' });
    await officer.waitForSelector('[data-testid="org-district"]');
    await officer.fill('[data-testid="call-title"] input', TITLE);
    await officer.fill('[data-testid="call-brief"] textarea', '请提出明年希望工会为职工办的实事，每人最多 5 条。');
    await officer.click('[data-testid="call-open"]');
    await officer.waitForURL(/officer\/pages\/projects\/call\?callId=/);
    const callId = new URL(officer.url().replace('#/', '')).searchParams.get('callId') as string;
    expect(callId).toMatch(/^pc/);

    // 代表01 (an enterprise member, below the district) suggests twice; 代表02 suggests a duplicate; 代表03 supports.
    const m1 = await openAs(browser(), 'delegate-01');
    await openCallFromHome(m1);
    await suggest(m1, '夜班职工通勤车', '夜班下班晚，建议开通夜班通勤车送职工回家。', '夜班职工', '普惠服务');
    await suggest(m1, '一线职工免费体检', '每年组织一线职工到定点医院免费体检一次。', '一线职工', '体检');
    await shot(m1, 'projects-1-member-suggest');
    const m2 = await openAs(browser(), 'delegate-02');
    await openCallFromHome(m2);
    await suggest(m2, '职工体检', '希望工会组织职工体检，查查身体。', '一线职工', '体检');
    const m3 = await openAs(browser(), 'delegate-03');
    await openCallFromHome(m3);
    await m3.locator('[data-testid="suggestion"]', { hasText: '一线职工免费体检' }).locator('[data-testid="support"]').click();
    await m3.locator('[data-testid="project-notice"]', { hasText: '已支持' }).waitFor();
    expect(await m3.locator('[data-testid="suggestion"]', { hasText: '一线职工免费体检' }).textContent()).toContain('2 人支持');

    // The officer merges 职工体检 into 一线职工免费体检, then shortlists it and 通勤车.
    await officer.reload();
    await officer.locator('[data-testid="officer-suggestion"]', { hasText: '职工体检' }).first().waitFor();
    await officer
      .locator('[data-testid="officer-suggestion"]')
      .filter({ hasText: /^(1\. )?职工体检/ })
      .click();
    await officer.locator('[data-testid="officer-suggestion"]', { hasText: '一线职工免费体检' }).click();
    await officer.click('[data-testid="merge"]');
    await officer.locator('[data-testid="project-notice"]', { hasText: '已合并' }).waitFor();
    const merged = officer.locator('[data-testid="officer-suggestion"]', { hasText: '一线职工免费体检' });
    // The list is read again after the merge: the kept suggestion has every supporter once.
    await officer.locator('[data-testid="officer-suggestion"]', { hasText: '已合并 1 条' }).waitFor();
    expect(await merged.textContent()).toContain('3 人支持');
    expect(await merged.textContent()).toContain('已合并 1 条');
    await shot(officer, 'projects-2-officer-merged');
    await merged.click();
    await officer.locator('[data-testid="officer-suggestion"]', { hasText: '夜班职工通勤车' }).click();
    await officer.click('[data-testid="shortlist"]');
    const forms = officer.locator('[data-testid="candidate-form"]');
    await forms.first().waitFor();
    const fillCandidate = async (i: number, count: string, cost: string, department: string) => {
      const f = forms.nth(i);
      await f.locator('[data-testid="candidate-count"] input').fill(count);
      await f.locator('[data-testid="candidate-cost"] input').fill(cost);
      await f.locator('[data-testid="candidate-department"] input').fill(department);
    };
    await fillCandidate(0, '800', '32', '职工服务中心');
    await fillCandidate(1, '200', '15', '行政后勤部');
    await officer.fill('[data-testid="vote-max-picks"] input', '1');
    await shot(officer, 'projects-3-officer-shortlist');
    await officer.click('[data-testid="vote-open"]');
    await officer.waitForURL(/officer\/pages\/projects\/vote\?voteId=/);
    const voteId = new URL(officer.url().replace('#/', '')).searchParams.get('voteId') as string;

    // Four members vote, each in their own browser: three for 体检, one for 通勤车.
    const receipts: string[] = [];
    for (const [who, page, pick] of [
      ['delegate-01', m1, '一线职工免费体检'],
      ['delegate-02', m2, '一线职工免费体检'],
      ['delegate-03', m3, '夜班职工通勤车'],
      ['delegate-04', await openAs(browser(), 'delegate-04'), '一线职工免费体检'],
    ] as const) {
      await page.goto(`${new URL(page.url()).origin}/#/member/pages/projects/vote?voteId=${voteId}`);
      await page.reload();
      await page.locator('[data-testid="vote-option"]', { hasText: pick }).click();
      await page.click('[data-testid="vote-submit"]');
      const receipt = await page.locator('[data-testid="vote-receipt"] .pj-receipt').textContent();
      expect(receipt, who).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
      receipts.push(receipt as string);
      if (who === 'delegate-01') await shot(page, 'projects-4-member-receipt');
    }

    // The officer closes: the ranking; adopts both, in order; the plan text; the importer quotes it.
    await officer.reload();
    await officer.click('[data-testid="vote-close"]');
    const results = officer.locator('[data-testid="vote-result"]');
    await results.first().waitFor();
    expect(await results.allTextContents()).toEqual(['第 1 名 · 一线职工免费体检 · 3 票', '第 2 名 · 夜班职工通勤车 · 1 票']);
    await officer.locator('[data-testid="adopt-option"]', { hasText: '夜班职工通勤车' }).click();
    await officer.click('[data-testid="adopt"]');
    const plan = officer.locator('[data-testid="plan-document"] .pj-plan');
    await plan.waitFor();
    const text = (await plan.textContent()) as string;
    expect(text).toContain('为职工办二件实事');
    expect(text).toMatch(/1．一线职工免费体检。[^（]*惠及一线职工800名。（职工服务中心）/);
    expect(text).toMatch(/2．夜班职工通勤车。[^（]*惠及夜班职工200名。（行政后勤部）/);
    await shot(officer, 'projects-5-officer-adopted');
    await officer.click('[data-testid="plan-import"]');
    await officer.waitForSelector('[data-testid="plan-text"]');
    expect(await officer.inputValue('[data-testid="plan-text"] textarea')).toBe(text);
    await officer.click('[data-testid="import-plan"]');
    const entries = officer.locator('[data-testid="draft-entries"] [data-testid="entry-name"]');
    await entries.first().waitFor();
    expect(await entries.allTextContents()).toEqual(['1. 一线职工免费体检', '2. 夜班职工通勤车']);
    expect(await officer.locator('[data-testid="draft-entries"]').textContent()).toContain('惠及一线职工800名');
    await shot(officer, 'projects-6-officer-catalog-draft');

    // A member checks their receipt after close.
    await m1.reload();
    await m1.fill('[data-testid="receipt-input"] input', receipts[0] as string);
    await m1.click('[data-testid="receipt-check"]');
    expect(await m1.locator('[data-testid="receipt-found"]').textContent()).toContain('一线职工免费体检');
    await shot(m1, 'projects-7-member-results');
    expect(shots).toHaveLength(7);
  });
});
