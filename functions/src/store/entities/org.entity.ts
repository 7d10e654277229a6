import { ORG_KINDS } from '@union/shared';
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { string } from 'dynamodb-toolbox/schema/string';
import { once } from '../once';
import { UnionTable } from '../table';

/** An org as a lineage names it: enough to rebuild the `Org` (its place in the list gives the rest). */
export const orgSummarySchema = () =>
  map({
    orgId: string(),
    name: string(),
    kind: string().enum(...ORG_KINDS),
    area: string().optional(),
  });

/**
 * 组织. Orgs never move and are never renamed (nothing updates this item), so an org carries its
 * ancestors — ids and, in `ancestorOrgs`, names, kinds and areas — written once when it is created.
 * Access patterns:
 * - get an org with its whole lineage (one read) — pk ORG#id, sk META
 * - list children of an org — gsi1: ORGCHILD#parentId / name
 * - find 联合工会 by area — gsi2: ORGAREA#area / orgId
 */
export const OrgEntity = once(
  () =>
    new Entity({
      name: 'Org',
      table: UnionTable,
      schema: item({
        orgId: string().key(),
        name: string(),
        kind: string().enum(...ORG_KINDS),
        parentId: string().optional(),
        ancestors: list(string()),
        /** The ancestors, root first, as `ancestors` lists them (absent on items from before it existed). */
        ancestorOrgs: list(orgSummarySchema()).optional(),
        area: string().optional(),
        gsi1pk: string().optional(),
        gsi1sk: string().optional(),
        gsi2pk: string().optional(),
        gsi2sk: string().optional(),
      }),
      computeKey: ({ orgId }) => ({ pk: `ORG#${orgId}`, sk: 'META' }),
    }),
);

/**
 * 联合工会 search key: one per distinct uncommon bigram of a joint union's name and area
 * (`jointSearchKeys`), written with the org in its transaction and never changed (orgs are never
 * renamed). Each carries the org as the search answers it, so a search reads no org item.
 * Access patterns:
 * - the joint unions whose name or area holds a bigram — gsi1: JOINTSEARCH#bigram / name#orgId
 */
export const OrgSearchKeyEntity = once(
  () =>
    new Entity({
      name: 'OrgSearchKey',
      table: UnionTable,
      schema: item({
        orgId: string().key(),
        key: string().key(),
        name: string(),
        parentId: string(),
        ancestors: list(string()),
        area: string().optional(),
        gsi1pk: string(),
        gsi1sk: string(),
      }),
      computeKey: ({ orgId, key }) => ({ pk: `ORG#${orgId}`, sk: `JOINTSEARCH#${key}` }),
    }),
);
