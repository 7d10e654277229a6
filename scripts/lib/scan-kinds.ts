import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { getDocumentClient, tableName } from '../../functions/src/store/table';

type Item = Record<string, unknown>;

/**
 * Every item of the table whose entity (`_et`) is one of `kinds`, a Scan page at a time to the end, each page
 * handed to `onPage` before the next is read (scripts only: the seed's rebuilds and migrations, never a route).
 */
export const scanKinds = async (kinds: readonly string[], onPage: (items: Item[]) => Promise<void> | void): Promise<void> => {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await getDocumentClient().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: `#et IN (${kinds.map((_, i) => `:k${i}`).join(', ')})`,
        ExpressionAttributeNames: { '#et': '_et' },
        ExpressionAttributeValues: Object.fromEntries(kinds.map((k, i) => [`:k${i}`, k])),
        ExclusiveStartKey,
      }),
    );
    await onPage((page.Items ?? []) as Item[]);
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
};
