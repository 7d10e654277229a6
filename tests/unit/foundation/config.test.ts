import { describe, expect, it } from 'vitest';
import { ConfigError, LOCAL_DEFAULTS, loadConfig } from '../../../functions/src/platform/config';

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

  it('refuses session, PII and HMAC keys shorter than 32 bytes (or not base64) outside local', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['/u/prod/session-secret', 'too-short-a-session-secret', /session-secret must be at least 32 bytes/],
      ['/u/prod/session-secret', 'x'.repeat(31), /session-secret must be at least 32 bytes/],
      ['/u/prod/pii-key', Buffer.alloc(16, 7).toString('base64'), /pii-key must be 32 bytes/],
      ['/u/prod/pii-key', Buffer.alloc(48, 7).toString('base64'), /pii-key must be 32 bytes/],
      ['/u/prod/pii-hmac-key', Buffer.alloc(16, 9).toString('base64'), /pii-hmac-key must be at least 32 bytes/],
      ['/u/prod/pii-hmac-key', Buffer.alloc(31, 9).toString('base64'), /pii-hmac-key must be at least 32 bytes/],
      ['/u/prod/pii-hmac-key', 'not base64 at all, though long enough to pass a length check!', /pii-hmac-key must be .*base64/],
      ['/u/prod/pii-key', `${Buffer.alloc(32, 7).toString('base64')}!`, /pii-key must be .*base64/],
    ];
    for (const [name, value, message] of cases) {
      const refused = loadConfig(prodEnv, async () => ({ ...prodSecrets, [name]: value }));
      await expect(refused, `${name}=${value}`).rejects.toThrow(message);
      await expect(refused).rejects.toBeInstanceOf(ConfigError);
    }
    // Exactly 32 bytes is enough; a longer HMAC key or session secret too.
    const ok = await loadConfig(prodEnv, async () => ({
      ...prodSecrets,
      '/u/prod/session-secret': 'y'.repeat(32),
      '/u/prod/pii-hmac-key': Buffer.alloc(64, 9).toString('base64'),
    }));
    expect(ok.sessionSecret).toBe('y'.repeat(32));
  });

  it('keeps local keys as they are: the length rule applies outside local', async () => {
    const cfg = await loadConfig({ STAGE: 'local', TABLE_NAME: 't', SESSION_SECRET: 'short' });
    expect(cfg.sessionSecret).toBe('short');
  });

  describe('stage local inside AWS Lambda', () => {
    const lambdaEnv = {
      TABLE_NAME: 'union-service-local',
      AWS_LAMBDA_FUNCTION_NAME: 'union-service-local-card',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    };
    it('refuses stage local in a deployed function (dev sign-in and the published keys)', async () => {
      for (const env of [
        { ...lambdaEnv, STAGE: 'local' },
        // A deploy without any stage still says local.
        { TABLE_NAME: 't', AWS_LAMBDA_FUNCTION_NAME: 'union-service-local-auth' },
        // Only the Lambda runtime sets AWS_Lambda_…: IS_OFFLINE cannot talk a real function into local.
        { ...lambdaEnv, STAGE: 'local', IS_OFFLINE: 'true' },
      ]) {
        const refused = loadConfig(env);
        await expect(refused, JSON.stringify(env)).rejects.toThrow(/stage local .*AWS Lambda/);
        await expect(refused).rejects.toBeInstanceOf(ConfigError);
      }
    });
    it('allows it under serverless-offline (IS_OFFLINE set, no Lambda runtime) and outside Lambda', async () => {
      const offline = await loadConfig({
        STAGE: 'local',
        TABLE_NAME: 't',
        AWS_LAMBDA_FUNCTION_NAME: 'union-service-local-card',
        IS_OFFLINE: 'true',
      });
      expect(offline.devLoginEnabled).toBe(true);
      expect((await loadConfig({ STAGE: 'local', TABLE_NAME: 't' })).devLoginEnabled).toBe(true);
    });
  });
});
