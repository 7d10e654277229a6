import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { invoke } from '../../support/invoke';
import { tokenFor } from '../../support/sessions';
import {
  ACCIDENT_INSURANCE,
  CURRENT_YEAR,
  HARDSHIP_AID,
  MOVIE_DISCOUNT,
  makeMember,
  officerToken,
  publish,
  SERIOUS_ILLNESS,
  seedOrgs,
  type TestMember,
} from './fixtures';

type Benefit = { name: string; decision: { label: string; reasons: Array<{ met: boolean | null; text: string }> }; [k: string]: unknown };
const find = (body: { tiers: Array<{ tier: string; benefits: Benefit[] }> }, name: string) =>
  body.tiers.flatMap((t) => t.benefits).find((b) => b.name === name)!;

describe('benefits with reasons, and officer-set facts', () => {
  let courier: TestMember;
  let migrant: TestMember;
  let districtOfficer: string;

  beforeAll(async () => {
    await seedOrgs();
    courier = await makeMember('member-courier', 'logistics', { name: '王小军' });
    migrant = await makeMember('member-migrant', 'enterprise', { name: '张德福', group: 'none', isMigrantWorker: true });
    await publish('city', [ACCIDENT_INSURANCE, SERIOUS_ILLNESS, HARDSHIP_AID]);
    await publish('enterprise', [MOVIE_DISCOUNT]);
    districtOfficer = await officerToken('officer-district', 'district');
  });

  it('lists the lineage’s latest catalogs grouped 普惠/特惠/商惠, with the decision for this member', async () => {
    const res = await invoke(AREAS.card, 'GET', '/me/benefits', { token: courier.token });
    expect(res.status).toBe(200);
    expect(res.body.tiers.map((t: { tier: string }) => t.tier)).toEqual(['普惠', '特惠', '商惠']);
    const accident = find(res.body, '意外伤害互助保险');
    expect(accident.decision.label).toBe('符合');
    expect(accident.decision.reasons.map((r) => r.text)).toContain('符合：八大群体会员');
    expect(accident).toMatchObject({
      tier: '特惠',
      whoQualifies: '适用于：在会会员，且八大群体会员。',
      department: '保障工作部',
      period: `${CURRENT_YEAR}年全年`,
      orgName: '江澄市总工会',
    });
    expect(accident.sourceText).toBe(
      '来源：江澄市总工会《江澄市总工会2025年工作要点》（江工发〔2025〕1号） 三、（二）3.：“为八大群体会员免费办理意外伤害互助保险。”',
    );
    const illness = find(res.body, '大病住院慰问金');
    expect(illness.decision.label).toBe('待核对');
    expect(illness.decision.reasons).toContainEqual({
      met: null,
      text: '需申领时提供：本年度大病住院自付医药费（元），达到 10000 元（含）以上',
    });
    expect(illness.claimFacts).toEqual([
      expect.objectContaining({ key: 'selfPaidMedical', label: '本年度大病住院自付医药费', unit: '元' }),
    ]);
    expect(illness.whatYouGet).toBe('每人 500 元');
    // The enterprise's 商惠 is not the courier's (another branch of the tree).
    expect(res.body.tiers[2].benefits).toEqual([]);
  });

  it('explains a refusal in words for a member outside the group', async () => {
    const res = await invoke(AREAS.card, 'GET', '/me/benefits', { token: migrant.token });
    const accident = find(res.body, '意外伤害互助保险');
    expect(accident.decision.label).toBe('不符合');
    expect(accident.decision.reasons).toContainEqual({ met: false, text: '不符合：需八大群体会员' });
    expect(find(res.body, '观影优惠').tier).toBe('商惠');
  });

  it('lets only officers over the member’s org set 困难职工建档, which changes the decision', async () => {
    const before = find((await invoke(AREAS.card, 'GET', '/me/benefits', { token: courier.token })).body, '困难职工节日慰问');
    expect(before.decision.label).toBe('不符合');

    const self = await invoke(AREAS.card, 'PUT', '/orgs/logistics/members/member-courier/facts', {
      token: courier.token,
      body: { hardship: true, version: 0 },
    });
    expect(self.status).toBe(403);
    const outsider = await tokenFor('officer-enterprise', [{ role: 'officer', orgId: 'enterprise' }]);
    const wrongOrg = await invoke(AREAS.card, 'PUT', '/orgs/logistics/members/member-courier/facts', {
      token: outsider,
      body: { hardship: true, version: 0 },
    });
    expect(wrongOrg.status).toBe(403);
    const viaOwnOrg = await invoke(AREAS.card, 'PUT', '/orgs/enterprise/members/member-courier/facts', {
      token: outsider,
      body: { hardship: true, version: 0 },
    });
    expect(viaOwnOrg.status).toBe(404);
    const bad = await invoke(AREAS.card, 'PUT', '/orgs/district/members/member-courier/facts', {
      token: districtOfficer,
      body: { hardship: 'yes', version: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('困难职工建档');
    const empty = await invoke(AREAS.card, 'PUT', '/orgs/district/members/member-courier/facts', {
      token: districtOfficer,
      body: { version: 0 },
    });
    expect(empty.status).toBe(400);

    const ok = await invoke(AREAS.card, 'PUT', '/orgs/district/members/member-courier/facts', {
      token: districtOfficer,
      body: { hardship: true, version: 0 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.facts).toEqual({ hardship: true, modelWorker: false, frontlineMedical: false });
    expect(ok.body.maskedName).toBe('王*军');

    const after = find((await invoke(AREAS.card, 'GET', '/me/benefits', { token: courier.token })).body, '困难职工节日慰问');
    expect(after.decision.label).toBe('符合');
    expect(after.decision.reasons.map((r) => r.text)).toContain('符合：建档困难职工');

    const list = await invoke(AREAS.card, 'GET', '/orgs/logistics/member-facts', { token: districtOfficer });
    expect(list.body.members).toEqual([
      expect.objectContaining({
        userId: 'member-courier',
        name: '王小军',
        facts: { hardship: true, modelWorker: false, frontlineMedical: false },
      }),
    ]);
    expect(JSON.stringify(list.body)).not.toMatch(/idEnc|phone|idHash/);
  });

  it('shows quota left and the member’s own claim', async () => {
    const [id] = (await publish('district', [
      { ...MOVIE_DISCOUNT, name: '职工疗休养', tier: '普惠', benefit: { quota: { count: 50, unit: '名' } } },
    ])) as [string];
    const claimed = await invoke(AREAS.card, 'POST', '/me/claims', { token: courier.token, body: { benefitId: id } });
    expect(claimed.status).toBe(201);
    expect(claimed.body.claim.status).toBe('approved');
    const rest = find((await invoke(AREAS.card, 'GET', '/me/benefits', { token: courier.token })).body, '职工疗休养');
    expect(rest.quota).toEqual({ total: 50, used: 1, left: 49, unit: '名' });
    expect(rest.myClaim).toMatchObject({ status: 'approved', statusText: '已通过' });
  });
});
