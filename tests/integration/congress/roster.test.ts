import { beforeAll, describe, expect, it } from 'vitest';
import { getUser } from '../../../functions/src/store/user.repository';
import { invoke } from '../../support/invoke';
import { congress, makeMembers, type Person, setupOrgs } from './fixtures';

let officer: string;
let districtOfficer: string;
let strangerOfficer: string;
let members: Person[];
let outsiders: Person[];

beforeAll(async () => {
  ({ officer, districtOfficer, strangerOfficer } = await setupOrgs());
  members = await makeMembers('c-ent', 'r', 8);
  outsiders = await makeMembers('c-other', 'x', 1);
});

const newSession = async (token = officer) =>
  invoke(congress, 'POST', '/congress/sessions', {
    token,
    body: { orgId: 'c-ent', sessionName: '第三届第二次职工代表大会', startDate: '2025-03-10', endDate: '2025-03-11' },
  });

describe('sessions and roster', () => {
  it('an officer of the org (or above) creates a session; an officer elsewhere cannot', async () => {
    expect((await newSession()).status).toBe(201);
    expect((await newSession(districtOfficer)).status).toBe(201);
    const refused = await newSession(strangerOfficer);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN_ORG');
  });

  it('refuses bad session input with a Chinese message naming the field, never a 500', async () => {
    const res = await invoke(congress, 'POST', '/congress/sessions', {
      token: officer,
      body: { orgId: 'c-ent', sessionName: '职代会', startDate: '2025-03-12', endDate: '2025-03-11' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toMatch(/会议名称|结束日期/);
    const bad = await invoke(congress, 'POST', '/congress/sessions', { token: officer, rawBody: '{"orgId":' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_JSON');
  });

  it('builds the roster from member numbers, with 代表团, and grants the delegate role', async () => {
    const sessionId = (await newSession()).body.session.sessionId;
    const res = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/roster`, {
      token: officer,
      body: { delegates: [{ memberNumber: members[0]!.memberNumber, delegation: '一车间' }, { memberNumber: members[1]!.memberNumber }] },
    });
    expect(res.status).toBe(201);
    expect(res.body.session).toMatchObject({ rosterCount: 2, quorum: 2, passThreshold: 2 });
    const roster = await invoke(congress, 'GET', `/congress/sessions/${sessionId}/roster`, { token: officer });
    expect(
      roster.body.delegates.map((d: { displayName: string; delegation: string | null }) => [d.displayName, d.delegation]).sort(),
    ).toEqual(
      [
        [members[0]!.name, '一车间'],
        [members[1]!.name, null],
      ].sort(),
    );
    expect((await getUser(members[0]!.userId))?.grants).toContainEqual({ role: 'delegate', orgId: 'c-ent' });
    // The same person twice: refused, N unchanged.
    const again = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/roster`, {
      token: officer,
      body: { delegates: [{ memberNumber: members[0]!.memberNumber }] },
    });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('ROSTER_INVALID');
    expect((await invoke(congress, 'GET', `/congress/sessions/${sessionId}/roster`, { token: officer })).body.session.rosterCount).toBe(2);
  });

  it('imports a CSV, reporting every bad line and writing nothing when any line is bad', async () => {
    const sessionId = (await newSession()).body.session.sessionId;
    const csv = [
      '会员编号,代表团',
      `${members[2]!.memberNumber},一车间`,
      'not a number!',
      `${outsiders[0]!.memberNumber},二车间`,
      `${members[2]!.memberNumber},机关`,
      'C-ENT-999999',
    ].join('\r\n');
    const res = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/roster/import`, { token: officer, body: { csv } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('ROSTER_IMPORT_INVALID');
    expect(res.body.error.field).toBe('csv');
    expect(res.body.error.details.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [3, 'ROSTER_LINE_MEMBER_NUMBER'],
      [4, 'ROSTER_LINE_NOT_MEMBER'],
      [5, 'ROSTER_LINE_DUPLICATE'],
      [6, 'ROSTER_LINE_NOT_MEMBER'],
    ]);
    expect(res.body.error.details.errors[0].message).toContain('第 3 行');
    const roster = await invoke(congress, 'GET', `/congress/sessions/${sessionId}/roster`, { token: officer });
    expect(roster.body.delegates).toEqual([]);
    expect(roster.body.session.rosterCount).toBe(0);

    const good = [`\uFEFF会员编号,代表团`, ...members.slice(2, 8).map((m, i) => `${m.memberNumber},${i < 3 ? '一车间' : '机关'}`)].join(
      '\n',
    );
    const ok = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/roster/import`, { token: officer, body: { csv: good } });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ added: 6, session: { rosterCount: 6, quorum: 4, passThreshold: 4 } });
  });

  it('delegates see their sessions and sign in once; others cannot sign in', async () => {
    const sessionId = (await newSession()).body.session.sessionId;
    await invoke(congress, 'POST', `/congress/sessions/${sessionId}/roster`, {
      token: officer,
      body: { delegates: members.slice(0, 3).map((m) => ({ memberNumber: m.memberNumber })) },
    });
    const mine = await invoke(congress, 'GET', '/congress/my-sessions', { token: members[0]!.token });
    expect(mine.body.sessions.map((s: { sessionId: string }) => s.sessionId)).toContain(sessionId);
    const first = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/sign-in`, { token: members[0]!.token });
    expect(first.status).toBe(201);
    expect(first.body.session.signedInCount).toBe(1);
    const second = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/sign-in`, { token: members[0]!.token });
    expect(second.body).toMatchObject({ already: true, session: { signedInCount: 1 } });
    const stranger = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/sign-in`, { token: members[7]!.token });
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.code).toBe('NOT_A_DELEGATE');
    const view = await invoke(congress, 'GET', `/congress/sessions/${sessionId}`, { token: members[0]!.token });
    expect(view.body.me).toMatchObject({ delegate: true, signedIn: true, officer: false });
  });
});
