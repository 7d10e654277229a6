import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** A zip's entries (name, uncompressed size) from its central directory. */
const zipEntries = (zip: Buffer): Array<{ name: string; size: number }> => {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Array<{ name: string; size: number }> = [];
  for (let i = 0; i < count; i += 1) {
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), size: zip.readUInt32LE(at + 24) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries.sort((a, b) => a.name.localeCompare(b.name));
};

describe('serverless.yml is deployable as written', () => {
  it('packages offline with osls: one minified bundle per function, the table with PITR, IAM scoped to it, the secrets extension', () => {
    const out = path.resolve('.data/package-test');
    rmSync(out, { recursive: true, force: true });
    execFileSync(process.execPath, ['node_modules/osls/bin/serverless.js', 'package', '--stage', 'prod', '--package', out], {
      env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', TABLE_NAME: '', DYNAMODB_ENDPOINT: '' },
      stdio: 'pipe',
      timeout: 180_000,
    });
    const template = JSON.parse(readFileSync(path.join(out, 'cloudformation-template-update-stack.json'), 'utf8'));
    const yml = parse(readFileSync('serverless.yml', 'utf8'), { logLevel: 'error' }) as { functions: Record<string, unknown> };
    for (const fn of Object.keys(yml.functions)) {
      expect(statSync(path.join(out, `${fn}.zip`)).size, fn).toBeGreaterThan(1000);
    }
    // The poster's bitmap font is a file beside its bundle (read on the first render), not a literal in it.
    const listing = (fn: string) => zipEntries(readFileSync(path.join(out, `${fn}.zip`)));
    expect(listing('poster')).toEqual([
      { name: 'functions/assets/poster-font.bin', size: statSync('functions/assets/poster-font.bin').size },
      { name: 'functions/src/http/poster/index.cjs', size: expect.any(Number) },
    ]);
    expect(listing('poster')[1]?.size).toBeLessThan(1024 * 1024);
    expect(listing('membership').map((f) => f.name)).toEqual(['functions/src/http/membership/index.cjs']);
    const resources = template.Resources as Record<string, { Type: string; Properties: any }>;
    const table = resources.UnionTable;
    expect(table?.Type).toBe('AWS::DynamoDB::Table');
    expect(table?.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table?.Properties.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled).toBe(true);
    expect(table?.Properties.TableName).toBe('union-service-prod');
    const lambdas = Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::Function');
    expect(lambdas.length).toBe(Object.keys(yml.functions).length);
    for (const l of lambdas) {
      expect(l.Properties.Runtime).toBe('nodejs22.x');
      expect(l.Properties.Environment.Variables.STAGE).toBe('prod');
      expect(l.Properties.Environment.Variables.DYNAMODB_ENDPOINT).toBe('');
      // Secrets come through the AWS Parameters and Secrets Lambda Extension: its arm64 layer for cn-north-1.
      expect(l.Properties.Architectures).toEqual(['arm64']);
      expect(l.Properties.Layers).toEqual([
        'arn:aws-cn:lambda:cn-north-1:287114880934:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:89',
      ]);
    }
    const policy = JSON.stringify(resources.IamRoleLambdaExecution?.Properties.Policies);
    expect(policy).toContain('UnionTable');
    expect(policy).not.toMatch(/"Resource":"\*"/);
    expect(policy).not.toContain('dynamodb:*');
    // What the extension calls with the function's role: GetParameter on the stage's path, and
    // kms:Decrypt only through SSM for those parameters.
    expect(policy).toContain('"ssm:GetParameter"');
    expect(policy).not.toContain('ssm:GetParameters');
    expect(policy).toContain('parameter/union-service/prod/*');
    expect(policy).toContain('"kms:ViaService"');
  });
});
