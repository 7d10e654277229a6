import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { subtreeOf } from './org.repository';
import { getDocumentClient, tableName } from './table';

/**
 * How many active members an org has: its ORGMEMBERS partition (gsi2) holds only active memberships
 * (a transfer or 退会 removes the key), counted by DynamoDB page by page (Select COUNT: no item is sent).
 */
export const countActiveMembers = async (orgId: string): Promise<number> => {
  let total = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await getDocumentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :p',
        ExpressionAttributeValues: { ':p': `ORGMEMBERS#${orgId}` },
        Select: 'COUNT',
        ...(ExclusiveStartKey ? { ExclusiveStartKey } : {}),
      }),
    );
    total += page.Count ?? 0;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return total;
};

/** Active members of an org and every org below it (the subtree walked to its end, 8 orgs counted at once). */
export const countSubtreeMembers = async (rootId: string): Promise<number> => {
  const orgIds = await subtreeOf(rootId);
  let total = 0;
  for (let i = 0; i < orgIds.length; i += 8) {
    const counts = await Promise.all(orgIds.slice(i, i + 8).map(countActiveMembers));
    total += counts.reduce((a, b) => a + b, 0);
  }
  return total;
};
