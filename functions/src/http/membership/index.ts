import { createHandler } from '../router';
import { inboxRoutes } from './inbox.routes';
import { applicationRoutes, inviteRoutes, membershipRoutes, personalDataRoutes } from './membership.routes';

export const routes = [...inviteRoutes, ...applicationRoutes, ...membershipRoutes, ...personalDataRoutes, ...inboxRoutes];
export const handler = createHandler(routes);
