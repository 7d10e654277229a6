import { NOTIFICATION_PAGES, type NotificationEvent } from '@union/shared/domain/notifications/index';
import { type ProposalRecord, replyOverdueNotice } from '../../store/congress-proposal.repository';
import { dueNoticeMootTx, dueNoticePutTx } from '../../store/due-notice.repository';
import { notificationTxs } from '../../store/outbox';
import type { LabeledTx } from '../../store/transactions';

/**
 * What a proposal's change writes beside it, in its transaction (docs/ARCHITECTURE.md, Notifications):
 * the proposer's notification — never the co-signers' (they follow it in 我的提案与表决) — and the
 * reply-overdue notice that 立案 sets and the reply removes. Facts: the proposal's title and, for a
 * decision, its reason; never a name.
 */

const toProposer = (p: ProposalRecord, event: NotificationEvent, now: Date, reason?: string): LabeledTx[] =>
  notificationTxs(
    {
      userId: p.proposerId,
      event,
      facts: { subject: p.title, ...(reason ? { reason } : {}) },
      page: NOTIFICATION_PAGES.proposal(p.proposalId),
    },
    now,
  );

const DECISION_EVENTS = { accepted: 'proposalAccepted', converted: 'proposalConverted', rejected: 'proposalRejected' } as const;

/** 立案 / 转为意见建议 / 不予立案 with the reason; 立案 also sets when the reply falls overdue. */
export const decisionNotices =
  (now: Date) =>
  (p: ProposalRecord): LabeledTx[] => {
    const status = p.status as keyof typeof DECISION_EVENTS;
    const event = DECISION_EVENTS[status];
    if (!event) throw new Error(`a decision leaves a proposal accepted, converted or rejected, not ${p.status}`);
    return [
      ...toProposer(p, event, now, p.decisionReason),
      ...(status === 'accepted' && p.replyDeadline ? [dueNoticePutTx(replyOverdueNotice({ ...p, replyDeadline: p.replyDeadline }))] : []),
    ];
  };

/** 答复: the proposer is told, and the reply-overdue notice (if it is still there) is moot. */
export const replyNotices =
  (now: Date) =>
  (p: ProposalRecord): LabeledTx[] => [
    ...toProposer(p, 'proposalReplied', now),
    ...(p.replyDeadline ? [dueNoticeMootTx(replyOverdueNotice({ ...p, replyDeadline: p.replyDeadline }))] : []),
  ];

/** 落实 progress (办结 too). */
export const progressNotices =
  (now: Date) =>
  (p: ProposalRecord): LabeledTx[] =>
    toProposer(p, 'proposalProgress', now);
