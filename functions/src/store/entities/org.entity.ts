import { ORG_KINDS } from '@union/shared';
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { string } from 'dynamodb-toolbox/schema/string';
import { UnionTable } from '../table';

/**
 * 组织. Access patterns:
 * - get an org with its ancestors (stored on it: one read gives the lineage) — pk ORG#id, sk META
 * - list children of an org — gsi1: ORGCHILD#parentId / name
 * - find 联合工会 by area — gsi2: ORGAREA#area / orgId
 */
export const OrgEntity = new Entity({
  name: 'Org',
  table: UnionTable,
  schema: item({
    orgId: string().key(),
    name: string(),
    kind: string().enum(...ORG_KINDS),
    parentId: string().optional(),
    ancestors: list(string()),
    area: string().optional(),
    gsi1pk: string().optional(),
    gsi1sk: string().optional(),
    gsi2pk: string().optional(),
    gsi2sk: string().optional(),
  }),
  computeKey: ({ orgId }) => ({ pk: `ORG#${orgId}`, sk: 'META' }),
});
