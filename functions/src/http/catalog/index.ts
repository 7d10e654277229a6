import { createHandler } from '../router';
import { catalogRoutes } from './catalog.routes';

export const routes = catalogRoutes;
export const handler = createHandler(routes);
