import type { ApplicationView, InviteMode, InviteView, TransferView } from '@union/shared';
import { api, withPage } from '../../lib/api';

/** The officer's 入会 calls, apart from the member's: only the officer subpackage loads them. Lists are paged. */
export const officerMembershipApi = {
  invites: (orgId: string, cursor: string | null = null) =>
    api.get<{ invites: InviteView[]; nextCursor: string | null }>(withPage(`/orgs/${orgId}/invites`, cursor)),
  createInvite: (orgId: string, body: { mode: InviteMode; maxUses: number; expiresAt: string }) =>
    api.post<{ invite: InviteView }>(`/orgs/${orgId}/invites`, body),
  revokeInvite: (inviteId: string) => api.post<{ invite: InviteView }>(`/invites/${inviteId}/revoke`),
  queue: (orgId: string, cursor: string | null = null) =>
    api.get<{ applications: ApplicationView[]; nextCursor: string | null }>(withPage(`/orgs/${orgId}/applications`, cursor)),
  approve: (applicationId: string) => api.post<{ application: ApplicationView }>(`/applications/${applicationId}/approve`),
  reject: (applicationId: string, reason: string) =>
    api.post<{ application: ApplicationView }>(`/applications/${applicationId}/reject`, { reason }),
  transfers: (orgId: string, cursor: string | null = null) =>
    api.get<{ transfers: TransferView[]; nextCursor: string | null }>(withPage(`/orgs/${orgId}/transfers`, cursor)),
  children: (orgId: string, cursor: string | null = null) =>
    api.get<{ orgs: Array<{ orgId: string; name: string }>; nextCursor: string | null }>(withPage(`/orgs/${orgId}/children`, cursor)),
  approveTransfer: (transferId: string) => api.post<{ transfer: TransferView }>(`/transfers/${transferId}/approve`),
  rejectTransfer: (transferId: string, reason: string) =>
    api.post<{ transfer: TransferView }>(`/transfers/${transferId}/reject`, { reason }),
};
