import { catalogDraftResponse } from '@union/shared/contracts/catalog-responses.contract';
import type { RouteResponses } from '../route';

export const responses: RouteResponses = {
  'POST /orgs/{orgId}/catalog-drafts': catalogDraftResponse,
};
