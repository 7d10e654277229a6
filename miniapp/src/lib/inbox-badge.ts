import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { api } from './api';
import { getSession } from './session';

/**
 * The unread count of the 消息 inbox, shown as the badge of the 我的 tab: read again whenever a tab page
 * shows (`useUnreadBadge`), set from the answer after a notification is read (`setUnread`). In the main
 * package, so it takes only the count (GET /me/notifications?limit=1) and no schema.
 *
 * WeChat sets a tab's badge only while a tab page shows (a notification read on the 消息 page is shown
 * when 我的 shows again); on h5 Taro's tab bar takes it from any page.
 */

/** 我的, the fourth tab (app.config.ts). */
const ME_TAB = 3;
/** Shows within this long of the last read use the count it got (switching tabs back and forth). */
const FRESH_MS = 10_000;
/** The first read waits this long after launch, so the page's own first request goes first. */
const FIRST_READ_DELAY_MS = 1_000;

let state: { userId: string; unread: number; at: number } | null = null;
let inFlight: Promise<void> | null = null;
let launched = false;
const listeners = new Set<(n: number | null) => void>();

/** The badge's text: the count, 99+ past 99. */
export const badgeText = (n: number): string => (n > 99 ? '99+' : String(n));

const show = (n: number): void => {
  // Not awaited: on h5 Taro's tab bar answers only once it is mounted, and WeChat refuses on a page
  // that is not a tab; the next tab page to show sets it again.
  const ignore = () => undefined;
  if (n > 0) Taro.setTabBarBadge({ index: ME_TAB, text: badgeText(n) }).catch(ignore);
  else Taro.removeTabBarBadge({ index: ME_TAB }).catch(ignore);
};

const publish = (n: number | null): void => {
  for (const l of listeners) l(n);
};

/** The count the server answered (after reading one, or all). */
export const setUnread = (unread: number): void => {
  const userId = getSession()?.user.userId;
  if (!userId) return;
  state = { userId, unread, at: Date.now() };
  show(unread);
  publish(unread);
};

/** Reads the count again (at most once every FRESH_MS unless `force`) and shows it; signed out, no badge. */
export const refreshUnread = (opts: { force?: boolean } = {}): Promise<void> => {
  const userId = getSession()?.user.userId;
  if (!userId) {
    if (state) {
      state = null;
      show(0);
      publish(null);
    }
    return Promise.resolve();
  }
  if (inFlight) return inFlight;
  if (!opts.force && state?.userId === userId && Date.now() - state.at < FRESH_MS) {
    show(state.unread);
    return Promise.resolve();
  }
  const wait = launched ? 0 : FIRST_READ_DELAY_MS;
  launched = true;
  inFlight = new Promise<void>((resolve) => setTimeout(resolve, wait))
    .then(() => api.get<{ unread: number }>('/me/notifications?limit=1'))
    .then((page) => {
      if (getSession()?.user.userId === userId) setUnread(page.unread);
    })
    .catch(() => undefined)
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
};

/** On a tab page: the badge read again whenever the page shows. */
export const useUnreadBadge = (): void => {
  useDidShow(() => {
    void refreshUnread();
  });
};

/** The unread count as last read (null before the first answer), following every change. */
export const useUnreadCount = (): number | null => {
  const [n, setN] = useState<number | null>(state && state.userId === getSession()?.user.userId ? state.unread : null);
  useEffect(() => {
    listeners.add(setN);
    return () => {
      listeners.delete(setN);
    };
  }, []);
  return n;
};
