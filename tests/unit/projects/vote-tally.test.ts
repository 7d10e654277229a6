import { fc, test } from '@fast-check/vitest';
import { DomainError } from '@union/shared';
import { mergeTallies, tallyProjectVote, validateProjectChoices } from '@union/shared/domain/projects/index';
import { describe, expect, it } from 'vitest';

const ids = ['p1', 'p2', 'p3', 'p4', 'p5'];
const ballot = fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 3 });

describe('实事 vote tally', () => {
  it('ranks by votes, equal votes share a rank and keep the shortlist order', () => {
    const t = tallyProjectVote(ids, [['p2', 'p3'], ['p3'], ['p2'], ['p5']]);
    expect(t.ballots).toBe(4);
    expect(t.results).toEqual([
      { candidateId: 'p2', votes: 2, rank: 1 },
      { candidateId: 'p3', votes: 2, rank: 1 },
      { candidateId: 'p5', votes: 1, rank: 3 },
      { candidateId: 'p1', votes: 0, rank: 4 },
      { candidateId: 'p4', votes: 0, rank: 4 },
    ]);
  });

  test.prop([fc.array(ballot, { maxLength: 60 }), fc.integer({ min: 1, max: 8 })])(
    'the shards merged count as the ballots counted at once',
    (ballots, shards) => {
      const parts = Array.from({ length: shards }, (_, s) =>
        tallyProjectVote(
          ids,
          ballots.filter((_, i) => i % shards === s),
        ),
      );
      expect(mergeTallies(ids, parts)).toEqual(tallyProjectVote(ids, ballots));
    },
  );

  test.prop([fc.array(ballot, { maxLength: 60 })])(
    'every vote is a pick of a ballot: the sum of votes is the number of picks',
    (ballots) => {
      const t = tallyProjectVote(ids, ballots);
      expect(t.results.reduce((s, r) => s + r.votes, 0)).toBe(ballots.reduce((s, b) => s + b.length, 0));
      for (let i = 1; i < t.results.length; i += 1) expect(t.results[i]!.votes).toBeLessThanOrEqual(t.results[i - 1]!.votes);
    },
  );
});

describe('a ballot’s picks', () => {
  const refused = (picks: string[], max: number) => {
    try {
      validateProjectChoices(picks, ids, max);
      return null;
    } catch (e) {
      return e instanceof DomainError ? [e.code, e.field, e.message] : e;
    }
  };
  it('takes 1 … K distinct candidates of the vote', () => {
    expect(refused(['p1', 'p3'], 2)).toBeNull();
    expect(refused([], 2)).toEqual(['BALLOT_INVALID', 'picks', '请至少选择 1 项']);
    expect(refused(['p1', 'p2', 'p3'], 2)).toEqual(['BALLOT_INVALID', 'picks', '最多选择 2 项，您选了 3 项']);
    expect(refused(['p1', 'p1'], 2)).toEqual(['BALLOT_INVALID', 'picks', '同一项不能重复选择']);
    expect((refused(['p9'], 2) as string[])[0]).toBe('BALLOT_INVALID');
  });
});
