import { beforeAll, describe, expect, it } from 'vitest';
import { pageOrgCalls, pageSuggestions } from '../../../functions/src/store/project-call.repository';
import { pageOrgVotes } from '../../../functions/src/store/project-vote.repository';
import { invoke, makeProjectMembers, ok, type ProjectMember, projects, setupProjectOrgs, shortlist } from '../projects/fixtures';
import { deskOf, inFlight } from './fixtures';

let w: Awaited<ReturnType<typeof setupProjectOrgs>>;
let members: ProjectMember[];

beforeAll(async () => {
  w = await setupProjectOrgs('ds');
  members = await makeProjectMembers(w.orgs.enterprises, 'ds-m', 10);
}, 60_000);

const dayOffset = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

const newCall = async (title: string) =>
  (
    await ok(
      invoke(projects, 'POST', `/orgs/${w.orgs.da}/project-calls`, {
        token: w.officer,
        body: { title, brief: '请会员提出希望工会明年办的实事。', year: 2027, opensOn: dayOffset(0), closesOn: dayOffset(30) },
      }),
      'call',
    )
  ).call as { callId: string };

const suggest = (callId: string, m: ProjectMember, title: string) =>
  invoke(projects, 'POST', `/project-calls/${callId}/suggestions`, {
    token: m.token,
    body: { title, content: '希望为一线职工组织免费体检，每年一次。', targetGroup: '一线职工', category: '体检' },
  });

const mergeIn = (callId: string, from: string | undefined, into: string | undefined) =>
  invoke(projects, 'POST', `/project-calls/${callId}/merges`, {
    token: w.officer,
    body: { fromSuggestionId: from, intoSuggestionId: into },
  });

/** What waits, counted directly from the items: unmerged suggestions of the org's calls no vote was made from. */
const directlyWaiting = async (orgId: string): Promise<Record<string, number>> => {
  const calls = (await pageOrgCalls(orgId, { limit: 100 })).items;
  const votedCalls = new Set((await pageOrgVotes(orgId, { limit: 100 })).items.map((v) => v.callId));
  const out: Record<string, number> = {};
  for (const c of calls) {
    const suggestions = (await pageSuggestions(c.callId, { limit: 100 })).items;
    out[c.callId] = votedCalls.has(c.callId) ? 0 : suggestions.filter((s) => s.mergedInto === null).length;
  }
  return out;
};
const sum = (byCall: Record<string, number>) => Object.values(byCall).reduce((a, b) => a + b, 0);

describe('waiting:suggestions at the call’s org', () => {
  it('+1 per suggestion (concurrent), −1 per merge, once even when the same merge is sent twice at once', async () => {
    const call = (
      await ok(
        invoke(projects, 'POST', `/orgs/${w.orgs.da}/project-calls`, {
          token: w.officer,
          body: {
            title: '2027年实事项目征集',
            brief: '请会员提出希望工会明年办的实事。',
            year: 2027,
            opensOn: dayOffset(0),
            closesOn: dayOffset(30),
          },
        }),
        'call',
      )
    ).call;
    const made = await inFlight(
      members.map(
        (m, i) => () =>
          invoke(projects, 'POST', `/project-calls/${call.callId}/suggestions`, {
            token: m.token,
            body: { title: `建议${i}号`, content: '希望为一线职工组织免费体检，每年一次。', targetGroup: '一线职工', category: '体检' },
          }),
      ),
    );
    expect(made.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect((await deskOf(w.orgs.da)).now).toEqual({ 'waiting:suggestions': 10 });
    const ids = made.map((r) => r.body.suggestion.suggestionId as string);
    const merge = (from: string | undefined, into: string | undefined) =>
      invoke(projects, 'POST', `/project-calls/${call.callId}/merges`, {
        token: w.officer,
        body: { fromSuggestionId: from, intoSuggestionId: into },
      });
    const merged = await Promise.all([merge(ids[1], ids[0]), merge(ids[1], ids[0]), merge(ids[2], ids[0]), merge(ids[3], ids[4])]);
    expect(merged.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect((await deskOf(w.orgs.da)).now).toEqual({ 'waiting:suggestions': 7 });
    // A refused merge (into one that was merged) changes nothing.
    expect((await merge(ids[5], ids[1])).status).toBe(409);
    expect((await deskOf(w.orgs.da)).now).toEqual({ 'waiting:suggestions': 7 });
  });

  it('shortlisting (a vote made from the call) ends the wait of its suggestions: concurrent suggestions, merges and votes leave the count exact', async () => {
    const before = await directlyWaiting(w.orgs.da);
    const call = await newCall('2028年实事项目征集');
    const first = await inFlight(members.slice(0, 6).map((m, i) => () => suggest(call.callId, m, `先提的建议${i}号`)));
    expect(first.map((r) => r.status)).toEqual(Array(6).fill(201));
    const ids = first.map((r) => r.body.suggestion.suggestionId as string);
    expect((await deskOf(w.orgs.da)).now['waiting:suggestions']).toBe(sum(before) + 6);

    // At once: four more suggestions, three merges and two votes made from the call.
    const vote = () =>
      invoke(projects, 'POST', `/orgs/${w.orgs.da}/project-votes`, { token: w.officer, body: { ...shortlist(3, 1), callId: call.callId } });
    const tasks: Array<() => Promise<{ status: number; body: any }>> = [
      ...members.slice(6).map((m, i) => () => suggest(call.callId, m, `同时提的建议${i}号`)),
      () => mergeIn(call.callId, ids[1], ids[0]),
      () => mergeIn(call.callId, ids[2], ids[0]),
      () => mergeIn(call.callId, ids[3], ids[4]),
      vote,
      vote,
    ];
    const done = await inFlight(tasks);
    expect(done.map((r) => r.status)).toEqual([201, 201, 201, 201, 200, 200, 200, 201, 201]);
    const waiting = await directlyWaiting(w.orgs.da);
    expect(waiting[call.callId]).toBe(0);
    expect((await deskOf(w.orgs.da)).now['waiting:suggestions']).toBe(sum(waiting));
    expect(sum(waiting)).toBe(sum(before));

    // After shortlisting, a merge and a new suggestion of the call change nothing on the desk.
    expect((await mergeIn(call.callId, ids[5], ids[0])).status).toBe(200);
    expect((await suggest(call.callId, members[0] as ProjectMember, '投票后提的建议')).status).toBe(201);
    expect((await deskOf(w.orgs.da)).now['waiting:suggestions']).toBe(sum(before));
  });
});
