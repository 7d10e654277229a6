import { describe, expect, it } from 'vitest';
import { mapLimit } from '../congress/fixtures';
import { invoke, makeProjectMembers, ok, projects, setupProjectOrgs, shortlist } from './fixtures';

/**
 * A city-scale vote, scaled to DynamoDB Local on 2 cores: members of a district's subtree each send
 * their ballot and, at the same moment, a second one (64 in flight); the count at close is exact and
 * every repeat is refused. No item is written by every ballot. `npm test` runs 1,000 members (about
 * 40 s here); `PROJECT_VOTE_LOAD=5000 npx vitest run --project integration tests/integration/projects/load.test.ts`
 * runs the 5,000 (about 3 min).
 */
const MEMBERS = Number(process.env.PROJECT_VOTE_LOAD ?? 1000);

describe('实事 vote under load', () => {
  it(`${MEMBERS} members × 2 ballots at once: exactly one each, counted exactly at close`, async () => {
    const w = await setupProjectOrgs('pl', 10);
    const members = await makeProjectMembers(w.orgs.enterprises, 'pl-m', MEMBERS, 16);
    const vote = (
      await ok(invoke(projects, 'POST', `/orgs/${w.orgs.da}/project-votes`, { token: w.officer, body: shortlist(6, 2) }), 'vote')
    ).vote;
    // Member i picks p(i mod 6 + 1), and p1 as well when i is even: the exact count is known.
    const picksOf = (i: number) => [...new Set([`p${(i % 6) + 1}`, ...(i % 2 === 0 ? ['p1'] : [])])];
    const attempts = members.flatMap((m, i) => [
      { m, i },
      { m, i },
    ]);
    const statuses = await mapLimit(attempts, 64, async ({ m, i }) => {
      const res = await invoke(projects, 'POST', `/project-votes/${vote.voteId}/ballots`, { token: m.token, body: { picks: picksOf(i) } });
      return res.status === 201 ? 'ok' : res.body.error.code;
    });
    expect(statuses.filter((s) => s === 'ok')).toHaveLength(MEMBERS);
    expect(statuses.filter((s) => s !== 'ok').every((s) => s === 'VOTE_ALREADY_CAST')).toBe(true);

    const closed = await ok(invoke(projects, 'POST', `/project-votes/${vote.voteId}/close`, { token: w.officer }), 'close');
    const expected = new Map<string, number>();
    for (let i = 0; i < MEMBERS; i += 1) for (const p of picksOf(i)) expected.set(p, (expected.get(p) ?? 0) + 1);
    expect(closed.ballots).toBe(MEMBERS);
    expect(Object.fromEntries(closed.results.map((r: any) => [r.candidateId, r.votes]))).toEqual(Object.fromEntries(expected));
  }, 600_000);
});
