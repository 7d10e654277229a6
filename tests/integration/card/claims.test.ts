import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { invoke } from '../../support/invoke';
import { tokenFor } from '../../support/sessions';
import { makeMember, officerToken, publish, SERIOUS_ILLNESS, seedOrgs, type TestMember } from './fixtures';

describe('申领: judged by the evaluator, reviewed by officers, once per period', () => {
  let courier: TestMember;
  let migrant: TestMember;
  let districtOfficer: string;
  let enterpriseOfficer: string;
  let illnessId: string;

  beforeAll(async () => {
    await seedOrgs();
    courier = await makeMember('member-courier', 'logistics', { name: '王小军' });
    migrant = await makeMember('member-migrant', 'enterprise', { name: '张德福', group: 'none', isMigrantWorker: true });
    [illnessId] = (await publish('city', [SERIOUS_ILLNESS])) as [string];
    districtOfficer = await officerToken('officer-district', 'district');
    enterpriseOfficer = await tokenFor('officer-enterprise', [{ role: 'officer', orgId: 'enterprise' }], '李晓梅');
    // The city's benefit is reviewed where its members are: the city delegates review (职责分离 otherwise
    // keeps the city's quota to the city's own officers; tests/integration/card/duties.test.ts).
    const cityOfficer = await officerToken('officer-city', 'city');
    for (const orgId of ['district', 'enterprise']) {
      const res = await invoke(AREAS.card, 'PUT', `/orgs/city/claim-delegations/${orgId}`, { token: cityOfficer });
      expect(res.status).toBe(200);
    }
  });

  const claim = (m: TestMember, facts: Record<string, unknown>) =>
    invoke(AREAS.card, 'POST', '/me/claims', { token: m.token, body: { benefitId: illnessId, facts } });

  it('asks for the fact the rule needs, naming it in Chinese', async () => {
    const res = await claim(courier, {});
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'facts.selfPaidMedical' });
    expect(res.body.error.message).toContain('本年度大病住院自付医药费');
    for (const bad of [{ selfPaidMedical: -1 }, { selfPaidMedical: 'abc' }, { selfPaidMedical: 12000, married: true }]) {
      const r = await claim(courier, bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
    }
    const wrongShape = await invoke(AREAS.card, 'POST', '/me/claims', { token: courier.token, body: { benefitId: 'x y', facts: [] } });
    expect(wrongShape.status).toBe(400);
    const noBenefit = await invoke(AREAS.card, 'POST', '/me/claims', { token: courier.token, body: { benefitId: 'city.v9.1' } });
    expect(noBenefit.status).toBe(404);
    expect(noBenefit.body.error.code).toBe('BENEFIT_NOT_FOUND');
  });

  it('refuses with the evaluator’s reason when the facts do not qualify, writing nothing', async () => {
    const res = await claim(courier, { selfPaidMedical: 8000 });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('NOT_ELIGIBLE');
    expect(res.body.error.message).toBe('不符合：需本年度大病住院自付医药费达到 1 万元（含）以上');
    const mine = await invoke(AREAS.card, 'GET', '/me/claims', { token: courier.token });
    expect(mine.body.claims).toEqual([]);
  });

  it('sends a qualifying claim to review; the district officer approves; the member sees 已通过', async () => {
    const res = await claim(courier, { selfPaidMedical: 12000 });
    expect(res.status).toBe(201);
    expect(res.body.claim).toMatchObject({ status: 'pending', statusText: '待审核', facts: { selfPaidMedical: 12000 } });
    const claimId = res.body.claim.claimId;

    const queue = await invoke(AREAS.card, 'GET', '/orgs/district/claims?status=pending', { token: districtOfficer });
    expect(queue.status).toBe(200);
    expect(queue.body.claims.map((c: { claimId: string }) => c.claimId)).toContain(claimId);
    const entry = queue.body.claims.find((c: { claimId: string }) => c.claimId === claimId);
    expect(entry).toMatchObject({ memberName: '王小军', orgName: '临江区快递物流行业联合工会', benefitName: '大病住院慰问金' });

    // The enterprise officer's power stops at the enterprise: the logistics claim is not theirs.
    const outside = await invoke(AREAS.card, 'POST', `/claims/${claimId}/approve`, { token: enterpriseOfficer });
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('FORBIDDEN_ORG');
    const notTheirs = await invoke(AREAS.card, 'GET', '/orgs/enterprise/claims', { token: enterpriseOfficer });
    expect(notTheirs.body.claims).toEqual([]);

    const ok = await invoke(AREAS.card, 'POST', `/claims/${claimId}/approve`, { token: districtOfficer });
    expect(ok.status).toBe(200);
    expect(ok.body.claim.status).toBe('approved');
    const twice = await invoke(AREAS.card, 'POST', `/claims/${claimId}/approve`, { token: districtOfficer });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('CLAIM_NOT_PENDING');

    const mine = await invoke(AREAS.card, 'GET', '/me/claims', { token: courier.token });
    expect(mine.body.claims).toHaveLength(1);
    expect(mine.body.claims[0]).toMatchObject({ claimId, status: 'approved', statusText: '已通过', rejectionReason: null });
  });

  it('refuses a second claim of the same benefit in the period, even after approval', async () => {
    const res = await claim(courier, { selfPaidMedical: 20000 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CLAIM_DUPLICATE');
  });

  it('lets exactly one of ten concurrent double claims through', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => claim(migrant, { selfPaidMedical: 15000 })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(results.filter((r) => r.status !== 201).map((r) => r.body.error.code))).toEqual(new Set(['CLAIM_DUPLICATE']));
    const mine = await invoke(AREAS.card, 'GET', '/me/claims', { token: migrant.token });
    expect(mine.body.claims).toHaveLength(1);
  });

  it('shows a rejection with its reason, after which the member may claim again', async () => {
    const [pending] = (await invoke(AREAS.card, 'GET', '/me/claims', { token: migrant.token })).body.claims;
    const noReason = await invoke(AREAS.card, 'POST', `/claims/${pending.claimId}/reject`, { token: enterpriseOfficer, body: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe('reason');
    expect(noReason.body.error.message).toContain('理由');
    const rejected = await invoke(AREAS.card, 'POST', `/claims/${pending.claimId}/reject`, {
      token: enterpriseOfficer,
      body: { reason: '住院发票金额与填报不符，请核对后重新申领' },
    });
    expect(rejected.status).toBe(200);
    const mine = await invoke(AREAS.card, 'GET', '/me/claims', { token: migrant.token });
    expect(mine.body.claims[0]).toMatchObject({
      status: 'rejected',
      statusText: '未通过',
      rejectionReason: '住院发票金额与填报不符，请核对后重新申领',
    });
    const again = await claim(migrant, { selfPaidMedical: 11000 });
    expect(again.status).toBe(201);
  });

  it('publishes the approved list (公示) with masked names only', async () => {
    const res = await invoke(AREAS.card, 'POST', `/orgs/district/benefits/${illnessId}/publicity`, { token: districtOfficer });
    expect(res.status).toBe(201);
    expect(res.body.publicity.entries).toEqual([expect.objectContaining({ maskedName: '王*军', orgName: '临江区快递物流行业联合工会' })]);
    const read = await invoke(AREAS.card, 'GET', `/orgs/district/benefits/${illnessId}/publicity`, { token: courier.token });
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain('王小军');
    const asMember = await invoke(AREAS.card, 'POST', `/orgs/district/benefits/${illnessId}/publicity`, { token: courier.token });
    expect(asMember.status).toBe(403);
  });
});
