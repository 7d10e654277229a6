import { createHandler } from '../router';
import { draftRoutes } from './drafts.routes';

export const routes = draftRoutes;
export const handler = createHandler(routes);
