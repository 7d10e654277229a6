import {
  assertInviteUsable,
  createInviteRequest,
  DomainError,
  idSchema,
  joinApplicationRequest,
  pageQuery,
  rejectRequest,
  transferRequest,
} from '@union/shared';
import { leaveRequest, phoneCorrectionRequest } from '@union/shared/contracts/privacy.contract';
import * as z from 'zod/mini';
import { randomId } from '../../platform/ids';
import { getCurrentApplication, pendingApplicationsQueue, requireApplication } from '../../store/application.repository';
import { createInvite, listInvitesPage, requireInvite, revokeInvite } from '../../store/invite.repository';
import { getActiveMembershipRecord, listMembershipHistory } from '../../store/membership.repository';
import { getLineage, requireOrg } from '../../store/org.repository';
import { collectPersonalData } from '../../store/personal-data.repository';
import { pageSubtreeQueue } from '../../store/subtree-page';
import { listUserTransfers, pendingTransfersQueue, requireTransfer } from '../../store/transfer.repository';
import { registerStatuses } from '../error-map';
import { defineRoute } from '../route';
import { approveApplication, rejectApplication, resubmitApplication, submitApplication } from './join.service';
import { correctPhone, leaveUnion, myDataView } from './personal-data.service';
import { approveTransfer, rejectTransfer, requestTransfer } from './transfer.service';
import { applicationView, inviteView, memberNumberHistoryView, membershipView, transferView } from './views';

registerStatuses({
  ALREADY_MEMBER: 409,
  PHONE_IN_USE: 409,
  APPLICATION_PENDING: 409,
  APPLICATION_STATE_CONFLICT: 409,
  INVITE_EXPIRY_INVALID: 400,
  NOT_A_MEMBER: 409,
  TRANSFER_SAME_ORG: 409,
  TRANSFER_TARGET_INVALID: 400,
  TRANSFER_PENDING: 409,
  TRANSFER_STALE: 409,
  TRANSFER_STATE_CONFLICT: 409,
  CURSOR_INVALID: 400,
  JOIN_REFUSED: 409,
  PHONE_UNAVAILABLE: 409,
  PHONE_MISMATCH: 400,
  PHONE_UNCHANGED: 409,
  MEMBERSHIP_CHANGED: 409,
});

const orgParams = z.object({ orgId: idSchema });
/** Any string up to 64 chars: a malformed code is just another forged one (INVITE_INVALID). */
const inviteParams = z.object({ inviteId: z.string().check(z.maxLength(64, '过长')) });
const applicationParams = z.object({ applicationId: idSchema });
const transferParams = z.object({ transferId: idSchema });
const MAX_INVITE_DAYS = 366;

