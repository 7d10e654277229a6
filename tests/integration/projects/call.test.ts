import { beforeAll, describe, expect, it } from 'vitest';
import { mapLimit } from '../congress/fixtures';
import { invoke, makeProjectMembers, ok, type ProjectMember, projects, setupProjectOrgs } from './fixtures';

let w: Awaited<ReturnType<typeof setupProjectOrgs>>;
let members: ProjectMember[];
let outsider: ProjectMember;

beforeAll(async () => {
  w = await setupProjectOrgs('pc');
  members = await makeProjectMembers(w.orgs.enterprises, 'pc-m', 12);
  outsider = (await makeProjectMembers([w.orgs.eb], 'pc-x', 1))[0] as ProjectMember;
}, 60_000);

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const dayOffset = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

const openCall = async (opensOn = today(), closesOn = dayOffset(30)) =>
  (
    await ok(
      invoke(projects, 'POST', `/orgs/${w.orgs.da}/project-calls`, {
        token: w.officer,
        body: { title: '2027年实事项目征集', brief: '请会员提出希望工会明年办的实事。', year: 2027, opensOn, closesOn },
      }),
      'call',
    )
  ).call;

const suggestion = (title: string) => ({
  title,
  content: '希望为一线职工组织免费体检，每年一次。',
  targetGroup: '一线职工',
  category: '体检',
});
const suggest = (callId: string, m: ProjectMember, title: string) =>
  invoke(projects, 'POST', `/project-calls/${callId}/suggestions`, { token: m.token, body: suggestion(title) });
const support = (callId: string, m: ProjectMember, id: string) =>
  invoke(projects, 'POST', `/project-calls/${callId}/suggestions/${id}/support`, { token: m.token });
const list = async (callId: string, m: ProjectMember) =>
  (await ok(invoke(projects, 'GET', `/project-calls/${callId}/suggestions`, { token: m.token, query: { limit: '100' } }), 'list'))
    .suggestions;

describe('实事征集', () => {
  it('members of the subtree suggest and support; members elsewhere may not; the call shows in 首页 lists of the subtree only', async () => {
    const call = await openCall();
    const mine = await ok(suggest(call.callId, members[0]!, '一线职工免费体检'), 'suggest');
    expect(mine.suggestion).toMatchObject({ supportCount: 1, supportedByMe: true, mine: true, authorName: '会*1' });
    expect((await support(call.callId, members[1]!, mine.suggestion.suggestionId)).status).toBe(201);
    const twice = await support(call.callId, members[1]!, mine.suggestion.suggestionId);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('ALREADY_SUPPORTED');
    const foreign = await suggest(call.callId, outsider, '外区的建议');
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toMatchObject({ code: 'NOT_IN_SUBTREE', field: 'callId' });
    expect((await invoke(projects, 'GET', `/project-calls/${call.callId}/suggestions`, { token: outsider.token })).status).toBe(403);

    const seen = await list(call.callId, members[1]!);
    expect(seen.map((s: any) => [s.title, s.supportCount, s.supportedByMe, s.mine])).toEqual([['一线职工免费体检', 2, true, false]]);
    const inLists = (await ok(invoke(projects, 'GET', '/me/project-calls', { token: members[2]!.token }), 'mine')).calls;
    expect(inLists.map((c: any) => c.callId)).toContain(call.callId);
    const elsewhere = (await ok(invoke(projects, 'GET', '/me/project-calls', { token: outsider.token }), 'theirs')).calls;
    expect(elsewhere.map((c: any) => c.callId)).not.toContain(call.callId);
  });

  it('refuses suggestions before and after its dates', async () => {
    const later = await openCall(dayOffset(3), dayOffset(10));
    const early = await suggest(later.callId, members[0]!, '提早的建议');
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain(dayOffset(3));
  });

  it('one support per member under concurrency, and at most 5 suggestions each', async () => {
    const call = await openCall();
    const target = (await ok(suggest(call.callId, members[0]!, '职工书屋'), 'suggest')).suggestion.suggestionId;
    const attempts = members.slice(1).flatMap((m) => [m, m, m]);
    const statuses = await mapLimit(attempts, 12, async (m) => (await support(call.callId, m, target)).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(members.length - 1);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);
    expect((await list(call.callId, members[0]!)).find((s: any) => s.suggestionId === target).supportCount).toBe(members.length);

    const many = await Promise.all(Array.from({ length: 8 }, (_, i) => suggest(call.callId, members[5]!, `第${i + 1}条建议内容`)));
    expect(many.filter((r) => r.status === 201)).toHaveLength(5);
    expect(many.filter((r) => r.status === 409).every((r) => r.body.error.code === 'SUGGESTION_LIMIT')).toBe(true);
  });

  it('a merge keeps every supporter once and tells the author where theirs went', async () => {
    const call = await openCall();
    const a = (await ok(suggest(call.callId, members[0]!, '建设户外劳动者驿站'), 'a')).suggestion.suggestionId;
    const b = (await ok(suggest(call.callId, members[1]!, '增加户外驿站数量'), 'b')).suggestion.suggestionId;
    // a: 0, 2, 3 (0 wrote it); b: 1, 3, 4 → merged: 0, 1, 2, 3, 4 (3 counted once).
    for (const i of [2, 3]) await ok(support(call.callId, members[i]!, a), 'support a');
    for (const i of [3, 4]) await ok(support(call.callId, members[i]!, b), 'support b');
    const foreignOfficer = await invoke(projects, 'POST', `/project-calls/${call.callId}/merges`, {
      token: w.otherOfficer,
      body: { fromSuggestionId: a, intoSuggestionId: b },
    });
    expect(foreignOfficer.status).toBe(403);
    await ok(
      invoke(projects, 'POST', `/project-calls/${call.callId}/merges`, {
        token: w.officer,
        body: { fromSuggestionId: a, intoSuggestionId: b },
      }),
      'merge',
    );
    const after = await list(call.callId, members[0]!);
    const from = after.find((s: any) => s.suggestionId === a);
    const into = after.find((s: any) => s.suggestionId === b);
    expect(from).toMatchObject({ mergedInto: b, mergedIntoTitle: '增加户外驿站数量' });
    expect(into).toMatchObject({ supportCount: 5, mergedFrom: [a], supportedByMe: true });
    const authorView = (await ok(invoke(projects, 'GET', '/me/project-suggestions', { token: members[0]!.token }), 'my')).suggestions;
    expect(authorView.find((s: any) => s.suggestionId === a)).toMatchObject({ mergedIntoTitle: '增加户外驿站数量' });
    const stale = await support(call.callId, members[6]!, a);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('SUGGESTION_NOT_OPEN');
    // The same merge again completes nothing twice.
    await ok(
      invoke(projects, 'POST', `/project-calls/${call.callId}/merges`, {
        token: w.officer,
        body: { fromSuggestionId: a, intoSuggestionId: b },
      }),
      'again',
    );
    expect((await list(call.callId, members[0]!)).find((s: any) => s.suggestionId === b).supportCount).toBe(5);
  });
});
