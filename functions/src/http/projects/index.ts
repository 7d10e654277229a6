import { createHandler } from '../router';
import { callRoutes } from './calls.routes';
import { toCongressRoutes } from './to-congress.routes';
import { voteRoutes } from './votes.routes';

export const routes = [...callRoutes, ...voteRoutes, ...toCongressRoutes];
export const handler = createHandler(routes);
