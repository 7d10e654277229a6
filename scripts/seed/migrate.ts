import { DeleteCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { jointSearchKeys, storedPublicityPeriod } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { batchGetItems } from '../../functions/src/store/batch-get';
import { getCatalogVersion } from '../../functions/src/store/catalog.repository';
import { replyOverdueNotice } from '../../functions/src/store/congress-proposal.repository';
import { dueNoticeItem } from '../../functions/src/store/due-notice.repository';
import { CatalogLatestEntity } from '../../functions/src/store/entities/catalog.entity';
import {
  MEMBER_CLAIM_PREFIX,
  MEMBER_CLAIMS_ENTITY,
  memberClaimsKey,
  ORG_QUOTAS_ENTITY,
  orgQuotasKey,
  QUOTA_TOTAL_PREFIX,
  QUOTA_USED_PREFIX,
} from '../../functions/src/store/entities/claim.entity';
import { DueNoticeEntity } from '../../functions/src/store/entities/due-notice.entity';
import { UserMembershipEntity } from '../../functions/src/store/entities/membership.entity';
import { OrgSearchKeyEntity } from '../../functions/src/store/entities/org.entity';
import { OrgOfficerEntity } from '../../functions/src/store/entities/user.entity';
import { isConditionFailure } from '../../functions/src/store/errors';
import { getMembership } from '../../functions/src/store/membership.repository';
import { pointerItem } from '../../functions/src/store/membership-pointer';
import { getLineage, getOrg, storedSummary, summaryOf } from '../../functions/src/store/org.repository';
import { placeKeys } from '../../functions/src/store/place.repository';
import { getDocumentClient, tableName } from '../../functions/src/store/table';
import { scanKinds } from '../lib/scan-kinds';

/**
 * Brings data written before the read model of issue 14 up to it (the data `npm start` keeps in
 * .data/ from an older checkout): what members read in one or two round trips is written by every
 * writer now, and this writes it for items from before. Idempotent — each write is conditioned on
 * the item still lacking what it adds (and on what it copies still being current), so running it
 * again, or beside the API, changes nothing twice.
 *
 * - Org: its ancestors' names, kinds and areas (`ancestorOrgs`); a 联合工会's search keys.
 * - USER#id / MEMBERSHIP: the copy of the active membership and its lineage.
 * - CATALOG#org / LATEST: the copy of the latest version (from the counter's number).
 * - Places: from the one PLACES partition to their org's and area's.
 * - 附议 and VOTED markers: their gsi1 keys (co-signer; voter).
 * - 公示: its gsi1 keys (the org that published it, its last day), which a member's list reads.
 * - Quota counters, once one item per benefit and period (pk QUOTA#benefitKey, sk PERIOD#period), now
 *   attributes of the publisher's item of the period (QUOTAS#org / PERIOD#period): copied there.
 * - Claim locks, once one item per benefit, period and member (pk CLAIMLOCK#benefitKey#period, sk
 *   USER#id), now attributes of the member's claims of the period (USER#id / CLAIMS#period), with the
 *   claim's status: copied there. The old items are deleted once copied.
 * - Officer grants: the org's officer index item (ORG#org / OFFICER#user), which the reply-overdue job reads.
 * - 立案 proposals awaiting their reply (and not yet reported overdue): the due notice of the day their
 *   reply falls overdue.
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

/** Sets attributes of `key` (creating the item) unless its first attribute is there already. */
const setOnIfAbsent = (key: { pk: string; sk: string }, values: Record<string, unknown>) =>
  ifStillNeeded(() => {
    const names = Object.keys(values);
    return getDocumentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: `SET ${names.map((_, i) => `#a${i} = :v${i}`).join(', ')}`,
        ConditionExpression: 'attribute_not_exists(#a0)',
        ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#a${i}`, n])),
        ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:v${i}`, values[n]])),
      }),
    );
  });

/** Copies an item of an old layout into the new one (unless it is there already), then deletes the old item. */
const moveInto = async (item: Item, key: { pk: string; sk: string }, values: Record<string, unknown>): Promise<boolean> => {
  await setOnIfAbsent(key, values);
  await getDocumentClient().send(new DeleteCommand({ TableName: tableName(), Key: { pk: item.pk, sk: item.sk } }));
  return true;
};

/** A 联合工会's search keys (org-search.repository.ts), each put only where it is absent. */
const addJointSearchKeys = async (orgId: string): Promise<boolean> => {
  const org = await getOrg(orgId);
  if (!org) return false;
  const keys = OrgSearchKeyEntity().build(EntityRepository);
  const { Items: present = [] } = await getDocumentClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': `ORG#${orgId}`, ':sk': 'JOINTSEARCH#' },
      ProjectionExpression: 'sk',
    }),
  );
  const have = new Set(present.map((i) => String(i.sk).slice('JOINTSEARCH#'.length)));
  const wrote = await Promise.all(
    jointSearchKeys(org.name, org.area)
      .filter((key) => !have.has(key))
      .map((key) =>
        ifStillNeeded(() =>
          keys.put(
            {
              orgId,
              key,
              name: org.name,
              parentId: org.parentId ?? '',
              ancestors: org.ancestors,
              ...(org.area ? { area: org.area } : {}),
              gsi1pk: `JOINTSEARCH#${key}`,
              gsi1sk: `${org.name}#${orgId}`,
            },
            { condition: { attr: 'orgId', exists: false } },
          ),
        ),
      ),
  );
  return wrote.some(Boolean);
};

