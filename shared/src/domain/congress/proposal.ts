import { DomainError } from '../common/errors';
import { beijingDay } from '../projects/call';

/**
 * 提案 lifecycle: 征集附议 → 待审查 (proposer + ≥ 2 附议) → 立案 | 转为意见建议 | 不予立案
 * → 已答复 → 已评价 → 落实中 → 已办结. Every step is recorded so the proposer sees it (件件有回音).
 */
export const PROPOSAL_STATUSES = [
  'collecting',
  'review',
  'accepted',
  'converted',
  'rejected',
  'replied',
  'rated',
  'implementing',
  'closed',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  collecting: '征集附议',
  review: '待审查',
  accepted: '已立案',
  converted: '转为意见建议',
  rejected: '不予立案',
  replied: '已答复',
  rated: '已评价',
  implementing: '落实中',
  closed: '已办结',
};

/** Co-signers (附议) needed, besides the proposer, before a proposal reaches review. */
export const COSIGNERS_REQUIRED = 2;

export const PROPOSAL_DECISIONS = ['accept', 'convert', 'reject'] as const;
export type ProposalDecision = (typeof PROPOSAL_DECISIONS)[number];

export const REPLY_RATINGS = ['满意', '基本满意', '不满意'] as const;
export type ReplyRating = (typeof REPLY_RATINGS)[number];

export const PROPOSAL_EVENT_TYPES = [
  'submitted',
  'cosigned',
  'to-review',
  'accepted',
  'converted',
  'rejected',
  'replied',
  'rated',
  'progress',
  'closed',
  'put-to-vote',
  'vote-result',
] as const;
export type ProposalEventType = (typeof PROPOSAL_EVENT_TYPES)[number];
export const PROPOSAL_EVENT_LABELS: Record<ProposalEventType, string> = {
  submitted: '提交提案',
  cosigned: '附议',
  'to-review': '附议人数已满，进入审查',
  accepted: '立案',
  converted: '转为意见建议',
  rejected: '不予立案',
  replied: '承办部门答复',
  rated: '提案人评价',
  progress: '落实进展',
  closed: '办结',
  'put-to-vote': '提请职代会表决',
  'vote-result': '表决结果',
};

export interface ProposalState {
  proposalId: string;
  proposerId: string;
  status: ProposalStatus;
  cosignCount: number;
  department?: string | undefined;
  replyDeadline?: string | undefined;
  repliedAt?: string | undefined;
}

export interface ProposalEvent {
  type: ProposalEventType;
  note: string;
}

/** The result of an action: fields to set on the proposal and the timeline entry to append. */
export interface ProposalChange {
  set: Partial<Omit<ProposalState, 'proposalId' | 'proposerId'>> & Record<string, unknown>;
  events: ProposalEvent[];
}

const refuse = (from: ProposalStatus, action: string): never => {
  throw new DomainError('PROPOSAL_STATE_INVALID', `提案当前为「${PROPOSAL_STATUS_LABELS[from]}」，不能${action}`, { field: 'status' });
};

/** A roster delegate joins (附议): never the proposer; at the second co-signer it goes to review. */
export const cosignProposal = (p: ProposalState, actorId: string, actorName: string): ProposalChange => {
  if (actorId === p.proposerId) throw new DomainError('COSIGN_OWN_PROPOSAL', '不能附议自己的提案', { field: 'proposalId' });
  if (p.status !== 'collecting' && p.status !== 'review') refuse(p.status, '附议');
  const cosignCount = p.cosignCount + 1;
  const toReview = p.status === 'collecting' && cosignCount >= COSIGNERS_REQUIRED;
  return {
    set: { cosignCount, status: toReview ? 'review' : p.status },
    events: [
      { type: 'cosigned', note: `${actorName} 附议` },
      ...(toReview ? [{ type: 'to-review' as const, note: `附议人数达到 ${cosignCount} 人` }] : []),
    ],
  };
};

export type DecisionInput =
  | { decision: 'accept'; reason: string; department: string; replyDeadline: string }
  | { decision: 'convert'; reason: string }
  | { decision: 'reject'; reason: string };

/** 提案工作委员会 decides; always with a reason, and 立案 names a 承办部门 and a reply deadline. */
export const decideProposal = (p: ProposalState, input: DecisionInput, now: Date): ProposalChange => {
  if (p.status !== 'review') refuse(p.status, '审查');
  if (!input.reason.trim()) throw new DomainError('VALIDATION_FAILED', '理由：不能为空', { field: 'reason' });
  if (input.decision === 'accept') {
    if (!input.department.trim()) throw new DomainError('VALIDATION_FAILED', '承办部门：不能为空', { field: 'department' });
    if (input.replyDeadline < beijingDay(now)) {
      throw new DomainError('VALIDATION_FAILED', '答复期限：不能早于今天', { field: 'replyDeadline' });
    }
    return {
      set: { status: 'accepted', department: input.department, replyDeadline: input.replyDeadline, decisionReason: input.reason },
      events: [{ type: 'accepted', note: `承办部门：${input.department}；答复期限：${input.replyDeadline}；理由：${input.reason}` }],
    };
  }
  const status = input.decision === 'convert' ? 'converted' : 'rejected';
  return { set: { status, decisionReason: input.reason }, events: [{ type: status, note: `理由：${input.reason}` }] };
};

/** The 承办部门's 答复 is recorded against an accepted proposal. */
export const replyToProposal = (p: ProposalState, reply: string, now: Date): ProposalChange => {
  if (p.status !== 'accepted') refuse(p.status, '录入答复');
  return { set: { status: 'replied', reply, repliedAt: now.toISOString() }, events: [{ type: 'replied', note: reply }] };
};

/** Only the proposer rates the reply, once. */
export const rateProposalReply = (p: ProposalState, actorId: string, rating: ReplyRating, comment: string): ProposalChange => {
  if (actorId !== p.proposerId) throw new DomainError('PROPOSAL_FORBIDDEN', '只有提案人可以评价答复', { field: 'proposalId' });
  if (p.status !== 'replied') refuse(p.status, '评价');
  return { set: { status: 'rated', rating }, events: [{ type: 'rated', note: comment ? `${rating}：${comment}` : rating }] };
};

/** 落实 progress after the reply; `done` closes the proposal (已办结). */
export const recordProposalProgress = (p: ProposalState, note: string, done: boolean): ProposalChange => {
  if (!['replied', 'rated', 'implementing'].includes(p.status)) refuse(p.status, '登记落实情况');
  return {
    set: { status: done ? 'closed' : 'implementing' },
    events: [{ type: 'progress', note }, ...(done ? [{ type: 'closed' as const, note: '落实完毕，提案办结' }] : [])],
  };
};

/** An accepted proposal whose reply deadline (a date, inclusive) has passed without a reply. */
export const isReplyOverdue = (p: Pick<ProposalState, 'status' | 'replyDeadline'>, now: Date): boolean =>
  p.status === 'accepted' && p.replyDeadline !== undefined && p.replyDeadline < beijingDay(now);
