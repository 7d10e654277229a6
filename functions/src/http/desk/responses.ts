import { dashboardSchema } from '@union/shared/contracts/desk.contract';
import type { RouteResponses } from '../route';

export const responses: RouteResponses = {
  'GET /orgs/{orgId}/desk/dashboard': dashboardSchema,
  'GET /orgs/{orgId}/desk/dashboard/csv': { mediaTypes: ['text/csv'] },
};
