import { DomainError } from '../common/errors';

/** 入会申请 status: 待审核 → 已通过 | 未通过; 未通过 may be corrected and resubmitted (→ 待审核). */
export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = { pending: '待审核', approved: '已通过', rejected: '未通过' };

export type ApplicationAction = 'approve' | 'reject' | 'resubmit';

const ALLOWED: Record<ApplicationAction, ApplicationStatus> = { approve: 'pending', reject: 'pending', resubmit: 'rejected' };

/** The status an action leads to, or APPLICATION_STATE_CONFLICT when it does not apply. */
export const nextApplicationStatus = (current: ApplicationStatus, action: ApplicationAction): ApplicationStatus => {
  if (ALLOWED[action] !== current) {
    throw new DomainError('APPLICATION_STATE_CONFLICT', `申请当前为“${APPLICATION_STATUS_LABELS[current]}”，不能${ACTION_LABELS[action]}`, {
      details: { status: current },
    });
  }
  return action === 'approve' ? 'approved' : action === 'reject' ? 'rejected' : 'pending';
};

const ACTION_LABELS: Record<ApplicationAction, string> = { approve: '批准', reject: '驳回', resubmit: '重新提交' };

/** 会籍转移 status. */
export const TRANSFER_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export const TRANSFER_STATUS_LABELS: Record<TransferStatus, string> = { pending: '待接收', approved: '已转入', rejected: '未通过' };
