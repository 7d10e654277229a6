import { describe, expect, it } from 'vitest';
import { LOCAL_DEFAULTS, loadConfig } from '../../../functions/src/platform/config';

const prodSecrets = {
  '/u/prod/session-secret': 'a-real-secret-from-ssm-0123456789abcdef',
  '/u/prod/pii-key': Buffer.alloc(32, 7).toString('base64'),
  '/u/prod/pii-hmac-key': Buffer.alloc(32, 9).toString('base64'),
  '/u/prod/wechat-app-secret': 'real-wechat-secret',
};
const prodEnv = { STAGE: 'prod', TABLE_NAME: 't', SSM_PREFIX: '/u/prod', WECHAT_APP_ID: 'wx1234567890' };

describe('stage configuration', () => {
  it('uses local defaults only on the local stage, with dev sign-in on', async () => {
    const cfg = await loadConfig({ STAGE: 'local', TABLE_NAME: 't' });
    expect(cfg.sessionSecret).toBe(LOCAL_DEFAULTS.sessionSecret);
    expect(cfg.devLoginEnabled).toBe(true);
  });

  it('reads secrets from SSM on a production stage, with dev sign-in off', async () => {
    const asked: string[][] = [];
    const cfg = await loadConfig(prodEnv, async (names) => {
      asked.push(names);
      return prodSecrets;
    });
    expect(asked[0]).toContain('/u/prod/session-secret');
    expect(cfg.sessionSecret).toBe(prodSecrets['/u/prod/session-secret']);
    expect(cfg.devLoginEnabled).toBe(false);
  });

  it('refuses to start when a production stage sees a local default', async () => {
    for (const [name, value] of [
      ['/u/prod/session-secret', LOCAL_DEFAULTS.sessionSecret],
      ['/u/prod/pii-key', LOCAL_DEFAULTS.piiKey],
    ] as const) {
      await expect(loadConfig(prodEnv, async () => ({ ...prodSecrets, [name]: value }))).rejects.toThrow(/refuses the local default/);
    }
    await expect(loadConfig({ ...prodEnv, WECHAT_APP_ID: LOCAL_DEFAULTS.wechatAppId }, async () => prodSecrets)).rejects.toThrow(
      /WECHAT_APP_ID/,
    );
    await expect(loadConfig({ ...prodEnv, DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' }, async () => prodSecrets)).rejects.toThrow(
      /local DynamoDB/,
    );
  });

  it('refuses a production stage with a missing secret', async () => {
    const { '/u/prod/pii-key': _drop, ...rest } = prodSecrets;
    await expect(loadConfig(prodEnv, async () => rest)).rejects.toThrow(/missing SSM parameter \/u\/prod\/pii-key/);
  });
});
