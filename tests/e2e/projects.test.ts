import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createOrg } from '../../functions/src/store/org.repository';
import { putUser } from '../../functions/src/store/user.repository';
import { parseCsv } from '../support/csv-parse';
import { appUrl, openAs, screenshot, useBrowser, useE2eStore } from '../support/e2e';
import { ensureE2eMember } from '../support/e2e-members';

/**
 * 实事 in Chromium, the whole loop in one walk (issue 11), on a union of its own (so publishing its
 * catalog changes no other walk's demo data): its officer opens a 征集 for this year; members suggest
 * and support; the officer merges two duplicates and shortlists; four members vote in their own
 * browsers (each gets a receipt); the officer closes the vote, sees the ranking, adopts, and the plan
 * text it writes opens in the catalog importer, whose draft quotes it; the officer publishes it, records
 * progress, and members see "已完成 n/m" on the 实事进度 page; the officer registers a member served by
 * the number on their card and opens the satisfaction survey; the member rates the service once; the
 * officer exports the ratings (CSV downloaded and parsed).
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

/** A union of its own below the district, its officer and four members, made through the store. */
const makeUnion = async () => {
  useE2eStore();
  const stamp = Date.now().toString(36);
  const orgId = `shishi-${stamp}`;
  await createOrg({ orgId, name: '临江星河电子有限公司工会', kind: 'grassroots', parentId: 'district', area: '临江区' });
  const officerId = `e2e-projects-officer-${stamp}`;
  await putUser({
    userId: officerId,
    displayName: '郑干部',
    grants: [{ role: 'officer', orgId }],
    demoDescription: '企业工会干部（实事走查）',
    demoOrder: 905,
  });
  const seq = 100 + (Date.now() % 800);
  const names = ['吴晓燕', '钱国强', '孙丽华', '李建军'];
  const members: string[] = [];
  for (const [i, name] of names.entries()) {
    const userId = `e2e-projects-m${i + 1}-${stamp}`;
    await ensureE2eMember({
      userId,
      name,
      orgId,
      idSeq: String(seq + i).padStart(3, '0'),
      phone: `1700009${String(seq + i).padStart(4, '0')}`,
      description: `企业会员${i + 1}（实事走查）`,
      order: 906 + i,
    });
    members.push(userId);
  }
  return { orgId, officerId, members };
};

