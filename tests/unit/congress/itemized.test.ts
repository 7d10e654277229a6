/**
 * 分项表决 and motions on 提案, the pure rules: a ballot states 赞成 / 反对 / 弃权 for every item and
 * nothing else; each item passes on its own with ⌊N/2⌋+1 of all N; the result per item goes into
 * each linked proposal's timeline; the CSV has a row per item.
 */
import { fc, test } from '@fast-check/vitest';
import {
  assertVotable,
  type BallotChoice,
  describeChoice,
  linkedProposalIds,
  type MotionSpec,
  passRuleText,
  passThresholdOf,
  putToVoteNote,
  resultsToCsv,
  resultVerdict,
  tallyBallots,
  VOTE_OPTIONS,
  type VoteOption,
  validateBallot,
  validateMotionSpec,
  voteResultNote,
} from '@union/shared';
import { describe, expect, it } from 'vitest';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return `${(e as { code?: string }).code}:${(e as { field?: string }).field}`;
  }
  return 'none';
};

const spec = (n: number, proposalIds: Array<string | undefined> = []): Extract<MotionSpec, { kind: 'itemized' }> => ({
  kind: 'itemized',
  items: Array.from({ length: n }, (_, i) => ({
    id: `i${i + 1}`,
    name: `第${i + 1}条`,
    ...(proposalIds[i] ? { proposalId: proposalIds[i] } : {}),
  })),
});
const ballot = (...options: VoteOption[]): BallotChoice => ({
  kind: 'itemized',
  options: Object.fromEntries(options.map((o, i) => [`i${i + 1}`, o])),
});

describe('分项表决: the motion and its ballot', () => {
  it('has 2–50 distinct items', () => {
    expect(code(() => validateMotionSpec(spec(1)))).toBe('VALIDATION_FAILED:items');
    expect(code(() => validateMotionSpec(spec(51)))).toBe('VALIDATION_FAILED:items');
    expect(code(() => validateMotionSpec({ kind: 'itemized', items: [...spec(2).items, { id: 'i3', name: '第1条' }] }))).toBe(
      'VALIDATION_FAILED:items',
    );
    expect(validateMotionSpec(spec(3))).toEqual(spec(3));
  });

  it('a ballot states an option for every item, and only for its items', () => {
    const s = spec(3);
    expect(validateBallot(s, { kind: 'itemized', options: { i3: 'no', i1: 'yes', i2: 'abstain' } })).toEqual({
      kind: 'itemized',
      options: { i1: 'yes', i2: 'abstain', i3: 'no' },
    });
    expect(code(() => validateBallot(s, ballot('yes', 'no')))).toBe('BALLOT_INVALID:options');
    expect(code(() => validateBallot(s, { kind: 'itemized', options: { i1: 'yes', i2: 'yes', i3: 'yes', i4: 'no' } }))).toBe(
      'BALLOT_INVALID:options',
    );
    expect(code(() => validateBallot(s, { kind: 'itemized', options: { i1: 'yes', i2: 'yes', i3: 'maybe' as VoteOption } }))).toBe(
      'BALLOT_INVALID:options',
    );
    // Inherited keys are no item of the ballot.
    expect(code(() => validateBallot(spec(2), { kind: 'itemized', options: Object.create({ i1: 'yes', i2: 'yes' }) }))).toBe(
      'BALLOT_INVALID:options',
    );
    expect(code(() => validateBallot(s, { kind: 'vote', option: 'yes' }))).toBe('BALLOT_INVALID:kind');
    expect(code(() => validateBallot({ kind: 'vote' }, ballot('yes', 'yes')))).toBe('BALLOT_INVALID:kind');
  });

  it('each item passes on its own with ⌊N/2⌋+1 of all N (N = 10: 6), whatever the others did', () => {
    const ballots = [
      ...Array.from({ length: 6 }, () => ballot('yes', 'yes', 'no')),
      ...Array.from({ length: 2 }, () => ballot('no', 'yes', 'yes')),
      ballot('abstain', 'no', 'yes'),
    ];
    const r = tallyBallots(spec(3), ballots, 10, 9);
    expect(r).toMatchObject({ kind: 'itemized', delegateCount: 10, presentCount: 9, castCount: 9, threshold: 6 });
    if (r.kind !== 'itemized') throw new Error('kind');
    expect(r.items.map((i) => [i.counts, i.passed])).toEqual([
      [{ yes: 6, no: 2, abstain: 1 }, true],
      [{ yes: 8, no: 1, abstain: 0 }, true],
      [{ yes: 3, no: 6, abstain: 0 }, false],
    ]);
    expect(resultVerdict(r)).toBe('2 项通过，1 项未通过');
    expect(resultVerdict(tallyBallots(spec(2), [ballot('yes', 'yes')], 1, 1))).toBe('2 项全部通过');
    expect(resultVerdict(tallyBallots(spec(2), [], 1, 1))).toBe('2 项均未通过');
    expect(passRuleText(r)).toBe('逐项计票，每项赞成票达到全体代表 10 人的过半数，即至少 6 票，该项方为通过');
    expect(describeChoice(spec(3), ballot('yes', 'abstain', 'no'))).toBe('第1项 赞成；第2项 弃权；第3项 反对');
  });

  const arbitraryVote = fc
    .integer({ min: 2, max: 8 })
    .chain((items) =>
      fc.record({
        items: fc.constant(items),
        n: fc.integer({ min: 1, max: 60 }),
        ballots: fc.array(fc.array(fc.constantFrom(...VOTE_OPTIONS), { minLength: items, maxLength: items }), { maxLength: 60 }),
      }),
    )
    .filter(({ n, ballots }) => ballots.length <= n);

  test.prop([arbitraryVote])('a 分项表决 counts as its items voted one by one (每项各自计票)', ({ items, n, ballots }) => {
    const r = tallyBallots(
      spec(items),
      ballots.map((b) => ballot(...b)),
      n,
      n,
    );
    if (r.kind !== 'itemized') throw new Error('kind');
    for (const [k, item] of r.items.entries()) {
      const alone = tallyBallots(
        { kind: 'vote' },
        ballots.map((b) => ({ kind: 'vote', option: b[k]! })),
        n,
        n,
      );
      if (alone.kind !== 'vote') throw new Error('kind');
      expect(item.counts).toEqual(alone.counts);
      expect(item.passed).toBe(alone.passed);
      expect(item.passed).toBe(item.counts.yes >= passThresholdOf(n));
      expect(item.counts.yes + item.counts.no + item.counts.abstain).toBe(ballots.length);
    }
  });

  test.prop([arbitraryVote])('every complete ballot is accepted as cast; dropping any item refuses it', ({ items, ballots }) => {
    const s = spec(items);
    for (const b of ballots) {
      const choice = ballot(...b);
      expect(validateBallot(s, choice)).toEqual(choice);
      const missing = { kind: 'itemized' as const, options: { ...(choice.kind === 'itemized' ? choice.options : {}) } };
      delete missing.options[`i${(b.length % items) + 1}`];
      expect(code(() => validateBallot(s, missing))).toBe('BALLOT_INVALID:options');
    }
  });
});

