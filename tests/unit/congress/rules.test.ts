import { type BallotChoice, hasQuorum, meetsPassThreshold, passThresholdOf, quorumOf, tallyBallots } from '@union/shared';
import { describe, expect, it } from 'vitest';

const votes = (yes: number, no: number, abstain: number): BallotChoice[] => [
  ...Array.from({ length: yes }, () => ({ kind: 'vote' as const, option: 'yes' as const })),
  ...Array.from({ length: no }, () => ({ kind: 'vote' as const, option: 'no' as const })),
  ...Array.from({ length: abstain }, () => ({ kind: 'vote' as const, option: 'abstain' as const })),
];

describe('quorum ⌈2N/3⌉ (第二十条)', () => {
  it.each([
    [100, 67],
    [36, 24],
    [3, 2],
    [1, 1],
    [10, 7],
    [300, 200],
  ])('N=%i needs %i signed in', (n, q) => {
    expect(quorumOf(n)).toBe(q);
    expect(hasQuorum(n, q)).toBe(true);
    expect(hasQuorum(n, q - 1)).toBe(false);
  });
  it('an empty roster never has quorum', () => {
    expect(hasQuorum(0, 0)).toBe(false);
  });
});

describe('passing rule: yes ≥ ⌊N/2⌋+1 of ALL delegates', () => {
  it('N=100 with 70 present needs 51, not 36', () => {
    expect(passThresholdOf(100)).toBe(51);
    const r50 = tallyBallots({ kind: 'vote' }, votes(50, 10, 10), 100, 70);
    expect(r50.kind === 'vote' && r50.passed).toBe(false);
    expect(r50.threshold).toBe(51);
    const r51 = tallyBallots({ kind: 'vote' }, votes(51, 9, 10), 100, 70);
    expect(r51.kind === 'vote' && r51.passed).toBe(true);
    // A majority of those present (36 of 70) is not enough.
    expect(meetsPassThreshold(36, 100)).toBe(false);
  });
  it('N=3 needs 2', () => {
    expect(passThresholdOf(3)).toBe(2);
    expect(meetsPassThreshold(1, 3)).toBe(false);
    expect(meetsPassThreshold(2, 3)).toBe(true);
  });
  it('N=1 needs 1', () => {
    expect(passThresholdOf(1)).toBe(1);
    expect(meetsPassThreshold(0, 1)).toBe(false);
    expect(meetsPassThreshold(1, 1)).toBe(true);
  });
  it('even N=36 needs 19 (exactly half is not more than half)', () => {
    expect(passThresholdOf(36)).toBe(19);
    expect(meetsPassThreshold(18, 36)).toBe(false);
    expect(meetsPassThreshold(19, 36)).toBe(true);
  });
  it('a tie (5 yes, 5 no of N=10) does not pass', () => {
    const r = tallyBallots({ kind: 'vote' }, votes(5, 5, 0), 10, 10);
    expect(r).toMatchObject({ kind: 'vote', counts: { yes: 5, no: 5, abstain: 0 }, passed: false, threshold: 6 });
  });
  it('abstentions count as cast but never as yes', () => {
    const r = tallyBallots({ kind: 'vote' }, votes(6, 0, 4), 10, 10);
    expect(r).toMatchObject({ castCount: 10, passed: true });
  });
});

describe('election: up to K of M, each elected needs ⌊N/2⌋+1 of all N', () => {
  const spec = {
    kind: 'election' as const,
    maxChoices: 2,
    candidates: [
      { id: 'c1', name: '甲' },
      { id: 'c2', name: '乙' },
      { id: 'c3', name: '丙' },
    ],
  };
  const ballot = (...ids: string[]): BallotChoice => ({ kind: 'election', candidateIds: ids });
  it('elects only candidates over the line, at most K', () => {
    // N=10, threshold 6. 甲 7, 乙 6, 丙 5.
    const b = [
      ...Array(5).fill(ballot('c1', 'c2')),
      ballot('c1', 'c3'),
      ballot('c1', 'c3'),
      ballot('c2', 'c3'),
      ballot('c3'),
      ballot('c3'),
    ];
    const r = tallyBallots(spec, b, 10, 10);
    expect(r.kind).toBe('election');
    if (r.kind !== 'election') return;
    expect(Object.fromEntries(r.candidates.map((c) => [c.name, [c.votes, c.elected]]))).toEqual({
      甲: [7, true],
      乙: [6, true],
      丙: [5, false],
    });
  });
  it('a tie across the last seat elects none of the tied', () => {
    // N=9 (threshold 5), K=2: every pair chosen three times → 甲 6, 乙 6, 丙 6 for two seats.
    const b = [...Array(3).fill(ballot('c1', 'c2')), ...Array(3).fill(ballot('c2', 'c3')), ...Array(3).fill(ballot('c1', 'c3'))];
    const r = tallyBallots(spec, b, 9, 9);
    if (r.kind !== 'election') throw new Error('kind');
    expect(r.candidates.map((c) => c.votes)).toEqual([6, 6, 6]);
    expect(r.candidates.filter((c) => c.elected)).toEqual([]);
    expect([...r.tiedAtCutoff].sort()).toEqual(['c1', 'c2', 'c3']);
  });
  it('a tie below the last seat still elects those above it', () => {
    // N=10 (threshold 6), K=2: 甲 9, 乙 5, 丙 4 → only 甲 is over the line; the second seat stays empty.
    const b = [...Array(5).fill(ballot('c1', 'c2')), ...Array(4).fill(ballot('c1', 'c3')), ballot('c3')];
    const r = tallyBallots(spec, b.slice(0, 9).concat([]), 10, 10);
    if (r.kind !== 'election') throw new Error('kind');
    expect(r.candidates.filter((c) => c.elected).map((c) => c.name)).toEqual(['甲']);
  });
  it('counts blank ballots', () => {
    const r = tallyBallots(spec, [ballot(), ballot('c1')], 3, 3);
    expect(r.kind === 'election' && r.blankBallots).toBe(1);
  });
});

describe('测评 tally', () => {
  it('counts each subject on the configured scale', () => {
    const spec = { kind: 'rating' as const, scale: ['优秀', '称职', '不称职'], subjects: [{ id: 's1', name: '王主席' }] };
    const r = tallyBallots(
      spec,
      [
        { kind: 'rating', ratings: { s1: '优秀' } },
        { kind: 'rating', ratings: { s1: '优秀' } },
        { kind: 'rating', ratings: { s1: '不称职' } },
      ],
      5,
      4,
    );
    expect(r.kind === 'rating' && r.subjects[0]?.counts).toEqual([2, 0, 1]);
  });
});
