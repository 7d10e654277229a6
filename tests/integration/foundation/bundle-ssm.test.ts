import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LOCAL_DEFAULTS } from '../../../functions/src/platform/config';
import { type ParametersExtensionStandIn, startParametersExtensionStandIn } from '../../support/parameters-extension-stand-in';

/**
 * The deployed bundles, not the sources: on a stage other than `local` a function reads its secrets
 * through the AWS Parameters and Secrets Lambda Extension's localhost endpoint (platform/ssm.ts),
 * so no bundle carries SSM SDK code (issue 14: it was parsed at every cold start). Every function is
 * built with serverless.yml's esbuild options; the auth bundle is loaded in a fresh node as the
 * Lambda runtime would, and sent a request while a stand-in answers as the extension does.
 */

const PREFIX = '/union-service/prod';
const good: Record<string, string> = {
  [`${PREFIX}/session-secret`]: 'bundle-test-session-secret-0123456789abcdef',
  [`${PREFIX}/pii-key`]: Buffer.alloc(32, 7).toString('base64'),
  [`${PREFIX}/pii-hmac-key`]: Buffer.alloc(32, 9).toString('base64'),
  [`${PREFIX}/wechat-app-secret`]: 'bundle-test-wechat-secret',
};

let ext: ParametersExtensionStandIn;
let dir: string;
const bundles: Record<string, { file: string; metafile: Metafile }> = {};

beforeAll(async () => {
  ext = await startParametersExtensionStandIn({ ...good });
  // serverless.yml's custom.esbuild, as serverless-esbuild passes it to esbuild.
  const yml = parse(readFileSync('serverless.yml', 'utf8'), { logLevel: 'error' }) as {
    custom: { esbuild: Record<string, unknown> };
    functions: Record<string, { handler: string }>;
  };
  const { exclude, packager, watch, outputFileExtension, ...options } = yml.custom.esbuild;
  expect(outputFileExtension).toBe('.cjs');
  dir = mkdtempSync(path.join(tmpdir(), 'bundle-ssm-'));
  for (const [name, { handler }] of Object.entries(yml.functions)) {
    const file = path.join(dir, `${name}.cjs`);
    const { metafile } = await build({
      ...(options as BuildOptions),
      external: exclude as string[],
      entryPoints: [`${handler.slice(0, handler.lastIndexOf('.'))}.ts`],
      outfile: file,
      metafile: true,
      logLevel: 'error',
    });
    bundles[name] = { file, metafile };
  }
}, 120_000);

afterAll(async () => {
  await ext.close();
  rmSync(dir, { recursive: true, force: true });
});

/** require() the auth bundle in a fresh node with a prod function's environment, then send one request. */
const coldStart = async (env: Record<string, string> = {}) => {
  const child = `
    const { handler } = require(process.argv[1]);
    handler({
      routeKey: 'GET /auth/dev-identities', rawPath: '/auth/dev-identities', headers: {},
      requestContext: { requestId: 'bundle-test', http: { method: 'GET', path: '/auth/dev-identities' } },
    }).then((res) => process.stdout.write('\\nRESULT ' + JSON.stringify(res)));
  `;
  // Not execFileSync: the stand-in answers from this process.
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', child, bundles.auth?.file as string], {
    encoding: 'utf8',
    timeout: 30_000,
    env: {
      PATH: process.env.PATH,
      STAGE: 'prod',
      TABLE_NAME: 'union-service-prod',
      SSM_PREFIX: PREFIX,
      WECHAT_APP_ID: 'wx-bundle-test',
      PUBLIC_APP_URL: 'https://example.invalid',
      DYNAMODB_ENDPOINT: '',
      AWS_REGION: 'cn-north-1',
      AWS_ACCESS_KEY_ID: 'AKIDBUNDLETEST',
      AWS_SECRET_ACCESS_KEY: 'bundle-test-secret-access-key',
      AWS_SESSION_TOKEN: ext.token,
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(ext.port),
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...env,
    },
  });
  // The function's log lines go to stdout too; the answer is the last line.
  const res = JSON.parse(stdout.slice(stdout.lastIndexOf('\nRESULT ') + 8)) as { statusCode: number; body: string };
  return { status: res.statusCode, body: JSON.parse(res.body), logs: stdout.slice(0, stdout.lastIndexOf('\nRESULT ')) };
};

