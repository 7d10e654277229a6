import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { castBallot, delegateId, settled, signInDelegates, walkSession } from '../support/congress-e2e';
import { appUrl, openAs, screenshot, useBrowser } from '../support/e2e';

/**
 * 选举 and 测评 in Chromium: opening below the quorum is refused with the numbers; once enough
 * delegates signed in, a 选举 (2 of 3) and a 测评 run to their results; the CSV button downloads the
 * file. The officer and one delegate use the browser; the other delegates vote through the API.
 */
const shots: string[] = [];
const shot = async (page: Page, name: string) => shots.push(await screenshot(page, name));
const goto = async (page: Page, route: string) => {
  await page.goto(`${appUrl()}/#${route}`);
  await page.reload();
};
const DELEGATES = [17, 18, 19, 20, 21, 22, 23, 24, 25, 26]; // N = 10: quorum 7, a candidate needs 6
const ELECTION = '增补工会委员选举';
const RATING = '工会经费审查委员会年度测评';

describe('职代会 选举 and 测评 in Chromium', () => {
  const browser = useBrowser();

  it('below the quorum the open is refused with the numbers; 选举 and 测评 run to results; the CSV downloads', async () => {
    const sessionId = await walkSession('第三届第三次职工代表大会（选举与测评）', '2026-01-07', DELEGATES);
    await signInDelegates(sessionId, DELEGATES.slice(1, 6)); // 5 of 10 signed in

    const officer = await openAs(browser(), 'officer-enterprise', {
      desktop: true,
      redirect: `/officer/pages/congress/index?session=${sessionId}`,
    });
    await officer.waitForSelector('[data-testid="session-admin"]');
    const create = async (kind: string, title: string, items: string, maxChoices?: string) => {
      const form = officer.locator('[data-testid="session-admin"] [data-testid="motion-form"]');
      await form.locator(`[data-testid="motion-kind-${kind}"]`).click();
      await form.locator('[data-testid="motion-title"] input').fill(title);
      await form.locator('[data-testid="motion-items"] textarea').fill(items);
      if (maxChoices) await form.locator('[data-testid="motion-max-choices"] input').fill(maxChoices);
      await form.locator('[data-testid="create-motion"]').click();
      await officer.getByText('已添加表决事项').waitFor();
      return officer.locator('[data-testid^="officer-motion-"]', { hasText: title });
    };
    const election = await create('election', ELECTION, '王芳\n刘强\n陈明', '2');
    const electionId = (await election.getAttribute('data-testid'))!.replace('officer-motion-', '');

    // Below the quorum: refused, and the officer is told the numbers.
    await election.locator('[data-testid="open-motion"]').click();
    const refusal = officer.locator('[data-testid="admin-error"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe('已签到 5 人，未达到法定人数 7 人（全体代表 10 人的三分之二），不能开始表决');
    expect(await election.textContent()).toContain('未开始');
    expect(await officer.textContent('[data-testid="officer-attendance"]')).toContain('应到 10 人 · 已签到 5 人 · 法定人数 7 人（未达到）');
    await shot(officer, 'congress-motions-1-below-quorum-refused');

    // Two more sign in (7 = ⌈20/3⌉); the 选举 opens, and a 测评 with it.
    await signInDelegates(sessionId, DELEGATES.slice(6, 8));
    await goto(officer, `/officer/pages/congress/index?session=${sessionId}`);
    await officer.waitForSelector('[data-testid="session-admin"]');
    await election.locator('[data-testid="open-motion"]').click();
    await election.getByText('投票中').waitFor();
    const rating = await create('rating', RATING, '赵刚\n钱芳');
    const ratingId = (await rating.getAttribute('data-testid'))!.replace('officer-motion-', '');
    await rating.locator('[data-testid="open-motion"]').click();
    await rating.getByText('投票中').waitFor();

    // A delegate signs in on the phone and votes in both: 王芳 and 刘强; 赵刚 满意, 钱芳 基本满意.
    const voter = await openAs(browser(), delegateId(17), { redirect: '/pages/vote/index' });
    const panel = voter.locator(`[data-testid="session-${sessionId}"]`);
    await panel.locator('[data-testid="sign-in"]').click();
    await panel.locator('[data-testid="signed-in"]').waitFor();
    expect(await panel.locator('[data-testid="attendance"]').textContent()).toContain('应到代表 10 人，已签到 8 人（法定人数 7 人）');
    const electionBallot = panel.locator(`[data-testid="ballot-${electionId}"]`);
    await electionBallot.locator('[data-testid="candidate-c1"]').click();
    await electionBallot.locator('[data-testid="candidate-c2"]').click();
    await electionBallot.locator('[data-testid="candidate-c3"]').click(); // a third is not taken: at most 2
    expect(await electionBallot.locator('.cg-option.selected').count()).toBe(2);
    await electionBallot.locator('[data-testid="cast-ballot"]').click();
    await panel.locator(`[data-testid="motion-${electionId}"] [data-testid="receipt"]`).waitFor();
    const ratingBallot = panel.locator(`[data-testid="ballot-${ratingId}"]`);
    await ratingBallot.locator('[data-testid="rate-s1-0"]').click();
    await ratingBallot.locator('[data-testid="rate-s2-1"]').click();
    await shot(voter, 'congress-motions-2-delegate-voting');
    await ratingBallot.locator('[data-testid="cast-ballot"]').click();
    await panel.locator(`[data-testid="motion-${ratingId}"] [data-testid="receipt"]`).waitFor();

    // The other seven signed in vote through the API. 王芳 8, 刘强 6, 陈明 2 of N = 10 (6 needed):
    // 王芳 and 刘强 elected.
    const others = DELEGATES.slice(1, 8);
    const picks = [
      ['c1', 'c2'],
      ['c1', 'c2'],
      ['c1', 'c2'],
      ['c1', 'c2'],
      ['c1', 'c2'],
      ['c1', 'c3'],
      ['c1', 'c3'],
    ];
    for (const [i, n] of others.entries()) {
      await castBallot(electionId, n, { kind: 'election', candidateIds: picks[i] });
      await castBallot(ratingId, n, { kind: 'rating', ratings: { s1: i < 5 ? '满意' : '基本满意', s2: i < 2 ? '不满意' : '满意' } });
    }

    // The officer closes both.
    await goto(officer, `/officer/pages/congress/index?session=${sessionId}`);
    for (const row of [election, rating]) {
      await row.getByText('已投 8 人').waitFor();
      await row.locator('[data-testid="close-motion"]').click();
      await row.getByText('已结束').waitFor();
    }
    expect(await election.textContent()).toContain('已结束：当选：王芳、刘强');
    expect(await rating.textContent()).toContain('已结束：测评完成');

    // The 选举's results, then its CSV from the button: the file as downloaded.
    await election.locator('[data-testid="motion-results"]').click();
    await officer.waitForSelector('[data-testid="verdict"]');
    await settled(officer);
    expect(await officer.textContent('[data-testid="verdict"]')).toBe('当选：王芳、刘强');
    expect(await officer.textContent('[data-testid="count-王芳（当选）"]')).toContain('8 票');
    expect(await officer.textContent('[data-testid="count-刘强（当选）"]')).toContain('6 票');
    expect(await officer.textContent('[data-testid="count-陈明"]')).toContain('2 票');
    await shot(officer, 'congress-motions-3-election-results');
    const [download] = await Promise.all([officer.waitForEvent('download'), officer.click('[data-testid="export-csv"]')]);
    expect(download.suggestedFilename()).toBe(`${ELECTION}-表决结果.csv`);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines.slice(0, 8)).toEqual([
      `事项,${ELECTION}`,
      '类型,选举',
      '应到代表,10',
      '实到代表,8',
      '投票人数,8',
      '通过所需票数,6',
      '计票规则,应选 2 人；得票达到全体代表 10 人的过半数，即至少 6 票，按得票多少当选',
      '结果,当选：王芳、刘强',
    ]);
    expect(lines).toContain('候选人,得票,是否当选');
    expect(lines).toContain('王芳,8,当选');
    expect(lines).toContain('刘强,6,当选');
    expect(lines).toContain('陈明,2,未当选');
    expect(lines.filter((l) => /^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4},/.test(l))).toHaveLength(8);

    // The 测评's results, counted per subject and level.
    await goto(officer, `/member/pages/congress/results?id=${ratingId}`);
    await officer.waitForSelector('[data-testid="verdict"]');
    expect(await officer.textContent('[data-testid="verdict"]')).toBe('测评完成');
    const levels = await officer.locator('.cg-bar-value').allTextContents();
    // 赵刚: 满意 6 (5 + the browser's), 基本满意 2; 钱芳: 满意 5, 基本满意 1 (the browser's), 不满意 2.
    expect(levels.map((t) => t.trim())).toEqual(['6 票', '2 票', '0 票', '5 票', '1 票', '2 票']);
    await shot(officer, 'congress-motions-4-rating-results');
    console.log(`[congress motions e2e] screenshots: ${shots.join(', ')}`);
  });
});
