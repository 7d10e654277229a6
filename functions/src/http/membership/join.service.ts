import {
  approvalRefusedError,
  assertInviteUsable,
  DomainError,
  deriveFromIdNumber,
  inviteNotFound,
  type JoinApplication,
  lineageOf,
  nextApplicationStatus,
  type Org,
  RATE_LIMITS,
  refuseOwnCase,
} from '@union/shared';
import { NOTIFICATION_PAGES } from '@union/shared/domain/notifications/index';
import { randomId } from '../../platform/ids';
import {
  type ApplicationRecord,
  applicationDecisionDeltas,
  applicationPutTx,
  applicationWaitingTx,
  approveApplicationTx,
  orgPathOf,
  rejectApplicationTxs,
  resubmitApplicationTxs,
  userApplicationTx,
} from '../../store/application.repository';
import { explainInviteRefusal, useInviteTx } from '../../store/invite.repository';
import { assertMayJoin, JoinBlocked, obstacleFrom, readActivationBasis, readJoinBasis } from '../../store/join-basis';
import { activateMembership, type MemberProfile, type MembershipRecord, memberPii } from '../../store/membership.repository';
import { notificationTxs } from '../../store/outbox';
import { consumeAttempt, consumeAttempts } from '../../store/rate-limit.repository';
import { runTransaction, TransactionRefused } from '../../store/transactions';
import { grantTx } from '../../store/user.repository';
import type { Runtime } from '../runtime';
import { refusalFor } from './identity-proof';

/**
 * Seals the form of `userId`: 身份证号 and phone encrypted (bound to the owner and the field)
 * and hashed; birth date and gender derived.
 */
export const sealProfile = (runtime: Runtime, userId: string, form: JoinApplication): MemberProfile => {
  const { birthDate, gender } = deriveFromIdNumber(form.idNumber);
  return {
    name: form.name,
    ...memberPii.seal(runtime.pii, userId, form),
    gender,
    birthDate,
    employer: form.employer,
    employmentType: form.employmentType,
    group: form.group,
    isMigrantWorker: form.isMigrantWorker,
    noticeVersion: form.noticeVersion,
  };
};

const applicationPending = () =>
  new DomainError('APPLICATION_PENDING', '您已有一份入会申请正在审核中，请等待工会审核结果', { field: 'inviteId' });

/** Maps the refusals of the caller's own transaction items. */
const explain = async (e: unknown, inviteId: string, now: Date): Promise<never> => {
  if (e instanceof TransactionRefused) {
    if (e.failed.includes('invite')) return explainInviteRefusal(inviteId, now);
    if (e.failed.includes('userApplication')) throw applicationPending();
    if (e.failed.includes('application')) {
      throw new DomainError('APPLICATION_STATE_CONFLICT', '申请状态已被他人更新，请刷新后重试');
    }
  }
  throw e;
};

/**
 * Counts the attempt (per account, per invite: 429 past the limit) — every submission can probe
 * whether a person is a member — then refuses, as much as the caller may be told, when another
 * membership is in the way.
 */
const admitAttempt = async (args: {
  runtime: Runtime;
  userId: string;
  inviteId: string;
  profile: MemberProfile;
  phoneCode: string | undefined;
  now: Date;
}): Promise<void> => {
  const { runtime, userId, profile, now } = args;
  await consumeAttempts(
    [
      [RATE_LIMITS.joinPerAccount, userId],
      [RATE_LIMITS.joinPerInvite, args.inviteId],
    ],
    now,
  );
  try {
    await assertMayJoin(userId, profile.idHash, profile.phoneHash);
  } catch (e) {
    if (e instanceof JoinBlocked) {
      throw await refusalFor(e.obstacle, { userId, phoneCode: args.phoneCode, submittedPhoneHash: profile.phoneHash }, runtime);
    }
    throw e;
  }
};

export interface JoinResult {
  application: ApplicationRecord;
  membership: MembershipRecord | null;
}

