import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { resetRuntime } from '../../../functions/src/http/runtime';
import { setLogSink } from '../../../functions/src/platform/logger';
import { putUser } from '../../../functions/src/store/user.repository';
import { invoke } from '../../support/invoke';

/** Stage `local` (dev sign-in, the keys published in the repo) never runs as a deployed function. */

const saved = { ...process.env };
const logs: string[] = [];
beforeAll(async () => {
  await putUser({
    userId: 'demo-officer',
    displayName: '周建华',
    grants: [{ role: 'officer', orgId: 'city' }],
    demoDescription: '区干部',
    demoOrder: 1,
  });
  setLogSink((line) => logs.push(line));
});
afterEach(() => {
  for (const k of ['AWS_LAMBDA_FUNCTION_NAME', 'AWS_EXECUTION_ENV', 'IS_OFFLINE']) delete process.env[k];
  Object.assign(process.env, saved);
  resetRuntime();
});

const devSignIn = () => invoke(AREAS.auth, 'POST', '/auth/dev', { body: { identityId: 'demo-officer' } });

describe('stage local inside AWS Lambda', () => {
  it('refuses every request with 503 CONFIG_REFUSED in a Lambda-like environment (dev sign-in included)', async () => {
    // What the Lambda runtime sets in a function deployed without --stage (STAGE=local).
    Object.assign(process.env, {
      STAGE: 'local',
      AWS_LAMBDA_FUNCTION_NAME: 'union-service-local-auth',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    });
    resetRuntime();
    const res = await devSignIn();
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('CONFIG_REFUSED');
    expect(res.body).not.toHaveProperty('token');
    const card = await invoke(AREAS.card, 'POST', '/verify', { body: { token: 'x' } });
    expect(card.status).toBe(503);
    expect(logs.join('\n')).toContain('stage local is refused inside AWS Lambda');

    // The function name alone (no IS_OFFLINE) is enough to refuse.
    delete process.env.AWS_EXECUTION_ENV;
    resetRuntime();
    expect((await devSignIn()).status).toBe(503);
  });

  it('serves stage local under serverless-offline (IS_OFFLINE set with the function name)', async () => {
    Object.assign(process.env, { STAGE: 'local', AWS_LAMBDA_FUNCTION_NAME: 'union-service-local-auth', IS_OFFLINE: 'true' });
    resetRuntime();
    const res = await devSignIn();
    expect(res.status).toBe(200);
    expect(res.body.user.roles).toEqual([{ role: 'officer', orgId: 'city' }]);
  });
});

describe('serverless.yml demands an explicit stage', () => {
  it('refuses `serverless package` without --stage, saying to name one, and writes nothing', () => {
    rmSync('.data/package-no-stage', { recursive: true, force: true });
    let output = '';
    let status: number | null = 0;
    try {
      execFileSync(process.execPath, ['node_modules/osls/bin/serverless.js', 'package', '--package', '.data/package-no-stage'], {
        env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', TABLE_NAME: '', DYNAMODB_ENDPOINT: '' },
        stdio: 'pipe',
        timeout: 120_000,
      });
    } catch (e) {
      const err = e as { status: number | null; stdout: Buffer; stderr: Buffer };
      status = err.status;
      output = `${err.stdout}${err.stderr}`;
    }
    expect(status).not.toBe(0);
    expect(output).toContain('provider.stage');
    expect(output).toContain('no --stage given');
    expect(output).toContain('--stage prod');
    expect(existsSync('.data/package-no-stage')).toBe(false);
  });
});
