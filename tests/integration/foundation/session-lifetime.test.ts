import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { LOCAL_DEFAULTS } from '../../../functions/src/platform/config';
import { SESSION_MAX_AGE_SECONDS, signSession } from '../../../functions/src/platform/session';
import { putUser } from '../../../functions/src/store/user.repository';
import { invoke } from '../../support/invoke';

const DAY = 86_400;
const secret = () => process.env.SESSION_SECRET ?? LOCAL_DEFAULTS.sessionSecret;
const refresh = (token: string) => invoke(AREAS.auth, 'POST', '/auth/refresh', { token });

/** A token issued now for a sign-in that happened `ageSeconds` ago (as a chain of refreshes would carry it). */
const tokenSignedInAgo = async (userId: string, ageSeconds: number) => {
  const now = new Date();
  const authTime = new Date(now.getTime() - ageSeconds * 1000);
  return (await signSession({ userId, displayName: '会员', roles: [] }, secret(), now, { authTime })).token;
};

describe('sessions have an absolute lifetime', () => {
  it('the lifetime is 7 days', () => {
    expect(SESSION_MAX_AGE_SECONDS).toBe(7 * DAY);
  });

  it('a sign-in stamps its time into the token; refresh carries it on instead of starting over', async () => {
    await putUser({ userId: 'life-1', displayName: '会员甲', grants: [], demoDescription: '测试', demoOrder: 1 });
    const signedIn = await invoke(AREAS.auth, 'POST', '/auth/dev', { body: { identityId: 'life-1' } });
    expect(signedIn.status).toBe(200);
    const first = decodeJwt(signedIn.body.token);
    expect(first.auth_time).toBe(first.iat);

    const old = await tokenSignedInAgo('life-1', 6 * DAY);
    const oldAuth = decodeJwt(old).auth_time as number;
    const res = await refresh(old);
    expect(res.status).toBe(200);
    const next = decodeJwt(res.body.token);
    expect(next.auth_time).toBe(oldAuth);
    // The refreshed token ends with the session, not 12 h later.
    expect(next.exp).toBeLessThanOrEqual(oldAuth + SESSION_MAX_AGE_SECONDS);
    expect(new Date(res.body.expiresAt).getTime() / 1000).toBeLessThanOrEqual(oldAuth + SESSION_MAX_AGE_SECONDS);
  });

  it('refuses refresh after 7 days with 401 and a Chinese message', async () => {
    await putUser({ userId: 'life-2', displayName: '会员乙', grants: [] });
    const res = await refresh(await tokenSignedInAgo('life-2', 7 * DAY + 60));
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/请重新登录/);
  });

  it('refresh takes the roles from the store, so a role taken away disappears', async () => {
    await putUser({ userId: 'life-3', displayName: '会员丙', grants: [{ role: 'delegate', orgId: 'o1' }] });
    const token = (
      await signSession({ userId: 'life-3', displayName: '会员丙', roles: [{ role: 'delegate', orgId: 'o1' }] }, secret(), new Date())
    ).token;
    await putUser({ userId: 'life-3', displayName: '会员丙', grants: [{ role: 'member', orgId: 'o1' }] });
    const res = await refresh(token);
    expect(res.body.user.roles).toEqual([{ role: 'member', orgId: 'o1' }]);
  });
});