describe('实事 in Chromium: 征集 → 合并 → 遴选 → 会员投票 → 采纳 → 计划文本 → 目录 → 进度 → 评价 → 导出', () => {
  const browser = useBrowser();

  it('members suggest, support, vote, watch progress and rate; the officer merges, shortlists, adopts, publishes, records and exports', async () => {
    const { orgId, officerId, members } = await makeUnion();
    const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

    // The union's officer opens a 征集 for this year's 实事.
    const officer = await openAs(browser(), officerId, { desktop: true, redirect: '/officer/pages/projects/index' });
    await officer.waitForSelector(`[data-testid="org-${orgId}"]`);
    await officer.fill('[data-testid="call-title"] input', TITLE);
    await officer.fill('[data-testid="call-brief"] textarea', '请提出希望工会今年为职工办的实事，每人最多 5 条。');
    await officer.fill('[data-testid="call-year"] input', String(YEAR));
    await officer.click('[data-testid="call-open"]');
    await officer.waitForURL(/officer\/pages\/projects\/call\?callId=/);
    const callId = new URL(officer.url().replace('#/', '')).searchParams.get('callId') as string;
    expect(callId).toMatch(/^pc/);

    // Member 1 suggests twice; member 2 suggests a duplicate; member 3 supports.
    const m1 = await openAs(browser(), members[0] as string);
    await openCallFromHome(m1);
    await suggest(m1, '夜班职工通勤车', '夜班下班晚，建议开通夜班通勤车送职工回家。', '夜班职工', '普惠服务');
    await suggest(m1, '一线职工免费体检', '每年组织一线职工到定点医院免费体检一次。', '一线职工', '体检');
    await shot(m1, 'projects-1-member-suggest');
    const m2 = await openAs(browser(), members[1] as string);
    await openCallFromHome(m2);
    await suggest(m2, '职工体检', '希望工会组织职工体检，查查身体。', '一线职工', '体检');
    const m3 = await openAs(browser(), members[2] as string);
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
    await fillCandidate(0, '30', '3', '职工服务中心');
    await fillCandidate(1, '20', '5', '行政后勤部');
    await officer.fill('[data-testid="vote-max-picks"] input', '1');
    await shot(officer, 'projects-3-officer-shortlist');
    await officer.click('[data-testid="vote-open"]');
    await officer.waitForURL(/officer\/pages\/projects\/vote\?voteId=/);
    const voteId = new URL(officer.url().replace('#/', '')).searchParams.get('voteId') as string;

    // Four members vote, each in their own browser: three for 体检, one for 通勤车.
    const m4 = await openAs(browser(), members[3] as string);
    const receipts: string[] = [];
    for (const [who, page, pick] of [
      ['member 1', m1, '一线职工免费体检'],
      ['member 2', m2, '一线职工免费体检'],
      ['member 3', m3, '夜班职工通勤车'],
      ['member 4', m4, '一线职工免费体检'],
    ] as const) {
      await page.goto(`${appUrl()}/#/member/pages/projects/vote?voteId=${voteId}`);
      await page.reload();
      await page.locator('[data-testid="vote-option"]', { hasText: pick }).click();
      await page.click('[data-testid="vote-submit"]');
      const receipt = await page.locator('[data-testid="vote-receipt"] .pj-receipt').textContent();
      expect(receipt, who).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
      receipts.push(receipt as string);
      if (who === 'member 1') await shot(page, 'projects-4-member-receipt');
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
    expect(text).toContain(`${YEAR}年为职工办二件实事`);
    expect(text).toMatch(/1．一线职工免费体检。[^（]*惠及一线职工30名。（职工服务中心）/);
    expect(text).toMatch(/2．夜班职工通勤车。[^（]*惠及夜班职工20名。（行政后勤部）/);
    await shot(officer, 'projects-5-officer-adopted');
    await officer.click('[data-testid="plan-import"]');
    await officer.waitForSelector('[data-testid="plan-text"]');
    expect(await officer.inputValue('[data-testid="plan-text"] textarea')).toBe(text);
    await officer.click('[data-testid="import-plan"]');
    const entries = officer.locator('[data-testid="draft-entries"] [data-testid="entry-name"]');
    await entries.first().waitFor();
    expect(await entries.allTextContents()).toEqual(['1. 一线职工免费体检', '2. 夜班职工通勤车']);
    expect(await officer.locator('[data-testid="draft-entries"]').textContent()).toContain('惠及一线职工30名');
    await shot(officer, 'projects-6-officer-catalog-draft');

    // A member checks their receipt after close.
    await m1.reload();
    await m1.fill('[data-testid="receipt-input"] input', receipts[0] as string);
    await m1.click('[data-testid="receipt-check"]');
    expect(await m1.locator('[data-testid="receipt-found"]').textContent()).toContain('一线职工免费体检');
    await shot(m1, 'projects-7-member-results');

    // The officer publishes the draft: the union's catalog of this year's 实事.
    await officer.click('[data-testid="publish-catalog"]');
    await officer.waitForSelector('[data-testid="published-banner"]', { timeout: 30_000 });

    // 过程管理: the officer records 12 of 30 health checks done.
    await officer.goto(`${appUrl()}/#/officer/pages/projects/progress`);
    await officer.reload();
    await officer.locator(`[data-testid="org-${orgId}"]`).click();
    const progressEntry = (name: string) => officer.locator('[data-testid="officer-progress-entry"]', { hasText: name });
    const checkup = progressEntry('一线职工免费体检');
    await checkup.waitFor();
    expect(await officer.locator('[data-testid="officer-progress-entry"]').count()).toBe(2);
    await checkup.locator('[data-testid="progress-count"] input').fill('12');
    await checkup.locator('[data-testid="progress-note"] input').fill('第一批体检完成');
    await checkup.locator('[data-testid="progress-save"]').click();
    await checkup.locator('[data-testid="progress-records"]', { hasText: '第一批体检完成' }).waitFor();
    expect(await checkup.locator('.pj-progress-text').textContent()).toContain('已完成 12/30');
    await shot(officer, 'projects-8-officer-progress');
    // Next year has no plan yet: the year switch shows none, and back.
    await officer.click(`[data-testid="year-${YEAR + 1}"]`);
    await officer.getByText('本组织已发布的服务目录中没有带名额或设施数量的实事项目').waitFor();
    expect(await officer.locator('[data-testid="officer-progress-entry"]').count()).toBe(0);
    await officer.click(`[data-testid="year-${YEAR}"]`);
    await checkup.waitFor();

    // Members see it on the 实事进度 page, with a bar.
    await m4.goto(`${appUrl()}/#/member/pages/projects/progress`);
    await m4.reload();
    const row = m4.locator('[data-testid="progress-entry"]', { hasText: '一线职工免费体检' });
    await row.waitFor();
    expect(await row.locator('[data-testid="progress-text"]').textContent()).toContain('已完成 12/30');
    expect(await row.locator('.pj-fill').evaluate((el) => (el as HTMLElement).style.width)).toBe('40%');
    await shot(m4, 'projects-9-member-progress');
    // Last year's 实事 (the city's older plan) do not include this union's.
    await m4.click(`[data-testid="year-${YEAR - 1}"]`);
    await m4.locator('.title', { hasText: `${YEAR - 1}年实事进度` }).waitFor();
    await expect.poll(() => m4.locator('[data-testid="progress-entry"]', { hasText: '一线职工免费体检' }).count()).toBe(0);

    // Member 2 rides the 通勤车: the officer registers them served by the number on their card.
    await m2.goto(`${appUrl()}/#/pages/card/index`);
    await m2.reload();
    const number = ((await m2.locator('[data-testid="card-number"]').textContent()) as string).trim();
    expect(number).toMatch(new RegExp(`^${orgId.toUpperCase()}-\\d{6}$`));
    const bus = progressEntry('夜班职工通勤车');
    await bus.locator('[data-testid="served-number"] input').fill(number.toLowerCase());
    await bus.locator('[data-testid="served-save"]').click();
    expect(await bus.locator('[data-testid="served-notice"]').textContent()).toBe(`已登记 钱*强（${number}）为已服务`);
    await bus.locator('.pj-meta', { hasText: '登记已服务 1' }).waitFor();

    // The officer opens the year's satisfaction survey; member 2 rates the 通勤车 once.
    await officer.click('[data-testid="survey-open"]');
    await officer.waitForSelector('[data-testid="survey-report"]');
    await m2.goto(`${appUrl()}/#/member/pages/projects/progress`);
    await m2.reload();
    const rateable = m2.locator('[data-testid="rateable"]', { hasText: '夜班职工通勤车' });
    await rateable.waitFor();
    expect(await m2.locator('[data-testid="rateable"]').count()).toBe(1);
    await rateable.locator('[data-testid="rate-satisfied"]').click();
    await rateable.locator('[data-testid="rate-comment"] textarea').fill('+下班有车坐，很方便');
    await rateable.locator('[data-testid="rate-submit"]').click();
    await m2.locator('[data-testid="my-rating"]').waitFor();
    expect(await m2.locator('[data-testid="my-rating"]').textContent()).toContain('您已评价');
    await m2.reload();
    await m2.locator('[data-testid="my-rating"]').waitFor();
    expect(await m2.locator('[data-testid="rate-submit"]').count()).toBe(0);
    await shot(m2, 'projects-10-member-rated');

    // The officer's report and the ratings exported as CSV.
    await officer.reload();
    const reportRow = officer.locator('[data-testid="report-row"]', { hasText: '夜班职工通勤车' });
    await reportRow.waitFor();
    expect((await reportRow.textContent())?.replace(/\s+/g, '')).toBe('夜班职工通勤车100100%100%（1/1）');
    await shot(officer, 'projects-11-officer-report');
    const [download] = await Promise.all([officer.waitForEvent('download'), officer.click('[data-testid="export-ratings-csv"]')]);
    expect(download.suggestedFilename()).toBe(`临江星河电子有限公司工会${YEAR}年实事满意度测评.csv`);
    const csv = parseCsv(readFileSync((await download.path()) as string).toString('utf8'));
    expect(csv[0]).toEqual(['实事项目', '满意', '基本满意', '不满意', '评价人数', '服务人数', '满意率(%)', '参评率(%)']);
    const busRow = csv.find((r) => r[0] === '夜班职工通勤车');
    expect(busRow?.slice(1, 8)).toEqual(['1', '0', '0', '1', '1', '100', '100']);
    expect(csv.find((r) => r[0] === '一线职工免费体检')?.slice(1, 6)).toEqual(['0', '0', '0', '0', '0']);
    // The member's comment, formula-safe.
    expect(csv.some((r) => r.includes("'+下班有车坐，很方便"))).toBe(true);
    expect(shots).toHaveLength(11);
  });
});
