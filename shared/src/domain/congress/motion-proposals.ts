import { DomainError } from '../common/errors';
import { MOTION_KIND_LABELS, type MotionResult, type MotionSpec, passRuleText, resultVerdict, type VoteOption } from './motion';
import { PROPOSAL_STATUS_LABELS, type ProposalStatus } from './proposal';

/**
 * A motion put to the congress on 提案: it links the proposals (立案 ones of its own session),
 * carries their text as voted on, and the result goes into each proposal's timeline.
 */

/** Proposals one motion may link (each costs two items of the creating transaction, 100 at most). */
export const MAX_MOTION_PROPOSALS = 20;

/** A proposal may be put to a vote once 立案, until it is 办结. */
export const VOTABLE_PROPOSAL_STATUSES = ['accepted', 'replied', 'rated', 'implementing'] as const satisfies readonly ProposalStatus[];

export const isVotableProposal = (status: ProposalStatus): boolean => (VOTABLE_PROPOSAL_STATUSES as readonly string[]).includes(status);

/** What a motion keeps of each proposal it links: the text the delegates voted on (never the proposer). */
export interface MotionProposal {
  proposalId: string;
  title: string;
  cause: string;
  suggestion: string;
}

/** Refuses a link to a proposal of another session, or one not (or no longer) 立案. */
export const assertVotable = (
  motionSessionId: string,
  p: { proposalId: string; sessionId: string; title: string; status: ProposalStatus },
): void => {
  if (p.sessionId !== motionSessionId) {
    throw new DomainError('PROPOSAL_NOT_VOTABLE', `关联提案：「${p.title}」不属于本次会议`, { field: 'proposalIds' });
  }
  if (!isVotableProposal(p.status)) {
    throw new DomainError(
      'PROPOSAL_NOT_VOTABLE',
      `关联提案：「${p.title}」当前为「${PROPOSAL_STATUS_LABELS[p.status]}」，只有已立案、尚未办结的提案可以提请表决`,
      { field: 'proposalIds' },
    );
  }
};

/**
 * The proposals a motion links: those named for the motion and those its items name, each once,
 * in the order first named.
 */
export const linkedProposalIds = (proposalIds: readonly string[], spec: MotionSpec): string[] => {
  const fromItems = spec.kind === 'itemized' ? spec.items.flatMap((i) => (i.proposalId ? [i.proposalId] : [])) : [];
  const all = [...new Set([...proposalIds, ...fromItems])];
  if (all.length > 0 && spec.kind !== 'vote' && spec.kind !== 'itemized') {
    throw new DomainError('VALIDATION_FAILED', '关联提案：只有表决和分项表决可以关联提案', { field: 'proposalIds' });
  }
  if (all.length > MAX_MOTION_PROPOSALS) {
    throw new DomainError('VALIDATION_FAILED', `关联提案：最多 ${MAX_MOTION_PROPOSALS} 件`, { field: 'proposalIds' });
  }
  return all;
};

/** The timeline step of a proposal put to a vote. */
export const putToVoteNote = (motion: { title: string; spec: MotionSpec }): string =>
  motion.spec.kind === 'itemized'
    ? `《${motion.title}》（${MOTION_KIND_LABELS.itemized}，共 ${motion.spec.items.length} 项）`
    : `《${motion.title}》（${MOTION_KIND_LABELS[motion.spec.kind]}）`;

const countsText = (c: Record<VoteOption, number>) => `赞成 ${c.yes} 票，反对 ${c.no} 票，弃权 ${c.abstain} 票`;

/**
 * The timeline step that records a closed motion's result on one proposal it links: the verdict
 * with its counts and the rule applied; for a 分项表决 one line per item — the items that name
 * this proposal, or every item when none does (the proposal is the draft the items are articles of).
 */
export const voteResultNote = (motionTitle: string, result: MotionResult, proposalId: string): string => {
  const rule = `应到代表 ${result.delegateCount} 人，实到 ${result.presentCount} 人，投票 ${result.castCount} 人；${passRuleText(result)}`;
  if (result.kind === 'itemized') {
    const own = result.items.filter((i) => i.proposalId === proposalId);
    const items = own.length > 0 ? own : result.items;
    const lines = items.map((i) => {
      const n = result.items.indexOf(i) + 1;
      return `第${n}项 ${i.name}：${i.passed ? '通过' : '未通过'}（${countsText(i.counts)}）`;
    });
    return [`《${motionTitle}》分项表决结果：`, ...lines, rule].join('\n');
  }
  if (result.kind === 'vote') {
    return [`《${motionTitle}》：${resultVerdict(result)}（${countsText(result.counts)}）`, rule].join('\n');
  }
  return [`《${motionTitle}》：${resultVerdict(result)}`, rule].join('\n');
};
