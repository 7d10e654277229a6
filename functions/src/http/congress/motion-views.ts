import { type BallotChoice, DomainError, MOTION_KIND_LABELS, type MotionResult, resultVerdict, tallyBallots } from '@union/shared';
import { getMotionWithVoting, getVoting, type Voting } from '../../store/congress-ballot.repository';
import type { MotionRecord } from '../../store/congress-motion.repository';

/** Nobody votes on a draft. */
const NO_VOTING: Voting = { turnout: 0, hasVoted: false };

/** What a viewer may see: turnout while open, the result only after close (tallies are hidden until then). */
export const motionViewWith = (m: MotionRecord, voting: Voting) => ({
  motionId: m.motionId,
  sessionId: m.sessionId,
  kind: m.kind,
  kindLabel: MOTION_KIND_LABELS[m.kind],
  title: m.title,
  description: m.description,
  draftText: m.draftText,
  proposals: m.proposals,
  spec: m.spec,
  status: m.status,
  openedAt: m.openedAt,
  closedAt: m.closedAt,
  closedByName: m.closedBy?.name ?? null,
  delegateCount: m.delegateCount,
  revoteOf: m.revoteOf,
  turnout: m.status === 'draft' ? 0 : m.result ? m.result.castCount : voting.turnout,
  hasVoted: m.status === 'draft' ? false : voting.hasVoted,
  result: m.status === 'closed' ? m.result : null,
  verdict: m.status === 'closed' && m.result ? resultVerdict(m.result) : null,
});

/** The view of a motion, its voting read (one query; none for a draft). */
export const motionView = async (m: MotionRecord, userId: string) =>
  motionViewWith(m, m.status === 'draft' ? NO_VOTING : await getVoting(m.motionId, userId));

/** A motion with how its vote stands for the caller (one query), or MOTION_NOT_FOUND. */
export const requireMotionWithVoting = async (motionId: string, userId: string) => {
  const found = await getMotionWithVoting(motionId, userId);
  if (!found) throw new DomainError('MOTION_NOT_FOUND', '表决事项不存在', { field: 'motionId' });
  return found;
};

export const tallyOf = (m: MotionRecord, ballots: ReadonlyArray<{ choice: BallotChoice }>): MotionResult =>
  tallyBallots(
    m.spec,
    ballots.map((b) => b.choice),
    m.delegateCount ?? 0,
    m.presentCount ?? 0,
  );

/**
 * The result of a closed motion as a reader sees it, writing nothing: the stored one, or — when the
 * close that stores it was cut short — the tally of the ballots read, which is the same result: no
 * ballot can be cast after the close, so every reader computes what the close would have stored.
 */
export const resultOf = (m: MotionRecord, ballots: ReadonlyArray<{ choice: BallotChoice }>): MotionResult => {
  if (m.status !== 'closed') throw new DomainError('MOTION_NOT_CLOSED', '投票结束后才公布结果', { field: 'motionId' });
  return m.result ?? tallyOf(m, ballots);
};
