import {
  createPlaceRequest,
  DomainError,
  idSchema,
  PLACE_KINDS,
  pageQuery,
  placesQuery,
  sortByDistance,
  updatePlaceRequest,
} from '@union/shared';
import * as z from 'zod/mini';
import { randomId } from '../../platform/ids';
import { requireOrg } from '../../store/org.repository';
import { closePlace, createPlace, getPlace, listMemberPlaces, pageOrgPlaces, updatePlace } from '../../store/place.repository';
import { registerStatuses } from '../error-map';
import { defineRoute } from '../route';
import { requireActiveMember } from './member-context';

registerStatuses({ PLACE_NOT_FOUND: 404, PLACE_CLOSED: 409 });

const NEAREST_LIMIT = 50;

const placeParams = z.object({ placeId: idSchema });

/** The place, and the officer's power over the org that runs it (else 403): the place's own org decides. */
const requirePlaceOfficer = async (placeId: string, requireRoleOver: (role: 'officer', orgId: string) => Promise<void>) => {
  const place = await getPlace(placeId);
  if (!place) throw new DomainError('PLACE_NOT_FOUND', '阵地不存在', { field: 'placeId' });
  await requireRoleOver('officer', place.orgId);
  return place;
};

export const placeRoutes = [
  defineRoute({
    method: 'POST',
    path: '/orgs/{orgId}/places',
    access: ['officer'],
    params: z.object({ orgId: idSchema }),
    body: createPlaceRequest,
    async handle({ params, body, session, now, requireRoleOver }) {
      const [, org] = await Promise.all([requireRoleOver('officer', params.orgId), requireOrg(params.orgId)]);
      const place = await createPlace({
        placeId: `p${randomId(11)}`,
        org,
        ...body,
        createdAt: now.toISOString(),
        createdBy: session.userId,
      });
      return { status: 201, body: { place } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/places',
    access: ['officer'],
    params: z.object({ orgId: idSchema }),
    query: pageQuery,
    async handle({ params, query, requireRoleOver }) {
      await requireRoleOver('officer', params.orgId);
      const page = await pageOrgPlaces(params.orgId, query);
      return { body: { places: page.items, nextCursor: page.nextCursor } };
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/places/{placeId}',
    access: ['officer'],
    params: placeParams,
    body: updatePlaceRequest,
    async handle({ params, body, session, now, requireRoleOver }) {
      const place = await requirePlaceOfficer(params.placeId, requireRoleOver);
      return { body: { place: await updatePlace(place.placeId, place.orgId, body, session.userId, now.toISOString()) } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/places/{placeId}/close',
    access: ['officer'],
    params: placeParams,
    async handle({ params, session, now, requireRoleOver }) {
      const place = await requirePlaceOfficer(params.placeId, requireRoleOver);
      return { body: { place: await closePlace(place.placeId, place.orgId, session.userId, now.toISOString()) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/places',
    access: 'signedIn',
    query: z.object({ ...z.partial(placesQuery).shape, kind: z.optional(z.enum(PLACE_KINDS)) }),
    async handle({ query, session }) {
      // The places of the member's org lineage and area (the membership copy carries the lineage: one read, then one wave).
      const { lineage } = await requireActiveMember(session.userId);
      const all = (await listMemberPlaces(lineage)).filter((p) => !query.kind || p.kind === query.kind);
      if (query.lat === undefined || query.lng === undefined) {
        return { body: { places: all.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).slice(0, NEAREST_LIMIT), sortedBy: 'name' } };
      }
      return { body: { places: sortByDistance(all, { lat: query.lat, lng: query.lng }).slice(0, NEAREST_LIMIT), sortedBy: 'distance' } };
    },
  }),
];
