/**
 * 版本对比 walked in Chromium (issue 15, item 8): an officer of a union publishes a second version of its
 * service catalog and compares it with the first on the officer's version page: entries added, removed,
 * and changed with the fields that changed (旧 → 新); the two version pickers reverse the comparison.
 */
import { describe, expect, it } from 'vitest';
import { createOrg } from '../../functions/src/store/org.repository';
import { putUser } from '../../functions/src/store/user.repository';
import { apiCall, appUrl, demoToken, openAs, screenshot, useBrowser, useE2eStore } from '../support/e2e';

const doc = { issuer: '临江云帆物流有限公司工会', year: 2026, number: null, title: '2026年度职工服务项目' };
const active = { member: 'status', op: 'eq', value: 'active' };
const service = (name: string, over: Record<string, unknown> = {}) => ({
  name,
  category: '帮扶救助',
  tier: '普惠',
  groups: [],
  eligibility: active,
  benefit: { amountYuan: 500 },
  claimMode: 'review',
  ...over,
});

describe('服务目录版本对比', () => {
  const browser = useBrowser();

  it('an officer publishes a second version and sees what was added, removed and changed', async () => {
    useE2eStore();
    const orgId = `yunfan-${Date.now().toString(36)}`;
    await createOrg({ orgId, name: '临江云帆物流有限公司工会', kind: 'grassroots', parentId: 'district', area: '临江区' });
    const officerId = `e2e-versions-${orgId}`;
    await putUser({
      userId: officerId,
      displayName: '周干部',
      grants: [{ role: 'officer', orgId }],
      demoDescription: '企业工会干部（版本对比测试）',
      demoOrder: 901,
    });
    const token = await demoToken(officerId);
    const publish = async (services: object[]) =>
      expect((await apiCall('POST', `/orgs/${orgId}/catalogs`, token, { document: doc, services })).status).toBe(201);
    await publish([
      service('困难职工帮扶'),
      service('职工疗休养', { benefit: { quota: { count: 50, unit: '名' } } }),
      service('金秋助学', { period: '2026年8月' }),
      service('法律援助', { benefit: {} }),
    ]);
    // The second version: 法律援助 dropped, 生日慰问 added, 疗休养's quota and claim mode and 助学's amount and period changed.
    await publish([
      service('困难职工帮扶'),
      service('职工疗休养', { benefit: { quota: { count: 80, unit: '名' } }, claimMode: 'automatic' }),
      service('金秋助学', { period: '2026年9月', benefit: { amountYuan: 1000 } }),
      service('职工生日慰问', { category: '节日慰问', benefit: { amountYuan: 200 } }),
    ]);

    const officer = await openAs(browser(), officerId, { desktop: true });
    await officer.goto(`${appUrl()}/#/officer/pages/catalog/version?orgId=${orgId}&version=2`);
    await officer.locator('[data-testid="compare-link"]').click();
    await officer.waitForSelector('[data-testid="compare-summary"]', { timeout: 30_000 });
    expect(await officer.textContent('[data-testid="compare-summary"]')).toBe(
      '第 1 版 → 第 2 版：新增 1 项，删除 1 项，修改 2 项，未变 1 项',
    );
    expect(await officer.textContent('[data-testid="compare-added"]')).toContain('职工生日慰问');
    expect(await officer.textContent('[data-testid="compare-removed"]')).toContain('法律援助');
    const rest = officer.locator('[data-testid="changed-职工疗休养"]');
    expect(await rest.locator('[data-testid="changed-field-quota"]').innerText()).toMatch(/名额\s*50 名\s*→\s*80 名/);
    expect(await rest.locator('[data-testid="changed-field-claimMode"]').innerText()).toMatch(/申领方式\s*申请审核\s*→\s*免申即享/);
    const study = officer.locator('[data-testid="changed-金秋助学"]');
    expect(await study.locator('[data-testid="changed-field-amount"]').innerText()).toMatch(/金额\s*500 元\s*→\s*1,000 元/);
    expect(await study.locator('[data-testid="changed-field-period"]').innerText()).toMatch(/时间\s*2026年8月\s*→\s*2026年9月/);
    expect(await officer.locator('[data-testid^="changed-field-"]').count()).toBe(4);
    await screenshot(officer, 'versions-compare-1-to-2');
    await officer.locator('[data-testid="compare-changed"]').scrollIntoViewIfNeeded();
    await screenshot(officer, 'versions-compare-changed');

    // The pickers: 旧版本 第 2 版, 新版本 第 1 版 — the comparison reversed.
    await officer.locator('[data-testid="compare-from"]').getByText('第 2 版', { exact: true }).click();
    await officer.locator('[data-testid="compare-to"]').getByText('第 1 版', { exact: true }).click();
    await expect
      .poll(() => officer.textContent('[data-testid="compare-summary"]'), { timeout: 30_000 })
      .toBe('第 2 版 → 第 1 版：新增 1 项，删除 1 项，修改 2 项，未变 1 项');
    expect(await officer.textContent('[data-testid="compare-added"]')).toContain('法律援助');
    expect(await officer.textContent('[data-testid="compare-removed"]')).toContain('职工生日慰问');
    await screenshot(officer, 'versions-compare-2-to-1');
    await officer.context().close();
  });
});