describe('motions on 提案', () => {
  it('link the proposals named for the motion and by its items, each once, at most 20; never a 选举 or 测评', () => {
    expect(linkedProposalIds(['p1'], spec(3, ['p2', 'p1', undefined]))).toEqual(['p1', 'p2']);
    expect(linkedProposalIds([], { kind: 'vote' })).toEqual([]);
    expect(
      code(() =>
        linkedProposalIds(
          Array.from({ length: 21 }, (_, i) => `p${i}`),
          { kind: 'vote' },
        ),
      ),
    ).toBe('VALIDATION_FAILED:proposalIds');
    expect(code(() => linkedProposalIds(['p1'], { kind: 'election', candidates: [{ id: 'c1', name: '王' }], maxChoices: 1 }))).toBe(
      'VALIDATION_FAILED:proposalIds',
    );
  });

  it('only a 立案 proposal of the same session, not yet 办结, is put to a vote', () => {
    const p = { proposalId: 'p1', sessionId: 's1', title: '关于班车的提案' };
    for (const status of ['accepted', 'replied', 'rated', 'implementing'] as const) {
      expect(code(() => assertVotable('s1', { ...p, status }))).toBe('none');
    }
    for (const status of ['collecting', 'review', 'converted', 'rejected', 'closed'] as const) {
      expect(code(() => assertVotable('s1', { ...p, status }))).toBe('PROPOSAL_NOT_VOTABLE:proposalIds');
    }
    expect(code(() => assertVotable('s2', { ...p, status: 'accepted' }))).toBe('PROPOSAL_NOT_VOTABLE:proposalIds');
  });

  it('the proposal’s timeline gets the result of each item — of its own items when items name proposals', () => {
    const draft = spec(3);
    const r = tallyBallots(draft, [ballot('yes', 'no', 'yes'), ballot('yes', 'no', 'no')], 3, 2);
    const note = voteResultNote('集体合同草案', r, 'p1');
    expect(note.split('\n')).toEqual([
      '《集体合同草案》分项表决结果：',
      '第1项 第1条：通过（赞成 2 票，反对 0 票，弃权 0 票）',
      '第2项 第2条：未通过（赞成 0 票，反对 2 票，弃权 0 票）',
      '第3项 第3条：未通过（赞成 1 票，反对 1 票，弃权 0 票）',
      '应到代表 3 人，实到 2 人，投票 2 人；逐项计票，每项赞成票达到全体代表 3 人的过半数，即至少 2 票，该项方为通过',
    ]);
    const several = tallyBallots(spec(2, ['p1', 'p2']), [ballot('yes', 'no')], 1, 1);
    expect(voteResultNote('两件提案', several, 'p2').split('\n').slice(1, -1)).toEqual([
      '第2项 第2条：未通过（赞成 0 票，反对 1 票，弃权 0 票）',
    ]);
    const plain = tallyBallots({ kind: 'vote' }, [{ kind: 'vote', option: 'yes' }], 1, 1);
    expect(voteResultNote('班车', plain, 'p1').split('\n')[0]).toBe('《班车》：通过（赞成 1 票，反对 0 票，弃权 0 票）');
    expect(putToVoteNote({ title: '集体合同草案', spec: draft })).toBe('《集体合同草案》（分项表决，共 3 项）');
  });

  it('the CSV has a row per item with its counts and verdict, and the rule applied', () => {
    const r = tallyBallots(spec(2), [ballot('yes', 'no')], 1, 1);
    const csv = resultsToCsv({ title: '草案', spec: spec(2) }, r, [{ receiptCode: 'ab12-cd34-ef56', choice: ballot('yes', 'no') }]);
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines).toContain('序号,表决项,赞成,反对,弃权,结果');
    expect(lines).toContain('1,第1条,1,0,0,通过');
    expect(lines).toContain('2,第2条,0,1,0,未通过');
    expect(lines).toContain('计票规则,逐项计票，每项赞成票达到全体代表 1 人的过半数，即至少 1 票，该项方为通过');
    expect(lines).toContain('ab12-cd34-ef56,第1项 赞成；第2项 反对');
  });
});
