import {
  DomainError,
  isMainlandMobile,
  maskOpenId,
  PERSONAL_DATA_RETENTION_DAYS,
  phoneInUseError,
  phoneUnavailableError,
  purgeDueAt,
  RATE_LIMITS,
  type RoleGrant,
} from '@union/shared';
import type { MyData, MyDataProfile } from '@union/shared/contracts/membership-responses.contract';
import type { PhoneCorrectionRequest } from '@union/shared/contracts/privacy.contract';
import { notificationText } from '@union/shared/domain/notifications/events';
import { phoneNumberFromCode } from '../../platform/wechat';
import {
  changeMemberPhone,
  getActiveMembershipRecord,
  leaveMembership,
  type MemberProfile,
  type MembershipRecord,
  memberPii,
  PhoneTaken,
} from '../../store/membership.repository';
import type { PersonalDataRecords } from '../../store/personal-data.repository';
import { consumeAttempts } from '../../store/rate-limit.repository';
import { TransactionRefused } from '../../store/transactions';
import { decideTransferTxs, listUserTransfers, transferDecidedDeltas } from '../../store/transfer.repository';
import { changeGrantsTx, GRANTS_LABEL } from '../../store/user.repository';
import type { Runtime } from '../runtime';
import { memberNumberHistoryView, transferView } from './views';

const notAMember = () => new DomainError('NOT_A_MEMBER', '您还不是会员，请先扫码入会');

/**
 * 退会: the membership ends (status left, with the date) in one transaction that also frees the
 * 身份证号 and phone (the person may join again later), rejects a pending transfer, and schedules
 * the personal data left behind for deletion after PERSONAL_DATA_RETENTION_DAYS, and takes the
 * grants away: member and delegate anywhere (both need a membership), verifier of that org.
 */
export const leaveUnion = async (args: { userId: string; now: Date }): Promise<{ membership: MembershipRecord; purgeAfter: Date }> => {
  const { userId, now } = args;
  const m = await getActiveMembershipRecord(userId);
  if (!m) throw notAMember();
  const purgeAfter = purgeDueAt(now);
  const pending = (await listUserTransfers(userId)).filter((t) => t.status === 'pending');
  const closeTransfers = pending.flatMap((t) =>
    decideTransferTxs(t, { status: 'rejected', reason: '申请人已退会' }, userId, now).map((tx) => ({
      ...tx,
      label: `${tx.label}:${t.transferId}`,
    })),
  );
  // Member and delegate anywhere (both need a membership), verifier of that org.
  const dropsGrant = (g: RoleGrant) => g.role === 'member' || g.role === 'delegate' || (g.role === 'verifier' && g.orgId === m.orgId);
  try {
    await leaveMembership(
      m,
      now,
      purgeAfter,
      async () => {
        const grants = await changeGrantsTx(userId, { remove: dropsGrant });
        return [...closeTransfers, ...(grants ? [grants] : [])];
      },
      [GRANTS_LABEL],
      // Each pending transfer it closes leaves its receiving org's 待办 count.
      (d) => {
        for (const t of pending) transferDecidedDeltas(d, t);
      },
    );
  } catch (e) {
    if (e instanceof TransactionRefused) throw new DomainError('MEMBERSHIP_CHANGED', '会籍状态已发生变化，请刷新后重试');
    throw e;
  }
  return { membership: { ...m, status: 'left', endedAt: now.toISOString() }, purgeAfter };
};

/**
 * 更正手机号 of the active membership. weapp sends a getPhoneNumber code: the number is WeChat's
 * verified one. Otherwise the number is only format-checked. Rate-limited per account (it can probe
 * phones); a number another person holds is confirmed as such only to its proved owner.
 */
export const correctPhone = async (args: {
  runtime: Runtime;
  userId: string;
  body: PhoneCorrectionRequest;
  now: Date;
}): Promise<{ membership: MembershipRecord; verified: boolean }> => {
  const { runtime, userId, body, now } = args;
  await consumeAttempts([[RATE_LIMITS.phonePerAccount, userId]], now);
  const m = await getActiveMembershipRecord(userId);
  if (!m) throw notAMember();
  let phone = body.phone;
  const verified = body.phoneCode !== undefined;
  if (body.phoneCode !== undefined) {
    const fromWechat = await phoneNumberFromCode(runtime.config.wechat, body.phoneCode);
    if (phone !== undefined && phone !== fromWechat) {
      throw new DomainError('PHONE_MISMATCH', '填写的手机号与微信验证的手机号不一致', { field: 'phone' });
    }
    phone = fromWechat;
  }
  if (phone === undefined || !isMainlandMobile(phone)) {
    throw new DomainError('VALIDATION_FAILED', '手机号：应为 11 位大陆手机号码', { field: 'phone' });
  }
  const next = memberPii.sealPhone(runtime.pii, m.userId, phone);
  if (next.phoneHash === m.phoneHash) throw new DomainError('PHONE_UNCHANGED', '新手机号与原手机号相同', { field: 'phone' });
  try {
    await changeMemberPhone(m, next);
  } catch (e) {
    if (e instanceof PhoneTaken) throw verified ? phoneInUseError() : phoneUnavailableError();
    if (e instanceof TransactionRefused) throw new DomainError('MEMBERSHIP_CHANGED', '会籍状态已发生变化，请刷新后重试');
    throw e;
  }
  return { membership: { ...m, ...next }, verified };
};

