import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { invoke } from '../../support/invoke';
import { congress, makeMembers, type Person, sessionWithRoster, setupOrgs, signInAll } from './fixtures';

let officer: string;
let strangerOfficer: string;
let d: Person[]; // N = 9: quorum 6, pass threshold 5
let sessionId: string;

beforeAll(async () => {
  ({ officer, strangerOfficer } = await setupOrgs());
  d = await makeMembers('c-ent', 'v', 9);
  sessionId = await sessionWithRoster(officer, 'c-ent', d);
});

const newMotion = async (body: object = { kind: 'vote', title: '关于《2025年度集体合同（草案）》的表决' }) => {
  const res = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/motions`, { token: officer, body });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.motion.motionId as string;
};
const open = (id: string) => invoke(congress, 'POST', `/congress/motions/${id}/open`, { token: officer });
const close = (id: string) => invoke(congress, 'POST', `/congress/motions/${id}/close`, { token: officer });
const vote = (id: string, who: Person, ballot: object, key?: string) =>
  invoke(congress, 'POST', `/congress/motions/${id}/ballots`, {
    token: who.token,
    body: ballot,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });
const scanAll = async () => {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await getDocumentClient().send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
};

describe('sign-in, quorum and secret ballots', () => {
  let motionId: string;
  const receipts = new Map<string, string>();

  it('a motion cannot open below ⌈2N/3⌉ signed in (QUORUM_NOT_MET), and opens at it', async () => {
    motionId = await newMotion();
    await signInAll(sessionId, d.slice(0, 5));
    const refused = await open(motionId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('QUORUM_NOT_MET');
    expect((await invoke(congress, 'GET', `/congress/motions/${motionId}`, { token: officer })).body.motion.status).toBe('draft');
    expect((await invoke(congress, 'POST', `/congress/motions/${motionId}/open`, { token: strangerOfficer })).status).toBe(403);

    await signInAll(sessionId, d.slice(5, 6)); // 6 of 9 = ⌈18/3⌉
    const opened = await open(motionId);
    expect(opened.status).toBe(200);
    expect(opened.body.motion).toMatchObject({ status: 'open', delegateCount: 9, turnout: 0 });
    expect((await open(motionId)).body.error.code).toBe('MOTION_NOT_DRAFT');
  });

  it('the roster is locked once a motion has opened (N cannot move under a vote)', async () => {
    const [late] = await makeMembers('c-ent', 'vl', 1);
    const res = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/roster`, {
      token: officer,
      body: { delegates: [{ memberNumber: late!.memberNumber }] },
    });
    expect(res.body.error.code).toBe('ROSTER_LOCKED');
  });

  it('only signed-in delegates vote; bad ballots are 400 and write nothing', async () => {
    const notSignedIn = await vote(motionId, d[8]!, { kind: 'vote', option: 'yes' });
    expect(notSignedIn.status).toBe(409);
    expect(notSignedIn.body.error.code).toBe('NOT_SIGNED_IN');
    const bad = await vote(motionId, d[0]!, { kind: 'vote', option: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'option' });
    expect(bad.body.error.message).toContain('表决意见');
    const wrongKind = await vote(motionId, d[0]!, { kind: 'election', candidateIds: [] });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.code).toBe('BALLOT_INVALID');
    const badKey = await vote(motionId, d[0]!, { kind: 'vote', option: 'yes' }, 'short');
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.code).toBe('IDEMPOTENCY_KEY_INVALID');
    const m = await invoke(congress, 'GET', `/congress/motions/${motionId}`, { token: d[0]!.token });
    expect(m.body.motion).toMatchObject({ turnout: 0, hasVoted: false });
  });

  it('one ballot per delegate; a retry with the same Idempotency-Key gets the first answer', async () => {
    const key = 'k-0123456789abcdef-0001';
    const first = await vote(motionId, d[0]!, { kind: 'vote', option: 'yes' }, key);
    expect(first.status).toBe(201);
    expect(first.body.receiptCode).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
    receipts.set(d[0]!.userId, first.body.receiptCode);
    // Retried (e.g. the network dropped the answer), even with a different body: the first answer.
    const retry = await vote(motionId, d[0]!, { kind: 'vote', option: 'no' }, key);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    // A new request (new key, or none) is a second ballot: refused.
    const second = await vote(motionId, d[0]!, { kind: 'vote', option: 'no' }, 'k-0123456789abcdef-0002');
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('VOTE_ALREADY_CAST');
    expect((await vote(motionId, d[0]!, { kind: 'vote', option: 'no' })).body.error.code).toBe('VOTE_ALREADY_CAST');
    // Another delegate replaying someone's key gets nothing of theirs.
    const other = await vote(motionId, d[1]!, { kind: 'vote', option: 'no' }, key);
    expect(other.status).toBe(201);
    expect(other.body.receiptCode).not.toBe(first.body.receiptCode);
    receipts.set(d[1]!.userId, other.body.receiptCode);
  });

  it('concurrent retries with one key cast one ballot', async () => {
    const key = 'k-concurrent-retry-000000001';
    const res = await Promise.all(Array.from({ length: 4 }, () => vote(motionId, d[2]!, { kind: 'vote', option: 'yes' }, key)));
    expect(res.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(res.map((r) => r.body.receiptCode)).size).toBe(1);
    receipts.set(d[2]!.userId, res[0]!.body.receiptCode);
  });

  it('shows turnout while open, never the tally', async () => {
    for (const [i, option] of [
      [3, 'yes'],
      [4, 'abstain'],
    ] as const) {
      const r = await vote(motionId, d[i]!, { kind: 'vote', option });
      receipts.set(d[i]!.userId, r.body.receiptCode);
    }
    const m = await invoke(congress, 'GET', `/congress/motions/${motionId}`, { token: d[0]!.token });
    expect(m.body.motion).toMatchObject({ status: 'open', turnout: 5, hasVoted: true, result: null, verdict: null });
    expect(JSON.stringify(m.body)).not.toMatch(/"yes"\s*:\s*\d/);
    const results = await invoke(congress, 'GET', `/congress/motions/${motionId}/results`, { token: officer });
    expect(results.status).toBe(409);
    expect(results.body.error.code).toBe('MOTION_NOT_CLOSED');
    expect((await invoke(congress, 'GET', `/congress/motions/${motionId}/results/csv`, { token: officer })).status).toBe(409);
  });

  it('stores nothing that links a ballot to its voter', async () => {
    const items = await scanAll();
    const ballots = items.filter((i) => i._et === 'CongressBallot');
    const markers = items.filter((i) => i._et === 'CongressVoted');
    const answers = items.filter((i) => i._et === 'CongressBallotAnswer');
    expect(ballots).toHaveLength(5);
    expect(markers).toHaveLength(5);
    expect(answers).toHaveLength(3); // d0, d1 and d2 sent keys
    const userIds = d.map((p) => p.userId);
    for (const b of ballots) {
      // Exactly these attributes: no voter, no time, no user-derived key.
      expect(Object.keys(b).sort()).toEqual(['_et', 'choice', 'motionId', 'pk', 'receiptCode', 'sk']);
      const text = JSON.stringify(b);
      for (const u of userIds) expect(text).not.toContain(u);
    }
    for (const m of markers) {
      // Who voted in what (their own data, gsi1 repeats it for GET /me/data): never a choice or a time.
      expect(Object.keys(m).sort()).toEqual(['_et', 'gsi1pk', 'gsi1sk', 'motionId', 'pk', 'sk', 'userId']);
      expect([m.gsi1pk, m.gsi1sk]).toEqual([`VOTER#${m.userId}`, m.motionId]);
    }
    const allReceipts = [...receipts.values()];
    for (const a of answers) {
      expect(Object.keys(a).sort()).toEqual(['_et', 'pk', 'requestHash', 'sealed', 'sk', 'ttl']);
      // Its expiry is a whole hour: it does not time the vote.
      expect((a.ttl as number) % 3600).toBe(0);
      const text = JSON.stringify(a);
      for (const u of userIds) expect(text).not.toContain(u);
      for (const r of allReceipts) expect(text).not.toContain(r);
    }
    // No timestamps anywhere on the ballot path (dynamodb-toolbox's _ct/_md would order them).
    for (const i of [...ballots, ...markers, ...answers]) expect(i).not.toHaveProperty('_ct');
  });

  it('closes: results counted against all N, receipts published, immutable afterwards', async () => {
    const closed = await close(motionId);
    expect(closed.status).toBe(200);
    // 3 yes of N = 9 (threshold 5): not passed, though 3 of 5 cast said yes.
    expect(closed.body.motion.result).toMatchObject({
      kind: 'vote',
      counts: { yes: 3, no: 1, abstain: 1 },
      delegateCount: 9,
      presentCount: 6,
      castCount: 5,
      threshold: 5,
      passed: false,
    });
    expect(closed.body.motion.verdict).toBe('未通过');

    const late = await vote(motionId, d[5]!, { kind: 'vote', option: 'yes' });
    expect(late.body.error.code).toBe('MOTION_NOT_OPEN');
    expect((await close(motionId)).body.error.code).toBe('MOTION_NOT_OPEN');
    expect((await open(motionId)).body.error.code).toBe('MOTION_NOT_DRAFT');

    const results = await invoke(congress, 'GET', `/congress/motions/${motionId}/results`, { token: d[0]!.token });
    expect(results.status).toBe(200);
    expect(results.body.verdict).toBe('未通过');
    const published = new Map(results.body.receipts.map((r: { receiptCode: string; choice: string }) => [r.receiptCode, r.choice]));
    expect(published.size).toBe(5);
    expect(published.get(receipts.get(d[0]!.userId)!)).toBe('赞成');
    expect(published.get(receipts.get(d[1]!.userId)!)).toBe('反对');
    expect(published.get(receipts.get(d[4]!.userId)!)).toBe('弃权');

    const csv = await invoke(congress, 'GET', `/congress/motions/${motionId}/results/csv`, { token: officer });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect(csv.body).toContain('赞成,3');
    expect(csv.body).toContain(`${receipts.get(d[0]!.userId)},赞成`);
  });

  it('a re-vote is a new motion; the old result stays', async () => {
    const re = await invoke(congress, 'POST', `/congress/motions/${motionId}/revote`, { token: officer });
    expect(re.status).toBe(201);
    const newId = re.body.motion.motionId;
    expect(re.body.motion).toMatchObject({ status: 'draft', revoteOf: motionId });
    await signInAll(sessionId, d.slice(6));
    expect((await open(newId)).status).toBe(200);
    for (const p of d) expect((await vote(newId, p, { kind: 'vote', option: 'yes' })).status).toBe(201);
    const closed = await close(newId);
    expect(closed.body.motion.result).toMatchObject({ counts: { yes: 9 }, passed: true });
    expect(closed.body.motion.verdict).toBe('通过');
    const old = await invoke(congress, 'GET', `/congress/motions/${motionId}/results`, { token: officer });
    expect(old.body.result).toMatchObject({ counts: { yes: 3, no: 1, abstain: 1 }, passed: false });
    const list = await invoke(congress, 'GET', `/congress/sessions/${sessionId}/motions`, { token: d[0]!.token });
    expect(list.body.motions.map((m: { motionId: string }) => m.motionId)).toEqual([motionId, newId]);
  });

  it('选举: up to K of M, elected only with ⌊N/2⌋+1 of all N', async () => {
    const id = await newMotion({
      kind: 'election',
      title: '增补工会委员选举',
      candidates: [{ name: '王芳' }, { name: '刘强' }, { name: '陈明' }],
      maxChoices: 2,
    });
    expect((await open(id)).status).toBe(200);
    const tooMany = await vote(id, d[0]!, { kind: 'election', candidateIds: ['c1', 'c2', 'c3'] });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain('最多选择 2 人');
    // 王芳 6, 刘强 4, 陈明 4 → threshold 5 of N = 9: only 王芳 is elected (4 of 9 is no majority).
    const picks = [['c1', 'c2'], ['c1', 'c2'], ['c1', 'c2'], ['c1', 'c3'], ['c1', 'c3'], ['c1', 'c2'], ['c3'], ['c3'], []];
    for (const [i, p] of picks.entries()) expect((await vote(id, d[i]!, { kind: 'election', candidateIds: p })).status).toBe(201);
    const r = (await close(id)).body.motion.result;
    expect(r.candidates.map((c: { name: string; votes: number; elected: boolean }) => [c.name, c.votes, c.elected])).toEqual(
      [
        ['王芳', 6, true],
        ['刘强', 4, false],
        ['陈明', 4, false],
      ].sort((a, b) => (b[1] as number) - (a[1] as number)),
    );
    expect(r.blankBallots).toBe(1);
  });

  it('测评 on named leaders with the default scale', async () => {
    const id = await newMotion({ kind: 'rating', title: '工会主席年度测评', subjects: [{ name: '赵主席', note: '工会主席' }] });
    const m = await invoke(congress, 'GET', `/congress/motions/${id}`, { token: officer });
    expect(m.body.motion.spec.scale).toEqual(['满意', '基本满意', '不满意']);
    await open(id);
    const missing = await vote(id, d[0]!, { kind: 'rating', ratings: {} });
    expect(missing.status).toBe(400);
    for (const [i, level] of ['满意', '满意', '基本满意', '不满意'].entries()) {
      expect((await vote(id, d[i]!, { kind: 'rating', ratings: { s1: level } })).status).toBe(201);
    }
    const r = (await close(id)).body.motion.result;
    expect(r.subjects[0].counts).toEqual([2, 1, 1]);
  });
});
