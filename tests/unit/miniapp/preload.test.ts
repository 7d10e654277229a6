import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PRELOADS, preloadScript, SESSION_KEY } from '../../../miniapp/config/preload';
import { SESSION_KEY as APP_SESSION_KEY } from '../../../miniapp/src/lib/device-store';

/** Runs index.html's preload script in a page at `hash` whose storage holds `session`; returns the requests it sent. */
const run = (hash: string, session: unknown) => {
  const sent: Array<{ url: string; headers: Record<string, string> }> = [];
  const window: Record<string, unknown> = {
    location: { hash },
    localStorage: {
      getItem: (k: string) =>
        k === SESSION_KEY && session !== undefined ? (typeof session === 'string' ? session : JSON.stringify(session)) : null,
    },
  };
  const fetch = (url: string, init: { headers: Record<string, string> }) => {
    sent.push({ url, headers: init.headers });
    return Promise.resolve({ status: 200, text: () => Promise.resolve('{}') });
  };
  runInNewContext(preloadScript('https://api.example.cn'), { window, fetch, Date, JSON });
  return { sent, preload: window.__unionPreload as { url: string; authorization: string; answer: Promise<unknown> } | undefined };
};

const member = (expiresAt: string, role = 'member') => ({
  token: 'tok',
  expiresAt,
  user: { userId: 'u1', displayName: '微信用户', roles: [{ role, orgId: 'o1' }] },
});
const later = new Date(Date.now() + 3_600_000).toISOString();

describe('index.html: the card tab’s GET /me/card before any script loads', () => {
  it('is sent for a signed-in member opening the card tab, with the token, as the app sends it', async () => {
    const { sent, preload } = run('#/pages/card/index', member(later));
    expect(sent).toEqual([
      { url: 'https://api.example.cn/me/card', headers: { 'content-type': 'application/json', authorization: 'Bearer tok' } },
    ]);
    expect(preload).toMatchObject({ url: 'https://api.example.cn/me/card', authorization: 'Bearer tok' });
    await expect(preload?.answer).resolves.toEqual({ status: 200, data: '{}' });
    expect(run('#/pages/card/index?from=tab', member(later)).sent).toHaveLength(1);
  });

  it('is not sent on another page, without a session, past its expiry, for someone who is not a member, or on unreadable storage', () => {
    expect(run('#/pages/index/index', member(later)).sent).toEqual([]);
    expect(run('', member(later)).sent).toEqual([]);
    expect(run('#/pages/card/index', undefined).sent).toEqual([]);
    expect(run('#/pages/card/index', member(new Date(Date.now() - 1000).toISOString())).sent).toEqual([]);
    expect(run('#/pages/card/index', member(later, 'officer')).sent).toEqual([]);
    expect(run('#/pages/card/index', '{not json').sent).toEqual([]);
    expect(run('#/pages/card/index', { token: 'tok' }).sent).toEqual([]);
  });

  it('reads the session where the app keeps it, and preloads only the card', () => {
    expect(SESSION_KEY).toBe(APP_SESSION_KEY);
    expect(PRELOADS).toEqual({ 'pages/card/index': '/me/card' });
  });
});
