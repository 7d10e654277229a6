import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
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

const out = path.resolve('.data/package-test');

interface Statement {
  Effect: string;
  Action: string[];
  Resource: unknown[];
  Condition?: unknown;
}
const STREAM_ACTIONS = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];
/** What the notify function's code does to the table (its store calls, recorded by tests/integration/notifications/role.test.ts). */
const NOTIFY_TABLE_ACTIONS = ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'];
// The CloudFormation template, as JSON.
let template: any;

beforeAll(() => {
  rmSync(out, { recursive: true, force: true });
  execFileSync(process.execPath, ['node_modules/osls/bin/serverless.js', 'package', '--stage', 'prod', '--package', out], {
    env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', TABLE_NAME: '', DYNAMODB_ENDPOINT: '' },
    stdio: 'pipe',
    timeout: 180_000,
  });
  template = JSON.parse(readFileSync(path.join(out, 'cloudformation-template-update-stack.json'), 'utf8'));
}, 200_000);

describe('serverless.yml is deployable as written', () => {
  it('packages offline with osls: one minified bundle per function, the table with PITR, IAM scoped to it, the secrets extension', () => {
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

  it('the notify function reads the table stream through a filtered, bounded mapping with a dead-letter queue', () => {
    const resources = template.Resources as Record<string, { Type: string; Properties: any; DependsOn?: unknown }>;
    expect(resources.UnionTable?.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });

    const mappings = Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(1);
    const m = mappings[0]?.Properties;
    expect(m.FunctionName).toEqual({ 'Fn::GetAtt': ['NotifyLambdaFunction', 'Arn'] });
    expect(m.EventSourceArn).toEqual({ 'Fn::GetAtt': ['UnionTable', 'StreamArn'] });
    expect(m.StartingPosition).toBe('TRIM_HORIZON');
    expect(m.BatchSize).toBeGreaterThanOrEqual(1);
    expect(m.BatchSize).toBeLessThanOrEqual(100);
    expect(m.MaximumBatchingWindowInSeconds).toBe(1);
    expect(m.BisectBatchOnFunctionError).toBe(true);
    // Bounded: never -1 (forever, the default), which would stall the shard behind one bad batch.
    expect(m.MaximumRetryAttempts).toBeGreaterThanOrEqual(1);
    expect(m.MaximumRetryAttempts).toBeLessThanOrEqual(10);
    expect(m.DestinationConfig).toEqual({ OnFailure: { Destination: { 'Fn::GetAtt': ['NotifyDeadLetterQueue', 'Arn'] } } });
    // The filter: INSERTs of outbox items only, nothing else reaches the function.
    expect(m.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))).toEqual([
      { eventName: ['INSERT'], dynamodb: { NewImage: { _et: { S: ['Notification', 'NotificationFanout'] } } } },
    ]);

    const dlq = resources.NotifyDeadLetterQueue;
    expect(dlq?.Type).toBe('AWS::SQS::Queue');
    expect(dlq?.Properties.SqsManagedSseEnabled).toBe(true);
    expect(dlq?.Properties.MessageRetentionPeriod).toBe(14 * 86_400);

    // Who may read the stream: the notify function's own role, and no other (the stream carries every
    // write, congress and 实事 ballots beside their VOTED markers among them).
    const statementsOf = (role: string) =>
      ((resources[role]?.Properties.Policies ?? []) as Array<{ PolicyDocument: { Statement: Statement[] } }>).flatMap(
        (p) => p.PolicyDocument.Statement,
      );
    const grantOn = (statements: Statement[], action: string) =>
      statements.filter((s) => s.Action.includes(action)).flatMap((s) => s.Resource);

    const shared = statementsOf('IamRoleLambdaExecution');
    const sharedJson = JSON.stringify(shared);
    for (const action of STREAM_ACTIONS) expect(sharedJson, action).not.toContain(action);
    expect(sharedJson).not.toContain(':stream/');
    expect(sharedJson).not.toContain('StreamArn');
    expect(sharedJson).not.toContain('NotifyDeadLetterQueue');

    const roleRef = resources.NotifyLambdaFunction?.Properties.Role;
    expect(roleRef).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Arn'] });
    const notifyRole = roleRef['Fn::GetAtt'][0] as string;
    expect(notifyRole).not.toBe('IamRoleLambdaExecution');
    expect(resources[notifyRole]?.Type).toBe('AWS::IAM::Role');
    expect(resources[notifyRole]?.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      { Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] },
    ]);
    // Every other function runs with the shared role, which cannot read the stream.
    for (const [id, r] of Object.entries(resources)) {
      if (r.Type === 'AWS::Lambda::Function' && id !== 'NotifyLambdaFunction')
        expect(r.Properties.Role, id).toEqual({ 'Fn::GetAtt': ['IamRoleLambdaExecution', 'Arn'] });
    }
    // The mapping is made after the role that lets Lambda read the stream for the function.
    expect(mappings[0]?.DependsOn).toContain(notifyRole);

    const own = statementsOf(notifyRole);
    const ownJson = JSON.stringify(own);
    expect(own.every((s) => s.Effect === 'Allow')).toBe(true);
    expect(ownJson).not.toContain('dynamodb:*');
    expect(own.flatMap((s) => s.Resource)).not.toContain('*');
    for (const action of STREAM_ACTIONS) {
      expect(grantOn(own, action), action).toEqual([{ 'Fn::GetAtt': ['UnionTable', 'StreamArn'] }]);
    }
    // The stream actions in one statement of their own, on the stream only.
    const streamStatements = own.filter((s) => s.Action.some((a) => STREAM_ACTIONS.includes(a)));
    expect(streamStatements).toHaveLength(1);
    expect([...(streamStatements[0]?.Action ?? [])].sort()).toEqual(STREAM_ACTIONS);
    expect(grantOn(own, 'sqs:SendMessage')).toEqual([{ 'Fn::GetAtt': ['NotifyDeadLetterQueue', 'Arn'] }]);
    expect(own.flatMap((s) => s.Action).filter((a) => a.startsWith('sqs:'))).toEqual(['sqs:SendMessage']);
    // The table actions its code performs (tests/integration/notifications/role.test.ts records them), on the table and its indexes.
    const table = [{ 'Fn::GetAtt': ['UnionTable', 'Arn'] }, { 'Fn::Join': ['/', [{ 'Fn::GetAtt': ['UnionTable', 'Arn'] }, 'index', '*']] }];
    const tableActions = own.flatMap((s) => s.Action).filter((a) => a.startsWith('dynamodb:') && !STREAM_ACTIONS.includes(a));
    expect(tableActions.sort()).toEqual(NOTIFY_TABLE_ACTIONS);
    for (const action of NOTIFY_TABLE_ACTIONS) expect(grantOn(own, action), action).toEqual(table);
    // The secrets extension's reads, exactly as the shared role has them.
    for (const prefix of ['ssm:', 'kms:']) {
      const of = (ss: Statement[]) => ss.filter((s) => s.Action.some((a) => a.startsWith(prefix)));
      expect(of(own), prefix).toEqual(of(shared));
      expect(of(own), prefix).toHaveLength(1);
    }
    // Logs: its own log group only.
    const logs = own.filter((s) => s.Action.some((a) => a.startsWith('logs:')));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub, not a JS template
    const logGroup = 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/union-service-prod-notify';
    expect(logs.flatMap((s) => s.Resource)).toEqual([{ 'Fn::Sub': `${logGroup}:*` }, { 'Fn::Sub': `${logGroup}:*:*` }]);
    // Nothing else: logs, table, stream, DLQ, SSM, KMS.
    expect([...new Set(own.flatMap((s) => s.Action).map((a) => a.split(':')[0]))].sort()).toEqual([
      'dynamodb',
      'kms',
      'logs',
      'sqs',
      'ssm',
    ]);

    const fn = resources.NotifyLambdaFunction?.Properties;
    expect(fn.Handler).toBe('functions/src/notify/index.handler');
    expect(fn.Timeout).toBeGreaterThanOrEqual(60);
    // Its templates come from the deploy's params; unset, the function refuses to start.
    expect(fn.Environment.Variables.WECHAT_TEMPLATES).toBe('unset');
    expect(fn.Environment.Variables.WECHAT_MINIPROGRAM_STATE).toBe('formal');
  });
});
