import { DomainError, JOINT_QUERY_MAX, JOINT_QUERY_MIN, jointQueryKey, jointSearchKeys, matchesJointQuery, type Org } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { OrgSearchKeyEntity } from './entities/org.entity';
import { once } from './once';
import { limitOf, nextCursorOf, type Page, type PageRequest, startKeyOf } from './page';
import type { LabeledTx } from './transactions';

/**
 * 联合工会 search (shared/src/domain/org/joint-search.ts): the search keys written with a joint
 * union, and a page of the joint unions a text finds, from the one partition of a bigram of it.
 */

const searchKeys = once(() => OrgSearchKeyEntity().build(EntityRepository));

const partitionOf = (key: string) => `JOINTSEARCH#${key}`;

/** The search keys of a joint union, as items of the transaction that creates it. */
export const jointSearchKeyTxs = (org: Org): LabeledTx[] =>
  jointSearchKeys(org.name, org.area).map((key) => ({
    label: `searchKey:${key}`,
    tx: OrgSearchKeyEntity()
      .build(PutTransaction)
      .item({
        orgId: org.orgId,
        key,
        name: org.name,
        parentId: org.parentId ?? '',
        ancestors: org.ancestors,
        ...(org.area ? { area: org.area } : {}),
        gsi1pk: partitionOf(key),
        gsi1sk: `${org.name}#${org.orgId}`,
      }),
  }));

/** Reads of one partition per request at most (a page may come back short, with a cursor). */
const MAX_FILTERED_READS = 10;

/**
 * A page of the joint unions whose area begins with `q` or whose name contains it, by name. Reads
 * only the partition of `q`'s first uncommon bigram, with a Limit of what the page still lacks, so
 * the cursor (where the last read stopped) never skips a match.
 */
export const searchJointUnionsPage = async (q: string, req: PageRequest): Promise<Page<Org>> => {
  const text = q.replace(/\s+/g, '');
  if (Array.from(text).length < JOINT_QUERY_MIN || Array.from(text).length > JOINT_QUERY_MAX) {
    throw new DomainError('VALIDATION_FAILED', `请输入 ${JOINT_QUERY_MIN}–${JOINT_QUERY_MAX} 个字的区域或名称`, { field: 'q' });
  }
  const key = jointQueryKey(text);
  if (!key) throw new DomainError('JOINT_QUERY_TOO_COMMON', '请输入区域或名称中更具体的字词，如“临江”“快递”', { field: 'q' });
  const partition = partitionOf(key);
  const limit = limitOf(req);
  const items: Org[] = [];
  let startKey: Record<string, unknown> | undefined = startKeyOf(req.cursor, 'gsi1', partition);
  for (let read = 0; read < MAX_FILTERED_READS; read += 1) {
    const { Items = [], LastEvaluatedKey } = await searchKeys().query(
      { index: 'gsi1', partition },
      { limit: limit - items.length, exclusiveStartKey: startKey },
    );
    for (const i of Items) {
      const org: Org = {
        orgId: i.orgId,
        name: i.name,
        kind: 'joint',
        parentId: i.parentId || null,
        ancestors: i.ancestors,
        area: i.area ?? null,
      };
      if (matchesJointQuery(org, text)) items.push(org);
    }
    startKey = LastEvaluatedKey;
    if (!startKey || items.length >= limit) break;
  }
  return { items, nextCursor: nextCursorOf(startKey) };
};
