import { createHandler } from '../router';
import { motionRoutes } from './motions.routes';
import { proposalRoutes } from './proposals.routes';
import { sessionRoutes } from './sessions.routes';

export const routes = [...sessionRoutes, ...proposalRoutes, ...motionRoutes];
export const handler = createHandler(routes);
