import { createHandler } from '../router';
import { callRoutes } from './calls.routes';
import { voteRoutes } from './votes.routes';

export const routes = [...callRoutes, ...voteRoutes];
export const handler = createHandler(routes);
