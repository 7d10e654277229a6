import type { ApplicationView, InviteMode, JoinApplicationRequest, MembershipView, TransferView } from '@union/shared';
import { ApiError, api, withPage } from '../../lib/api';

export interface PublicInvite {
  invite: { inviteId: string; mode: InviteMode; expiresAt: string };
  org: { orgId: string; name: string; kind: string; lineageNames: string[] };
}

export interface MyMembership {
  membership: MembershipView | null;
  memberNumberHistory: Array<{ orgName: string; memberNumber: string; from: string; to: string }>;
  history: MembershipView[];
  transfers: TransferView[];
}

export const membershipApi = {
  invite: (inviteId: string) => api.get<PublicInvite>(`/invites/${encodeURIComponent(inviteId)}`),
  apply: (inviteId: string, form: JoinApplicationRequest) =>
    api.post<{ application: ApplicationView; membership: MembershipView | null; refreshSession: boolean }>(
      `/invites/${encodeURIComponent(inviteId)}/applications`,
      form,
    ),
  myApplication: () => api.get<{ application: ApplicationView | null }>('/me/application'),
  resubmit: (applicationId: string, form: JoinApplicationRequest) =>
    api.post<{ application: ApplicationView }>(`/applications/${applicationId}/resubmit`, form),
  myMembership: () => api.get<MyMembership>('/me/membership'),
  requestTransfer: (toOrgId: string, note?: string) =>
    api.post<{ transfer: TransferView }>('/me/transfers', { toOrgId, ...(note ? { note } : {}) }),
  jointUnions: (area: string, cursor: string | null = null) =>
    api.get<{ orgs: Array<{ orgId: string; name: string; openInviteId: string | null }>; nextCursor: string | null }>(
      withPage(`/joint-unions?area=${encodeURIComponent(area)}`, cursor),
    ),
};

const MESSAGES: Record<string, string> = {
  FORBIDDEN_ORG: '您只能管理本组织及下级组织',
  FORBIDDEN_ROLE: '只有工会干部可以进行此操作',
  CURSOR_INVALID: '列表已变化，请刷新后重新加载',
  NETWORK: '网络连接失败，请检查网络后重试',
};

/** Words for a failed request: the server's message already names the field or the union. */
export const membershipErrorText = (e: unknown): string => {
  if (e instanceof ApiError) return MESSAGES[e.code] ?? e.message;
  return e instanceof Error ? e.message : '操作失败，请重试';
};

export const formatDate = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '');
