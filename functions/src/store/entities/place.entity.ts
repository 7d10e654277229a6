import { PLACE_KINDS } from '@union/shared';
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { once } from '../once';
import { UnionTable } from '../table';

/**
 * 阵地 (职工书屋, 爱心妈咪小屋, 户外劳动者驿站, 职工之家), kept by the org that runs it. Access patterns:
 * - get a place — pk PLACE#id, sk META
 * - the places an org runs (a member's lineage, an officer's list) — gsi1: PLACEORG#orgId / placeId
 * - the places of an area (the member's org's area: a district's other unions' places) — gsi2: PLACEAREA#area / placeId
 * An org runs tens of places, an area hundreds: a member reads every page of the few partitions of
 * their lineage and area and sorts by distance in code. Items written before the per-org keys sit in
 * gsi1 PLACES (scripts/seed/migrate.ts moves them).
 */
export const PlaceEntity = once(
  () =>
    new Entity({
      name: 'Place',
      table: UnionTable,
      schema: item({
        placeId: string().key(),
        orgId: string(),
        kind: string().enum(...PLACE_KINDS),
        name: string(),
        address: string(),
        lat: number(),
        lng: number(),
        openingHours: string(),
        /** The running org's area, when it has one. */
        area: string().optional(),
        /** Absent: open (items from before 闭馆 existed). */
        status: string().enum('open', 'closed').optional(),
        createdAt: string(),
        createdBy: string(),
        updatedAt: string().optional(),
        updatedBy: string().optional(),
        gsi1pk: string().optional(),
        gsi1sk: string().optional(),
        gsi2pk: string().optional(),
        gsi2sk: string().optional(),
      }),
      computeKey: ({ placeId }) => ({ pk: `PLACE#${placeId}`, sk: 'META' }),
    }),
);
