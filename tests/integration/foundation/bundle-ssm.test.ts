import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type BuildOptions, build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LOCAL_DEFAULTS } from '../../../functions/src/platform/config';

/**
 * The deployed bundle, not the sources: on a stage other than `local` the function reads its secrets
 * from SSM through the client that platform/ssm.ts imports on first use (issue 14). esbuild inlines
 * that import() into the CommonJS bundle; here the auth function is built with serverless.yml's
 * esbuild options, loaded in a fresh node as the Lambda runtime would, and sent a request while a
 * local stand-in answers SSM's GetParameters.
 */

const PREFIX = '/union-service/prod';
const good: Record<string, string> = {
  [`${PREFIX}/session-secret`]: 'bundle-test-session-secret-0123456789abcdef',
  [`${PREFIX}/pii-key`]: Buffer.alloc(32, 7).toString('base64'),
  [`${PREFIX}/pii-hmac-key`]: Buffer.alloc(32, 9).toString('base64'),
  [`${PREFIX}/wechat-app-secret`]: 'bundle-test-wechat-secret',
};

interface SsmCall {
  target: string | undefined;
  authorization: string | undefined;
  body: { Names: string[]; WithDecryption: boolean };
}
const calls: SsmCall[] = [];
let parameters = good;
let server: Server;
let url: string;
let dir: string;
let bundle: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      const body = JSON.parse(raw) as SsmCall['body'];
      calls.push({ target: req.headers['x-amz-target'] as string, authorization: req.headers.authorization, body });
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(
        JSON.stringify({
          Parameters: body.Names.filter((n) => n in parameters).map((n) => ({ Name: n, Value: parameters[n], Type: 'SecureString' })),
          InvalidParameters: body.Names.filter((n) => !(n in parameters)),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // serverless.yml's custom.esbuild, as serverless-esbuild passes it to esbuild.
  const yml = parse(readFileSync('serverless.yml', 'utf8'), { logLevel: 'error' }) as {
    custom: { esbuild: Record<string, unknown> };
    functions: { auth: { handler: string } };
  };
  const { exclude, packager, watch, outputFileExtension, ...options } = yml.custom.esbuild;
  dir = mkdtempSync(path.join(tmpdir(), 'bundle-ssm-'));
  bundle = path.join(dir, 'auth.cjs');
  const handler = yml.functions.auth.handler;
  await build({
    ...(options as BuildOptions),
    external: exclude as string[],
    entryPoints: [`${handler.slice(0, handler.lastIndexOf('.'))}.ts`],
    outfile: bundle,
    logLevel: 'error',
  });
  expect(outputFileExtension).toBe('.cjs');
  expect(readFileSync(bundle, 'utf8')).toContain('AmazonSSM');
}, 60_000);

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** require() the bundle in a fresh node with a prod function's environment, then send one request. */
const coldStart = async () => {
  const child = `
    const { handler } = require(process.argv[1]);
    handler({
      routeKey: 'GET /auth/dev-identities', rawPath: '/auth/dev-identities', headers: {},
      requestContext: { requestId: 'bundle-test', http: { method: 'GET', path: '/auth/dev-identities' } },
    }).then((res) => process.stdout.write('\\nRESULT ' + JSON.stringify(res)));
  `;
  // Not execFileSync: the SSM stand-in answers from this process.
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', child, bundle], {
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
      AWS_ENDPOINT_URL_SSM: url,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  });
  // The function's log lines go to stdout too; the answer is the last line.
  const res = JSON.parse(stdout.slice(stdout.lastIndexOf('\nRESULT ') + 8)) as { statusCode: number; body: string };
  return { status: res.statusCode, body: JSON.parse(res.body), logs: stdout };
};

describe('the packaged function on a deployed stage', () => {
  it('reads its secrets from SSM through the lazily imported client, signed, at the first request', async () => {
    calls.length = 0;
    parameters = good;
    const res = await coldStart();
    // The config loaded (no 503): the route itself refuses, as it does on every stage but local.
    expect(res.body.error?.code).toBe('DEV_LOGIN_DISABLED');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.target).toBe('AmazonSSM.GetParameters');
    expect(calls[0]?.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDBUNDLETEST\/\d{8}\/cn-north-1\/ssm\/aws4_request/);
    expect(calls[0]?.body).toEqual({ Names: Object.keys(good), WithDecryption: true });
  });

  it('refuses to start on what SSM answers: a missing parameter or a local default', async () => {
    parameters = { ...good, [`${PREFIX}/session-secret`]: LOCAL_DEFAULTS.sessionSecret };
    const local = await coldStart();
    expect(local).toMatchObject({ status: 503, body: { error: { code: 'CONFIG_REFUSED' } } });
    expect(local.logs).toContain('refuses the local default for sessionSecret');
    const { [`${PREFIX}/pii-key`]: _dropped, ...missing } = good;
    parameters = missing;
    const absent = await coldStart();
    expect(absent).toMatchObject({ status: 503, body: { error: { code: 'CONFIG_REFUSED' } } });
    expect(absent.logs).toContain(`missing SSM parameter ${PREFIX}/pii-key`);
  });
});
