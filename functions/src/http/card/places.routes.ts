import { createPlaceRequest, idSchema, PLACE_KINDS, placesQuery, sortByDistance } from '@union/shared';
import * as z from 'zod/mini';
import { randomId } from '../../platform/ids';
import { createPlace, listPlaces } from '../../store/place.repository';
import { defineRoute } from '../route';

const NEAREST_LIMIT = 50;

export const placeRoutes = [
  defineRoute({
    method: 'POST',
    path: '/orgs/{orgId}/places',
    access: ['officer'],
    params: z.object({ orgId: idSchema }),
    body: createPlaceRequest,
    async handle({ params, body, session, now, requireRoleOver }) {
      await requireRoleOver('officer', params.orgId);
      const place = await createPlace({
        placeId: `p${randomId(11)}`,
        orgId: params.orgId,
        ...body,
        createdAt: now.toISOString(),
        createdBy: session.userId,
      });
      return { status: 201, body: { place } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/places',
    access: 'signedIn',
    query: z.object({ ...z.partial(placesQuery).shape, kind: z.optional(z.enum(PLACE_KINDS)) }),
    async handle({ query }) {
      const all = (await listPlaces()).filter((p) => !query.kind || p.kind === query.kind);
      if (query.lat === undefined || query.lng === undefined) {
        return { body: { places: all.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).slice(0, NEAREST_LIMIT), sortedBy: 'name' } };
      }
      return { body: { places: sortByDistance(all, { lat: query.lat, lng: query.lng }).slice(0, NEAREST_LIMIT), sortedBy: 'distance' } };
    },
  }),
];
