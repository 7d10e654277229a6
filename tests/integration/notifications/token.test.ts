import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_DEFAULTS } from '../../../functions/src/platform/config';
import { fetchStableToken } from '../../../functions/src/platform/wechat';
import { accessToken, forgetTokensInMemory } from '../../../functions/src/store/wechat-token.repository';
import { startWechatStandIn, type WechatStandIn } from '../../support/wechat-stand-in';

/**
 * The access token in the table: 20 functions that find none (or find it refused) make one call to
 * stable_token between them, through the lease item; the others wait and read what it stored.
 */

let wechat: WechatStandIn;
const APP = LOCAL_DEFAULTS.wechatAppId;
let source: { fetch: (force: boolean) => ReturnType<typeof fetchStableToken> };

beforeAll(async () => {
  wechat = await startWechatStandIn();
  source = { fetch: (force) => fetchStableToken({ appId: APP, appSecret: LOCAL_DEFAULTS.wechatAppSecret, apiBase: wechat.url }, force) };
});
afterAll(() => wechat.close());
beforeEach(() => {
  wechat.reset();
  // A slow WeChat: every caller is in flight while the first one fetches.
  wechat.setTokenDelay(150);
});

/** 20 functions at once, each a cold process (nothing in memory). */
const twenty = async (options: { refused?: string } = {}) => {
  forgetTokensInMemory();
  return Promise.all(Array.from({ length: 20 }, () => accessToken(APP, source, options)));
};

describe('the WeChat access token, shared through the table', () => {
  it('20 concurrent first reads: one stable_token call, the same token for all', async () => {
    const tokens = await twenty();
    expect(wechat.calls.stableToken).toBe(1);
    expect(new Set(tokens)).toEqual(new Set([wechat.currentToken()]));
    // Cold processes later read it from the table: no call.
    const again = await twenty();
    expect(wechat.calls.stableToken).toBe(1);
    expect(new Set(again)).toEqual(new Set([wechat.currentToken()]));
  });

  it('20 concurrent refreshes of a refused token (40001 / 42001): one force_refresh call, the new token for all', async () => {
    const [old] = await twenty();
    wechat.reset();
    wechat.setTokenDelay(150);
    const tokens = await twenty({ refused: old as string });
    expect(wechat.calls.stableToken).toBe(1);
    expect(wechat.calls.stableTokenForced).toBe(1);
    expect(new Set(tokens)).toEqual(new Set([wechat.currentToken()]));
    expect(tokens[0]).not.toBe(old);
    // A late function that still holds the old token gets the new one without another call.
    forgetTokensInMemory();
    expect(await accessToken(APP, source, { refused: old as string })).toBe(wechat.currentToken());
    expect(wechat.calls.stableToken).toBe(1);
  });
});
