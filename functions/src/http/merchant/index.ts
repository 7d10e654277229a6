import { createHandler } from '../router';
import { merchantRoutes } from './merchant.routes';

export const routes = merchantRoutes;
export const handler = createHandler(routes);