/** The value of a settled promise, or its rejection thrown. */
const settledValue = <T>(r: PromiseSettledResult<T>): T => {
  if (r.status === 'rejected') throw r.reason;
  return r.value;
};

/**
 * 提交入会申请 through an invite: counts one use of the invite atomically; an auto-approve
 * invite activates the membership in the same transaction (with the member grant), a review invite
 * queues the application.
 *
 * Three round trips (an auto invite): (1) what the request's keys name — the invite, the account's
 * current application, the uniqueness items of the account, 身份证号 and phone — in one BatchGetItem,
 * beside the account's attempt (rate limit); (2) the org's lineage and member-number sequence (the
 * invite names the org), beside the invite's attempt, counted only once the account's passed; (3)
 * the transaction. What the reads found is told only after both attempts were counted (a submission
 * can probe whether a person is a member), and the transaction's conditions enforce each of them.
 */
export const submitApplication = async (args: {
  runtime: Runtime;
  userId: string;
  inviteId: string;
  form: JoinApplication;
  now: Date;
}): Promise<JoinResult> => {
  const { runtime, userId, inviteId, now } = args;
  const profile = sealProfile(runtime, userId, args.form);
  const [accountAttempt, read] = await Promise.allSettled([
    consumeAttempt(RATE_LIMITS.joinPerAccount, userId, now),
    readJoinBasis({ inviteId, userId, idHash: profile.idHash, phoneHash: profile.phoneHash }),
  ]);
  const basis = settledValue(read);
  const invite = basis.invite;
  if (!invite) throw inviteNotFound();
  assertInviteUsable(invite, now);
  settledValue(accountAttempt);
  const [inviteAttempt, orgRead] = await Promise.allSettled([
    consumeAttempt(RATE_LIMITS.joinPerInvite, inviteId, now),
    readActivationBasis(invite.orgId),
  ]);
  const activation = settledValue(orgRead);
  settledValue(inviteAttempt);
  const obstacle = await obstacleFrom(basis.obstacles, profile.idHash);
  if (obstacle) {
    throw await refusalFor(obstacle, { userId, phoneCode: args.form.phoneCode, submittedPhoneHash: profile.phoneHash }, runtime);
  }
  if (basis.currentApplication === 'pending') throw applicationPending();
  const org = activation.lineage.at(-1) as Org;
  const base: ApplicationRecord = {
    ...profile,
    applicationId: `a${randomId(15)}`,
    userId,
    orgId: org.orgId,
    orgName: org.name,
    orgPath: orgPathOf(lineageOf(org)),
    inviteId: invite.inviteId,
    mode: invite.mode,
    status: 'pending',
    submittedAt: now.toISOString(),
    decidedAt: null,
    decidedBy: null,
    rejectReason: null,
    membershipId: null,
    memberNumber: null,
  };
  const inviteUse = { label: 'invite', tx: useInviteTx(invite.inviteId, now) };
  try {
    if (invite.mode === 'review') {
      await runTransaction(async () => [
        inviteUse,
        applicationPutTx(base),
        userApplicationTx(userId, base.applicationId, 'pending'),
        applicationWaitingTx(base.orgId, 1),
      ]);
      return { application: base, membership: null };
    }
    const membershipId = `m${randomId(15)}`;
    let application = base;
    const membership = await activateMembership({
      membershipId,
      userId,
      org,
      profile,
      now,
      applicationId: base.applicationId,
      // Nobody looked at the form: what it declares (八大群体, 农民工) waits for an officer's confirmation.
      declaredFactsConfirmedBy: null,
      basis: activation,
      extra: (memberNumber) => {
        application = { ...base, status: 'approved', decidedAt: now.toISOString(), decidedBy: 'auto', membershipId, memberNumber };
        return [
          inviteUse,
          applicationPutTx(application),
          userApplicationTx(userId, base.applicationId, 'approved'),
          grantTx(userId, { role: 'member', orgId: org.orgId }),
        ];
      },
    });
    return { application, membership };
  } catch (e) {
    if (e instanceof JoinBlocked) {
      throw await refusalFor(e.obstacle, { userId, phoneCode: args.form.phoneCode, submittedPhoneHash: profile.phoneHash }, runtime);
    }
    return explain(e, invite.inviteId, now);
  }
};

