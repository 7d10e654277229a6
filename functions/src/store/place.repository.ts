import { DomainError, type Org, type PlaceKind } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { PlaceEntity } from './entities/place.entity';
import { isConditionFailure } from './errors';
import { once } from './once';
import { ALL_PAGES, limitOf, nextCursorOf, type Page, type PageRequest, startKeyOf } from './page';

const places = once(() => PlaceEntity().build(EntityRepository));

export type PlaceStatus = 'open' | 'closed';

export interface PlaceRecord {
  placeId: string;
  orgId: string;
  kind: PlaceKind;
  name: string;
  address: string;
  lat: number;
  lng: number;
  openingHours: string;
  status: PlaceStatus;
}

/** What an officer enters and edits. */
export type PlaceFields = Pick<PlaceRecord, 'kind' | 'name' | 'address' | 'lat' | 'lng' | 'openingHours'>;

type PlaceItem = NonNullable<Awaited<ReturnType<ReturnType<typeof places>['get']>>['Item']>;

const toPlace = (i: PlaceItem): PlaceRecord => ({
  placeId: i.placeId,
  orgId: i.orgId,
  kind: i.kind,
  name: i.name,
  address: i.address,
  lat: i.lat,
  lng: i.lng,
  openingHours: i.openingHours,
  status: i.status ?? 'open',
});

const orgPartition = (orgId: string) => `PLACEORG#${orgId}`;
const areaPartition = (area: string) => `PLACEAREA#${area}`;

/** The index keys of a place: its org's list, and its area's when the org has one. */
export const placeKeys = (p: { placeId: string; orgId: string; area?: string | null | undefined }) => ({
  gsi1pk: orgPartition(p.orgId),
  gsi1sk: p.placeId,
  ...(p.area ? { gsi2pk: areaPartition(p.area), gsi2sk: p.placeId } : {}),
});

/** Records a place run by `org` (its area goes with it). */
export const createPlace = async (
  p: PlaceFields & { placeId: string; org: Pick<Org, 'orgId' | 'area'>; createdAt: string; createdBy: string },
): Promise<PlaceRecord> => {
  const { org, createdAt, createdBy, ...fields } = p;
  const place: PlaceRecord = { ...fields, orgId: org.orgId, status: 'open' };
  await places().put(
    {
      ...place,
      createdAt,
      createdBy,
      ...(org.area ? { area: org.area } : {}),
      ...placeKeys({ placeId: p.placeId, orgId: org.orgId, area: org.area }),
    },
    { condition: { attr: 'placeId', exists: false } },
  );
  return place;
};

export const getPlace = async (placeId: string): Promise<PlaceRecord | null> => {
  const { Item } = await places().get({ placeId });
  return Item ? toPlace(Item) : null;
};

const placeNotFound = () => new DomainError('PLACE_NOT_FOUND', '阵地不存在', { field: 'placeId' });
const placeClosed = () => new DomainError('PLACE_CLOSED', '该阵地已关闭，不能再修改', { field: 'placeId' });

/**
 * Replaces an open place's fields, on condition that it is still run by `orgId` (the org the
 * officer's power was checked over) and still open.
 */
export const updatePlace = async (placeId: string, orgId: string, fields: PlaceFields, by: string, at: string): Promise<PlaceRecord> => {
  try {
    const { Attributes } = await places().update(
      { placeId, ...fields, updatedAt: at, updatedBy: by },
      {
        condition: {
          and: [
            { attr: 'orgId', eq: orgId },
            {
              or: [
                { attr: 'status', exists: false },
                { attr: 'status', eq: 'open' },
              ],
            },
          ],
        },
        returnValues: 'ALL_NEW',
      },
    );
    return toPlace(Attributes as PlaceItem);
  } catch (e) {
    if (isConditionFailure(e)) throw (await getPlace(placeId)) ? placeClosed() : placeNotFound();
    throw e;
  }
};

/** Closes a place: members no longer see it; its officers still do. Closing a closed place changes nothing. */
export const closePlace = async (placeId: string, orgId: string, by: string, at: string): Promise<PlaceRecord> => {
  try {
    const { Attributes } = await places().update(
      { placeId, status: 'closed', updatedAt: at, updatedBy: by },
      { condition: { attr: 'orgId', eq: orgId }, returnValues: 'ALL_NEW' },
    );
    return toPlace(Attributes as PlaceItem);
  } catch (e) {
    if (isConditionFailure(e)) throw placeNotFound();
    throw e;
  }
};

/** A page of the places an org runs, open and closed (the officer's list). */
export const pageOrgPlaces = async (orgId: string, req: PageRequest): Promise<Page<PlaceRecord>> => {
  const partition = orgPartition(orgId);
  const { Items = [], LastEvaluatedKey } = await places().query(
    { index: 'gsi1', partition },
    { limit: limitOf(req), exclusiveStartKey: startKeyOf(req.cursor, 'gsi1', partition) },
  );
  return { items: Items.map(toPlace), nextCursor: nextCursorOf(LastEvaluatedKey) };
};

/**
 * The open places a member of `lineage`'s last org sees: those every org of the lineage runs, and
 * those of the member's org's area. One round trip (the partitions' queries go out together; each
 * read to its end).
 */
export const listMemberPlaces = async (lineage: readonly Org[]): Promise<PlaceRecord[]> => {
  const area = lineage.at(-1)?.area ?? null;
  const reads = [
    ...lineage.map((o) => places().query({ index: 'gsi1', partition: orgPartition(o.orgId) }, ALL_PAGES)),
    ...(area ? [places().query({ index: 'gsi2', partition: areaPartition(area) }, ALL_PAGES)] : []),
  ];
  const seen = new Map<string, PlaceRecord>();
  for (const { Items = [] } of await Promise.all(reads)) {
    for (const i of Items) if (!seen.has(i.placeId)) seen.set(i.placeId, toPlace(i));
  }
  return [...seen.values()].filter((p) => p.status === 'open');
};
