import { beforeAll, describe, expect, it } from 'vitest';
import { getActiveMembershipByUser, listOrgMembers } from '../../../functions/src/store/membership.repository';
import { getUser } from '../../../functions/src/store/user.repository';
import { seedDemo } from '../../../scripts/seed/index';
import { DEMO_INVITES } from '../../../scripts/seed/membership';
import { invoke } from '../../support/invoke';
import { area } from './fixtures';

beforeAll(async () => {
  await seedDemo();
}, 120_000);

describe('demo data for 入会', () => {
  it('has working demo invites and active members with the member grant', async () => {
    const auto = await invoke(area, 'GET', `/invites/${DEMO_INVITES.logisticsAuto.inviteId}`);
    expect(auto.body).toMatchObject({ invite: { mode: 'auto' }, org: { orgId: 'logistics', kind: 'joint' } });
    const review = await invoke(area, 'GET', `/invites/${DEMO_INVITES.enterpriseReview.inviteId}`);
    expect(review.body).toMatchObject({ invite: { mode: 'review' }, org: { orgId: 'enterprise' } });
    expect(await getActiveMembershipByUser('member-courier')).toMatchObject({ orgId: 'logistics', group: 'courier' });
    expect(await getActiveMembershipByUser('member-migrant')).toMatchObject({ orgId: 'enterprise', isMigrantWorker: true });
    expect((await getUser('delegate-36'))?.grants).toContainEqual({ role: 'member', orgId: 'enterprise' });
    expect(await listOrgMembers('enterprise')).toHaveLength(37);
  });
});
