import { describe, expect, it } from 'vitest';
import { getUser } from '../../../functions/src/store/user.repository';
import { DEMO_CONGRESS_SESSION_ID } from '../../../scripts/seed/congress';
import { seedDemo } from '../../../scripts/seed/index';
import { invoke } from '../../support/invoke';
import { tokenFor } from '../../support/sessions';
import { congress } from './fixtures';

describe('demo seed: 职代会', () => {
  it('seeds the session, 36 delegates, a proposal in review and a closed 表决 with results', async () => {
    expect(await seedDemo()).toBe('seeded');
    const officer = await tokenFor('officer-enterprise', [{ role: 'officer', orgId: 'enterprise' }]);
    const s = await invoke(congress, 'GET', `/congress/sessions/${DEMO_CONGRESS_SESSION_ID}/roster?limit=100`, { token: officer });
    expect(s.body.session).toMatchObject({
      sessionName: '第三届第二次职工代表大会',
      rosterCount: 36,
      signedInCount: 30,
      quorum: 24,
      passThreshold: 19,
    });
    expect(s.body.delegates.filter((d: { memberNumber: string | null }) => d.memberNumber).length).toBe(36);
    expect(s.body.nextCursor).toBeNull();
    expect((await getUser('delegate-01'))?.grants).toContainEqual({ role: 'delegate', orgId: 'enterprise' });
    const proposals = await invoke(congress, 'GET', `/congress/sessions/${DEMO_CONGRESS_SESSION_ID}/proposals`, { token: officer });
    expect(proposals.body.proposals).toEqual([expect.objectContaining({ status: 'review', cosignCount: 2 })]);
    const motions = await invoke(congress, 'GET', `/congress/sessions/${DEMO_CONGRESS_SESSION_ID}/motions`, { token: officer });
    expect(motions.body.motions[0]).toMatchObject({
      status: 'closed',
      verdict: '通过',
      result: { counts: { yes: 24, no: 4, abstain: 2 }, delegateCount: 36 },
    });
  });
});
