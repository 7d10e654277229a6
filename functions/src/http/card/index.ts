import { createHandler } from '../router';
import { cardRoutes } from './card.routes';
import { claimRoutes } from './claims.routes';
import { placeRoutes } from './places.routes';

export const routes = [...cardRoutes, ...claimRoutes, ...placeRoutes];
export const handler = createHandler(routes);
