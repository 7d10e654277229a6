import {
  type ApplicationView,
  ageInYears,
  type InviteView,
  inviteStatus,
  joinUrl,
  type MembershipView,
  maskIdNumber,
  maskPhone,
  type TransferView,
} from '@union/shared';
import type { ApplicationRecord } from '../../store/application.repository';
import type { InviteRecord } from '../../store/invite.repository';
import { type MemberNumberHistoryEntry, type MembershipRecord, memberPii } from '../../store/membership.repository';
import type { TransferRecord } from '../../store/transfer.repository';
import type { Runtime } from '../runtime';

/** What a response shows for a value the purge after 退会 has deleted. */
const DELETED = '（已删除）';

/** Responses never carry a plain 身份证号 or phone: decrypt only to mask. */
const masked = (runtime: Runtime, r: { userId: string; idEnc: string; phoneEnc: string }) => {
  const { idNumber, phone } = memberPii.open(runtime.pii, r);
  return { idNumberMasked: idNumber ? maskIdNumber(idNumber) : DELETED, phoneMasked: phone ? maskPhone(phone) : DELETED };
};

export const inviteView = (i: InviteRecord, runtime: Runtime, now: Date): InviteView => ({
  inviteId: i.inviteId,
  orgId: i.orgId,
  orgName: i.orgName,
  mode: i.mode,
  expiresAt: i.expiresAt,
  maxUses: i.maxUses,
  uses: i.uses,
  revokedAt: i.revokedAt,
  createdAt: i.createdAt,
  status: inviteStatus(i, now),
  joinUrl: joinUrl(runtime.config.publicAppUrl, i.inviteId),
});

/** No birth date or gender: beside the masked 身份证号 they rebuild it; officers get the age in years. */
export const applicationView = (a: ApplicationRecord, runtime: Runtime, now: Date): ApplicationView => ({
  applicationId: a.applicationId,
  userId: a.userId,
  orgId: a.orgId,
  orgName: a.orgName,
  inviteId: a.inviteId,
  status: a.status,
  name: a.name,
  ...masked(runtime, a),
  age: ageInYears(a.birthDate, now),
  employer: a.employer,
  employmentType: a.employmentType,
  group: a.group,
  isMigrantWorker: a.isMigrantWorker,
  noticeVersion: a.noticeVersion,
  submittedAt: a.submittedAt,
  decidedAt: a.decidedAt,
  rejectReason: a.rejectReason,
  memberNumber: a.memberNumber,
});

export const membershipView = (m: MembershipRecord, runtime: Runtime): MembershipView => ({
  membershipId: m.membershipId,
  orgId: m.orgId,
  orgName: m.orgName,
  memberNumber: m.memberNumber,
  status: m.status,
  joinedAt: m.joinedAt,
  endedAt: m.endedAt,
  name: m.name,
  ...masked(runtime, m),
  group: m.group,
  isMigrantWorker: m.isMigrantWorker,
});

/** A member number held before a transfer (the stored entry also names the org's id: not shown). */
export const memberNumberHistoryView = (h: MemberNumberHistoryEntry) => ({
  orgName: h.orgName,
  memberNumber: h.memberNumber,
  from: h.from,
  to: h.to,
});

export const transferView = (t: TransferRecord): TransferView => ({
  transferId: t.transferId,
  userId: t.userId,
  name: t.name,
  fromOrgId: t.fromOrgId,
  fromOrgName: t.fromOrgName,
  toOrgId: t.toOrgId,
  toOrgName: t.toOrgName,
  fromMemberNumber: t.fromMemberNumber,
  status: t.status,
  note: t.note,
  requestedAt: t.requestedAt,
  decidedAt: t.decidedAt,
  rejectReason: t.rejectReason,
  newMemberNumber: t.newMemberNumber,
});
