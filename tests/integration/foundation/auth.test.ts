import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { resetRuntime } from '../../../functions/src/http/runtime';
import { putUser } from '../../../functions/src/store/user.repository';
import { invoke } from '../../support/invoke';
import { startWechatStandInForFunctions, type WechatStandIn } from '../../support/wechat-stand-in';

/** The local stand-in for api.weixin.qq.com (tests/support/wechat-stand-in.ts). */
let wechat: WechatStandIn;
beforeAll(async () => {
  wechat = await startWechatStandInForFunctions();
  await putUser({
    userId: 'demo-officer',
    displayName: '周建华',
    grants: [{ role: 'officer', orgId: 'city' }],
    demoDescription: '区干部',
    demoOrder: 1,
  });
  await putUser({ userId: 'plain-user', displayName: '普通', grants: [] });
});
afterAll(() => wechat.close());

describe('WeChat sign-in (code2Session against a local stand-in)', () => {
  it('creates one user per openid and signs a session', async () => {
    const first = await invoke(AREAS.auth, 'POST', '/auth/wechat', { body: { code: 'ok-alice-1' } });
    expect(first.status).toBe(200);
    expect(first.body.token.split('.')).toHaveLength(3);
    const again = await invoke(AREAS.auth, 'POST', '/auth/wechat', { body: { code: 'ok-alice-2' } });
    expect(again.status).toBe(200);
    // Different openids ("alice" twice → same openid-alice) map to the same user.
    expect(again.body.user.userId).toBe(first.body.user.userId);
    const bob = await invoke(AREAS.auth, 'POST', '/auth/wechat', { body: { code: 'ok-bob-1' } });
    expect(bob.body.user.userId).not.toBe(first.body.user.userId);
  });

  it.each([
    ['bad-code', 401, 'WECHAT_LOGIN_FAILED', 40029],
    ['busy', 401, 'WECHAT_LOGIN_FAILED', -1],
    ['limited', 401, 'WECHAT_LOGIN_FAILED', 45011],
  ])('maps WeChat error for %s', async (code, status, errorCode, wxErr) => {
    const res = await invoke(AREAS.auth, 'POST', '/auth/wechat', { body: { code } });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(errorCode);
    expect(res.body.error.details.wechatErrcode).toBe(wxErr);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('refuses a code used twice (40163)', async () => {
    await invoke(AREAS.auth, 'POST', '/auth/wechat', { body: { code: 'ok-carol-1' } });
    const res = await invoke(AREAS.auth, 'POST', '/auth/wechat', { body: { code: 'ok-carol-1' } });
    expect(res.status).toBe(401);
    expect(res.body.error.details.wechatErrcode).toBe(40163);
  });

  it('names the field when the code is missing', async () => {
    const res = await invoke(AREAS.auth, 'POST', '/auth/wechat', { body: {} });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'code' });
    expect(res.body.error.message).toContain('登录凭证');
  });

  it('answers 503 when WeChat cannot be reached', async () => {
    const saved = process.env.WECHAT_API_BASE;
    process.env.WECHAT_API_BASE = 'http://127.0.0.1:9';
    resetRuntime();
    const res = await invoke(AREAS.auth, 'POST', '/auth/wechat', { body: { code: 'ok-dave-1' } });
    process.env.WECHAT_API_BASE = saved;
    resetRuntime();
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('WECHAT_UNAVAILABLE');
  });
});

describe('development sign-in', () => {
  it('lists demo identities and signs in as one, with its roles', async () => {
    const list = await invoke(AREAS.auth, 'GET', '/auth/dev-identities');
    expect(list.body.identities.map((i: { identityId: string }) => i.identityId)).toEqual(['demo-officer']);
    const res = await invoke(AREAS.auth, 'POST', '/auth/dev', { body: { identityId: 'demo-officer' } });
    expect(res.status).toBe(200);
    expect(res.body.user.roles).toEqual([{ role: 'officer', orgId: 'city' }]);
    const refreshed = await invoke(AREAS.auth, 'POST', '/auth/refresh', { token: res.body.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user.displayName).toBe('周建华');
  });

  it('refuses identities that are not demo identities', async () => {
    const res = await invoke(AREAS.auth, 'POST', '/auth/dev', { body: { identityId: 'plain-user' } });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('IDENTITY_NOT_FOUND');
  });

  it('is refused unless the stage is local', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { STAGE: 'prod', SSM_PREFIX: '/x', DYNAMODB_ENDPOINT: '' });
    resetRuntime();
    try {
      const res = await invoke(AREAS.auth, 'POST', '/auth/dev', { body: { identityId: 'demo-officer' } });
      // Without real SSM secrets a production stage refuses to start at all.
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('CONFIG_REFUSED');
    } finally {
      Object.assign(process.env, saved);
      resetRuntime();
    }
  });

  it('returns 400 INVALID_JSON for a malformed body, naming the body', async () => {
    const res = await invoke(AREAS.auth, 'POST', '/auth/dev', { rawBody: '{"identityId":' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_JSON', field: 'body' });
  });
});
