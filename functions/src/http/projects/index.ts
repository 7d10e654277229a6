import { createHandler } from '../router';
import { callRoutes } from './calls.routes';
import { progressRoutes } from './progress.routes';
import { ratingRoutes } from './ratings.routes';
import { toCongressRoutes } from './to-congress.routes';
import { voteRoutes } from './votes.routes';

export const routes = [...callRoutes, ...voteRoutes, ...toCongressRoutes, ...progressRoutes, ...ratingRoutes];
export const handler = createHandler(routes);
