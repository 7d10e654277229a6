import {
  cardResponse,
  claimDelegationsResponse,
  memberFactsResponse,
  myClaimsResponse,
  officerClaimsResponse,
  verifyResponse,
} from '@union/shared';
import {
  benefitsResponse,
  claimDelegationResponse,
  claimDelegationRevokedResponse,
  claimResponse,
  memberFactsOfResponse,
  officerClaimResponse,
  placeResponse,
  placesResponse,
  publicityResponse,
} from '@union/shared/contracts/card-responses.contract';
import type { RouteResponses } from '../route';

export const responses: RouteResponses = {
  'GET /me/card': cardResponse,
  'POST /verify': verifyResponse,
  'GET /me/benefits': benefitsResponse,
  'GET /orgs/{orgId}/members/{userId}/facts': memberFactsOfResponse,
  'PUT /orgs/{orgId}/members/{userId}/facts': memberFactsOfResponse,
  'GET /orgs/{orgId}/member-facts': memberFactsResponse,
  'POST /me/claims': claimResponse,
  'GET /me/claims': myClaimsResponse,
  'GET /orgs/{orgId}/claims': officerClaimsResponse,
  'POST /claims/{claimId}/approve': officerClaimResponse,
  'POST /claims/{claimId}/reject': officerClaimResponse,
  'POST /orgs/{orgId}/benefits/{benefitId}/publicity': publicityResponse,
  'GET /orgs/{orgId}/benefits/{benefitId}/publicity': publicityResponse,
  'GET /orgs/{orgId}/claim-delegations': claimDelegationsResponse,
  'PUT /orgs/{orgId}/claim-delegations/{delegateOrgId}': claimDelegationResponse,
  'DELETE /orgs/{orgId}/claim-delegations/{delegateOrgId}': claimDelegationRevokedResponse,
  'POST /orgs/{orgId}/places': placeResponse,
  'GET /places': placesResponse,
};