export const inviteRoutes = [
  defineRoute({
    method: 'POST',
    path: '/orgs/{orgId}/invites',
    access: ['officer'],
    params: orgParams,
    body: createInviteRequest,
    async handle({ params, body, session, runtime, now, requireRoleOver }) {
      await requireRoleOver('officer', params.orgId);
      const org = await requireOrg(params.orgId);
      const expires = Date.parse(body.expiresAt);
      if (expires <= now.getTime() || expires > now.getTime() + MAX_INVITE_DAYS * 86_400_000) {
        throw new DomainError('INVITE_EXPIRY_INVALID', `有效期：应晚于现在，且不超过 ${MAX_INVITE_DAYS} 天`, { field: 'expiresAt' });
      }
      const invite = await createInvite({
        inviteId: randomId(16),
        orgId: org.orgId,
        orgName: org.name,
        mode: body.mode,
        expiresAt: body.expiresAt,
        maxUses: body.maxUses,
        createdBy: session.userId,
        createdAt: now.toISOString(),
      });
      return { status: 201, body: { invite: inviteView(invite, runtime, now) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/invites',
    access: ['officer'],
    params: orgParams,
    query: pageQuery,
    async handle({ params, query, runtime, now, requireRoleOver }) {
      await requireRoleOver('officer', params.orgId);
      const page = await listInvitesPage(params.orgId, query);
      return { body: { invites: page.items.map((i) => inviteView(i, runtime, now)), nextCursor: page.nextCursor } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/invites/{inviteId}/revoke',
    access: ['officer'],
    params: inviteParams,
    async handle({ params, runtime, now, requireRoleOver }) {
      const invite = await requireInvite(params.inviteId);
      await requireRoleOver('officer', invite.orgId);
      return { body: { invite: inviteView(await revokeInvite(invite.inviteId, now), runtime, now) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/invites/{inviteId}',
    access: 'public',
    params: inviteParams,
    async handle({ params, now }) {
      const invite = await requireInvite(params.inviteId);
      assertInviteUsable(invite, now);
      const lineage = await getLineage(invite.orgId);
      const org = lineage.at(-1)!;
      return {
        body: {
          invite: { inviteId: invite.inviteId, mode: invite.mode, expiresAt: invite.expiresAt },
          org: { orgId: org.orgId, name: org.name, kind: org.kind, lineageNames: lineage.map((o) => o.name) },
        },
      };
    },
  }),
];

export const applicationRoutes = [
  defineRoute({
    method: 'POST',
    path: '/invites/{inviteId}/applications',
    access: 'signedIn',
    params: inviteParams,
    body: joinApplicationRequest,
    async handle({ params, body, session, runtime, now }) {
      const result = await submitApplication({ runtime, userId: session.userId, inviteId: params.inviteId, form: body, now });
      return {
        status: 201,
        body: {
          application: applicationView(result.application, runtime, now),
          membership: result.membership ? membershipView(result.membership, runtime) : null,
          // The session must be refreshed (POST /auth/refresh) to carry the new member grant.
          refreshSession: result.membership !== null,
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/application',
    access: 'signedIn',
    async handle({ session, runtime, now }) {
      const a = await getCurrentApplication(session.userId);
      return { body: { application: a ? applicationView(a, runtime, now) : null } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/applications/{applicationId}/resubmit',
    access: 'signedIn',
    params: applicationParams,
    body: joinApplicationRequest,
    async handle({ params, body, session, runtime, now }) {
      const application = await requireApplication(params.applicationId);
      const updated = await resubmitApplication({ runtime, application, userId: session.userId, form: body, now });
      return { body: { application: applicationView(updated, runtime, now) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/applications',
    access: ['officer'],
    params: orgParams,
    query: pageQuery,
    async handle({ params, query, runtime, now, requireRoleOver }) {
      await requireRoleOver('officer', params.orgId);
      const page = await pageSubtreeQueue(await requireOrg(params.orgId), query, pendingApplicationsQueue);
      return { body: { applications: page.items.map((a) => applicationView(a, runtime, now)), nextCursor: page.nextCursor } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/applications/{applicationId}/approve',
    access: ['officer'],
    params: applicationParams,
    async handle({ params, session, runtime, now, requireRoleOver }) {
      const application = await requireApplication(params.applicationId);
      await requireRoleOver('officer', application.orgId);
      const org = await requireOrg(application.orgId);
      const result = await approveApplication({ application, org, by: session.userId, now });
      return {
        body: { application: applicationView(result.application, runtime, now), membership: membershipView(result.membership, runtime) },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/applications/{applicationId}/reject',
    access: ['officer'],
    params: applicationParams,
    body: rejectRequest,
    async handle({ params, body, session, runtime, now, requireRoleOver }) {
      const application = await requireApplication(params.applicationId);
      await requireRoleOver('officer', application.orgId);
      const updated = await rejectApplication({ application, by: session.userId, reason: body.reason, now });
      return { body: { application: applicationView(updated, runtime, now) } };
    },
  }),
];

export const membershipRoutes = [
  defineRoute({
    method: 'GET',
    path: '/me/membership',
    access: 'signedIn',
    async handle({ session, runtime }) {
      const [active, history, transfers] = await Promise.all([
        getActiveMembershipRecord(session.userId),
        listMembershipHistory(session.userId),
        listUserTransfers(session.userId),
      ]);
      return {
        body: {
          membership: active ? membershipView(active, runtime) : null,
          memberNumberHistory: (active?.memberNumberHistory ?? []).map(memberNumberHistoryView),
          history: history.map((m) => membershipView(m, runtime)),
          transfers: transfers.map(transferView),
        },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/me/transfers',
    access: ['member'],
    body: transferRequest,
    async handle({ body, session, now }) {
      const to = await requireOrg(body.toOrgId, 'toOrgId');
      const transfer = await requestTransfer({ userId: session.userId, to, note: body.note ?? null, now });
      return { status: 201, body: { transfer: transferView(transfer) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/transfers',
    access: ['officer'],
    params: orgParams,
    query: pageQuery,
    async handle({ params, query, requireRoleOver }) {
      await requireRoleOver('officer', params.orgId);
      const page = await pageSubtreeQueue(await requireOrg(params.orgId), query, pendingTransfersQueue);
      return { body: { transfers: page.items.map(transferView), nextCursor: page.nextCursor } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/transfers/{transferId}/approve',
    access: ['officer'],
    params: transferParams,
    async handle({ params, session, runtime, now, requireRoleOver }) {
      const transfer = await requireTransfer(params.transferId);
      await requireRoleOver('officer', transfer.toOrgId);
      const to = await requireOrg(transfer.toOrgId);
      const result = await approveTransfer({ transfer, to, by: session.userId, now });
      return { body: { transfer: transferView(result.transfer), membership: membershipView(result.membership, runtime) } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/transfers/{transferId}/reject',
    access: ['officer'],
    params: transferParams,
    body: rejectRequest,
    async handle({ params, body, session, now, requireRoleOver }) {
      const transfer = await requireTransfer(params.transferId);
      await requireRoleOver('officer', transfer.toOrgId);
      const updated = await rejectTransfer({ transfer, by: session.userId, reason: body.reason, now });
      return { body: { transfer: transferView(updated) } };
    },
  }),
];

/** The person's rights under PIPL: see everything stored about them, correct the phone, leave. */
export const personalDataRoutes = [
  defineRoute({
    method: 'GET',
    path: '/me/data',
    access: 'signedIn',
    // No parameters: it is always the caller's own data, decrypted for them alone.
    async handle({ session, runtime, now }) {
      const records = await collectPersonalData(session.userId);
      return { body: myDataView(records, runtime, now, session.userId) };
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/me/phone',
    access: ['member'],
    body: phoneCorrectionRequest,
    async handle({ body, session, runtime, now }) {
      const result = await correctPhone({ runtime, userId: session.userId, body, now });
      return { body: { membership: membershipView(result.membership, runtime), verified: result.verified } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/me/membership/leave',
    access: ['member'],
    body: leaveRequest,
    async handle({ session, runtime, now }) {
      const { membership, purgeAfter } = await leaveUnion({ userId: session.userId, now });
      return {
        body: {
          membership: membershipView(membership, runtime),
          purgeAfter: purgeAfter.toISOString(),
          // The grants are gone: POST /auth/refresh.
          refreshSession: true,
        },
      };
    },
  }),
];
