import type { PlaceKind } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { PlaceEntity } from './entities/place.entity';
import { once } from './once';

const places = once(() => PlaceEntity().build(EntityRepository));

export interface PlaceRecord {
  placeId: string;
  orgId: string;
  kind: PlaceKind;
  name: string;
  address: string;
  lat: number;
  lng: number;
  openingHours: string;
}

export const createPlace = async (p: PlaceRecord & { createdAt: string; createdBy: string }): Promise<PlaceRecord> => {
  await places().put({ ...p, gsi1pk: 'PLACES', gsi1sk: `${p.orgId}#${p.placeId}` }, { condition: { attr: 'placeId', exists: false } });
  const { createdAt: _c, createdBy: _b, ...place } = p;
  return place;
};

export const listPlaces = async (): Promise<PlaceRecord[]> => {
  const { Items = [] } = await places().query({ index: 'gsi1', partition: 'PLACES' }, { maxPages: Number.POSITIVE_INFINITY });
  return Items.map((i) => ({
    placeId: i.placeId,
    orgId: i.orgId,
    kind: i.kind,
    name: i.name,
    address: i.address,
    lat: i.lat,
    lng: i.lng,
    openingHours: i.openingHours,
  }));
};
