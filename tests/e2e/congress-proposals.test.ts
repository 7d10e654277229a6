import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { proposalInReview, walkSession } from '../support/congress-e2e';
import { openAs, screenshot, useBrowser } from '../support/e2e';

/**
 * 提案 in Chromium: one is 转为意见建议, one 不予立案 — each with its reason, which the proposer
 * sees — and one 立案 with 答复 and 落实 progress until 办结. The proposals reach 审查 through the API
 * (submitting and 附议 are walked in congress.test.ts); the officer decides in the browser (desktop)
 * and the proposer reads each outcome on the phone.
 */
const shots: string[] = [];
const shot = async (page: Page, name: string) => shots.push(await screenshot(page, name));
const TEXT = {
  cause: '夜班职工下班时间晚，厂区周边没有公共交通，只能步行或打车回家。',
  suggestion: '建议在夜班下班时段增开一班通勤车，并在厂门口设置候车点。',
};

describe('职代会 proposals in Chromium: 转为意见建议, 不予立案, 立案 → 落实 → 办结', () => {
  const browser = useBrowser();

  it('each decision carries its reason to the proposer; the 立案 one is followed until 办结', async () => {
    const sessionId = await walkSession('第三届第三次职工代表大会（提案审查）', '2026-01-05', [10, 11, 12]);
    const converted = await proposalInReview(sessionId, 10, [11, 12], '关于食堂增设夜宵窗口的建议', TEXT);
    const rejected = await proposalInReview(sessionId, 10, [11, 12], '关于调整全厂作息时间的提案', TEXT);
    const accepted = await proposalInReview(sessionId, 10, [11, 12], '关于增开夜班通勤车的提案', TEXT);

    const officer = await openAs(browser(), 'officer-enterprise', {
      desktop: true,
      redirect: `/officer/pages/congress/proposal?id=${converted}`,
    });
    const decide = async (id: string, button: string, reason: string, extra?: () => Promise<void>) => {
      await officer.goto(`${new URL(officer.url()).origin}/#/officer/pages/congress/proposal?id=${id}`);
      await officer.reload();
      await officer.waitForSelector('[data-testid="decision-form"]');
      expect(await officer.textContent('[data-testid="proposal-status"]')).toContain('待审查');
      await officer.fill('[data-testid="officer-reason"] input', reason);
      await extra?.();
      await officer.click(`[data-testid="${button}"]`);
      await officer.waitForSelector('[data-testid="decision-reason"]');
    };

    // 转为意见建议: not a matter for the congress, handed to the department as a suggestion.
    await decide(converted, 'decide-convert', '属于日常管理事项，转行政后勤部作为意见建议办理');
    expect(await officer.textContent('[data-testid="proposal-status"]')).toContain('转为意见建议');
    await shot(officer, 'congress-proposals-1-officer-converted');
    // 不予立案, with why.
    await decide(rejected, 'decide-reject', '作息时间由劳动合同和集体合同约定，本提案与集体合同草案重复，不予立案');
    expect(await officer.textContent('[data-testid="proposal-status"]')).toContain('不予立案');
    // 立案, then the department's reply and 落实 until 办结.
    await decide(accepted, 'decide-accept', '涉及夜班职工出行安全，建议可行', async () => {
      await officer.fill('[data-testid="officer-department"] input', '行政后勤部');
      await officer.fill('[data-testid="officer-replyDeadline"] input', '2099-06-30');
    });
    expect(await officer.textContent('[data-testid="proposal-status"]')).toContain('已立案');
    await officer.fill('[data-testid="officer-reply"] textarea', '已与公交公司商定，下月起夜班时段增开通勤车一班。');
    await officer.click('[data-testid="submit-reply"]');
    await officer.locator('[data-testid="proposal-status"]', { hasText: '已答复' }).waitFor();
    await officer.fill('[data-testid="officer-note"] input', '通勤车线路已确定，候车点正在施工');
    await officer.click('[data-testid="progress-add"]');
    await officer.locator('[data-testid="proposal-status"]', { hasText: '落实中' }).waitFor();
    await officer.fill('[data-testid="officer-note"] input', '夜班通勤车已于本月开通，候车点已投入使用');
    await officer.click('[data-testid="progress-done"]');
    await officer.locator('[data-testid="proposal-status"]', { hasText: '已办结' }).waitFor();
    expect(await officer.textContent('.ok-banner')).toBe('提案已办结');
    await shot(officer, 'congress-proposals-2-officer-closed');

    // The proposer sees each outcome, with its reason, on the phone.
    const proposer = await openAs(browser(), 'delegate-10', { redirect: `/member/pages/congress/proposal?id=${converted}` });
    const open = async (id: string) => {
      await proposer.goto(`${new URL(proposer.url()).origin}/#/member/pages/congress/proposal?id=${id}`);
      await proposer.reload();
      await proposer.waitForSelector('[data-testid="proposal-status"]');
    };
    await open(converted);
    await proposer.waitForSelector('[data-testid="decision-reason"]');
    expect(await proposer.textContent('[data-testid="decision-reason"]')).toBe(
      '审查结论：转为意见建议。理由：属于日常管理事项，转行政后勤部作为意见建议办理',
    );
    expect(await proposer.textContent('[data-testid="timeline-converted"]')).toContain('理由：属于日常管理事项');
    await shot(proposer, 'congress-proposals-3-proposer-converted');
    await open(rejected);
    expect(await proposer.textContent('[data-testid="proposal-status"]')).toContain('不予立案');
    expect(await proposer.textContent('[data-testid="decision-reason"]')).toBe(
      '审查结论：不予立案。理由：作息时间由劳动合同和集体合同约定，本提案与集体合同草案重复，不予立案',
    );
    await shot(proposer, 'congress-proposals-4-proposer-rejected');
    await open(accepted);
    expect(await proposer.textContent('[data-testid="proposal-status"]')).toContain('已办结');
    const steps = await proposer.locator('[data-testid^="timeline-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(steps).toEqual([
      'timeline-submitted',
      'timeline-cosigned',
      'timeline-cosigned',
      'timeline-to-review',
      'timeline-accepted',
      'timeline-replied',
      'timeline-progress',
      'timeline-progress',
      'timeline-closed',
    ]);
    const body = await proposer.textContent('body');
    for (const text of [
      '承办部门 行政后勤部',
      '已与公交公司商定',
      '通勤车线路已确定，候车点正在施工',
      '夜班通勤车已于本月开通',
      '落实完毕，提案办结',
    ])
      expect(body).toContain(text);
    await shot(proposer, 'congress-proposals-5-proposer-closed-timeline');
    console.log(`[congress proposals e2e] screenshots: ${shots.join(', ')}`);
  });
});
