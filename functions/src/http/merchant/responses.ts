import {
  merchantResponse,
  merchantsResponse,
  merchantVerifyResponse,
  myMerchantResponse,
  myUsesResponse,
  recordUseResponse,
  staffResponse,
  usesResponse,
} from '@union/shared/contracts/merchant-responses.contract';
import type { RouteResponses } from '../route';

export const responses: RouteResponses = {
  'POST /orgs/{orgId}/merchants': merchantResponse,
  'GET /orgs/{orgId}/merchants': merchantsResponse,
  'POST /merchants/{merchantId}/staff': staffResponse,
  'GET /merchants/{merchantId}/uses': usesResponse,
  'GET /me/merchant': myMerchantResponse,
  'POST /merchants/{merchantId}/verify': merchantVerifyResponse,
  'POST /merchants/{merchantId}/uses': recordUseResponse,
  'GET /me/merchant-uses': myUsesResponse,
};
