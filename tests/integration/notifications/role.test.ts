import { readFileSync } from 'node:fs';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { getFanout } from '../../../functions/src/store/notification-fanout.repository';
import { createOrg } from '../../../functions/src/store/org.repository';
import { type FanoutAudience, fanoutTx } from '../../../functions/src/store/outbox';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { runTransaction } from '../../../functions/src/store/transactions';
import { accountWith, type NotifyHarness, readNotification, startNotify, writeNotification } from '../../support/notify';
import { activatePlainMember } from '../../support/plain-members';
import { makeMembers, sessionWithRoster, setupOrgs, signInAll } from '../congress/fixtures';

/**
 * The notify function runs with its own role (serverless.yml, NotifyRole): the only one that can read
 * the table's stream. Its table actions are listed there by hand; here the function does everything
 * it does — a delivery that fetches and stores the WeChat token under its lease, a fan-out to a
 * session's signed-in delegates, a fan-out over a subtree that runs out of time and hands off — and
 * every DynamoDB call its code makes is recorded as the IAM action it needs. The role must grant
 * exactly those: one missing would fail in AWS only (AccessDenied), one more is more than it needs.
 */

const STREAM_ACTIONS = new Set(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams']);

interface Call {
  action: string;
  table: string;
  index?: string;
}

const ACTION_OF: Record<string, string> = {
  GetCommand: 'dynamodb:GetItem',
  PutCommand: 'dynamodb:PutItem',
  UpdateCommand: 'dynamodb:UpdateItem',
  DeleteCommand: 'dynamodb:DeleteItem',
  QueryCommand: 'dynamodb:Query',
  ScanCommand: 'dynamodb:Scan',
  BatchGetCommand: 'dynamodb:BatchGetItem',
  BatchWriteCommand: 'dynamodb:BatchWriteItem',
  // The client's own commands, sent through the document client (store/transactions.ts).
  GetItemCommand: 'dynamodb:GetItem',
  PutItemCommand: 'dynamodb:PutItem',
  UpdateItemCommand: 'dynamodb:UpdateItem',
  DeleteItemCommand: 'dynamodb:DeleteItem',
  BatchGetItemCommand: 'dynamodb:BatchGetItem',
  BatchWriteItemCommand: 'dynamodb:BatchWriteItem',
};
const TRANSACTIONS = new Set(['TransactWriteCommand', 'TransactGetCommand', 'TransactWriteItemsCommand', 'TransactGetItemsCommand']);
const BATCHES = new Set(['BatchGetCommand', 'BatchWriteCommand', 'BatchGetItemCommand', 'BatchWriteItemCommand']);
// A transaction needs, per item, the action of the single-item call (IAM has no TransactWriteItems action).
const TX_ACTION_OF: Record<string, string> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
  Get: 'dynamodb:GetItem',
};

let recording: Call[] | null = null;

const callsOf = (command: string, input: any): Call[] => {
  if (TRANSACTIONS.has(command)) {
    return (input.TransactItems ?? []).flatMap((item: Record<string, { TableName: string }>) =>
      Object.entries(item).map(([op, body]) => ({ action: TX_ACTION_OF[op] ?? `unknown:${op}`, table: body.TableName })),
    );
  }
  if (BATCHES.has(command)) {
    return Object.keys(input.RequestItems ?? {}).map((table) => ({ action: ACTION_OF[command] as string, table }));
  }
  return [
    {
      action: ACTION_OF[command] ?? `unknown:${command}`,
      table: input.TableName,
      ...(input.IndexName ? { index: input.IndexName } : {}),
    },
  ];
};

/** Runs the handler with every DynamoDB call it makes recorded. */
const recorded =
  (handler: (e: DynamoDBStreamEvent) => Promise<void>) =>
  async (event: DynamoDBStreamEvent): Promise<void> => {
    recording = [];
    try {
      await handler(event);
    } finally {
      calls.push(...recording);
      recording = null;
    }
  };

const calls: Call[] = [];
let notify: NotifyHarness;
let hurried: NotifyHarness;

beforeAll(async () => {
  getDocumentClient().middlewareStack.add(
    (next, context) => async (args) => {
      if (recording)
        recording.push(...callsOf(String((context as { commandName?: string }).commandName), (args as { input: unknown }).input));
      return next(args);
    },
    { step: 'initialize', name: 'testNotifyRoleActions' },
  );
  notify = await startNotify();
});
afterAll(async () => {
  await hurried?.stop();
  await notify.stop();
});

