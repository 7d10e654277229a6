import type { NotificationEvent, NotificationFacts } from '@union/shared/domain/notifications/events';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiCall, demoToken, openAs, screenshot, useBrowser, useE2eStore } from '../support/e2e';
import { expectBadge, settled } from '../support/e2e-inbox';
import { ensureE2eMember } from '../support/e2e-members';
import { writeNotification } from '../support/notifications';

/**
 * 消息 in Chromium (h5 build): a member with notifications the store wrote (as a change writes them: the
 * outbox's items) sees the unread count on the 我的 tab, opens 消息 from 我的, taps one → its page opens
 * and the count drops; a tab page opens with switchTab; 加载更多; 全部已读 clears the badge.
 */
const MEMBER = { userId: 'e2e-inbox', name: '钱晓燕' };

const NEWEST: Array<{ event: NotificationEvent; facts: NotificationFacts; page: string }> = [
  { event: 'motionOpened', facts: { subject: '关于《劳动保护专项集体合同（草案）》的表决' }, page: '/pages/vote/index' },
  {
    event: 'claimRejected',
    facts: { subject: '困难职工帮扶', reason: '家庭人均月收入高于当地最低生活保障标准的 2 倍，暂不符合帮扶条件' },
    page: '/member/pages/claims/index',
  },
  { event: 'claimApproved', facts: { subject: '职工疗休养' }, page: '/member/pages/claims/index' },
  { event: 'applicationApproved', facts: { subject: '临江精密机械有限公司工会' }, page: '/member/pages/membership/index' },
];
const OLDER = 18;
const TOTAL = NEWEST.length + OLDER;

describe('消息: the inbox, the 我的 tab’s badge, and a notification opening its page', () => {
  const browser = useBrowser();
  const ids: string[] = [];

  beforeAll(async () => {
    await ensureE2eMember({
      userId: MEMBER.userId,
      name: MEMBER.name,
      orgId: 'enterprise',
      idSeq: '857',
      phone: '17000008571',
      description: 'e2e：企业工会会员（消息）',
      order: 912,
    });
    // A run again on a kept stack: what an earlier run left is read first, so the counts are this run's.
    const token = await demoToken(MEMBER.userId);
    for (let cursor: string | null = null, i = 0; i === 0 || (cursor && i < 10); i += 1) {
      const res: { status: number; body: { nextCursor: string | null } } = await apiCall(
        'POST',
        '/me/notifications/read-all',
        token,
        cursor ? { cursor } : {},
      );
      expect(res.status).toBe(200);
      cursor = res.body.nextCursor;
    }
    useE2eStore();
    const now = Date.now();
    for (let i = 0; i < OLDER; i += 1) {
      await writeNotification(MEMBER.userId, {
        event: i % 2 ? 'projectCallOpened' : 'claimApproved',
        facts: {
          subject:
            i % 2 ? `${new Date(now).getFullYear() + 1}年实事项目征集（第${(i + 1) / 2}轮）` : `夏季防暑降温慰问品（第${i / 2 + 1}批）`,
        },
        page: i % 2 ? '/member/pages/projects/index' : '/member/pages/claims/index',
        at: new Date(now - (40 - i) * 86_400_000),
      });
    }
    for (const [i, n] of [...NEWEST].reverse().entries()) {
      ids.unshift(await writeNotification(MEMBER.userId, { ...n, at: new Date(now - (NEWEST.length - i) * 3_600_000) }));
    }
  });

  it('shows the badge, lists newest first, opens a tapped one’s page (read, the count drops), pages on, 全部已读', async () => {
    const page = await openAs(browser(), MEMBER.userId, { redirect: '/pages/index/index' });
    await page.waitForSelector('[data-testid="welcome"]', { timeout: 30_000 });
    await expectBadge(page, String(TOTAL));
    await settled(page);
    await screenshot(page, 'inbox-1-badge-home');

    // 我的 → 消息, with the count.
    await page.locator('.weui-tabbar__item').nth(3).click();
    await page.waitForSelector('[data-testid="me-inbox-unread"]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid="me-inbox-unread"]')).toBe(`${TOTAL} 条未读`);
    await page.click('[data-testid="me-inbox"]');
    await page.waitForSelector('[data-testid="inbox-loaded"]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid="inbox-unread"]')).toBe(`${TOTAL} 条未读`);
    const rows = page.locator('[data-testid^="note-"]');
    await expect.poll(() => rows.count()).toBe(20);
    const firstIds = await rows.evaluateAll((els) => els.slice(0, 4).map((e) => e.getAttribute('data-testid')));
    expect(firstIds).toEqual(ids.map((id) => `note-${id}`));
    const rejected = page.locator(`[data-testid="note-${ids[1]}"]`);
    expect(await rejected.textContent()).toContain(
      '《困难职工帮扶》未通过：家庭人均月收入高于当地最低生活保障标准的 2 倍，暂不符合帮扶条件',
    );
    expect(await rejected.getAttribute('data-read')).toBe('no');
    await settled(page);
    await screenshot(page, 'inbox-2-list');

    // Tapped: read, and its page (我的申领) opens; the badge says one fewer.
    await rejected.click();
    await page.waitForSelector('[data-testid="my-claims-loaded"]', { timeout: 30_000 });
    expect(page.url()).toContain('#/member/pages/claims/index');
    await expectBadge(page, String(TOTAL - 1));
    await page.goBack();
    await page.waitForSelector(`[data-testid="note-${ids[1]}"][data-read="yes"]`, { timeout: 30_000 });
    expect(await page.textContent('[data-testid="inbox-unread"]')).toBe(`${TOTAL - 1} 条未读`);

    // 加载更多: the older ones, to the end.
    await page.click('[data-testid="inbox-more"]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(TOTAL);
    expect(await page.locator('[data-testid="inbox-more"]').count()).toBe(0);
    await page.locator('[data-testid="inbox-unread"]').scrollIntoViewIfNeeded();
    await settled(page);
    await screenshot(page, 'inbox-3-read-one');

    // A tab page (投票) opens with switchTab; the badge there says one fewer again.
    await page.click(`[data-testid="note-${ids[0]}"]`);
    await page.waitForURL((u) => u.hash.startsWith('#/pages/vote/index'), { timeout: 30_000 });
    await expectBadge(page, String(TOTAL - 2));
    await settled(page);
    await screenshot(page, 'inbox-4-tab-opened');
    await page.locator('.weui-tabbar__item').nth(3).click();
    await expect.poll(() => page.locator('[data-testid="me-inbox-unread"]').textContent(), { timeout: 15_000 }).toBe(`${TOTAL - 2} 条未读`);

    // 全部已读: no badge, nothing unread.
    await page.click('[data-testid="me-inbox"]');
    await page.waitForSelector('[data-testid="inbox-read-all"]', { timeout: 30_000 });
    await page.click('[data-testid="inbox-read-all"]');
    await expect.poll(() => page.textContent('[data-testid="inbox-unread"]'), { timeout: 15_000 }).toBe('没有未读消息');
    await expectBadge(page, null);
    expect(await page.locator('[data-testid^="note-"][data-read="no"]').count()).toBe(0);
    await settled(page);
    await screenshot(page, 'inbox-5-all-read');
    // The server agrees.
    const listed = await apiCall('GET', '/me/notifications?limit=1', await demoToken(MEMBER.userId));
    expect(listed.body.unread).toBe(0);
    await page.context().close();
  });
});
