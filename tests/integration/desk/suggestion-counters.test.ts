import { beforeAll, describe, expect, it } from 'vitest';
import { invoke, makeProjectMembers, ok, type ProjectMember, projects, setupProjectOrgs } from '../projects/fixtures';
import { deskOf, inFlight } from './fixtures';

let w: Awaited<ReturnType<typeof setupProjectOrgs>>;
let members: ProjectMember[];

beforeAll(async () => {
  w = await setupProjectOrgs('ds');
  members = await makeProjectMembers(w.orgs.enterprises, 'ds-m', 10);
}, 60_000);

const dayOffset = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

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
});