/**
 * 批准 (never by the applicant): activation, the decision, the applicant's member grant and their
 * notification (入会申请已通过) in one transaction.
 */
export const approveApplication = async (args: {
  application: ApplicationRecord;
  org: Org;
  by: string;
  now: Date;
}): Promise<JoinResult & { membership: MembershipRecord }> => {
  const { application: a, org, by, now } = args;
  refuseOwnCase({ userId: by }, a.userId, 'application');
  nextApplicationStatus(a.status, 'approve');
  const membershipId = `m${randomId(15)}`;
  let memberNumber = '';
  try {
    const membership = await activateMembership({
      membershipId,
      userId: a.userId,
      org,
      profile: a,
      now,
      applicationId: a.applicationId,
      // The officer reviewed the application, declarations included (the queue shows them).
      declaredFactsConfirmedBy: by,
      desk: (d) => applicationDecisionDeltas(d, a, 'approved', now),
      extra: (n) => {
        memberNumber = n;
        return [
          approveApplicationTx(a.applicationId, by, now, membershipId, n),
          userApplicationTx(a.userId, a.applicationId, 'approved', a.applicationId),
          grantTx(a.userId, { role: 'member', orgId: org.orgId }),
          ...notificationTxs(
            { userId: a.userId, event: 'applicationApproved', facts: { subject: org.name }, page: NOTIFICATION_PAGES.membership() },
            now,
          ),
        ];
      },
    });
    return {
      application: {
        ...a,
        status: 'approved',
        decidedAt: now.toISOString(),
        decidedBy: by,
        membershipId,
        memberNumber,
        rejectReason: null,
      },
      membership,
    };
  } catch (e) {
    // The officer is not the person: told only that the data is held elsewhere, not where.
    if (e instanceof JoinBlocked) throw approvalRefusedError();
    return explain(e, a.inviteId, now);
  }
};

/** 驳回 with a reason (never by the applicant); the applicant's notification carries it, in the same transaction. */
export const rejectApplication = async (args: {
  application: ApplicationRecord;
  by: string;
  reason: string;
  now: Date;
}): Promise<ApplicationRecord> => {
  const { application: a, by, reason, now } = args;
  refuseOwnCase({ userId: by }, a.userId, 'application');
  const status = nextApplicationStatus(a.status, 'reject');
  try {
    await runTransaction(async () => [
      ...rejectApplicationTxs(a, by, reason, now),
      ...notificationTxs(
        {
          userId: a.userId,
          event: 'applicationRejected',
          facts: { subject: a.orgName, reason },
          page: NOTIFICATION_PAGES.membership(),
        },
        now,
      ),
    ]);
  } catch (e) {
    return explain(e, a.inviteId, now);
  }
  return { ...a, status, decidedAt: now.toISOString(), decidedBy: by, rejectReason: reason };
};

/** 更正后重新提交: only the applicant, only a rejected application; it returns to the queue. */
export const resubmitApplication = async (args: {
  runtime: Runtime;
  application: ApplicationRecord;
  userId: string;
  form: JoinApplication;
  now: Date;
}): Promise<ApplicationRecord> => {
  const { runtime, application: a, userId, now } = args;
  if (a.userId !== userId) throw new DomainError('APPLICATION_FORBIDDEN', '只能修改本人的入会申请', { field: 'applicationId' });
  const status = nextApplicationStatus(a.status, 'resubmit');
  const profile = sealProfile(runtime, userId, args.form);
  await admitAttempt({ runtime, userId, inviteId: a.inviteId, profile, phoneCode: args.form.phoneCode, now });
  try {
    await runTransaction(async () => resubmitApplicationTxs(a, profile, now));
  } catch (e) {
    return explain(e, a.inviteId, now);
  }
  return { ...a, ...profile, status, submittedAt: now.toISOString(), decidedAt: null, decidedBy: null, rejectReason: null };
};
