import { createHandler } from '../router';
import { dashboardRoutes } from './dashboard.routes';

/** The officer's desk (issue 13): 待办 counts (waiting.routes.ts) and the 数据看板 (dashboard.routes.ts). */
export const routes = [...dashboardRoutes];
export const handler = createHandler(routes);
