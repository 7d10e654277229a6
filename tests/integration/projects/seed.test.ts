import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../../scripts/seed/index';
import { DEMO_PROJECT_CALL_ID, DEMO_PROJECT_VOTE_CLOSED, DEMO_PROJECT_VOTE_OPEN } from '../../../scripts/seed/projects';
import { tokenFor } from '../../support/sessions';
import { invoke, projects } from './fixtures';

describe('demo seed: 实事', () => {
  it('seeds a 征集 with suggestions (two merged), an open vote and a closed one with its results', async () => {
    expect(await seedDemo()).toBe('seeded');
    const member = await tokenFor('delegate-10', [{ role: 'member', orgId: 'enterprise' }]);
    const calls = await invoke(projects, 'GET', '/me/project-calls', { token: member });
    expect(calls.body.calls.map((c: any) => [c.callId, c.phase])).toEqual([[DEMO_PROJECT_CALL_ID, 'open']]);
    const suggestions = (await invoke(projects, 'GET', `/project-calls/${DEMO_PROJECT_CALL_ID}/suggestions`, { token: member })).body
      .suggestions;
    expect(suggestions).toHaveLength(5);
    expect(suggestions.filter((s: any) => s.mergedInto !== null).map((s: any) => s.mergedIntoTitle)).toEqual(['户外劳动者驿站']);
    expect(suggestions.every((s: any) => s.supportCount >= 1)).toBe(true);

    const votes = (await invoke(projects, 'GET', '/me/project-votes', { token: member })).body.votes;
    expect(Object.fromEntries(votes.map((v: any) => [v.voteId, [v.phase, v.hasVoted]]))).toEqual({
      [DEMO_PROJECT_VOTE_OPEN]: ['open', false],
      [DEMO_PROJECT_VOTE_CLOSED]: ['closed', false],
    });
    const results = (await invoke(projects, 'GET', `/project-votes/${DEMO_PROJECT_VOTE_CLOSED}/results`, { token: member })).body;
    // 代表11–30: p((n mod 4)+1), and p1 too unless n is a multiple of 3.
    const expected = new Map<string, number>();
    for (let n = 11; n <= 30; n += 1) {
      for (const p of new Set([`p${(n % 4) + 1}`, ...(n % 3 === 0 ? [] : ['p1'])])) expected.set(p, (expected.get(p) ?? 0) + 1);
    }
    expect(results.ballots).toBe(20);
    expect(Object.fromEntries(results.results.map((r: any) => [r.candidateId, r.votes]))).toEqual(Object.fromEntries(expected));
  });

  it("seeds progress on the demo catalogs' counted entries and an open survey with five ratings", async () => {
    const member = await tokenFor('member-migrant', [{ role: 'member', orgId: 'enterprise' }]);
    const progress = (await invoke(projects, 'GET', '/me/project-progress', { token: member })).body;
    expect(progress.entries.length).toBeGreaterThan(0);
    expect(progress.entries.every((e: any) => e.recorded > 0 || e.target === 1)).toBe(true);
    expect(progress.entries[0].text).toMatch(/^已完成 \d+\/\d+ /);
    const mine = (await invoke(projects, 'GET', '/me/project-ratings', { token: member })).body;
    expect(mine.surveys.map((s: any) => s.phase)).toEqual(['open']);
    expect(mine.services).toHaveLength(1);
    expect(mine.services[0]).toMatchObject({ servedBy: 'mark', rated: false });
    const officer = await tokenFor('officer-enterprise', [{ role: 'officer', orgId: mine.surveys[0].orgId }]);
    const results = (
      await invoke(projects, 'GET', `/orgs/${mine.surveys[0].orgId}/project-surveys/${mine.year}/results`, { token: officer })
    ).body;
    expect(results.entries[0]).toMatchObject({ satisfied: 3, basic: 1, unsatisfied: 1, responses: 5, served: 7, satisfactionRate: 0.8 });
  });
});
