import {
  catalogCompareResponse,
  catalogSourceResponse,
  catalogVersionListResponse,
  catalogVersionResponse,
  effectiveCatalogsResponse,
} from '@union/shared/contracts/catalog-responses.contract';
import type { RouteResponses } from '../route';

export const responses: RouteResponses = {
  'POST /orgs/{orgId}/catalogs': catalogVersionResponse,
  'GET /orgs/{orgId}/catalogs': catalogVersionListResponse,
  'GET /orgs/{orgId}/catalogs/{version}': catalogVersionResponse,
  'GET /orgs/{orgId}/catalogs/{version}/source': catalogSourceResponse,
  'GET /orgs/{orgId}/effective-catalogs': effectiveCatalogsResponse,
  'GET /me/catalogs': effectiveCatalogsResponse,
  'GET /orgs/{orgId}/catalog-compare': catalogCompareResponse,
};
