/**
 * 分项表决 on 立案 proposals, through the congress routes on DynamoDB Local: the motion links its
 * proposals (only 立案 ones of its session, checked again by its transaction), carries their text,
 * takes one ballot per delegate with an option per item (also when every delegate sends several at
 * once), passes each item on its own with ⌊N/2⌋+1 of all N, and writes the result per item into each
 * proposal's timeline once, together with the result — also when the close is completed by a second request.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { VOTE_OPTIONS, type VoteOption } from '@union/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomId } from '../../../functions/src/platform/ids';
import { closeMotionVoting, createMotion, requireMotion } from '../../../functions/src/store/congress-motion.repository';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { invoke } from '../../support/invoke';
import { congress, makeMembers, mapLimit, type Person, sessionWithRoster, setupOrgs, signInAll } from './fixtures';

let officer: string;
let d: Person[]; // N = 10: quorum 7, each item needs 6
let sessionId: string;
let otherSessionId: string;

const submit = async (by: Person, title: string, session = sessionId) => {
  const res = await invoke(congress, 'POST', `/congress/sessions/${session}/proposals`, {
    token: by.token,
    body: { title, cause: '现行集体合同的工资条款已三年未调整。', suggestion: '建议按本地最低工资调整幅度同步调整工资。' },
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.proposal.proposalId as string;
};
const toReview = async (id: string) => {
  for (const p of [d[1]!, d[2]!])
    expect((await invoke(congress, 'POST', `/congress/proposals/${id}/cosign`, { token: p.token })).status).toBe(201);
};
const accept = async (id: string) => {
  await toReview(id);
  const res = await invoke(congress, 'POST', `/congress/proposals/${id}/decision`, {
    token: officer,
    body: { decision: 'accept', reason: '提交职代会审议', department: '人力资源部', replyDeadline: '2099-06-30' },
  });
  expect(res.status).toBe(200);
};
const newMotion = (body: object) => invoke(congress, 'POST', `/congress/sessions/${sessionId}/motions`, { token: officer, body });
const thread = async (id: string) => (await invoke(congress, 'GET', `/congress/proposals/${id}`, { token: d[0]!.token })).body;
const ballot = (options: VoteOption[]) => ({ kind: 'itemized', options: Object.fromEntries(options.map((o, i) => [`i${i + 1}`, o])) });
const vote = (motionId: string, who: Person, body: object, key?: string) =>
  invoke(congress, 'POST', `/congress/motions/${motionId}/ballots`, {
    token: who.token,
    body,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });
const ITEMS = [{ title: '第一条 工资调整' }, { title: '第二条 工作时间' }, { title: '第三条 带薪休假' }];

beforeAll(async () => {
  ({ officer } = await setupOrgs());
  d = await makeMembers('c-ent', 'it', 10);
  sessionId = await sessionWithRoster(officer, 'c-ent', d);
  otherSessionId = await sessionWithRoster(officer, 'c-ent', d.slice(0, 3), '第三届第三次职工代表大会');
});

describe('a motion on 提案', () => {
  it('refuses proposalIds or draftText on a 选举 or 测评 (400 naming the field), never drops them silently', async () => {
    const accepted = await submit(d[0]!, '关于食堂的提案');
    await accept(accepted);
    const election = { kind: 'election', title: '选举主席团', candidates: [{ name: '张三' }, { name: '李四' }], maxChoices: 1 };
    const rating = { kind: 'rating', title: '测评厂务公开', subjects: [{ name: '厂务公开' }] };
    for (const [body, field, label] of [
      [{ ...election, proposalIds: [accepted] }, 'proposalIds', '关联提案'],
      [{ ...rating, proposalIds: [accepted] }, 'proposalIds', '关联提案'],
      [{ ...election, proposalIds: [] }, 'proposalIds', '关联提案'],
      [{ ...rating, draftText: '集体合同草案全文' }, 'draftText', '议案正文'],
    ] as const) {
      const res = await newMotion(body);
      expect([res.status, res.body.error?.code, res.body.error?.field]).toEqual([400, 'VALIDATION_FAILED', field]);
      expect(res.body.error.message).toBe(`${label}：只有表决和分项表决可以关联提案或议案`);
    }
    const motions = await invoke(congress, 'GET', `/congress/sessions/${sessionId}/motions`, { token: officer });
    expect(motions.body.motions).toEqual([]);
    expect((await thread(accepted)).timeline.map((e: { type: string }) => e.type)).not.toContain('put-to-vote');
  });

  it('links only 立案 proposals of its session (409 / 404 naming 关联提案); nothing is written', async () => {
    const inReview = await submit(d[0]!, '关于夜班补贴的提案');
    await toReview(inReview);
    const elsewhere = await submit(d[0]!, '关于另一次会议的提案', otherSessionId);
    for (const [proposalIds, status, code] of [
      [[inReview], 409, 'PROPOSAL_NOT_VOTABLE'],
      [[elsewhere], 409, 'PROPOSAL_NOT_VOTABLE'],
      [['ppnosuchproposal'], 404, 'PROPOSAL_NOT_FOUND'],
    ] as const) {
      const res = await newMotion({ kind: 'itemized', title: '关于草案的分项表决', proposalIds, items: ITEMS });
      expect([res.status, res.body.error?.code, res.body.error?.field]).toEqual([status, code, 'proposalIds']);
      expect(res.body.error.message).toContain('关联提案');
    }
    const oneItem = await newMotion({ kind: 'itemized', title: '只有一项', items: [{ title: '第一条' }] });
    expect([oneItem.status, oneItem.body.error.field]).toEqual([400, 'items']);
    const motions = await invoke(congress, 'GET', `/congress/sessions/${sessionId}/motions`, { token: officer });
    expect(motions.body.motions).toEqual([]);
    expect((await thread(inReview)).timeline.map((e: { type: string }) => e.type)).not.toContain('put-to-vote');
  });

  it('is refused by its transaction when the proposal is no longer 立案 (办结 meanwhile)', async () => {
    const id = await submit(d[0]!, '关于更衣室改造的提案');
    await accept(id);
    await invoke(congress, 'POST', `/congress/proposals/${id}/reply`, { token: officer, body: { reply: '已列入年度计划。' } });
    expect(
      (await invoke(congress, 'POST', `/congress/proposals/${id}/progress`, { token: officer, body: { note: '改造完成', done: true } }))
        .body.proposal.status,
    ).toBe('closed');
    // The snapshot read while it was still 立案: the motion's transaction checks it again.
    const stale = { proposalId: id, title: '关于更衣室改造的提案', cause: '…', suggestion: '…' };
    const attempt = createMotion(
      {
        motionId: `mt${randomId(12)}`,
        sessionId,
        orgId: 'c-ent',
        kind: 'vote',
        title: '关于更衣室改造的表决',
        description: null,
        draftText: null,
        proposals: [stale],
        spec: { kind: 'vote' },
        revoteOf: null,
        createdAt: new Date().toISOString(),
      },
      '李干部',
    );
    await expect(attempt).rejects.toMatchObject({ code: 'PROPOSAL_NOT_VOTABLE', field: 'proposalIds' });
    expect((await thread(id)).timeline.map((e: { type: string }) => e.type)).not.toContain('put-to-vote');
  });
});

describe('分项表决 on a 立案 proposal', () => {
  let proposalId: string;
  let motionId: string;
  const accepted = new Map<string, { receipt: string; options: VoteOption[] }>();

  it('carries the proposal’s text and links it; the proposal’s timeline says it was put to a vote', async () => {
    proposalId = await submit(d[0]!, '关于集体合同工资条款的提案');
    await accept(proposalId);
    const res = await newMotion({
      kind: 'itemized',
      title: '关于《集体合同（草案）》的分项表决',
      draftText: '第一条 工资调整……\n第二条 工作时间……\n第三条 带薪休假……',
      proposalIds: [proposalId],
      items: ITEMS,
    });
    expect(res.status).toBe(201);
    motionId = res.body.motion.motionId;
    expect(res.body.motion).toMatchObject({
      kind: 'itemized',
      kindLabel: '分项表决',
      status: 'draft',
      draftText: '第一条 工资调整……\n第二条 工作时间……\n第三条 带薪休假……',
      proposals: [
        {
          proposalId,
          title: '关于集体合同工资条款的提案',
          cause: '现行集体合同的工资条款已三年未调整。',
          suggestion: '建议按本地最低工资调整幅度同步调整工资。',
        },
      ],
      spec: { kind: 'itemized', items: ITEMS.map((it, i) => ({ id: `i${i + 1}`, name: it.title })) },
    });
    const put = (await thread(proposalId)).timeline.filter((e: { type: string }) => e.type === 'put-to-vote');
    expect(put).toEqual([
      expect.objectContaining({ motionId, actorName: '李干部', note: '《关于《集体合同（草案）》的分项表决》（分项表决，共 3 项）' }),
    ]);
  });

  it('takes ballots with an option for every item and nothing else (400 BALLOT_INVALID naming the field)', async () => {
    await signInAll(sessionId, d.slice(0, 9));
    expect((await invoke(congress, 'POST', `/congress/motions/${motionId}/open`, { token: officer })).status).toBe(200);
    for (const bad of [
      ballot(['yes', 'no']),
      { kind: 'itemized', options: { i1: 'yes', i2: 'yes', i3: 'yes', i9: 'no' } },
      { kind: 'vote', option: 'yes' },
    ]) {
      const res = await vote(motionId, d[0]!, bad);
      expect([res.status, res.body.error.code]).toEqual([400, 'BALLOT_INVALID']);
    }
    const badOption = await vote(motionId, d[0]!, { kind: 'itemized', options: { i1: 'yes', i2: 'maybe', i3: 'no' } });
    expect([badOption.status, badOption.body.error.code, badOption.body.error.field]).toEqual([400, 'BALLOT_INVALID', 'options']);
    expect(badOption.body.error.message).toBe('表决项：第 2 项的意见须为赞成、反对或弃权');
    const m = await invoke(congress, 'GET', `/congress/motions/${motionId}`, { token: d[0]!.token });
    expect(m.body.motion).toMatchObject({ turnout: 0, hasVoted: false, result: null });
  });

  it('one ballot per delegate when each of 9 sends three different ballots at once (bounded: 9 in flight)', async () => {
    // Each delegate's three attempts, all in flight together; which one lands is the race's.
    // Items 1 and 2 pass whichever lands (≥ 6 赞成 of N = 10); item 3 never gets 6 赞成 (only five send 赞成 on it;
    // the sixth's tries differ between 反对 and 弃权, so the race still decides which ballot lands).
    const intents = d.slice(0, 9).map((p, i) => ({
      p,
      tries: [0, 1, 2].map((t): VoteOption[] => [
        i === 5 && t === 2 ? 'abstain' : i < 7 ? 'yes' : VOTE_OPTIONS[(i + t) % 3]!,
        i < 6 ? 'yes' : 'no',
        i < 5 ? 'yes' : i === 5 ? (['no', 'abstain'] as const)[t % 2]! : 'no',
      ]),
    }));
    const attempts = intents.flatMap(({ p, tries }) => tries.map((options, t) => ({ p, options, key: `it-${p.userId}-${t}-0123456789` })));
    const answers = await mapLimit(attempts, 9, async (a) => ({ ...a, res: await vote(motionId, a.p, ballot(a.options), a.key) }));
    for (const { p } of intents) {
      const mine = answers.filter((a) => a.p === p);
      const ok = mine.filter((a) => a.res.status === 201);
      expect(ok, p.userId).toHaveLength(1);
      expect(mine.filter((a) => a.res.status !== 201).map((a) => a.res.body.error.code)).toEqual([
        'VOTE_ALREADY_CAST',
        'VOTE_ALREADY_CAST',
      ]);
      accepted.set(p.userId, { receipt: ok[0]!.res.body.receiptCode, options: ok[0]!.options });
    }
    const scan = await getDocumentClient().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: 'pk = :b OR (pk = :m AND begins_with(sk, :v))',
        ExpressionAttributeValues: { ':b': `MOTIONBALLOTS#${motionId}`, ':m': `MOTION#${motionId}`, ':v': 'VOTED#' },
      }),
    );
    expect(scan.Items?.filter((i) => i._et === 'CongressBallot')).toHaveLength(9);
    expect(scan.Items?.filter((i) => i._et === 'CongressVoted')).toHaveLength(9);
    const m = await invoke(congress, 'GET', `/congress/motions/${motionId}`, { token: d[3]!.token });
    expect(m.body.motion).toMatchObject({ turnout: 9, hasVoted: true, result: null });
  });

  it('closes: each item passes or fails on its own; the timeline gets the result per item, once, with the result', async () => {
    const closed = await invoke(congress, 'POST', `/congress/motions/${motionId}/close`, { token: officer });
    expect(closed.status).toBe(200);
    const expected = [0, 1, 2].map((k) => {
      const counts = { yes: 0, no: 0, abstain: 0 };
      for (const { options } of accepted.values()) counts[options[k]!] += 1;
      return counts;
    });
    const result = closed.body.motion.result;
    expect(result).toMatchObject({ kind: 'itemized', delegateCount: 10, presentCount: 9, castCount: 9, threshold: 6 });
    expect(result.items.map((i: { counts: object; passed: boolean }) => [i.counts, i.passed])).toEqual(
      expected.map((c) => [c, c.yes >= 6]),
    );
    expect(result.items.map((i: { passed: boolean }) => i.passed)).toEqual([true, true, false]);
    expect(closed.body.motion).toMatchObject({ verdict: '2 项通过，1 项未通过', closedByName: '李干部' });

    const events = (await thread(proposalId)).timeline.filter((e: { type: string }) => e.type === 'vote-result');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ motionId, actorName: '李干部', at: closed.body.motion.closedAt });
    const lines = events[0].note.split('\n');
    expect(lines[0]).toBe('《关于《集体合同（草案）》的分项表决》分项表决结果：');
    expect(lines.slice(1, 4)).toEqual(
      ITEMS.map(
        (it, k) =>
          `第${k + 1}项 ${it.title}：${k < 2 ? '通过' : '未通过'}（赞成 ${expected[k]!.yes} 票，反对 ${expected[k]!.no} 票，弃权 ${expected[k]!.abstain} 票）`,
      ),
    );

    const results = await invoke(congress, 'GET', `/congress/motions/${motionId}/results`, { token: d[8]!.token });
    expect(results.body).toMatchObject({
      rule: '逐项计票，每项赞成票达到全体代表 10 人的过半数，即至少 6 票，该项方为通过',
      verdict: '2 项通过，1 项未通过',
    });
    expect(results.body.session).toMatchObject({ sessionId, startDate: '2025-03-10', endDate: '2025-03-11' });
    const published = new Map(results.body.receipts.map((r: { receiptCode: string; choice: string }) => [r.receiptCode, r.choice]));
    for (const { receipt, options } of accepted.values()) {
      expect(published.get(receipt)).toBe(
        options.map((o, k) => `第${k + 1}项 ${{ yes: '赞成', no: '反对', abstain: '弃权' }[o]}`).join('；'),
      );
    }
    const csv = await invoke(congress, 'GET', `/congress/motions/${motionId}/results/csv`, { token: officer });
    expect(csv.body).toContain(`3,第三条 带薪休假,${expected[2]!.yes},${expected[2]!.no},${expected[2]!.abstain},未通过`);
    expect(csv.body).toContain(`1,第一条 工资调整,${expected[0]!.yes},${expected[0]!.no},${expected[0]!.abstain},通过`);
  });
});

describe('several proposals, one item each', () => {
  it('each proposal’s timeline gets its own item’s result; a close cut short is completed by the same request again, once', async () => {
    const a = await submit(d[0]!, '关于增设哺乳室的提案');
    const b = await submit(d[0]!, '关于延长午休时间的提案');
    await accept(a);
    await accept(b);
    const created = await newMotion({
      kind: 'itemized',
      title: '关于两件提案的分项表决',
      items: [
        { title: '增设哺乳室', proposalId: a },
        { title: '延长午休时间', proposalId: b },
      ],
    });
    expect(created.status).toBe(201);
    const id = created.body.motion.motionId;
    expect(created.body.motion.proposals.map((p: { proposalId: string }) => p.proposalId)).toEqual([a, b]);
    await signInAll(sessionId, d.slice(9));
    expect((await invoke(congress, 'POST', `/congress/motions/${id}/open`, { token: officer })).status).toBe(200);
    await mapLimit(d, 5, async (p, i) => expect((await vote(id, p, ballot(['yes', i < 5 ? 'yes' : 'no']))).status).toBe(201));

    // The close's first write went through; the request ended before it stored the result.
    await closeMotionVoting(id, 10, { userId: 'c-officer', name: '李干部' }, new Date());
    expect((await requireMotion(id, true)).result).toBeNull();
    expect((await thread(a)).timeline.map((e: { type: string }) => e.type)).not.toContain('vote-result');
    const completed = await invoke(congress, 'POST', `/congress/motions/${id}/close`, { token: officer });
    expect(completed.status).toBe(200);
    expect(completed.body.motion.verdict).toBe('1 项通过，1 项未通过');
    const again = await invoke(congress, 'POST', `/congress/motions/${id}/close`, { token: officer });
    expect(again.body.error.code).toBe('MOTION_NOT_OPEN');

    const noteOf = async (p: string) => {
      const results = (await thread(p)).timeline.filter(
        (e: { type: string; motionId?: string }) => e.type === 'vote-result' && e.motionId === id,
      );
      expect(results).toHaveLength(1);
      return results[0].note.split('\n').slice(1, -1);
    };
    expect(await noteOf(a)).toEqual(['第1项 增设哺乳室：通过（赞成 10 票，反对 0 票，弃权 0 票）']);
    expect(await noteOf(b)).toEqual(['第2项 延长午休时间：未通过（赞成 5 票，反对 5 票，弃权 0 票）']);
  });
});

describe('opening below the quorum', () => {
  it('is refused with the numbers: signed in, the quorum and N', async () => {
    const s = await sessionWithRoster(officer, 'c-ent', d.slice(0, 6), '第三届第四次职工代表大会');
    await signInAll(s, d.slice(0, 3));
    const m = await invoke(congress, 'POST', `/congress/sessions/${s}/motions`, {
      token: officer,
      body: { kind: 'vote', title: '关于食堂的表决' },
    });
    const refused = await invoke(congress, 'POST', `/congress/motions/${m.body.motion.motionId}/open`, { token: officer });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'QUORUM_NOT_MET',
      message: '已签到 3 人，未达到法定人数 4 人（全体代表 6 人的三分之二），不能开始表决',
      details: { rosterCount: 6, signedInCount: 3, quorum: 4 },
    });
  });
});
