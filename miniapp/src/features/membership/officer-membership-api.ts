import type { InviteMode } from '@union/shared';
import type {
  applicationResponse,
  applicationsResponse,
  approveApplicationResponse,
  approveTransferResponse,
  inviteResponse,
  invitesResponse,
  transferResponse,
  transfersResponse,
} from '@union/shared/contracts/membership-responses.contract';
import type { orgChildrenResponse } from '@union/shared/contracts/org-responses.contract';
import type { z } from 'zod/mini';
import { api, withPage } from '../../lib/api';

/**
 * The officer's 入会 calls, apart from the member's: only the officer subpackage loads them. Lists are paged.
 * Response types are inferred from the shared response schemas (type-only: no schema reaches the bundle).
 */
export const officerMembershipApi = {
  invites: (orgId: string, cursor: string | null = null) =>
    api.get<z.infer<typeof invitesResponse>>(withPage(`/orgs/${orgId}/invites`, cursor)),
  createInvite: (orgId: string, body: { mode: InviteMode; maxUses: number; expiresAt: string }) =>
    api.post<z.infer<typeof inviteResponse>>(`/orgs/${orgId}/invites`, body),
  revokeInvite: (inviteId: string) => api.post<z.infer<typeof inviteResponse>>(`/invites/${inviteId}/revoke`),
  queue: (orgId: string, cursor: string | null = null) =>
    api.get<z.infer<typeof applicationsResponse>>(withPage(`/orgs/${orgId}/applications`, cursor)),
  approve: (applicationId: string) => api.post<z.infer<typeof approveApplicationResponse>>(`/applications/${applicationId}/approve`),
  reject: (applicationId: string, reason: string) =>
    api.post<z.infer<typeof applicationResponse>>(`/applications/${applicationId}/reject`, { reason }),
  transfers: (orgId: string, cursor: string | null = null) =>
    api.get<z.infer<typeof transfersResponse>>(withPage(`/orgs/${orgId}/transfers`, cursor)),
  children: (orgId: string, cursor: string | null = null) =>
    api.get<z.infer<typeof orgChildrenResponse>>(withPage(`/orgs/${orgId}/children`, cursor)),
  approveTransfer: (transferId: string) => api.post<z.infer<typeof approveTransferResponse>>(`/transfers/${transferId}/approve`),
  rejectTransfer: (transferId: string, reason: string) =>
    api.post<z.infer<typeof transferResponse>>(`/transfers/${transferId}/reject`, { reason }),
};
