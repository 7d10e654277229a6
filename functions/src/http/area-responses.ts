import { responses as auth } from './auth/responses';
import { responses as card } from './card/responses';
import { responses as catalog } from './catalog/responses';
import { responses as catalogDrafts } from './catalogDrafts/responses';
import { responses as congress } from './congress/responses';
import { responses as desk } from './desk/responses';
import { responses as membership } from './membership/responses';
import { responses as merchant } from './merchant/responses';
import { responses as orgs } from './orgs/responses';
import { responses as poster } from './poster/responses';
import { responses as projects } from './projects/responses';
import type { RouteResponse } from './route';

/**
 * What every route answers on success, by area (areas.ts's names). Only tests import this
 * (route-contracts, the route fuzzer, the response-schema walks): the functions never parse their own
 * answers, so their bundles carry none of these schemas and build none at a cold start.
 */
export const AREA_RESPONSES = { auth, orgs, membership, poster, catalog, catalogDrafts, congress, card, merchant, projects, desk } as const;

/** The declared answer of the route with this key ('GET /me/card'), whatever its area. */
export const responseOf = (key: string): RouteResponse | undefined => {
  for (const declared of Object.values(AREA_RESPONSES)) if (Object.hasOwn(declared, key)) return declared[key];
  return undefined;
};
