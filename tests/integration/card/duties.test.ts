import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { getQuotaUse } from '../../../functions/src/store/claim.repository';
import { invoke } from '../../support/invoke';
import { tokenFor } from '../../support/sessions';
import { HARDSHIP_AID, makeMember, officerToken, publish, SERIOUS_ILLNESS, seedOrgs, type TestMember } from './fixtures';

const ENTERPRISE_ILLNESS = { ...SERIOUS_ILLNESS, name: '企业大病慰问' };
/** 免申即享 on a fact the member declares in the claim: must not approve itself. */
const AUTO_DECLARED = {
  ...SERIOUS_ILLNESS,
  name: '住院补助',
  claimMode: 'automatic' as const,
  benefit: { quota: { count: 5, unit: '名' } },
};
/** 免申即享 on an officer-set fact (困难职工建档): approved at once. */
const AUTO_OFFICER_SET = { ...HARDSHIP_AID, name: '困难职工送温暖', claimMode: 'automatic' as const };

describe('separation of duties: nobody acts on their own facts or claims; approving needs power over the benefit too', () => {
  let officerMember: TestMember;
  let officerMemberToken: string;
  let migrant: TestMember;
  let courier: TestMember;
  let cityOfficer: string;
  let districtOfficer: string;
  let enterpriseOfficer: string;
  let enterpriseIllnessId: string;
  let cityIllnessId: string;
  let autoDeclaredId: string;
  let autoOfficerSetId: string;

  beforeAll(async () => {
    await seedOrgs();
    // 李晓梅 is an officer of the enterprise union and a member of it.
    officerMember = await makeMember('officer-member', 'enterprise', { name: '李晓梅' });
    officerMemberToken = await tokenFor(
      'officer-member',
      [
        { role: 'member', orgId: 'enterprise' },
        { role: 'officer', orgId: 'enterprise' },
      ],
      '李晓梅',
    );
    migrant = await makeMember('member-migrant', 'enterprise', { name: '张德福', group: 'none', isMigrantWorker: true });
    courier = await makeMember('member-courier', 'logistics', { name: '王小军' });
    cityOfficer = await officerToken('officer-city', 'city');
    districtOfficer = await officerToken('officer-district', 'district');
    enterpriseOfficer = await tokenFor('officer-enterprise', [{ role: 'officer', orgId: 'enterprise' }], '周建华');
    [enterpriseIllnessId, autoDeclaredId, autoOfficerSetId] = (await publish('enterprise', [
      ENTERPRISE_ILLNESS,
      AUTO_DECLARED,
      AUTO_OFFICER_SET,
    ])) as [string, string, string];
    [cityIllnessId] = (await publish('city', [SERIOUS_ILLNESS])) as [string];
  });

  const claim = (m: { token: string }, benefitId: string, facts: Record<string, unknown> = {}) =>
    invoke(AREAS.card, 'POST', '/me/claims', { token: m.token, body: { benefitId, facts } });

  it('refuses an officer setting their own 困难职工 fact (403), and lets another officer set it', async () => {
    const own = await invoke(AREAS.card, 'PUT', '/orgs/enterprise/members/officer-member/facts', {
      token: officerMemberToken,
      body: { hardship: true, version: 0 },
    });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('FACTS_SELF_FORBIDDEN');
    expect(own.body.error.message).toContain('本人');
    const read = await invoke(AREAS.card, 'GET', '/orgs/enterprise/members/officer-member/facts', { token: enterpriseOfficer });
    expect(read.body).toMatchObject({ version: 0, facts: { hardship: false } });

    const other = await invoke(AREAS.card, 'PUT', '/orgs/enterprise/members/officer-member/facts', {
      token: enterpriseOfficer,
      body: { hardship: true, version: 0 },
    });
    expect(other.status).toBe(200);
    expect(other.body.facts.hardship).toBe(true);
  });

  it('refuses an officer approving or rejecting their own claim (403), and lets another officer decide it', async () => {
    const mine = await claim(officerMember, enterpriseIllnessId, { selfPaidMedical: 15000 });
    expect(mine.status).toBe(201);
    const claimId = mine.body.claim.claimId as string;
    expect(mine.body.claim.status).toBe('pending');

    for (const [action, body] of [
      ['approve', undefined],
      ['reject', { reason: '自己的申领自己退回' }],
    ] as const) {
      const res = await invoke(AREAS.card, 'POST', `/claims/${claimId}/${action}`, { token: officerMemberToken, body });
      expect(res.status, action).toBe(403);
      expect(res.body.error.code).toBe('CLAIM_SELF_FORBIDDEN');
      expect(res.body.error.message).toContain('本人');
    }
    const queue = await invoke(AREAS.card, 'GET', '/orgs/enterprise/claims', { token: officerMemberToken });
    expect(queue.body.claims.find((c: { claimId: string }) => c.claimId === claimId)).toMatchObject({
      status: 'pending',
      decidable: false,
    });

    const ok = await invoke(AREAS.card, 'POST', `/claims/${claimId}/approve`, { token: enterpriseOfficer });
    expect(ok.status).toBe(200);
    expect(ok.body.claim.status).toBe('approved');
  });

  it('refuses a grassroots officer spending a city-wide quota; the city officer holds power over both', async () => {
    const res = await claim(migrant, cityIllnessId, { selfPaidMedical: 12000 });
    expect(res.status).toBe(201);
    const claimId = res.body.claim.claimId as string;

    const queue = await invoke(AREAS.card, 'GET', '/orgs/enterprise/claims', { token: enterpriseOfficer });
    expect(queue.body.claims.find((c: { claimId: string }) => c.claimId === claimId)).toMatchObject({ decidable: false });

    for (const token of [enterpriseOfficer, districtOfficer]) {
      for (const [action, body] of [
        ['approve', undefined],
        ['reject', { reason: '发票不全，请补齐后再申领' }],
      ] as const) {
        const refused = await invoke(AREAS.card, 'POST', `/claims/${claimId}/${action}`, { token, body });
        expect(refused.status, action).toBe(403);
        expect(refused.body.error.code).toBe('CLAIM_BENEFIT_FORBIDDEN');
        expect(refused.body.error.message).toContain('江澄市总工会');
      }
    }
    // Nothing spent of the claim's period (its own: the Beijing year, not the machine's UTC one).
    expect((await getQuotaUse([`city|${SERIOUS_ILLNESS.name}`], res.body.claim.period)).size).toBe(0);

    const cityQueue = await invoke(AREAS.card, 'GET', '/orgs/city/claims', { token: cityOfficer });
    expect(cityQueue.body.claims.find((c: { claimId: string }) => c.claimId === claimId)).toMatchObject({ decidable: true });
    const ok = await invoke(AREAS.card, 'POST', `/claims/${claimId}/approve`, { token: cityOfficer });
    expect(ok.status).toBe(200);
  });

  it('lets the publisher delegate review to an org below it, and revoke it', async () => {
    // Only an officer of the publishing org delegates, and only to an org below it.
    const notPublisher = await invoke(AREAS.card, 'PUT', '/orgs/city/claim-delegations/district', { token: districtOfficer });
    expect(notPublisher.status).toBe(403);
    expect(notPublisher.body.error.code).toBe('FORBIDDEN_ORG');
    const toItself = await invoke(AREAS.card, 'PUT', '/orgs/city/claim-delegations/city', { token: cityOfficer });
    expect(toItself.status).toBe(400);
    expect(toItself.body.error).toMatchObject({ code: 'DELEGATE_ORG_INVALID', field: 'delegateOrgId' });
    const sideways = await invoke(AREAS.card, 'PUT', '/orgs/enterprise/claim-delegations/logistics', { token: cityOfficer });
    expect(sideways.status).toBe(400);
    const missing = await invoke(AREAS.card, 'PUT', '/orgs/city/claim-delegations/nowhere', { token: cityOfficer });
    expect(missing.status).toBe(404);

    const granted = await invoke(AREAS.card, 'PUT', '/orgs/city/claim-delegations/district', { token: cityOfficer });
    expect(granted.status).toBe(200);
    expect(granted.body.delegation).toMatchObject({ orgId: 'city', delegateOrgId: 'district', delegateOrgName: '江澄市临江区总工会' });
    const again = await invoke(AREAS.card, 'PUT', '/orgs/city/claim-delegations/district', { token: cityOfficer });
    expect(again.status).toBe(200);
    const list = await invoke(AREAS.card, 'GET', '/orgs/city/claim-delegations', { token: cityOfficer });
    expect(list.status).toBe(200);
    expect(list.body.delegations).toEqual([expect.objectContaining({ delegateOrgId: 'district', grantedBy: 'officer-city' })]);
    expect(list.body.nextCursor).toBeNull();

    const res = await claim(courier, cityIllnessId, { selfPaidMedical: 30000 });
    const claimId = res.body.claim.claimId as string;
    // The delegation covers the district's officers, not the grassroots officers below it.
    const grassroots = await invoke(AREAS.card, 'POST', `/claims/${claimId}/approve`, {
      token: await tokenFor('officer-logistics', [{ role: 'officer', orgId: 'logistics' }]),
    });
    expect(grassroots.status).toBe(403);
    const queue = await invoke(AREAS.card, 'GET', '/orgs/district/claims', { token: districtOfficer });
    expect(queue.body.claims.find((c: { claimId: string }) => c.claimId === claimId)).toMatchObject({ decidable: true });

    const revoked = await invoke(AREAS.card, 'DELETE', '/orgs/city/claim-delegations/district', { token: cityOfficer });
    expect(revoked.status).toBe(200);
    const afterRevoke = await invoke(AREAS.card, 'POST', `/claims/${claimId}/approve`, { token: districtOfficer });
    expect(afterRevoke.status).toBe(403);
    expect(afterRevoke.body.error.code).toBe('CLAIM_BENEFIT_FORBIDDEN');

    await invoke(AREAS.card, 'PUT', '/orgs/city/claim-delegations/district', { token: cityOfficer });
    const delegated = await invoke(AREAS.card, 'POST', `/claims/${claimId}/approve`, { token: districtOfficer });
    expect(delegated.status).toBe(200);
    expect(delegated.body.claim.status).toBe('approved');
  });

  it('sends a 免申即享 claim that rests on facts the member declares to review, consuming no quota', async () => {
    const res = await claim(migrant, autoDeclaredId, { selfPaidMedical: 20000 });
    expect(res.status).toBe(201);
    expect(res.body.claim).toMatchObject({ status: 'pending', statusText: '待审核' });
    const period = res.body.claim.period as string;
    expect((await getQuotaUse([`enterprise|${AUTO_DECLARED.name}`], period)).get(`enterprise|${AUTO_DECLARED.name}`)).toBeUndefined();
    const queue = await invoke(AREAS.card, 'GET', '/orgs/enterprise/claims', { token: enterpriseOfficer });
    expect(queue.body.claims.map((c: { claimId: string }) => c.claimId)).toContain(res.body.claim.claimId);
  });

  it('approves a 免申即享 claim at once when it rests only on facts an officer set', async () => {
    const refused = await claim(migrant, autoOfficerSetId);
    expect(refused.status).toBe(422);
    await invoke(AREAS.card, 'PUT', '/orgs/enterprise/members/member-migrant/facts', {
      token: enterpriseOfficer,
      body: { hardship: true, version: 0 },
    });
    const res = await claim(migrant, autoOfficerSetId);
    expect(res.status).toBe(201);
    expect(res.body.claim).toMatchObject({ status: 'approved', statusText: '已通过' });
  });
});
