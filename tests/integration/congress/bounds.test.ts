import { beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../support/invoke';
import { congress, makeMembers, type Person, sessionWithRoster, setupOrgs } from './fixtures';

// Issue 10, item 14: impossible dates and out-of-range numbers are refused, not stored.

let officer: string;
let d: Person[];
let sessionId: string;

beforeAll(async () => {
  ({ officer } = await setupOrgs());
  d = await makeMembers('c-ent', 'b', 3);
  sessionId = await sessionWithRoster(officer, 'c-ent', d);
});

const createSession = (startDate: string, endDate = startDate) =>
  invoke(congress, 'POST', '/congress/sessions', {
    token: officer,
    body: { orgId: 'c-ent', sessionName: '第三届第三次职工代表大会', startDate, endDate },
  });

describe('dates', () => {
  it('refuses a session starting on 2025-02-30 or in month 13, naming the field, storing nothing', async () => {
    for (const [startDate, endDate, field] of [
      ['2025-02-30', '2025-03-02', 'startDate'],
      ['2025-13-01', '2025-13-02', 'startDate'],
      ['2025-03-01', '2025-04-31', 'endDate'],
      ['2023-02-29', '2023-03-01', 'startDate'],
      ['1899-12-31', '2025-01-01', 'startDate'],
      ['2025-01-01', '2100-01-01', 'endDate'],
      ['2025-1-1', '2025-01-02', 'startDate'],
    ] as const) {
      const res = await createSession(startDate, endDate);
      expect({ startDate, status: res.status, error: res.body.error }).toMatchObject({
        startDate,
        status: 400,
        error: { code: 'VALIDATION_FAILED', field },
      });
      expect(res.body.error.message).toMatch(field === 'startDate' ? /^开始日期：/ : /^结束日期：/);
    }
    const list = await invoke(congress, 'GET', '/congress/sessions?orgId=c-ent', { token: officer });
    expect(list.body.sessions.map((s: { startDate: string }) => s.startDate)).toEqual(['2025-03-10']);
  });

  it('accepts a real leap day', async () => {
    const res = await createSession('2024-02-29');
    expect(res.status).toBe(201);
    expect(res.body.session.startDate).toBe('2024-02-29');
  });

  it('refuses a 立案 reply deadline of 2027-02-30 and leaves the proposal in review', async () => {
    const created = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/proposals`, {
      token: d[0]!.token,
      body: { title: '关于增设职工休息室的提案', cause: '一线职工倒班后没有休息的地方。', suggestion: '在各车间就近设置职工休息室。' },
    });
    expect(created.status).toBe(201);
    const id = created.body.proposal.proposalId;
    for (const p of [d[1]!, d[2]!]) {
      expect((await invoke(congress, 'POST', `/congress/proposals/${id}/cosign`, { token: p.token })).status).toBe(201);
    }
    const decide = (replyDeadline: string) =>
      invoke(congress, 'POST', `/congress/proposals/${id}/decision`, {
        token: officer,
        body: { decision: 'accept', reason: '建议可行', department: '行政部', replyDeadline },
      });
    const bad = await decide('2027-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'replyDeadline' });
    expect(bad.body.error.message).toMatch(/^答复期限：/);
    const read = await invoke(congress, 'GET', `/congress/proposals/${id}`, { token: officer });
    expect(read.body.proposal.status).toBe('review');
    expect(read.body.proposal.replyDeadline).toBeNull();
    const good = await decide('2027-02-28');
    expect(good.status).toBe(200);
    expect(good.body.proposal.replyDeadline).toBe('2027-02-28');
  });
});

describe('numbers and sizes', () => {
  it('refuses an absurd number of seats and an oversized rating ballot', async () => {
    const res = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/motions`, {
      token: officer,
      body: { kind: 'election', title: '增补委员选举', candidates: [{ name: '王芳' }], maxChoices: 1e200 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'maxChoices' });
    const ratings = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`s${i}`, '满意']));
    const ballot = await invoke(congress, 'POST', '/congress/motions/mtnone/ballots', {
      token: d[0]!.token,
      body: { kind: 'rating', ratings },
    });
    expect(ballot.status).toBe(400);
    expect(ballot.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'ratings' });
  });
});
