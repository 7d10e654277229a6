import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../support/csv-parse';
import { appUrl, openAs, printedPageSizes, screenshot, useBrowser } from '../support/e2e';

/**
 * 实事 过程管理 and 绩效评估 in Chromium, on the demo's published catalogs: the enterprise's officer
 * records progress on a 实事 with a quota and members see "已完成 n/m" with a bar on the 实事进度 page and
 * on their card's benefit; 张德福 (marked served in the demo) rates the service once; the officer opens the
 * printable 测评报告, exports the ratings (CSV downloaded and parsed) and prints it on A4.
 */
const shots: string[] = [];
const shot = async (page: Page, name: string) => shots.push(await screenshot(page, name));
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const goto = async (page: Page, route: string) => {
  await page.goto(`${appUrl()}/#${route}`);
  await page.reload();
};

describe('实事 in Chromium: 进度登记 → 会员查看 → 满意度评价 → 导出与打印', () => {
  const browser = useBrowser();

  it('the officer records progress, members see it and rate, the officer exports and prints the report', async () => {
    const officer = await openAs(browser(), 'officer-enterprise', { desktop: true, redirect: '/officer/pages/projects/progress' });
    await officer.locator('[data-testid="org-enterprise"]').click();
    const entry = officer.locator('[data-testid="officer-progress-entry"]').first();
    await entry.waitFor();
    const name = ((await entry.locator('.subtitle').textContent()) as string).replace('进度滞后', '').trim();
    const target = Number(((await entry.locator('.pj-progress-text').textContent()) as string).match(/\/(\d+)/)?.[1]);
    expect(target).toBeGreaterThan(1);
    const count = target - 1;
    await entry.locator('[data-testid="progress-count"] input').fill(String(count));
    await entry.locator('[data-testid="progress-note"] input').fill('浏览器走查登记');
    await entry.locator('[data-testid="progress-save"]').click();
    await entry.locator('[data-testid="progress-records"]', { hasText: '浏览器走查登记' }).waitFor();
    expect(await entry.locator('.pj-progress-text').textContent()).toContain(`已完成 ${count}/${target}`);
    await officer.locator('[data-testid="behind-summary"]').waitFor();
    await shot(officer, 'projects-progress-1-officer-records');

    // A member of the enterprise sees it on the 实事进度 page and on the card's benefit.
    const member = await openAs(browser(), 'member-migrant', { redirect: '/member/pages/projects/progress' });
    const row = member.locator('[data-testid="progress-entry"]', { hasText: name });
    await row.waitFor();
    expect(await row.locator('[data-testid="progress-text"]').textContent()).toContain(`已完成 ${count}/${target}`);
    const width = await row.locator('.pj-fill').evaluate((el) => (el as HTMLElement).style.width);
    expect(width).toBe(`${Math.floor((count * 100) / target)}%`);
    await shot(member, 'projects-progress-2-member-progress');

    // 张德福 was marked served by the survey's first entry: rates it 满意 with a comment, once.
    const rateable = member.locator('[data-testid="rateable"]').first();
    await rateable.scrollIntoViewIfNeeded();
    await rateable.locator('[data-testid="rate-satisfied"]').click();
    await rateable.locator('[data-testid="rate-comment"] textarea').fill('=SUM(A1:A3) 服务很好');
    await rateable.locator('[data-testid="rate-submit"]').click();
    await member.locator('[data-testid="my-rating"]').waitFor();
    expect(await member.locator('[data-testid="my-rating"]').textContent()).toContain('您已评价');
    await shot(member, 'projects-progress-3-member-rated');

    await goto(member, '/pages/card/index');
    const progress = member.locator('[data-testid="benefit-progress"]', { hasText: `已完成 ${count}/${target}` });
    await progress.first().waitFor();
    await progress.first().scrollIntoViewIfNeeded();
    await shot(member, 'projects-progress-4-card-benefit');

    // The report: the officer's A4 sheet with the rates; the CSV downloaded and parsed.
    await goto(officer, `/officer/pages/projects/report?orgId=enterprise&year=${YEAR}`);
    await officer.waitForSelector('[data-testid="survey-report"]');
    const rows = officer.locator('[data-testid="report-row"]');
    await rows.first().waitFor();
    // The demo's five ratings (3 满意, 1 基本满意, 1 不满意) and this one: 6 of 7 served.
    expect((await rows.first().textContent())?.replace(/\s+/g, '')).toMatch(/411(83.3%)85.7%（6\/7）/);
    expect(await officer.textContent('[data-testid="report-totals"]')).toContain('评价 6 人');
    const [download] = await Promise.all([officer.waitForEvent('download'), officer.click('[data-testid="export-ratings-csv"]')]);
    expect(download.suggestedFilename()).toMatch(/实事满意度测评\.csv$/);
    const csv = parseCsv(readFileSync((await download.path()) as string).toString('utf8'));
    expect(csv[0]).toEqual(['实事项目', '满意', '基本满意', '不满意', '评价人数', '服务人数', '满意率(%)', '参评率(%)']);
    expect(csv[1]!.slice(1, 8)).toEqual(['4', '1', '1', '6', '7', '83.33', '85.71']);
    // The member's comment, formula-safe.
    expect(csv.some((r) => r[2] === "'=SUM(A1:A3) 服务很好")).toBe(true);
    await officer.setViewportSize({ width: 1280, height: 1600 });
    await shot(officer, 'projects-progress-5-report');
    await officer.emulateMedia({ media: 'print' });
    expect(await officer.locator('[data-testid="print-report"]').isVisible()).toBe(false);
    await shot(officer, 'projects-progress-6-report-print');
    const boxes = await printedPageSizes(officer);
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box).toEqual([595, 842]);
    expect(shots).toHaveLength(6);
    console.log(`[projects progress e2e] screenshots: ${shots.join(', ')}`);
  });
});
