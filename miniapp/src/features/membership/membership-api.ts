import type { JoinApplicationRequest, publicInviteResponse } from '@union/shared';
import type {
  applicationResponse,
  myApplicationResponse,
  myMembershipResponse,
  submitApplicationResponse,
  transferResponse,
} from '@union/shared/contracts/membership-responses.contract';
import type { jointUnionsResponse } from '@union/shared/contracts/org-responses.contract';
import type { z } from 'zod/mini';
import { ApiError, api, withPage } from '../../lib/api';

// Response types are inferred from the shared response schemas (type-only: no schema reaches the bundle).
export type PublicInvite = z.infer<typeof publicInviteResponse>;
export type MyMembership = z.infer<typeof myMembershipResponse>;

export const membershipApi = {
  invite: (inviteId: string) => api.get<PublicInvite>(`/invites/${encodeURIComponent(inviteId)}`),
  apply: (inviteId: string, form: JoinApplicationRequest) =>
    api.post<z.infer<typeof submitApplicationResponse>>(`/invites/${encodeURIComponent(inviteId)}/applications`, form),
  myApplication: () => api.get<z.infer<typeof myApplicationResponse>>('/me/application'),
  resubmit: (applicationId: string, form: JoinApplicationRequest) =>
    api.post<z.infer<typeof applicationResponse>>(`/applications/${applicationId}/resubmit`, form),
  myMembership: () => api.get<MyMembership>('/me/membership'),
  requestTransfer: (toOrgId: string, note?: string) =>
    api.post<z.infer<typeof transferResponse>>('/me/transfers', { toOrgId, ...(note ? { note } : {}) }),
  jointUnions: (area: string, cursor: string | null = null) =>
    api.get<z.infer<typeof jointUnionsResponse>>(withPage(`/joint-unions?q=${encodeURIComponent(area)}`, cursor)),
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
