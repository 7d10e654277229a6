import { createHandler } from '../router';
import { posterRoutes } from './poster.routes';

export const routes = posterRoutes;
export const handler = createHandler(routes);
