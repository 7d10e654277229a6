import { BatchGetCommand, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { countDynamoCalls, type DynamoCallCounter } from '../../support/dynamo-calls';

const key = (n: number) => ({ pk: `COUNT#${n}`, sk: 'item' });
const get = (n: number) => getDocumentClient().send(new GetCommand({ TableName: tableName(), Key: key(n) }));

let counter: DynamoCallCounter;

beforeAll(async () => {
  for (const n of [1, 2, 3]) await getDocumentClient().send(new PutCommand({ TableName: tableName(), Item: { ...key(n), n } }));
  counter = countDynamoCalls();
});

afterAll(() => counter.detach());

describe('countDynamoCalls (tests/support/dynamo-calls.ts): calls and round trips on the store client, against DynamoDB Local', () => {
  it('two GetItems one after the other are two calls in two round trips', async () => {
    counter.reset();
    await get(1);
    await get(2);
    expect(counter.snapshot()).toEqual({ calls: 2, roundTrips: 2, writes: 0, byCommand: { GetItemCommand: 2 } });
  });

  it('two GetItems in one Promise.all are two calls in one round trip', async () => {
    counter.reset();
    const [a, b] = await Promise.all([get(1), get(2)]);
    expect([a.Item?.n, b.Item?.n]).toEqual([1, 2]);
    expect(counter.snapshot()).toEqual({ calls: 2, roundTrips: 1, writes: 0, byCommand: { GetItemCommand: 2 } });
  });

  it('one BatchGetItem of three keys is one call in one round trip', async () => {
    counter.reset();
    const out = await getDocumentClient().send(
      new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: [key(1), key(2), key(3)] } } }),
    );
    expect(out.Responses?.[tableName()]).toHaveLength(3);
    expect(counter.snapshot()).toEqual({ calls: 1, roundTrips: 1, writes: 0, byCommand: { BatchGetItemCommand: 1 } });
  });

  it('a wave, then a Promise.all of two, then one more: three round trips; the transaction is a write', async () => {
    counter.reset();
    await get(1);
    await Promise.all([
      get(2),
      getDocumentClient().send(
        new TransactWriteCommand({
          TransactItems: [4, 5].map((n) => ({ Put: { TableName: tableName(), Item: { ...key(n), n } } })),
        }),
      ),
    ]);
    await get(3);
    expect(counter.snapshot()).toEqual({
      calls: 4,
      roundTrips: 3,
      writes: 1,
      byCommand: { GetItemCommand: 3, TransactWriteItemsCommand: 1 },
    });
  });

  it('a call that fails still ends its round trip; reset() starts from zero', async () => {
    counter.reset();
    await expect(
      getDocumentClient().send(new PutCommand({ TableName: tableName(), Item: key(1), ConditionExpression: 'attribute_not_exists(pk)' })),
    ).rejects.toThrow();
    await get(1);
    expect(counter.snapshot()).toMatchObject({ calls: 2, roundTrips: 2 });
    counter.reset();
    expect(counter.snapshot()).toEqual({ calls: 0, roundTrips: 0, writes: 0, byCommand: {} });
  });
});
