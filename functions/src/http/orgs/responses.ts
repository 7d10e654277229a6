import { orgLineageResponse } from '@union/shared';
import { deskWaitingSchema } from '@union/shared/contracts/desk.contract';
import { createOrgResponse, jointUnionsResponse, orgChildrenResponse } from '@union/shared/contracts/org-responses.contract';
import type { RouteResponses } from '../route';

export const responses: RouteResponses = {
  'GET /orgs/{orgId}': orgLineageResponse,
  'GET /orgs/{orgId}/children': orgChildrenResponse,
  'GET /joint-unions': jointUnionsResponse,
  'POST /orgs': createOrgResponse,
  'GET /orgs/{orgId}/desk/waiting': deskWaitingSchema,
};
