import { DomainError, lineageOf, type Org, refuseOwnCase } from '@union/shared';
import { NOTIFICATION_PAGES } from '@union/shared/domain/notifications/index';
import { randomId } from '../../platform/ids';
import { orgPathOf } from '../../store/application.repository';
import { deskTxsOf } from '../../store/desk-counters';
import { getActiveMembershipRecord, getMembership, type MembershipRecord, moveMembership } from '../../store/membership.repository';
import { notificationTxs } from '../../store/outbox';
import { runTransaction, TransactionRefused } from '../../store/transactions';
import { decideTransferTxs, requestTransferTxs, type TransferRecord, transferDecidedDeltas } from '../../store/transfer.repository';
import { changeGrantsTx, GRANTS_LABEL } from '../../store/user.repository';

const stale = () => new DomainError('TRANSFER_STALE', '该会员的会籍已发生变化，此转移申请不再有效');
const decided = () => new DomainError('TRANSFER_STATE_CONFLICT', '该转移申请已处理过了');

/** 申请会籍转移: an active member asks the receiving org (a 基层工会 or 联合工会) to take them in. */
export const requestTransfer = async (args: { userId: string; to: Org; note: string | null; now: Date }): Promise<TransferRecord> => {
  const { userId, to, now } = args;
  const current = await getActiveMembershipRecord(userId);
  if (!current) throw new DomainError('NOT_A_MEMBER', '您还不是会员，请先扫码入会');
  if (current.orgId === to.orgId) throw new DomainError('TRANSFER_SAME_ORG', '您的会籍已在该工会，无需转移', { field: 'toOrgId' });
  if (to.kind !== 'grassroots' && to.kind !== 'joint') {
    throw new DomainError('TRANSFER_TARGET_INVALID', '会籍只能转入基层工会或联合工会', { field: 'toOrgId' });
  }
  const transfer: TransferRecord = {
    transferId: `t${randomId(15)}`,
    userId,
    name: current.name,
    fromMembershipId: current.membershipId,
    fromOrgId: current.orgId,
    fromOrgName: current.orgName,
    fromMemberNumber: current.memberNumber,
    toOrgId: to.orgId,
    toOrgName: to.name,
    toOrgPath: orgPathOf(lineageOf(to)),
    status: 'pending',
    note: args.note,
    requestedAt: now.toISOString(),
    decidedAt: null,
    decidedBy: null,
    rejectReason: null,
    newMembershipId: null,
    newMemberNumber: null,
  };
  try {
    await runTransaction(async () => requestTransferTxs(transfer));
  } catch (e) {
    if (e instanceof TransactionRefused && e.failed.includes('userTransfer')) {
      throw new DomainError('TRANSFER_PENDING', '您已有一份会籍转移申请在等待接收工会审核', { field: 'toOrgId' });
    }
    throw e;
  }
  return transfer;
};

/**
 * 接收方批准 (never by the member who asked): the membership and its grants move in one transaction,
 * with the member's notification (会籍转移已通过).
 */
export const approveTransfer = async (args: { transfer: TransferRecord; to: Org; by: string; now: Date }) => {
  const { transfer: t, to, by, now } = args;
  refuseOwnCase({ userId: by }, t.userId, 'transfer');
  if (t.status !== 'pending') throw decided();
  const from: MembershipRecord | null = await getMembership(t.fromMembershipId);
  if (from?.status !== 'active') throw stale();
  const newMembershipId = `m${randomId(15)}`;
  let membership: MembershipRecord;
  try {
    membership = await moveMembership({
      from,
      to,
      newMembershipId,
      transferId: t.transferId,
      now,
      extra: async (n) => {
        // The member grant moves with the membership, and a delegate of the old org stops being one
        // (their roster entries stay for the record; sign-in and voting check the membership in
        // their own transactions) — in the same transaction, so a failure leaves neither half.
        const grants = await changeGrantsTx(t.userId, {
          add: [{ role: 'member', orgId: to.orgId }],
          remove: (g) => (g.role === 'member' || g.role === 'delegate') && g.orgId === from.orgId,
        });
        return [
          ...decideTransferTxs(t, { status: 'approved', newMembershipId, newMemberNumber: n }, by, now),
          ...(grants ? [grants] : []),
          ...notificationTxs(
            { userId: t.userId, event: 'transferApproved', facts: { subject: to.name }, page: NOTIFICATION_PAGES.membership() },
            now,
          ),
        ];
      },
      retryOn: [GRANTS_LABEL],
      desk: (d) => transferDecidedDeltas(d, t),
    });
  } catch (e) {
    if (e instanceof TransactionRefused) {
      if (e.failed.includes('transfer')) throw decided();
      throw stale();
    }
    throw e;
  }
  const transfer: TransferRecord = {
    ...t,
    status: 'approved',
    decidedAt: now.toISOString(),
    decidedBy: by,
    newMembershipId,
    newMemberNumber: membership.memberNumber,
  };
  return { transfer, membership };
};

/** 接收方驳回 with a reason (never by the member who asked); the member's notification carries it, in the same transaction. */
export const rejectTransfer = async (args: {
  transfer: TransferRecord;
  by: string;
  reason: string;
  now: Date;
}): Promise<TransferRecord> => {
  const { transfer: t, by, reason, now } = args;
  refuseOwnCase({ userId: by }, t.userId, 'transfer');
  if (t.status !== 'pending') throw decided();
  try {
    await runTransaction(async () => [
      ...decideTransferTxs(t, { status: 'rejected', reason }, by, now),
      ...deskTxsOf((d) => transferDecidedDeltas(d, t)),
      ...notificationTxs(
        {
          userId: t.userId,
          event: 'transferRejected',
          facts: { subject: t.toOrgName, reason },
          page: NOTIFICATION_PAGES.membership(),
        },
        now,
      ),
    ]);
  } catch (e) {
    if (e instanceof TransactionRefused) throw decided();
    throw e;
  }
  return { ...t, status: 'rejected', decidedAt: now.toISOString(), decidedBy: by, rejectReason: reason };
};
