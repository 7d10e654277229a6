import { POSTER_MEDIA_TYPES } from '@union/shared/contracts/membership-responses.contract';
import type { RouteResponses } from '../route';

export const responses: RouteResponses = {
  'GET /invites/{inviteId}/poster': { mediaTypes: POSTER_MEDIA_TYPES },
};
