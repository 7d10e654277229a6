import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { castBallot, officerCall, proposalInReview, settled, signInDelegates, walkSession } from '../support/congress-e2e';
import { appUrl, openAs, printedPageSizes, screenshot, useBrowser } from '../support/e2e';

/**
 * 分项表决 of a 立案 proposal in Chromium: the officer puts it to a vote with three items (the
 * articles of the draft) from the proposal's page, opens it and closes it; one delegate votes in
 * the browser, nine through the API; items 1 and 2 pass, item 3 fails (⌊10/2⌋+1 = 6 赞成 needed);
 * the proposal's timeline shows the result per item; the 会议纪要 page prints on A4.
 */
const shots: string[] = [];
const shot = async (page: Page, name: string) => shots.push(await screenshot(page, name));
const goto = async (page: Page, route: string) => {
  await page.goto(`${appUrl()}/#${route}`);
  await page.reload();
};
const DELEGATES = [27, 28, 29, 30, 31, 32, 33, 34, 35, 36];
const ITEMS = [
  '第一条 工资每年随本市最低工资标准同步调整',
  '第二条 加班须经本人同意并按规定支付加班费',
  '第三条 年休假在法定基础上每满五年增加一天',
];
const TITLE = '关于《2027年度集体合同（草案）》的分项表决';

