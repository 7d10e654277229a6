import * as auth from './auth/index';
import * as card from './card/index';
import * as catalog from './catalog/index';
import * as congress from './congress/index';
import * as membership from './membership/index';
import * as orgs from './orgs/index';

/**
 * Every Lambda (one per area) by its serverless.yml function name. Tests walk this to check
 * each route's access rules and that serverless.yml declares exactly these routes.
 */
export const AREAS = { auth, orgs, membership, catalog, congress, card } as const;
