import * as auth from './auth/index';
import * as card from './card/index';
import * as catalog from './catalog/index';
import * as catalogDrafts from './catalogDrafts/index';
import * as congress from './congress/index';
import * as desk from './desk/index';
import * as membership from './membership/index';
import * as merchant from './merchant/index';
import * as orgs from './orgs/index';
import * as poster from './poster/index';
import * as projects from './projects/index';

/**
 * Every HTTP Lambda by its serverless.yml function name: one per area, and two single routes whose
 * libraries no other route uses: `poster`, the invite poster (its font and encoders stay out of the
 * membership bundle), and `catalogDrafts`, plan text → draft catalog (the plan importer stays out of
 * the catalog bundle). Tests walk this to check
 * each route's access rules and that serverless.yml declares exactly these routes.
 */
export const AREAS = { auth, orgs, membership, poster, catalog, catalogDrafts, congress, card, merchant, projects, desk } as const;
