import { orgLineageResponse } from '@union/shared';
import { createOrgResponse, jointUnionsResponse, orgChildrenResponse } from '@union/shared/contracts/org-responses.contract';
import type { RouteResponses } from '../route';

export const responses: RouteResponses = {
  'GET /orgs/{orgId}': orgLineageResponse,
  'GET /orgs/{orgId}/children': orgChildrenResponse,
  'GET /joint-unions': jointUnionsResponse,
  'POST /orgs': createOrgResponse,
};