describe('职代会 分项表决 in Chromium', () => {
  const browser = useBrowser();

  it('a 立案 proposal put to a 分项表决 of three items: one fails, the timeline shows each item’s result', async () => {
    const sessionId = await walkSession('第三届第三次职工代表大会（集体合同）', '2026-01-06', DELEGATES);
    await signInDelegates(sessionId, DELEGATES);
    const proposalId = await proposalInReview(sessionId, 27, [28, 29], '关于修订集体合同的提案', {
      cause: '现行集体合同的工资、工时和休假条款已三年未修订，与职工的期望差距较大。',
      suggestion: '建议修订工资调整、加班和年休假三项条款，并提交职代会逐条表决。',
    });
    await officerCall('POST', `/congress/proposals/${proposalId}/decision`, {
      decision: 'accept',
      reason: '提交本次职代会审议',
      department: '人力资源部',
      replyDeadline: '2099-06-30',
    });

    // The officer puts it to a 分项表决 from the proposal's page: the motion links it.
    const officer = await openAs(browser(), 'officer-enterprise', {
      desktop: true,
      redirect: `/officer/pages/congress/proposal?id=${proposalId}`,
    });
    await officer.click('[data-testid="toggle-put-to-vote"]');
    const form = officer.locator('[data-testid="put-to-vote"] [data-testid="motion-form"]');
    expect(await form.locator('[data-testid="motion-kind-itemized"]').getAttribute('class')).toContain('selected');
    await form.locator('[data-testid="motion-title"] input').fill(TITLE);
    await form.locator('[data-testid="motion-draft"] textarea').fill(`${ITEMS.join('\n')}\n（草案全文已印发各代表团）`);
    await form.locator('[data-testid="motion-items"] textarea').fill(ITEMS.join('\n'));
    await shot(officer, 'congress-itemized-1-put-to-vote');
    await form.locator('[data-testid="create-motion"]').click();
    await officer.getByText('已提请表决').waitFor();
    expect(await officer.textContent('[data-testid="timeline-put-to-vote"]')).toContain(`《${TITLE}》（分项表决，共 3 项）`);

    // … opens it from 职代会管理 (the quorum is there: 10 of 10 signed in).
    await officer.click('[data-testid="to-session-admin"]');
    await officer.waitForSelector('[data-testid="session-admin"]');
    const row = officer.locator('[data-testid^="officer-motion-"]', { hasText: TITLE });
    await row.locator('[data-testid="open-motion"]').click();
    await row.getByText('投票中').waitFor();
    const motionId = (await row.getAttribute('data-testid'))!.replace('officer-motion-', '');

    // One delegate votes in the browser: 赞成, 赞成, 反对.
    const voter = await openAs(browser(), 'delegate-27', { redirect: '/pages/vote/index' });
    const motion = voter.locator(`[data-testid="session-${sessionId}"] [data-testid="motion-${motionId}"]`);
    await motion.waitFor();
    await motion.locator('[data-testid="toggle-matter"]').click();
    expect(await motion.locator('[data-testid="motion-matter"]').textContent()).toContain('关于修订集体合同的提案');
    const ballot = motion.locator(`[data-testid="ballot-${motionId}"]`);
    for (const [item, option] of [
      ['i1', 'yes'],
      ['i2', 'yes'],
      ['i3', 'no'],
    ]) {
      await ballot.locator(`[data-testid="item-${item}-${option}"]`).click();
    }
    await shot(voter, 'congress-itemized-2-ballot');
    await ballot.locator('[data-testid="cast-ballot"]').click();
    await motion.locator('[data-testid="receipt"]').waitFor();
    const receipt = (await motion.locator('[data-testid="receipt"]').textContent())!.trim();
    expect(receipt).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);

    // Nine more through the API: item 1 all 赞成 (10), item 2 seven 赞成, item 3 only four (< 6).
    for (const [i, n] of DELEGATES.slice(1).entries()) {
      await castBallot(motionId, n, {
        kind: 'itemized',
        options: { i1: 'yes', i2: i < 6 ? 'yes' : 'abstain', i3: i < 3 ? 'yes' : i < 6 ? 'no' : 'abstain' },
      });
    }

    // The officer closes it.
    await goto(officer, `/officer/pages/congress/index?session=${sessionId}`);
    const closing = officer.locator('[data-testid^="officer-motion-"]', { hasText: TITLE });
    await closing.getByText('已投 10 人').waitFor();
    await closing.locator('[data-testid="close-motion"]').click();
    await officer.getByText('投票已结束').waitFor();
    await closing.getByText('已结束：2 项通过，1 项未通过').waitFor();

    // The proposer sees the result per item in the proposal's timeline …
    await goto(voter, `/member/pages/congress/proposal?id=${proposalId}`);
    const result = voter.locator('[data-testid="timeline-vote-result"]');
    await result.waitFor();
    const note = await result.textContent();
    expect(note).toContain(`《${TITLE}》分项表决结果：`);
    expect(note).toContain(`第1项 ${ITEMS[0]}：通过（赞成 10 票，反对 0 票，弃权 0 票）`);
    expect(note).toContain(`第2项 ${ITEMS[1]}：通过（赞成 7 票，反对 0 票，弃权 3 票）`);
    expect(note).toContain(`第3项 ${ITEMS[2]}：未通过（赞成 3 票，反对 4 票，弃权 3 票）`);
    await result.scrollIntoViewIfNeeded();
    await shot(voter, 'congress-itemized-3-proposal-timeline');
    // … and opens the results from there, with the verdict of each item and their receipt checked.
    await result.locator('[data-testid="timeline-results"]').click();
    await voter.waitForSelector('[data-testid="verdict"]');
    await settled(voter);
    expect(await voter.textContent('[data-testid="verdict"]')).toBe('2 项通过，1 项未通过');
    const verdicts = await voter.locator('[data-testid="item-verdict"]').allTextContents();
    expect(verdicts).toEqual(['通过', '通过', '未通过']);
    expect(await voter.textContent(`[data-testid="result-item-i3"] [data-testid="count-赞成"]`)).toContain('3 票');
    expect(await voter.textContent('[data-testid="receipt-check"]')).toContain(
      `回执码 ${receipt} 已计入，记录的选择为：第1项 赞成；第2项 赞成；第3项 反对`,
    );
    await shot(voter, 'congress-itemized-4-results');

    // The 会议纪要: its own page, printed on A4.
    await goto(officer, `/officer/pages/congress/index?session=${sessionId}`);
    await officer.locator('[data-testid^="officer-motion-"]', { hasText: TITLE }).locator('[data-testid="motion-minutes"]').click();
    await officer.waitForSelector('[data-testid="minutes"]');
    await settled(officer);
    const field = async (id: string) => (await officer.textContent(`[data-testid="minutes-${id}"]`))?.replace(/\s+/g, ' ');
    expect(await field('motion')).toContain(`${TITLE}（分项表决，无记名投票）`);
    expect(await field('n')).toContain('10 人');
    expect(await field('present')).toContain('10 人');
    expect(await field('rule')).toContain('逐项计票，每项赞成票达到全体代表 10 人的过半数，即至少 6 票，该项方为通过');
    expect(await field('verdict')).toContain('2 项通过，1 项未通过');
    expect(await field('closed-by')).toContain('李晓梅');
    expect(await field('closed-at')).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/);
    const counts = await officer.locator('[data-testid="minutes-counts"] .mn-grid-row').allTextContents();
    expect(counts.map((r) => r.replace(/\s+/g, ''))).toEqual([
      '表决项赞成反对弃权结果',
      `1.${ITEMS[0]!.replace(/\s+/g, '')}1000通过`,
      `2.${ITEMS[1]!.replace(/\s+/g, '')}703通过`,
      `3.${ITEMS[2]!.replace(/\s+/g, '')}343未通过`,
    ]);
    // Tall enough for the whole sheet (the page scrolls inside Taro's container, which a full-page shot does not follow).
    await officer.setViewportSize({ width: 1280, height: 1800 });
    await shot(officer, 'congress-itemized-5-minutes');
    await officer.emulateMedia({ media: 'print' });
    expect(await officer.locator('[data-testid="print-minutes"]').isVisible()).toBe(false);
    await shot(officer, 'congress-itemized-6-minutes-print');
    // Printed: A4 pages (595 × 842 pt), as the page's @page rule asks.
    const boxes = await printedPageSizes(officer);
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box).toEqual([595, 842]);
    console.log(`[congress itemized e2e] screenshots: ${shots.join(', ')}`);
  });
});
