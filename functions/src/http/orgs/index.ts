import { createHandler } from '../router';
import { deskRoutes } from './desk.routes';
import { orgRoutes } from './orgs.routes';

export const routes = [...orgRoutes, ...deskRoutes];
export const handler = createHandler(routes);
