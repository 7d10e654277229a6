import { createHandler } from '../router';
import { orgRoutes } from './orgs.routes';

export const routes = orgRoutes;
export const handler = createHandler(routes);