/** The person's own profile, opened for them alone: 身份证号 and phone in full ('' once purged → null). */
const profileView = (runtime: Runtime, p: MemberProfile & { userId: string }): MyDataProfile => {
  const { idNumber, phone } = memberPii.open(runtime.pii, p);
  return {
    name: p.name,
    idNumber,
    phone,
    birthDate: p.birthDate || null,
    gender: p.gender ?? null,
    employer: p.employer || null,
    employmentType: p.employmentType,
    group: p.group,
    isMigrantWorker: p.isMigrantWorker,
    noticeVersion: p.noticeVersion,
  };
};

/** GET /me/data: only ever built for the signed-in caller from their own records. */
export const myDataView = (d: PersonalDataRecords, runtime: Runtime, now: Date, userId: string): MyData => ({
  generatedAt: now.toISOString(),
  retentionDays: PERSONAL_DATA_RETENTION_DAYS,
  user: {
    userId,
    displayName: d.user?.displayName ?? '',
    roles: d.user?.grants ?? [],
    // Masked even for its owner: the full value is of no use to them, and an export is easily shared.
    wechatOpenId: d.wechatOpenId === null ? null : maskOpenId(d.wechatOpenId),
  },
  memberships: d.memberships.map((m) => ({
    ...profileView(runtime, m),
    membershipId: m.membershipId,
    orgId: m.orgId,
    orgName: m.orgName,
    memberNumber: m.memberNumber,
    status: m.status,
    joinedAt: m.joinedAt,
    endedAt: m.endedAt,
    anonymisedAt: m.anonymisedAt,
    memberNumberHistory: m.memberNumberHistory.map(memberNumberHistoryView),
  })),
  applications: d.applications.map((a) => ({
    ...profileView(runtime, a),
    applicationId: a.applicationId,
    orgName: a.orgName,
    status: a.status,
    submittedAt: a.submittedAt,
    decidedAt: a.decidedAt,
    rejectReason: a.rejectReason,
    memberNumber: a.memberNumber,
  })),
  transfers: d.transfers.map(transferView),
  claims: d.claims.map((c) => ({
    claimId: c.claimId,
    benefitName: c.benefitName,
    orgName: c.orgName,
    period: c.period,
    status: c.status,
    facts: c.facts,
    createdAt: c.createdAt,
    decidedAt: c.decidedAt,
    rejectionReason: c.rejectionReason,
  })),
  merchantUses: d.merchantUses.map((u) => ({
    useId: u.useId,
    merchantName: u.merchantName,
    benefitName: u.benefitName,
    discount: u.discount,
    period: u.period,
    usedAt: u.usedAt,
  })),
  projectSuggestions: d.projectSuggestions.map((sg) => ({
    callId: sg.callId,
    suggestionId: sg.suggestionId,
    title: sg.title,
    content: sg.content,
    targetGroup: sg.targetGroup,
    category: sg.category,
    supportCount: sg.supportCount,
    mergedIntoTitle: sg.mergedIntoTitle,
    createdAt: sg.createdAt,
  })),
  projectVotedIn: d.projectVotedIn,
  projectServices: d.projectServices.map((s) => ({
    year: s.year,
    orgId: s.benefitKey.slice(0, s.benefitKey.indexOf('|')),
    benefitName: s.benefitKey.slice(s.benefitKey.indexOf('|') + 1),
    servedAt: s.servedAt,
    servedBy: s.servedBy,
    ratedOn: s.ratedOn,
  })),
  notifications: d.notifications.map((n) => ({
    noteId: n.noteId,
    ...notificationText(n.event, n.facts),
    createdAt: n.createdAt,
    readAt: n.readAt,
  })),
  officerFacts: d.officerFacts,
  congress: {
    delegateOf: d.congress.delegateOf.map((s) => ({
      sessionId: s.sessionId,
      sessionName: s.sessionName,
      delegation: s.delegation,
      memberNumber: s.memberNumber,
      signedInAt: s.signedInAt,
    })),
    proposals: d.congress.proposals.map(({ proposerName: _n, ...p }) => p),
    cosigned: d.congress.cosigned.map(({ displayName: _n, ...c }) => c),
    votedIn: d.congress.votedIn,
  },
  retention: d.retention,
});