describe('the packaged functions on a deployed stage', () => {
  it('carry no SSM SDK code, in any bundle', () => {
    expect(Object.keys(bundles).length).toBeGreaterThanOrEqual(8);
    for (const [name, { file, metafile }] of Object.entries(bundles)) {
      expect(
        Object.keys(metafile.inputs).filter((input) => input.includes('@aws-sdk/client-ssm')),
        name,
      ).toEqual([]);
      const text = readFileSync(file, 'utf8');
      // What the SSM client sends (its JSON protocol's target prefix, its endpoint prefix): never in a bundle.
      expect(text, name).not.toContain('AmazonSSM');
      expect(text, name).not.toMatch(/GetParametersCommand|GetParameterCommand/);
      // The extension's endpoint is what every function reads its secrets through.
      expect(text, name).toContain('/systemsmanager/parameters/get');
    }
  });

  it('carry no response schema: those are declared for the tests only (<area>/responses.ts)', () => {
    for (const [name, { metafile }] of Object.entries(bundles)) {
      expect(
        Object.keys(metafile.inputs).filter((input) => /-responses\.contract\.ts$|\/http\/(?:\w+\/)?(?:area-)?responses\.ts$/.test(input)),
        name,
      ).toEqual([]);
    }
  });

  it('read their secrets through the extension at the first request: one decrypted GET per parameter, with the session token', async () => {
    ext.parameters = { ...good };
    ext.requests.length = 0;
    const res = await coldStart();
    // The config loaded (no 503): the route itself refuses, as it does on every stage but local.
    expect(res.body.error?.code).toBe('DEV_LOGIN_DISABLED');
    expect(ext.requests.map((r) => r.name).sort()).toEqual(Object.keys(good).sort());
    for (const r of ext.requests) {
      expect(r).toMatchObject({ method: 'GET', path: '/systemsmanager/parameters/get', withDecryption: 'true', token: ext.token });
    }
    for (const value of Object.values(good)) expect(res.logs).not.toContain(value);
  });

  it('refuse to start on what the extension answers: a local default, or a parameter it does not find', async () => {
    ext.parameters = { ...good, [`${PREFIX}/session-secret`]: LOCAL_DEFAULTS.sessionSecret };
    const local = await coldStart();
    expect(local).toMatchObject({ status: 503, body: { error: { code: 'CONFIG_REFUSED' } } });
    expect(local.logs).toContain('refuses the local default for sessionSecret');
    const { [`${PREFIX}/pii-key`]: _dropped, ...missing } = good;
    ext.parameters = missing;
    const absent = await coldStart();
    expect(absent).toMatchObject({ status: 503, body: { error: { code: 'CONFIG_REFUSED' } } });
    expect(absent.logs).toContain(`missing SSM parameter ${PREFIX}/pii-key`);
  });

  it('refuse to start with a clear log line when the extension refuses a parameter, and log no value', async () => {
    ext.parameters = { ...good };
    ext.failures.set(`${PREFIX}/pii-hmac-key`, {
      status: 403,
      body: JSON.stringify({ __type: 'AccessDeniedException', message: 'not authorized to perform: ssm:GetParameter' }),
    });
    try {
      const res = await coldStart();
      expect(res).toMatchObject({ status: 503, body: { error: { code: 'CONFIG_REFUSED', message: '服务配置不安全，已拒绝启动' } } });
      const line = JSON.parse(res.logs.trim().split('\n').at(-1) as string) as { level: string; message: string; reason: string };
      expect(line).toMatchObject({ level: 'error', message: 'configuration refused' });
      expect(line.reason).toBe(
        `cannot read SSM parameters under ${PREFIX}: the extension answered 403 for ${PREFIX}/pii-hmac-key: ` +
          '{"__type":"AccessDeniedException","message":"not authorized to perform: ssm:GetParameter"}',
      );
      // The three parameters it did answer were read, and appear nowhere.
      for (const value of Object.values(good)) expect(res.logs + JSON.stringify(res.body)).not.toContain(value);
    } finally {
      ext.failures.clear();
    }
  });

  it('refuse to start, saying so, when the extension layer is not there', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, 'localhost', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const res = await coldStart({ PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(port) });
    expect(res).toMatchObject({ status: 503, body: { error: { code: 'CONFIG_REFUSED' } } });
    expect(res.logs).toContain(`cannot reach the Parameters and Secrets extension on localhost:${port}`);
    expect(res.logs).toContain('is its layer attached?');
  });
});
