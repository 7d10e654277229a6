import {
  cosignProposal,
  DEFAULT_RATING_SCALE,
  decideProposal,
  isReplyOverdue,
  type ProposalState,
  parseRosterCsv,
  rateProposalReply,
  recordProposalProgress,
  replyToProposal,
  resultsToCsv,
  tallyBallots,
  validateBallot,
} from '@union/shared';
import { describe, expect, it } from 'vitest';

const now = new Date('2025-03-10T02:00:00Z');
const base: ProposalState = { proposalId: 'p1', proposerId: 'alice', status: 'collecting', cosignCount: 0 };
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'none';
};

describe('proposal state machine', () => {
  it('goes to review at the second co-signer, not before', () => {
    const one = cosignProposal(base, 'bob', '鲍勃');
    expect(one.set).toMatchObject({ cosignCount: 1, status: 'collecting' });
    const two = cosignProposal({ ...base, cosignCount: 1 }, 'carol', '卡罗');
    expect(two.set).toMatchObject({ cosignCount: 2, status: 'review' });
    expect(two.events.map((e) => e.type)).toEqual(['cosigned', 'to-review']);
  });
  it('refuses co-signing one’s own proposal', () => {
    expect(code(() => cosignProposal(base, 'alice', '爱丽丝'))).toBe('COSIGN_OWN_PROPOSAL');
  });
  it('decisions need the review state and a reason; 立案 needs department and a deadline not in the past', () => {
    expect(code(() => decideProposal(base, { decision: 'reject', reason: '不属于职代会职权' }, now))).toBe('PROPOSAL_STATE_INVALID');
    const review = { ...base, status: 'review' as const, cosignCount: 2 };
    expect(code(() => decideProposal(review, { decision: 'reject', reason: '  ' }, now))).toBe('VALIDATION_FAILED');
    expect(
      code(() => decideProposal(review, { decision: 'accept', reason: '合理', department: '行政部', replyDeadline: '2025-03-09' }, now)),
    ).toBe('VALIDATION_FAILED');
    const accepted = decideProposal(review, { decision: 'accept', reason: '合理', department: '行政部', replyDeadline: '2025-04-10' }, now);
    expect(accepted.set).toMatchObject({ status: 'accepted', department: '行政部', replyDeadline: '2025-04-10' });
    expect(decideProposal(review, { decision: 'convert', reason: '作为意见建议处理' }, now).set.status).toBe('converted');
  });
  it('reply → rate (proposer only) → progress → closed', () => {
    const accepted = { ...base, status: 'accepted' as const, cosignCount: 2, replyDeadline: '2025-04-10' };
    const replied = { ...accepted, ...replyToProposal(accepted, '已安排', now).set } as ProposalState;
    expect(replied.status).toBe('replied');
    expect(code(() => rateProposalReply(replied, 'bob', '满意', ''))).toBe('PROPOSAL_FORBIDDEN');
    const rated = { ...replied, ...rateProposalReply(replied, 'alice', '基本满意', '希望加快').set } as ProposalState;
    expect(rated.status).toBe('rated');
    expect(code(() => rateProposalReply(rated, 'alice', '满意', ''))).toBe('PROPOSAL_STATE_INVALID');
    const impl = { ...rated, ...recordProposalProgress(rated, '已采购', false).set } as ProposalState;
    expect(impl.status).toBe('implementing');
    expect(recordProposalProgress(impl, '全部完成', true).set.status).toBe('closed');
    expect(code(() => recordProposalProgress(accepted, '过早', false))).toBe('PROPOSAL_STATE_INVALID');
  });
  it('flags accepted proposals past their reply deadline', () => {
    expect(isReplyOverdue({ status: 'accepted', replyDeadline: '2025-03-09' }, now)).toBe(true);
    expect(isReplyOverdue({ status: 'accepted', replyDeadline: '2025-03-10' }, now)).toBe(false);
    expect(isReplyOverdue({ status: 'replied', replyDeadline: '2025-03-01' }, now)).toBe(false);
  });
  it('days are Beijing days: at 01:00 on 11 March in Beijing (17:00 UTC the day before) the 10th has passed', () => {
    const beijingEarly = new Date('2025-03-10T17:00:00Z');
    expect(isReplyOverdue({ status: 'accepted', replyDeadline: '2025-03-10' }, beijingEarly)).toBe(true);
    expect(isReplyOverdue({ status: 'accepted', replyDeadline: '2025-03-11' }, beijingEarly)).toBe(false);
    const review: ProposalState = { ...base, status: 'review' };
    const accept = (replyDeadline: string) => () =>
      decideProposal(review, { decision: 'accept', reason: '合理', department: '行政部', replyDeadline }, beijingEarly);
    expect(code(accept('2025-03-10'))).toBe('VALIDATION_FAILED');
    expect(code(accept('2025-03-11'))).toBe('none');
  });
});

