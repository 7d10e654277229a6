import type {
  ClaimView,
  CreatePlaceRequest,
  claimDelegationsResponse,
  MemberFactsRow,
  memberFactsResponse,
  myClaimsResponse,
  officerClaimsResponse,
  VerifyResponse,
} from '@union/shared';
import type {
  BenefitsResponse,
  claimDelegationResponse,
  claimDelegationRevokedResponse,
  claimResponse,
  MemberBenefit,
  MemberFactsOfResponse,
  MemberPublicityView,
  memberPublicityResponse,
  officerClaimResponse,
  orgPlacesResponse,
  PlacesResponse,
  PublicityView,
  placeResponse,
  publicityResponse,
} from '@union/shared/contracts/card-responses.contract';
import type { z } from 'zod/mini';
import { ApiError, api, withPage } from '../../lib/api';

// Response types are inferred from the shared response schemas (type-only: no schema reaches the bundle).
export type { BenefitsResponse, MemberBenefit };

/** A member with the officer-set facts, the 入会 declarations, and the version an edit sends back. */
export type OfficerFactsRow = MemberFactsRow;

/** A published 公示; shown to the org's members only within its 公示期 (China dates, both included). */
export type Publicity = PublicityView;
/** A 公示 in the member's list, with the name of the union that published it. */
export type MemberPublicity = MemberPublicityView;

export const cardApi = {
  // GET /me/card: lib/card-fetch.ts (the app shell may send it before the card page loads).
  verify: (token: string) => api.post<VerifyResponse>('/verify', { token }),
  benefits: () => api.get<BenefitsResponse>('/me/benefits'),
  claim: (benefitId: string, facts: Record<string, number | boolean | string>) =>
    api.post<z.infer<typeof claimResponse>>('/me/claims', { benefitId, facts }),
  myClaims: (cursor: string | null = null) => api.get<z.infer<typeof myClaimsResponse>>(withPage('/me/claims', cursor)),
  /** The 公示 on show that the member's own unions published, ending soonest first. */
  publicity: (cursor: string | null = null, limit?: number) =>
    api.get<z.infer<typeof memberPublicityResponse>>(withPage('/me/publicity', cursor, limit)),
  places: (at: { lat: number; lng: number } | null) => api.get<PlacesResponse>(at ? `/places?lat=${at.lat}&lng=${at.lng}` : '/places'),
  // officer
  orgClaims: (orgId: string, status: ClaimView['status'], cursor: string | null = null) =>
    api.get<z.infer<typeof officerClaimsResponse>>(withPage(`/orgs/${orgId}/claims?status=${status}`, cursor)),
  approve: (claimId: string) => api.post<z.infer<typeof officerClaimResponse>>(`/claims/${claimId}/approve`),
  reject: (claimId: string, reason: string) => api.post<z.infer<typeof officerClaimResponse>>(`/claims/${claimId}/reject`, { reason }),
  publishPublicity: (orgId: string, benefitId: string) =>
    api.post<z.infer<typeof publicityResponse>>(`/orgs/${orgId}/benefits/${encodeURIComponent(benefitId)}/publicity`),
  memberFacts: (orgId: string, cursor: string | null = null) =>
    api.get<z.infer<typeof memberFactsResponse>>(withPage(`/orgs/${orgId}/member-facts`, cursor)),
  memberFactsOf: (orgId: string, userId: string) => api.get<MemberFactsOfResponse>(`/orgs/${orgId}/members/${userId}/facts`),
  /** Officer-set facts to change and/or `confirmDeclared: true` (the member's 入会 declarations). */
  setFacts: (orgId: string, userId: string, change: Partial<OfficerFactsRow['facts']> & { confirmDeclared?: true }, version: number) =>
    api.put<MemberFactsOfResponse>(`/orgs/${orgId}/members/${userId}/facts`, { ...change, version }),
  delegations: (orgId: string, cursor: string | null = null) =>
    api.get<z.infer<typeof claimDelegationsResponse>>(withPage(`/orgs/${orgId}/claim-delegations`, cursor)),
  delegate: (orgId: string, delegateOrgId: string) =>
    api.put<z.infer<typeof claimDelegationResponse>>(`/orgs/${orgId}/claim-delegations/${delegateOrgId}`),
  revokeDelegation: (orgId: string, delegateOrgId: string) =>
    api.delete<z.infer<typeof claimDelegationRevokedResponse>>(`/orgs/${orgId}/claim-delegations/${delegateOrgId}`),
  addPlace: (orgId: string, place: CreatePlaceRequest) => api.post<z.infer<typeof placeResponse>>(`/orgs/${orgId}/places`, place),
  orgPlaces: (orgId: string, cursor: string | null = null) =>
    api.get<z.infer<typeof orgPlacesResponse>>(withPage(`/orgs/${orgId}/places`, cursor)),
  editPlace: (placeId: string, place: CreatePlaceRequest) => api.put<z.infer<typeof placeResponse>>(`/places/${placeId}`, place),
  closePlace: (placeId: string) => api.post<z.infer<typeof placeResponse>>(`/places/${placeId}/close`),
};

const MESSAGES: Record<string, string> = {
  MEMBERSHIP_NOT_FOUND: '您还不是在会会员，请先扫码入会',
  FORBIDDEN_ROLE: '您没有权限进行此操作',
  FORBIDDEN_ORG: '您只能管理本组织及下级组织',
  QUOTA_EXHAUSTED: '该项福利名额已满',
  CLAIM_DUPLICATE: '本期已申领过该项福利，不能重复申领',
  CLAIM_SELF_FORBIDDEN: '不能审核本人的申领，请由其他工会干部审核',
  CURSOR_INVALID: '列表已变化，请刷新后重新加载',
  FACTS_STALE: '该会员的认定信息刚被其他干部修改，已刷新为最新情况，请核对后重新设置',
};

/** Words for a failed request; the server's message already names the field. */
export const cardErrorText = (e: unknown): string => {
  if (e instanceof ApiError)
    return e.code === 'VALIDATION_FAILED' || e.code === 'NOT_ELIGIBLE' ? e.message : (MESSAGES[e.code] ?? e.message);
  return e instanceof Error ? e.message : '操作失败，请重试';
};

export const isOffline = (e: unknown): boolean => e instanceof ApiError && e.code === 'NETWORK';

/** "2025-03-07 14:05" in local time. */
export const formatDateTime = (iso: string): string => {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};
