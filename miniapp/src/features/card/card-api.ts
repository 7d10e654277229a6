import type {
  BenefitView,
  CardResponse,
  ClaimDelegationView,
  ClaimView,
  MemberFactsDetail,
  MemberFactsRow,
  OfficerClaimView,
  PlaceView,
  VerifyResponse,
} from '@union/shared';
import { ApiError, api, withPage } from '../../lib/api';

export interface MemberBenefit extends BenefitView {
  orgName: string;
  myClaim: { claimId: string; status: ClaimView['status']; statusText: string } | null;
}

export interface BenefitsResponse {
  period: string;
  catalogs: Array<{ orgId: string; orgName: string; version: number }>;
  tiers: Array<{ tier: '普惠' | '特惠' | '商惠'; benefits: MemberBenefit[] }>;
}

/** A member with the officer-set facts, the 入会 declarations, and the version an edit sends back. */
export type OfficerFactsRow = MemberFactsRow;

export interface Publicity {
  benefitId: string;
  orgId: string;
  benefitName: string;
  period: string;
  entries: Array<{ maskedName: string; orgName: string; decidedAt: string }>;
  publishedAt: string;
  /** 公示期 (China dates, both included): shown to the org's members only then. */
  startsOn: string;
  endsOn: string;
}

export const cardApi = {
  card: () => api.get<CardResponse>('/me/card'),
  verify: (token: string) => api.post<VerifyResponse>('/verify', { token }),
  benefits: () => api.get<BenefitsResponse>('/me/benefits'),
  claim: (benefitId: string, facts: Record<string, number | boolean | string>) =>
    api.post<{ claim: ClaimView }>('/me/claims', { benefitId, facts }),
  myClaims: (cursor: string | null = null) => api.get<{ claims: ClaimView[]; nextCursor: string | null }>(withPage('/me/claims', cursor)),
  places: (at: { lat: number; lng: number } | null) =>
    api.get<{ places: PlaceView[] }>(at ? `/places?lat=${at.lat}&lng=${at.lng}` : '/places'),
  // officer
  orgClaims: (orgId: string, status: ClaimView['status'], cursor: string | null = null) =>
    api.get<{ claims: OfficerClaimView[]; nextCursor: string | null }>(withPage(`/orgs/${orgId}/claims?status=${status}`, cursor)),
  approve: (claimId: string) => api.post<{ claim: OfficerClaimView }>(`/claims/${claimId}/approve`),
  reject: (claimId: string, reason: string) => api.post<{ claim: OfficerClaimView }>(`/claims/${claimId}/reject`, { reason }),
  publishPublicity: (orgId: string, benefitId: string) =>
    api.post<{ publicity: Publicity }>(`/orgs/${orgId}/benefits/${encodeURIComponent(benefitId)}/publicity`),
  memberFacts: (orgId: string, cursor: string | null = null) =>
    api.get<{ members: OfficerFactsRow[]; nextCursor: string | null }>(withPage(`/orgs/${orgId}/member-facts`, cursor)),
  memberFactsOf: (orgId: string, userId: string) => api.get<MemberFactsDetail>(`/orgs/${orgId}/members/${userId}/facts`),
  /** Officer-set facts to change and/or `confirmDeclared: true` (the member's 入会 declarations). */
  setFacts: (orgId: string, userId: string, change: Partial<OfficerFactsRow['facts']> & { confirmDeclared?: true }, version: number) =>
    api.put<MemberFactsDetail>(`/orgs/${orgId}/members/${userId}/facts`, { ...change, version }),
  delegations: (orgId: string, cursor: string | null = null) =>
    api.get<{ delegations: ClaimDelegationView[]; nextCursor: string | null }>(withPage(`/orgs/${orgId}/claim-delegations`, cursor)),
  delegate: (orgId: string, delegateOrgId: string) =>
    api.put<{ delegation: ClaimDelegationView }>(`/orgs/${orgId}/claim-delegations/${delegateOrgId}`),
  revokeDelegation: (orgId: string, delegateOrgId: string) => api.delete<unknown>(`/orgs/${orgId}/claim-delegations/${delegateOrgId}`),
  addPlace: (orgId: string, place: Omit<PlaceView, 'placeId' | 'orgId' | 'distanceMeters'>) =>
    api.post<{ place: PlaceView }>(`/orgs/${orgId}/places`, place),
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
