import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { putUser } from '../../functions/src/store/user.repository';
import { apiCall, appUrl, demoToken, openAs, screenshot, useBrowser, useE2eStore } from '../support/e2e';

const PLAN = readFileSync('catalog/plans/qingshan-district-news.txt', 'utf8');
const EDITED = '户外劳动者驿站（已核对）';

describe('plan-derived catalogs (h5 in Chromium)', () => {
  const browser = useBrowser();

  it('an officer pastes a plan, edits one entry and publishes; a member of a child org sees it with its source quotes', async () => {
    // The district officer reviews on a desktop browser.
    const officer = await openAs(browser(), 'officer-district', { desktop: true });
    await officer.goto(`${appUrl()}/#/officer/pages/catalog/import?orgId=district`);
    await officer.waitForSelector('[data-testid="plan-text"] textarea', { timeout: 60_000 });
    await officer.fill('[data-testid="plan-text"] textarea', PLAN);
    await officer.click('[data-testid="import-plan"]');
    await officer.waitForSelector('[data-testid="draft-entry-0"]', { timeout: 60_000 });
    const drafted = await officer.locator('[data-testid^="draft-entry-"]').count();
    expect(drafted).toBeGreaterThan(2);

    // Selecting an entry highlights its sentence in the plan text.
    await officer.click('[data-testid="draft-entry-0"] .entry-head');
    // On a desktop the plan text sits beside the list.
    const beside = '.review-source-side [data-testid="source-highlight"]';
    await officer.waitForSelector(beside);
    const highlighted = (await officer.textContent(beside)) ?? '';
    expect(highlighted.length).toBeGreaterThan(4);
    expect(PLAN).toContain(highlighted);
    expect(await officer.textContent('[data-testid="draft-entry-0"] .entry-quote')).toContain(highlighted);
    await screenshot(officer, 'catalog-officer-review');

    // Edit the entry's name and switch it to 免申即享, drop the last entry, then publish.
    await officer.fill('[data-testid="edit-name"] input', EDITED);
    await officer.click('[data-testid="edit-claim-mode-automatic"]');
    expect(await officer.textContent('[data-testid="draft-entry-0"] [data-testid="entry-name"]')).toContain(EDITED);
    await officer.click(`[data-testid="draft-entry-${drafted - 1}"] .entry-head`);
    await officer.click(`[data-testid="draft-entry-${drafted - 1}"] [data-testid="remove-entry"]`);
    expect(await officer.locator('[data-testid^="draft-entry-"]').count()).toBe(drafted - 1);
    await officer.click('[data-testid="publish-catalog"]');
    await officer.waitForSelector('[data-testid="published-banner"]', { timeout: 30_000 });
    expect(await officer.textContent('[data-testid="published-banner"]')).toContain(`共 ${drafted - 1} 项`);
    await screenshot(officer, 'catalog-officer-published');

    // What was stored: the edit, the drop, the quote offsets into the pasted text.
    const token = await demoToken('officer-district');
    const { body } = await apiCall('GET', '/orgs/district/catalogs', token);
    const version = body.versions[0].version;
    const stored = (await apiCall('GET', `/orgs/district/catalogs/${version}`, token)).body.catalog;
    expect(stored.entries).toHaveLength(drafted - 1);
    expect(stored.entries[0]).toMatchObject({ name: EDITED, claimMode: 'automatic' });
    for (const e of stored.entries) expect(PLAN.slice(e.source.start, e.source.end)).toBe(e.source.quote);
    await officer.context().close();

    // A member of the enterprise union (below the district) reads the district's catalog with the quotes.
    useE2eStore();
    await putUser({
      userId: 'e2e-catalog-member',
      displayName: '赵会员',
      grants: [{ role: 'member', orgId: 'enterprise' }],
      demoDescription: '企业工会会员（目录测试）',
      demoOrder: 900,
    });
    const member = await openAs(browser(), 'e2e-catalog-member');
    await member.goto(`${appUrl()}/#/member/pages/catalog/index`);
    await member.waitForSelector(`[data-testid="catalog-district-v${version}"]`, { timeout: 60_000 });
    const district = member.locator(`[data-testid="catalog-district-v${version}"]`);
    expect(await district.textContent()).toContain(EDITED);
    expect(await district.textContent()).toContain('免申即享');
    const quotes = await district.locator('[data-testid="benefit-quote"]').allTextContents();
    expect(quotes.length).toBe(drafted - 1);
    expect(quotes[0]).toContain(stored.entries[0].source.quote);
    // The city's and the enterprise's own catalogs (seeded from their plans) are there too, root first.
    expect(await member.locator('[data-testid^="catalog-city-v"]').count()).toBe(1);
    expect(await member.locator('[data-testid^="catalog-enterprise-v"]').count()).toBe(1);

    // Tapping a quote shows it highlighted in the plan text.
    await district.locator('[data-testid="benefit-quote"]').first().click();
    await district.locator('[data-testid="source-highlight"]').waitFor();
    expect(await district.locator('[data-testid="source-highlight"]').textContent()).toBe(stored.entries[0].source.quote);
    await screenshot(member, 'catalog-member-reads');
    await member.context().close();
  });

  it('an officer pastes a tab table: one draft per row with its name and department; a member sees the published entries', async () => {
    const rows = [
      ['1', '户外驿站建设', '在主干道新建户外劳动者驿站12个，配备饮水和充电设施', '基层工作部', '10月底'],
      ['2', '农民工免费体检', '组织800名农民工参加免费健康体检', '女职工部', '9月底'],
      ['3', '金秋助学', '为考入大学的困难职工子女每人发放助学金3000元，投入资金30万元', '权益保障部', '9月底'],
      ['4', '单身职工联谊', '举办单身青年职工联谊活动4场', '宣传教育部', '年底前'],
    ];
    const table = [
      '东城区总工会2026年为职工办实事项目一览表',
      ['序号', '项目名称', '主要内容', '牵头部门', '完成时限'].join('\t'),
      ...rows.map((r) => r.join('\t')),
    ].join('\n');
    const officer = await openAs(browser(), 'officer-district', { desktop: true });
    await officer.goto(`${appUrl()}/#/officer/pages/catalog/import?orgId=district`);
    await officer.waitForSelector('[data-testid="plan-text"] textarea', { timeout: 60_000 });
    await officer.fill('[data-testid="plan-text"] textarea', table);
    await officer.click('[data-testid="import-plan"]');
    await officer.waitForSelector('[data-testid="draft-entry-0"]', { timeout: 60_000 });
    const cards = officer.locator('[data-testid^="draft-entry-"]');
    expect(await cards.count()).toBe(rows.length);
    for (const [i, row] of rows.entries()) {
      const card = cards.nth(i);
      expect(await card.locator('[data-testid="entry-name"]').textContent()).toContain(row[1]);
      const rowText = (await card.locator('[data-testid="entry-row"]').textContent()) ?? '';
      expect(rowText).toContain(`表格第 ${row[0]} 行`);
      expect(rowText).toContain(`牵头部门 ${row[3]}`);
      expect(await card.textContent()).toContain(`牵头部门：${row[3]}`);
      expect(await card.locator('[data-testid="entry-reasons"]').textContent()).toContain('实事项目表中的一行');
    }
    // The per-person amount, not the fund total.
    expect(await cards.nth(2).textContent()).toContain('3000');
    await screenshot(officer, 'catalog-officer-table-review');
    await officer.click('[data-testid="publish-catalog"]');
    await officer.waitForSelector('[data-testid="published-banner"]', { timeout: 30_000 });
    expect(await officer.textContent('[data-testid="published-banner"]')).toContain(`共 ${rows.length} 项`);
    const token = await demoToken('officer-district');
    const version = (await apiCall('GET', '/orgs/district/catalogs', token)).body.versions[0].version;
    await officer.context().close();

    useE2eStore();
    await putUser({
      userId: 'e2e-table-member',
      displayName: '钱会员',
      grants: [{ role: 'member', orgId: 'enterprise' }],
      demoDescription: '企业工会会员（表格目录测试）',
      demoOrder: 901,
    });
    const member = await openAs(browser(), 'e2e-table-member');
    await member.goto(`${appUrl()}/#/member/pages/catalog/index`);
    await member.waitForSelector(`[data-testid="catalog-district-v${version}"]`, { timeout: 60_000 });
    const district = member.locator(`[data-testid="catalog-district-v${version}"]`);
    const text = (await district.textContent()) ?? '';
    for (const row of rows) expect(text).toContain(row[1]);
    expect(await district.locator('[data-testid="benefit-quote"]').count()).toBe(rows.length);
    await screenshot(member, 'catalog-member-table-entries');
    await member.context().close();
  });
});
