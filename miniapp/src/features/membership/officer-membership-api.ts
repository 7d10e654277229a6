import type { ApplicationView, InviteMode, InviteView, TransferView } from '@union/shared';
import { api } from '../../lib/api';

/** The officer's 入会 calls, apart from the member's: only the officer subpackage loads them. */
export const officerMembershipApi = {
  invites: (orgId: string) => api.get<{ invites: InviteView[] }>(`/orgs/${orgId}/invites`),
  createInvite: (orgId: string, body: { mode: InviteMode; maxUses: number; expiresAt: string }) =>
    api.post<{ invite: InviteView }>(`/orgs/${orgId}/invites`, body),
  revokeInvite: (inviteId: string) => api.post<{ invite: InviteView }>(`/invites/${inviteId}/revoke`),
  queue: (orgId: string) => api.get<{ applications: ApplicationView[] }>(`/orgs/${orgId}/applications`),
  approve: (applicationId: string) => api.post<{ application: ApplicationView }>(`/applications/${applicationId}/approve`),
  reject: (applicationId: string, reason: string) =>
    api.post<{ application: ApplicationView }>(`/applications/${applicationId}/reject`, { reason }),
  transfers: (orgId: string) => api.get<{ transfers: TransferView[] }>(`/orgs/${orgId}/transfers`),
  approveTransfer: (transferId: string) => api.post<{ transfer: TransferView }>(`/transfers/${transferId}/approve`),
  rejectTransfer: (transferId: string, reason: string) =>
    api.post<{ transfer: TransferView }>(`/transfers/${transferId}/reject`, { reason }),
};
