import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The badge on the 我的 tab (Taro's h5 tab bar). */
export const meBadge = (page: Page) => page.locator('.weui-tabbar__item').nth(3).locator('.taro-tabbar-badge');

/** Waits until the 我的 tab's badge reads `text` (null: no badge). */
export const expectBadge = async (page: Page, text: string | null): Promise<void> => {
  if (text === null) await expect.poll(() => meBadge(page).count(), { timeout: 15_000 }).toBe(0);
  else
    await expect.poll(async () => ((await meBadge(page).count()) ? await meBadge(page).textContent() : ''), { timeout: 15_000 }).toBe(text);
};

/** Waits until no animation runs (a page transition done), for a screenshot of the page that stays. */
export const settled = (page: Page) =>
  page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 10_000 });
