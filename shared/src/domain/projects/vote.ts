import { DomainError } from '../common/errors';

/**
 * 遴选: a member vote on the shortlisted 实事 candidates. Every active member of the org's subtree
 * chooses up to K of the M candidates on one ballot; the ballot is anonymous in storage (its receipt
 * code, never the voter), and the count is taken from the ballots at close (no counter that every
 * ballot writes: docs/ARCHITECTURE.md, 实事 vote).
 */

export const PROJECT_VOTE_LIMITS = { minCandidates: 2, maxCandidates: 30, maxChoices: 30 } as const;

/** A vote is created open (its dates say when it takes ballots); the close moves it on. */
export type ProjectVoteStatus = 'open' | 'closing' | 'closed';

/** Whether a vote takes ballots now: not closed, and inside its dates. */
export const projectVotePhase = (
  vote: { status: ProjectVoteStatus; opensAt: string; closesAt: string },
  now: Date,
): 'notYet' | 'open' | 'ended' | 'closed' => {
  if (vote.status !== 'open') return 'closed';
  const t = now.toISOString();
  if (t < vote.opensAt) return 'notYet';
  if (t >= vote.closesAt) return 'ended';
  return 'open';
};

/** Checks a ballot's choices against the vote: 1…K distinct candidates of this vote. */
export const validateProjectChoices = (choices: readonly string[], candidateIds: readonly string[], maxChoices: number): void => {
  if (choices.length === 0) throw new DomainError('BALLOT_INVALID', '请至少选择 1 项', { field: 'picks' });
  if (choices.length > maxChoices) {
    throw new DomainError('BALLOT_INVALID', `最多选择 ${maxChoices} 项，您选了 ${choices.length} 项`, { field: 'picks' });
  }
  if (new Set(choices).size !== choices.length) throw new DomainError('BALLOT_INVALID', '同一项不能重复选择', { field: 'picks' });
  const known = new Set(candidateIds);
  const unknown = choices.find((c) => !known.has(c));
  if (unknown !== undefined) throw new DomainError('BALLOT_INVALID', '所选项目不在本次投票的候选项目中', { field: 'picks' });
};

export interface CandidateResult {
  candidateId: string;
  votes: number;
  /** 1 for the most votes; candidates with equal votes share a rank (1, 2, 2, 4). */
  rank: number;
}

export interface ProjectVoteTally {
  ballots: number;
  /** Candidates by votes, most first; equal votes keep the shortlist's order. */
  results: CandidateResult[];
}

/** Candidates ranked by votes, most first; equal votes share a rank and keep the shortlist's order. */
const ranked = (candidateIds: readonly string[], votes: ReadonlyMap<string, number>): CandidateResult[] => {
  const order = candidateIds.map((id, i) => ({ id, i, votes: votes.get(id) ?? 0 })).sort((a, b) => b.votes - a.votes || a.i - b.i);
  const results: CandidateResult[] = [];
  order.forEach((o, k) => {
    const prev = results[k - 1];
    results.push({ candidateId: o.id, votes: o.votes, rank: prev && prev.votes === o.votes ? prev.rank : k + 1 });
  });
  return results;
};

/** Counts the ballots: votes per candidate and the ranking. Choices of unknown candidates are not counted. */
export const tallyProjectVote = (candidateIds: readonly string[], ballots: Iterable<readonly string[]>): ProjectVoteTally => {
  const votes = new Map(candidateIds.map((id) => [id, 0]));
  let count = 0;
  for (const choices of ballots) {
    count += 1;
    for (const c of new Set(choices)) {
      const v = votes.get(c);
      if (v !== undefined) votes.set(c, v + 1);
    }
  }
  return { ballots: count, results: ranked(candidateIds, votes) };
};

/** Merges partial tallies (one per ballot shard, each paged to its end) into the vote's. */
export const mergeTallies = (candidateIds: readonly string[], parts: readonly ProjectVoteTally[]): ProjectVoteTally => {
  const votes = new Map<string, number>();
  for (const p of parts) for (const r of p.results) votes.set(r.candidateId, (votes.get(r.candidateId) ?? 0) + r.votes);
  return { ballots: parts.reduce((s, p) => s + p.ballots, 0), results: ranked(candidateIds, votes) };
};
