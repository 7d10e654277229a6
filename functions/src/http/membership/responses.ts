import { publicInviteResponse } from '@union/shared';
import {
  applicationResponse,
  applicationsResponse,
  approveApplicationResponse,
  approveTransferResponse,
  inviteResponse,
  invitesResponse,
  leaveResponse,
  myApplicationResponse,
  myDataResponse,
  myMembershipResponse,
  phoneCorrectionResponse,
  submitApplicationResponse,
  transferResponse,
  transfersResponse,
} from '@union/shared/contracts/membership-responses.contract';
import {
  notificationsResponse,
  readAllNotificationsResponse,
  readNotificationResponse,
} from '@union/shared/contracts/notifications-responses.contract';
import type { RouteResponses } from '../route';

export const responses: RouteResponses = {
  'POST /orgs/{orgId}/invites': inviteResponse,
  'GET /orgs/{orgId}/invites': invitesResponse,
  'POST /invites/{inviteId}/revoke': inviteResponse,
  'GET /invites/{inviteId}': publicInviteResponse,
  'POST /invites/{inviteId}/applications': submitApplicationResponse,
  'GET /me/application': myApplicationResponse,
  'POST /applications/{applicationId}/resubmit': applicationResponse,
  'GET /orgs/{orgId}/applications': applicationsResponse,
  'POST /applications/{applicationId}/approve': approveApplicationResponse,
  'POST /applications/{applicationId}/reject': applicationResponse,
  'GET /me/membership': myMembershipResponse,
  'POST /me/transfers': transferResponse,
  'GET /orgs/{orgId}/transfers': transfersResponse,
  'POST /transfers/{transferId}/approve': approveTransferResponse,
  'POST /transfers/{transferId}/reject': transferResponse,
  'GET /me/data': myDataResponse,
  'PUT /me/phone': phoneCorrectionResponse,
  'POST /me/membership/leave': leaveResponse,
  'GET /me/notifications': notificationsResponse,
  'POST /me/notifications/{noteId}/read': readNotificationResponse,
  'POST /me/notifications/read-all': readAllNotificationsResponse,
};
