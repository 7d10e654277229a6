import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { getActiveMembershipByUser, listOrgMembers } from '../../../functions/src/store/membership.repository';
import { getUser } from '../../../functions/src/store/user.repository';
import { seedDemo } from '../../../scripts/seed/index';
import { DEMO_INVITES } from '../../../scripts/seed/membership';
import { invoke } from '../../support/invoke';
import { tokenFor } from '../../support/sessions';
import { area, joinForm } from './fixtures';

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

describe('demo data for 免申即享', () => {
  const insuranceFor = async (token: string) => {
    const benefits = await invoke(AREAS.card, 'GET', '/me/benefits', { token });
    const insurance = benefits.body.tiers
      .flatMap((t: { benefits: Array<{ name: string }> }) => t.benefits)
      .find((b: { name: string }) => b.name.includes('意外伤害互助保险'));
    expect(insurance).toMatchObject({ claimMode: 'automatic', decision: { label: '符合' } });
    return insurance as { benefitId: string; howToClaim: string };
  };

  it('the courier, whose 八大群体 declaration an officer confirmed, gets the city’s insurance at once', async () => {
    expect((await getActiveMembershipByUser('member-courier'))?.declaredFactsConfirmedBy).toBe('officer-district');
    const token = await tokenFor('member-courier', [{ role: 'member', orgId: 'logistics' }], '王小军');
    const insurance = await insuranceFor(token);
    expect(insurance.howToClaim).toBe('免申即享：提交即通过');
    const res = await invoke(AREAS.card, 'POST', '/me/claims', { token, body: { benefitId: insurance.benefitId } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.claim).toMatchObject({ status: 'approved', reviewReason: null });
  });

  it('a courier joining through the auto invite waits for an officer to confirm the declaration', async () => {
    const newcomer = await tokenFor('newcomer', [], '新职工');
    const joined = await invoke(area, 'POST', `/invites/${DEMO_INVITES.logisticsAuto.inviteId}/applications`, {
      token: newcomer,
      body: joinForm(901, { name: '刘新' }),
    });
    expect(joined.status, JSON.stringify(joined.body)).toBe(201);
    const token = await tokenFor('newcomer', [{ role: 'member', orgId: 'logistics' }], '新职工');
    const insurance = await insuranceFor(token);
    expect(insurance.howToClaim).toBe('免申即享：八大群体身份待工会确认，申领后由工会审核');
    const res = await invoke(AREAS.card, 'POST', '/me/claims', { token, body: { benefitId: insurance.benefitId } });
    expect(res.body.claim).toMatchObject({ status: 'pending', reviewReason: '八大群体身份待工会确认，已转人工审核' });
  });
});