describe('ballot validation', () => {
  const election = {
    kind: 'election' as const,
    maxChoices: 2,
    candidates: ['甲', '乙', '丙'].map((name, i) => ({ id: `c${i + 1}`, name })),
  };
  it('allows up to K distinct known candidates', () => {
    expect(validateBallot(election, { kind: 'election', candidateIds: ['c3', 'c1'] })).toEqual({
      kind: 'election',
      candidateIds: ['c1', 'c3'],
    });
    expect(code(() => validateBallot(election, { kind: 'election', candidateIds: ['c1', 'c2', 'c3'] }))).toBe('BALLOT_INVALID');
    expect(code(() => validateBallot(election, { kind: 'election', candidateIds: ['c1', 'c1'] }))).toBe('BALLOT_INVALID');
    expect(code(() => validateBallot(election, { kind: 'election', candidateIds: ['c9'] }))).toBe('BALLOT_INVALID');
  });
  it('a rating must rate every subject on the scale', () => {
    const rating = {
      kind: 'rating' as const,
      scale: [...DEFAULT_RATING_SCALE],
      subjects: [
        { id: 's1', name: '王' },
        { id: 's2', name: '李' },
      ],
    };
    expect(code(() => validateBallot(rating, { kind: 'rating', ratings: { s1: '满意' } }))).toBe('BALLOT_INVALID');
    expect(code(() => validateBallot(rating, { kind: 'rating', ratings: { s1: '满意', s2: '很好' } }))).toBe('BALLOT_INVALID');
    expect(validateBallot(rating, { kind: 'rating', ratings: { s1: '满意', s2: '不满意' } })).toEqual({
      kind: 'rating',
      ratings: { s1: '满意', s2: '不满意' },
    });
  });
  it('refuses a ballot of another kind', () => {
    expect(code(() => validateBallot({ kind: 'vote' }, { kind: 'election', candidateIds: [] }))).toBe('BALLOT_INVALID');
  });
});

describe('roster CSV', () => {
  it('reads member numbers and 代表团, reporting bad lines by number', () => {
    const { rows, errors } = parseRosterCsv(
      '\uFEFF会员编号,代表团\r\nENT-000001,一车间\r\n\r\nbad number!\r\nENT-000002\r\nENT-000001,二车间\r\n"ENT-000003","机关"\r\nA-1,x,y',
    );
    expect(rows).toEqual([
      { line: 2, memberNumber: 'ENT-000001', delegation: '一车间' },
      { line: 5, memberNumber: 'ENT-000002', delegation: undefined },
      { line: 7, memberNumber: 'ENT-000003', delegation: '机关' },
    ]);
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [4, 'ROSTER_LINE_MEMBER_NUMBER'],
      [6, 'ROSTER_LINE_DUPLICATE'],
      [8, 'ROSTER_LINE_COLUMNS'],
    ]);
    expect(errors[0]?.message).toContain('第 4 行');
  });
});

describe('results CSV', () => {
  it('starts with a BOM and lists the tally and receipts', () => {
    const choices = [{ kind: 'vote' as const, option: 'yes' as const }];
    const r = tallyBallots({ kind: 'vote' }, choices, 3, 2);
    const csv = resultsToCsv({ title: '关于"食堂"改造的决议', spec: { kind: 'vote' } }, r, [
      { receiptCode: 'abcd-efgh-ijkm', choice: choices[0]! },
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('事项,"关于""食堂""改造的决议"');
    expect(csv).toContain('赞成,1');
    expect(csv).toContain('结果,未通过');
    expect(csv).toContain('abcd-efgh-ijkm,赞成');
  });

  it('writes titles, names and scale levels that begin with = + - @ as text, not formulas', () => {
    const spec = { kind: 'rating' as const, subjects: [{ id: 's1', name: '@SUM(1)' }], scale: ['+好', '-差'] };
    const choices = [{ kind: 'rating' as const, ratings: { s1: '+好' } }];
    const r = tallyBallots(spec, choices, 3, 2);
    const csv = resultsToCsv({ title: "=cmd|'/c calc'!A1", spec }, r, [{ receiptCode: 'abcd-efgh-ijkm', choice: choices[0]! }]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe("事项,'=cmd|'/c calc'!A1");
    expect(lines).toContain("测评对象,'+好,'-差");
    expect(lines).toContain("'@SUM(1),1,0");
  });
});