const writeFanout = async (audience: FanoutAudience): Promise<string> => {
  const t = fanoutTx(
    { event: 'projectCallOpened', facts: { subject: '2026年为职工办实事征集' }, page: '/member/pages/projects/index', audience },
    new Date(),
  );
  await runTransaction(async () => [t]);
  return (t.tx.params() as { Put: { Item: { fanoutId: string } } }).Put.Item.fanoutId;
};

const fanoutRecords = async (fanoutId: string) => ({
  Records: (await notify.outboxRecords()).Records.filter((r) => r.dynamodb?.NewImage?.pk?.S === `FANOUT#${fanoutId}`),
});

/** The table actions serverless.yml's NotifyRole grants (its stream actions aside). */
const grantedTableActions = (): string[] => {
  const yml = parse(readFileSync('serverless.yml', 'utf8'), { logLevel: 'error' }) as {
    resources: {
      Resources: Record<string, { Properties: { Policies: Array<{ PolicyDocument: { Statement: Array<{ Action: string[] }> } }> } }>;
    };
  };
  const role = yml.resources.Resources.NotifyRole;
  expect(role, 'serverless.yml declares NotifyRole').toBeDefined();
  return [
    ...new Set(
      role!.Properties.Policies.flatMap((p) => p.PolicyDocument.Statement)
        .flatMap((s) => s.Action)
        .filter((a) => a.startsWith('dynamodb:') && !STREAM_ACTIONS.has(a)),
    ),
  ].sort();
};

describe('the notify role grants exactly the table actions the notify function performs', () => {
  it('a delivery (the token fetched under its lease), a session fan-out, a subtree fan-out handed off', async () => {
    // A delivery with no token in memory nor in the table: GetItem, the lease's PutItem / DeleteItem,
    // the token's PutItem, the openid's GetItem, the claim's and the result's UpdateItem.
    await accountWith('r-user', 'o-r-user');
    const noteId = await writeNotification({
      userId: 'r-user',
      event: 'applicationApproved',
      facts: { subject: '测试工会' },
      page: '/member/pages/home/index',
    });
    const all = await notify.outboxRecords();
    await recorded(notify.handler)({ Records: all.Records.filter((r) => r.dynamodb?.NewImage?.noteId?.S === noteId) });
    expect(await readNotification('r-user', noteId)).toMatchObject({ delivery: 'sent', deliveryCode: 0 });

    // A session's signed-in delegates: the roster's Query on the table.
    const { officer } = await setupOrgs();
    const delegates = await makeMembers('c-ent', 'rl', 3);
    const sessionId = await sessionWithRoster(officer, 'c-ent', delegates);
    await signInAll(sessionId, delegates.slice(0, 2));
    const toSession = await writeFanout({ kind: 'sessionSignedIn', sessionId });
    await recorded(notify.handler)(await fanoutRecords(toSession));
    expect(await getFanout(toSession)).toMatchObject({ status: 'done', written: 2 });

    // A subtree past one page, out of time after the first: the org walk's and the members' Query on
    // the indexes, the recipients' transactions, the hand-off's transaction; then the fresh invocation.
    await createOrg({ orgId: 'r-root', name: '角色测试区总工会', kind: 'district', parentId: 'c-city', area: '角色区' });
    await createOrg({ orgId: 'r-a', name: '角色测试公司工会', kind: 'grassroots', parentId: 'r-root', area: '角色区' });
    for (let i = 0; i < 52; i += 1) {
      const orgId = i % 2 === 0 ? 'r-root' : 'r-a';
      await activatePlainMember({ userId: `r-m-${i}`, name: `会员${i}`, org: { orgId, name: orgId } });
    }
    hurried = await startNotify({ timeLeft: () => 0 });
    const toSubtree = await writeFanout({ kind: 'subtreeMembers', orgId: 'r-root' });
    await recorded(hurried.handler)(await fanoutRecords(toSubtree));
    expect(await getFanout(toSubtree)).toMatchObject({ status: 'pending', written: 50, handoffs: 1 });
    const handoff = (await fanoutRecords(toSubtree)).Records.filter((r) => r.dynamodb?.NewImage?.continues?.S === toSubtree);
    expect(handoff).toHaveLength(1);
    await recorded(notify.handler)({ Records: handoff });
    expect(await getFanout(toSubtree)).toMatchObject({ status: 'done', written: 52 });

    // Every call on this test's table, on the table itself or one of its two indexes.
    expect(new Set(calls.map((c) => c.table))).toEqual(new Set([tableName()]));
    expect(new Set(calls.flatMap((c) => (c.index ? [c.index] : [])))).toEqual(new Set(['gsi1', 'gsi2']));
    const performed = [...new Set(calls.map((c) => c.action))].sort();
    expect(performed).toEqual(['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    expect(grantedTableActions()).toEqual(performed);
  }, 120_000);
});
