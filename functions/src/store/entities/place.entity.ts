import { PLACE_KINDS } from '@union/shared';
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { once } from '../once';
import { UnionTable } from '../table';

/**
 * 阵地 (职工书屋, 爱心妈咪小屋, 户外劳动者驿站, 职工之家). Access patterns:
 * - get a place — pk PLACE#id, sk META
 * - all places, to sort by distance from the member (a city has hundreds, not millions) — gsi1: PLACES / orgId#id
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
        createdAt: string(),
        createdBy: string(),
        gsi1pk: string().optional(),
        gsi1sk: string().optional(),
      }),
      computeKey: ({ placeId }) => ({ pk: `PLACE#${placeId}`, sk: 'META' }),
    }),
);
