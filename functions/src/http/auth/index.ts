import { createHandler } from '../router';
import { authRoutes } from './auth.routes';

export const routes = authRoutes;
export const handler = createHandler(routes);
