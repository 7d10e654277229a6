import { createHandler } from '../router';
import { applicationRoutes, inviteRoutes, membershipRoutes } from './membership.routes';

export const routes = [...inviteRoutes, ...applicationRoutes, ...membershipRoutes];
export const handler = createHandler(routes);