const migrateItem = async (item: Item): Promise<boolean> => {
  switch (item._et) {
    case 'Org': {
      const searchable = item.kind === 'joint' ? await addJointSearchKeys(str(item.orgId)) : false;
      if (item.ancestorOrgs !== undefined) return searchable;
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
      const benefitKey = str(item.benefitKey);
      const orgId = benefitKey.slice(0, benefitKey.indexOf('|'));
      return moveInto(item, orgQuotasKey(orgId, str(item.period)), {
        [QUOTA_USED_PREFIX + benefitKey]: Number(item.used),
        [QUOTA_TOTAL_PREFIX + benefitKey]: Number(item.total),
        _et: ORG_QUOTAS_ENTITY,
      });
    }
    case 'ClaimLock': {
      const claim = await getDocumentClient().send(
        new GetCommand({
          TableName: tableName(),
          Key: { pk: `CLAIM#${str(item.claimId)}`, sk: 'META' },
          ProjectionExpression: '#s',
          ExpressionAttributeNames: { '#s': 'status' },
          ConsistentRead: true,
        }),
      );
      const status = str(claim.Item?.status);
      return moveInto(item, memberClaimsKey(str(item.userId), str(item.period)), {
        [MEMBER_CLAIM_PREFIX + str(item.benefitKey)]: {
          claimId: str(item.claimId),
          status: status === 'approved' ? 'approved' : 'pending',
        },
        _et: MEMBER_CLAIMS_ENTITY,
      });
    }
    case 'Place': {
      // From the one PLACES partition to its org's and area's (place.repository.ts).
      if (item.gsi1pk !== 'PLACES') return false;
      const org = await getOrg(str(item.orgId));
      const keys = placeKeys({ placeId: str(item.placeId), orgId: str(item.orgId), area: org?.area ?? null });
      const values: Record<string, unknown> = { ...keys, ...(org?.area ? { area: org.area } : {}) };
      const names = Object.keys(values);
      return ifStillNeeded(() =>
        getDocumentClient().send(
          new UpdateCommand({
            TableName: tableName(),
            Key: { pk: item.pk, sk: item.sk },
            UpdateExpression: `SET ${names.map((_, i) => `#a${i} = :v${i}`).join(', ')}`,
            ConditionExpression: '#g = :old',
            ExpressionAttributeNames: { ...Object.fromEntries(names.map((n, i) => [`#a${i}`, n])), '#g': 'gsi1pk' },
            ExpressionAttributeValues: { ...Object.fromEntries(names.map((n, i) => [`:v${i}`, values[n]])), ':old': 'PLACES' },
          }),
        ),
      );
    }
    case 'Publicity': {
      // Listed under its org by its last day (publicity.repository.ts); before periods, the default from publishedAt.
      if (item.gsi1pk !== undefined) return false;
      const { endsOn } = storedPublicityPeriod({
        startsOn: str(item.startsOn) || null,
        endsOn: str(item.endsOn) || null,
        publishedAt: str(item.publishedAt),
      });
      return setIfAbsent(item, { gsi1pk: `PUBLICITYORG#${str(item.orgId)}`, gsi1sk: `${endsOn}#${str(item.benefitId)}` });
    }
    case 'CongressCosign':
      if (item.gsi1pk !== undefined) return false;
      return setIfAbsent(item, { gsi1pk: `COSIGNER#${str(item.userId)}`, gsi1sk: `${str(item.at)}#${str(item.proposalId)}` });
    case 'CongressVoted':
      if (item.gsi1pk !== undefined) return false;
      return setIfAbsent(item, { gsi1pk: `VOTER#${str(item.userId)}`, gsi1sk: str(item.motionId) });
    case 'User': {
      const userId = str(item.userId);
      const orgIds = [...((item.grantKeys as Set<string> | undefined) ?? [])]
        .filter((k) => k.startsWith('officer@'))
        .map((k) => k.slice(8));
      const present = await batchGetItems(orgIds.map((orgId) => ({ pk: `ORG#${orgId}`, sk: `OFFICER#${userId}` })));
      const index = OrgOfficerEntity().build(EntityRepository);
      const wrote = await Promise.all(
        orgIds
          .filter((_, i) => !present[i])
          .map((orgId) => ifStillNeeded(() => index.put({ orgId, userId }, { condition: { attr: 'userId', exists: false } }))),
      );
      return wrote.some(Boolean);
    }
    case 'CongressProposal': {
      if (item.status !== 'accepted' || !item.replyDeadline || item.replyOverdueNotifiedAt !== undefined) return false;
      const notice = replyOverdueNotice({
        proposalId: str(item.proposalId),
        orgId: str(item.orgId),
        replyDeadline: str(item.replyDeadline),
      });
      const notices = DueNoticeEntity().build(EntityRepository);
      if ((await notices.get(notice, { consistent: true })).Item) return false;
      return ifStillNeeded(() => notices.put(dueNoticeItem(notice), { condition: { attr: 'refId', exists: false } }));
    }
    default:
      return false;
  }
};

const KINDS = [
  'Org',
  'UserMembership',
  'CatalogCounter',
  'Quota',
  'ClaimLock',
  'Place',
  'Publicity',
  'CongressCosign',
  'CongressVoted',
  'User',
  'CongressProposal',
];

/** Scans the table for the kinds of item above and brings each up to date. Returns how many it wrote. */
export const migrateReadModel = async (): Promise<number> => {
  let written = 0;
  await scanKinds(KINDS, async (items) => {
    for (const item of items) if (await migrateItem(item as Item)) written += 1;
  });
  return written;
};
