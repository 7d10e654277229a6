/**
 * What telling the person costs a decision (issue 12): the notification and the unread count are two
 * more items in the decision's own TransactWriteItems, and no other call. This times, on DynamoDB
 * Local, the transaction of a claim approval as it was (the claim, the member's claims of the period,
 * the publisher's quota item: 3 items) against the same with the claimant's notification (5 items),
 * and an application approval's activation (11 items) against it with its notification (13),
 * alternating (A B, B A, …) and reporting medians and the median of per-round ratios.
 *
 *   npx tsx scripts/bench/notification-cost-probe.ts [--rounds 300]
 *
 * The items are written as the store writes them (the same keys and expressions, fresh keys each round
 * so no condition refuses one); no handler, session check or read runs, so the ratio is the write's alone —
 * a route's whole answer (reads, checks, JSON) grows by less.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable, startDynamoLocal } from '../lib/dynamo-local';
import { alternate, median, pairedRatio } from './lib';

const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1] || 300) || 300;

const dynamo = await startDynamoLocal();
const tableName = 'notification-cost';
await ensureTable(dynamo.endpoint, tableName);
Object.assign(process.env, { STAGE: 'local', DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: tableName, AWS_REGION: 'local' });
const { getDocumentClient } = await import('../../functions/src/store/table');
const { notificationTxs } = await import('../../functions/src/store/outbox');

type Item = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];
const itemOf = (tx: { params: () => unknown }) => {
  const { ToolboxItem: _parsed, ...item } = tx.params() as Item & { ToolboxItem?: unknown };
  return item as Item;
};

let n = 0;
/** `count` writes shaped like the decision's: a claim-sized put, then updates of counters. */
const decisionItems = (count: number): Item[] => {
  n += 1;
  const id = `r${n}`;
  return Array.from({ length: count }, (_, i) =>
    i === 0
      ? {
          Put: {
            TableName: tableName,
            Item: {
              pk: `CLAIM#${id}`,
              sk: 'META',
              status: 'approved',
              benefitName: '职工疗休养',
              memberName: '王小军',
              decidedBy: 'officer',
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }
      : {
          Update: {
            TableName: tableName,
            Key: { pk: `ITEM#${id}#${i}`, sk: 'PERIOD#2026' },
            UpdateExpression: 'SET #s = :s ADD #used :one',
            ExpressionAttributeNames: { '#s': 'status', '#used': 'used:职工疗休养' },
            ExpressionAttributeValues: { ':s': 'approved', ':one': 1 },
          },
        },
  );
};
const withNote = (items: Item[]): Item[] => [
  ...items,
  ...notificationTxs(
    { userId: `u${n}`, event: 'claimApproved', facts: { subject: '职工疗休养' }, page: '/member/pages/claims/index' },
    new Date(),
  ).map((t) => itemOf(t.tx)),
];

const send = async (items: Item[]) => {
  const t0 = performance.now();
  await getDocumentClient().send(new TransactWriteCommand({ TransactItems: items }));
  return performance.now() - t0;
};

for (const [name, count] of [
  ['claim approval', 3],
  ['application approval (activation)', 11],
] as const) {
  const s = await alternate(
    rounds,
    { before: () => send(decisionItems(count)), after: () => send(withNote(decisionItems(count))) },
    { warmup: 30 },
  );
  console.log(
    `${name}: ${count} items ${median(s.before).toFixed(2)} ms, with the notification ${count + 2} items ${median(s.after).toFixed(2)} ms — ` +
      `${pairedRatio(s.after, s.before).toFixed(2)}× (median of per-round ratios, ${rounds} rounds)`,
  );
}
await dynamo.stop();
