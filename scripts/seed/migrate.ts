import { GetCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { getCatalogVersion } from '../../functions/src/store/catalog.repository';
import { CatalogLatestEntity } from '../../functions/src/store/entities/catalog.entity';
import { quotasOfOrgPartition } from '../../functions/src/store/entities/claim.entity';
import { UserMembershipEntity } from '../../functions/src/store/entities/membership.entity';
import { isConditionFailure } from '../../functions/src/store/errors';
import { getMembership } from '../../functions/src/store/membership.repository';
import { pointerItem } from '../../functions/src/store/membership-pointer';
import { getLineage, storedSummary, summaryOf } from '../../functions/src/store/org.repository';
import { getDocumentClient, tableName } from '../../functions/src/store/table';

/**
 * Brings data written before the read model of issue 14 up to it (the data `npm start` keeps in
 * .data/ from an older checkout): what members read in one or two round trips is written by every
 * writer now, and this writes it for items from before. Idempotent — each write is conditioned on
 * the item still lacking what it adds (and on what it copies still being current), so running it
 * again, or beside the API, changes nothing twice.
 *
 * - Org: its ancestors' names, kinds and areas (`ancestorOrgs`).
 * - USER#id / MEMBERSHIP: the copy of the active membership and its lineage.
 * - CATALOG#org / LATEST: the copy of the latest version (from the counter's number).
 * - Quota counters, 附议 and VOTED markers: their gsi1 keys (publisher and period; co-signer; voter).
 */
type Item = Record<string, unknown> & { pk: string; sk: string; _et?: string };

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Runs a conditioned write; a failed condition means someone else brought it up to date first. */
const ifStillNeeded = async (write: () => Promise<unknown>): Promise<boolean> => {
  try {
    await write();
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
};

const setIfAbsent = (item: Item, values: Record<string, unknown>) =>
  ifStillNeeded(() => {
    const names = Object.keys(values);
    return getDocumentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: `SET ${names.map((_, i) => `#a${i} = :v${i}`).join(', ')}`,
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#a0)',
        ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#a${i}`, n])),
        ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:v${i}`, values[n]])),
      }),
    );
  });

const migrateItem = async (item: Item): Promise<boolean> => {
  switch (item._et) {
    case 'Org': {
      if (item.ancestorOrgs !== undefined) return false;
      const lineage = await getLineage(str(item.orgId));
      return setIfAbsent(item, { ancestorOrgs: lineage.slice(0, -1).map((o) => storedSummary(summaryOf(o))) });
    }
    case 'UserMembership': {
      if (item.memberNumber !== undefined) return false;
      const m = await getMembership(str(item.membershipId));
      if (m?.status !== 'active') return false;
      const lineage = (await getLineage(m.orgId)).map(summaryOf);
      return ifStillNeeded(() =>
        UserMembershipEntity()
          .build(EntityRepository)
          .put(pointerItem(m, lineage), {
            condition: {
              and: [
                { attr: 'membershipId', eq: m.membershipId },
                { attr: 'memberNumber', exists: false },
              ],
            },
          }),
      );
    }
    case 'CatalogCounter': {
      const copy = await getDocumentClient().send(
        new GetCommand({
          TableName: tableName(),
          Key: { pk: item.pk, sk: 'LATEST' },
          ProjectionExpression: 'version',
          ConsistentRead: true,
        }),
      );
      if (Number(copy.Item?.version ?? 0) >= Number(item.latest)) return false;
      const latest = await getCatalogVersion(str(item.orgId), Number(item.latest));
      if (!latest) return false;
      const { entries, ...meta } = latest;
      return ifStillNeeded(() =>
        CatalogLatestEntity()
          .build(EntityRepository)
          .put(
            { ...meta, entries },
            {
              condition: {
                or: [
                  { attr: 'version', exists: false },
                  { attr: 'version', lt: latest.version },
                ],
              },
            },
          ),
      );
    }
    case 'Quota': {
      if (item.gsi1pk !== undefined) return false;
      const benefitKey = str(item.benefitKey);
      const orgId = benefitKey.slice(0, benefitKey.indexOf('|'));
      return setIfAbsent(item, { gsi1pk: quotasOfOrgPartition(orgId, str(item.period)), gsi1sk: benefitKey });
    }
    case 'CongressCosign':
      if (item.gsi1pk !== undefined) return false;
      return setIfAbsent(item, { gsi1pk: `COSIGNER#${str(item.userId)}`, gsi1sk: `${str(item.at)}#${str(item.proposalId)}` });
    case 'CongressVoted':
      if (item.gsi1pk !== undefined) return false;
      return setIfAbsent(item, { gsi1pk: `VOTER#${str(item.userId)}`, gsi1sk: str(item.motionId) });
    default:
      return false;
  }
};

const KINDS = ['Org', 'UserMembership', 'CatalogCounter', 'Quota', 'CongressCosign', 'CongressVoted'];

/** Scans the table for the kinds of item above and brings each up to date. Returns how many it wrote. */
export const migrateReadModel = async (): Promise<number> => {
  let written = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await getDocumentClient().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: `#et IN (${KINDS.map((_, i) => `:k${i}`).join(', ')})`,
        ExpressionAttributeNames: { '#et': '_et' },
        ExpressionAttributeValues: Object.fromEntries(KINDS.map((k, i) => [`:k${i}`, k])),
        ExclusiveStartKey,
      }),
    );
    for (const item of (page.Items ?? []) as Item[]) if (await migrateItem(item)) written += 1;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return written;
};
