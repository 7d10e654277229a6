import { createHandler } from '../router';
import { cardRoutes } from './card.routes';
import { claimRoutes, delegationRoutes } from './claims.routes';
import { placeRoutes } from './places.routes';
import { publicityRoutes } from './publicity.routes';

export const routes = [...cardRoutes, ...claimRoutes, ...delegationRoutes, ...publicityRoutes, ...placeRoutes];
export const handler = createHandler(routes);
