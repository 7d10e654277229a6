import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../functions/src/platform/config';
import { extensionParameterReader } from '../../../functions/src/platform/ssm';
import { type ParametersExtensionStandIn, startParametersExtensionStandIn } from '../../support/parameters-extension-stand-in';

/**
 * platform/ssm.ts against a stand-in that answers as the AWS Parameters and Secrets Lambda Extension
 * does (tests/support/parameters-extension-stand-in.ts). The packaged function is tested the same way
 * in tests/integration/foundation/bundle-ssm.test.ts.
 */

const PREFIX = '/union-service/prod';
const good: Record<string, string> = {
  [`${PREFIX}/session-secret`]: 'ext-test-session-secret-0123456789abcdef-Q1',
  [`${PREFIX}/pii-key`]: Buffer.alloc(32, 7).toString('base64'),
  [`${PREFIX}/pii-hmac-key`]: Buffer.alloc(32, 9).toString('base64'),
  [`${PREFIX}/wechat-app-secret`]: 'ext-test-wechat-secret-Q2',
};
const names = Object.keys(good);
const prodEnv = { STAGE: 'prod', TABLE_NAME: 't', SSM_PREFIX: PREFIX, WECHAT_APP_ID: 'wx1234567890' };

let ext: ParametersExtensionStandIn;
const envFor = (overrides: Record<string, string | undefined> = {}) => ({
  ...prodEnv,
  AWS_SESSION_TOKEN: ext.token,
  PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(ext.port),
  ...overrides,
});

beforeAll(async () => {
  ext = await startParametersExtensionStandIn();
});
afterAll(() => ext.close());
afterEach(() => {
  ext.parameters = { ...good };
  ext.failures.clear();
  ext.notFoundStatus = 400;
  ext.requests.length = 0;
});

/** The message of what `p` rejects with (it must reject). */
const failure = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (err: Error) => err,
  );
  expect(e, 'expected a rejection').toBeInstanceOf(Error);
  return (e as Error).message;
};

describe('reading SSM parameters through the Parameters and Secrets extension', () => {
  it('asks once per parameter, decrypted, with the session token, and returns name → value', async () => {
    ext.parameters = { ...good };
    const values = await extensionParameterReader(envFor())(names);
    expect(values).toEqual(good);
    expect(ext.requests.map((r) => r.name).sort()).toEqual([...names].sort());
    for (const r of ext.requests) {
      expect(r).toMatchObject({ method: 'GET', path: '/systemsmanager/parameters/get', withDecryption: 'true', token: ext.token });
    }
  });

  it('sends the name URL-encoded: a name with & or = is one parameter', async () => {
    const odd = '/u/a&b=c d';
    ext.parameters = { [odd]: 'v-odd' };
    expect(await extensionParameterReader(envFor())([odd])).toEqual({ [odd]: 'v-odd' });
    expect(ext.requests[0]?.name).toBe(odd);
  });

  it('loads the production config from it', async () => {
    ext.parameters = { ...good };
    const cfg = await loadConfig(envFor(), extensionParameterReader(envFor()));
    expect(cfg.sessionSecret).toBe(good[`${PREFIX}/session-secret`]);
    expect(cfg.wechat.appSecret).toBe(good[`${PREFIX}/wechat-app-secret`]);
  });

  it('leaves out a parameter the extension reports as absent (400 ParameterNotFound or 404): config refuses it by name', async () => {
    for (const status of [400, 404] as const) {
      const { [`${PREFIX}/pii-key`]: _dropped, ...rest } = good;
      ext.parameters = rest;
      ext.notFoundStatus = status;
      const values = await extensionParameterReader(envFor())(names);
      expect(Object.keys(values).sort(), `${status}`).toEqual(Object.keys(rest).sort());
      const refused = loadConfig(envFor(), extensionParameterReader(envFor()));
      await expect(refused).rejects.toBeInstanceOf(ConfigError);
      await expect(refused).rejects.toThrow(`missing SSM parameter ${PREFIX}/pii-key`);
    }
  });

  it('fails the read on any other answer, naming the parameter and the status and quoting the error, never a value', async () => {
    ext.parameters = { ...good };
    const denied = `${PREFIX}/pii-hmac-key`;
    const cases: Array<[number, string, RegExp]> = [
      [
        403,
        JSON.stringify({ __type: 'AccessDeniedException', message: 'not authorized to perform: ssm:GetParameter' }),
        /403.*AccessDeniedException/,
      ],
      [400, JSON.stringify({ __type: 'ValidationException', message: 'Parameter name: invalid' }), /400.*ValidationException/],
      [500, 'an unexpected error occurred while executing request', /500.*unexpected error/],
    ];
    for (const [status, body, shows] of cases) {
      ext.failures.set(denied, { status, body });
      const message = await failure(extensionParameterReader(envFor())(names));
      expect(message).toContain(denied);
      expect(message).toMatch(shows);
      for (const value of Object.values(good)) expect(message).not.toContain(value);
      const refused = await failure(loadConfig(envFor(), extensionParameterReader(envFor())));
      expect(refused).toMatch(new RegExp(`^cannot read SSM parameters under ${PREFIX}: the extension answered ${status} for ${denied}`));
    }
  });

  it('refuses a 200 that holds no value without quoting it', async () => {
    const name = `${PREFIX}/session-secret`;
    for (const body of ['{"Parameter":{"Name":"x"}}', 'not json but maybe-a-secret-Q3', '{"Parameter":{"Value":42}}']) {
      ext.failures.set(name, { status: 200, body });
      const message = await failure(extensionParameterReader(envFor())([name]));
      expect(message).toBe(`the extension's answer for ${name} holds no Parameter.Value`);
    }
  });

  it('is refused by the extension with a wrong token (401), and does not ask without one', async () => {
    const wrong = await failure(extensionParameterReader(envFor({ AWS_SESSION_TOKEN: 'someone-else' }))(names));
    expect(wrong).toMatch(/answered 401/);
    ext.requests.length = 0;
    const none = await failure(extensionParameterReader(envFor({ AWS_SESSION_TOKEN: undefined }))(names));
    expect(none).toMatch(/AWS_SESSION_TOKEN is not set/);
    expect(ext.requests).toHaveLength(0);
  });

  it('says the layer is missing when nothing listens on the port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, 'localhost', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const message = await failure(extensionParameterReader(envFor({ PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(port) }))(names));
    expect(message).toMatch(
      new RegExp(`cannot reach the Parameters and Secrets extension on localhost:${port} .*is its layer attached\\?`),
    );
  });

  it('gives up on an extension that does not answer', async () => {
    let silent: Server | undefined;
    try {
      silent = createServer(() => {});
      await new Promise<void>((resolve) => silent?.listen(0, 'localhost', resolve));
      const port = (silent.address() as AddressInfo).port;
      const started = Date.now();
      const message = await failure(extensionParameterReader(envFor({ PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(port) }), 200)(names));
      expect(message).toMatch(/no answer within 200 ms/);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      silent?.closeAllConnections();
      silent?.close();
    }
  });

  it('uses port 2773 unless PARAMETERS_SECRETS_EXTENSION_HTTP_PORT says otherwise', async () => {
    const message = await failure(
      extensionParameterReader(envFor({ PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: undefined }), 500)([names[0] as string]),
    );
    expect(message).toContain('localhost:2773');
  });
});
