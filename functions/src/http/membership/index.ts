import { createHandler } from '../router';
import { applicationRoutes, inviteRoutes, membershipRoutes, personalDataRoutes } from './membership.routes';

export const routes = [...inviteRoutes, ...applicationRoutes, ...membershipRoutes, ...personalDataRoutes];
export const handler = createHandler(routes);
