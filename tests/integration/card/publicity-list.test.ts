import { chinaDateOf } from '@union/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { createOrg } from '../../../functions/src/store/org.repository';
import { putPublicity } from '../../../functions/src/store/publicity.repository';
import { invoke } from '../../support/invoke';
import { tokenFor } from '../../support/sessions';
import { makeMember, officerToken, publish, SERIOUS_ILLNESS, seedOrgs, type TestMember } from './fixtures';

/**
 * GET /me/publicity: the 公示 on show that the member's own unions published (their org and every org
 * above it), ending soonest first, paged with a cursor; never another subtree's, never one that
 * ended or has not begun; masked names only.
 */

const DAY = 86_400_000;
const inDays = (n: number) => chinaDateOf(new Date(Date.now() + n * DAY).toISOString());

let courier: TestMember;
let outsider: TestMember;
let illnessId: string;

const list = (token: string, query: Record<string, string> = {}) => invoke(AREAS.card, 'GET', '/me/publicity', { token, query });

const allPages = async (token: string, limit: string) => {
  const seen: Array<{ orgId: string; benefitId: string; endsOn: string }> = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await list(token, { limit, ...(cursor ? { cursor } : {}) });
    expect(res.status).toBe(200);
    expect(res.body.publicity.length).toBeLessThanOrEqual(Number(limit));
    seen.push(...res.body.publicity);
    cursor = res.body.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(30);
  } while (cursor);
  return seen.map((p) => `${p.orgId}:${p.benefitId}:${p.endsOn}`);
};

const record = (orgId: string, benefitId: string, startsOn: string, endsOn: string) => ({
  benefitId,
  orgId,
  benefitName: `福利 ${benefitId}`,
  period: '2026',
  entries: [{ maskedName: '王*军', orgName: '临江区快递物流行业联合工会', decidedAt: new Date().toISOString() }],
  publishedAt: new Date().toISOString(),
  publishedBy: 'officer-district',
  startsOn,
  endsOn,
});

beforeAll(async () => {
  await seedOrgs();
  await createOrg({ orgId: 'eastlake', name: '江澄市东湖区总工会', kind: 'district', parentId: 'city', area: '东湖区' });
  courier = await makeMember('member-courier', 'logistics', { name: '王小军' });
  outsider = await makeMember('member-east', 'eastlake', { name: '孙七', group: 'none' });
  [illnessId] = (await publish('city', [SERIOUS_ILLNESS])) as [string];
  const claimed = await invoke(AREAS.card, 'POST', '/me/claims', {
    token: courier.token,
    body: { benefitId: illnessId, facts: { selfPaidMedical: 12000 } },
  });
  expect(claimed.status).toBe(201);
  const cityOfficer = await tokenFor('officer-city', [{ role: 'officer', orgId: 'city' }], '市总干部');
  expect((await invoke(AREAS.card, 'POST', `/claims/${claimed.body.claim.claimId}/approve`, { token: cityOfficer })).status).toBe(200);
});

describe('GET /me/publicity', () => {
  it('lists what an officer published for the member’s subtree, with masked names and the publisher, never to another subtree', async () => {
    const published = await invoke(AREAS.card, 'POST', `/orgs/district/benefits/${illnessId}/publicity`, {
      token: await officerToken('officer-district', 'district'),
      body: {},
    });
    expect(published.status).toBe(201);
    const mine = await list(courier.token);
    expect(mine.status).toBe(200);
    expect(mine.body.nextCursor).toBeNull();
    expect(mine.body.publicity).toEqual([
      {
        benefitId: illnessId,
        orgId: 'district',
        orgName: '江澄市临江区总工会',
        benefitName: '大病住院慰问金',
        period: expect.any(String),
        entries: [{ maskedName: '王*军', orgName: '临江区快递物流行业联合工会', decidedAt: expect.any(String) }],
        publishedAt: expect.any(String),
        startsOn: inDays(0),
        endsOn: inDays(6),
      },
    ]);
    const text = JSON.stringify(mine.body);
    for (const secret of ['王小军', courier.userId, courier.memberNumber, 'officer-district']) expect(text).not.toContain(secret);

    const elsewhere = await list(outsider.token);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body).toEqual({ publicity: [], nextCursor: null });
  });

  it('pages across the lineage’s orgs ending soonest first, every 公示 once; ended and not yet started ones are not shown', async () => {
    // 11 more on show across city, district and logistics, one ended yesterday, one starting tomorrow, one elsewhere.
    const open: Array<[string, string, number]> = [
      ['city', 'city.v9.1', 3],
      ['city', 'city.v9.2', 9],
      ['city', 'city.v9.3', 1],
      ['district', 'district.v9.1', 3],
      ['district', 'district.v9.2', 0],
      ['district', 'district.v9.3', 20],
      ['logistics', 'logistics.v9.1', 3],
      ['logistics', 'logistics.v9.2', 2],
      ['logistics', 'logistics.v9.3', 12],
      ['logistics', 'logistics.v9.4', 5],
      ['logistics', 'logistics.v9.5', 29],
    ];
    for (const [orgId, benefitId, ends] of open) await putPublicity(record(orgId, benefitId, inDays(0), inDays(ends)));
    await putPublicity(record('city', 'city.v9.9', inDays(-7), inDays(-1)));
    await putPublicity(record('logistics', 'logistics.v9.9', inDays(1), inDays(7)));
    await putPublicity(record('eastlake', 'eastlake.v9.1', inDays(0), inDays(5)));

    const expected = [...open, ['district', illnessId, 6] as [string, string, number]]
      .map(([orgId, benefitId, ends]) => ({ key: `${orgId}:${benefitId}:${inDays(ends)}`, sort: `${inDays(ends)}#${benefitId}#${orgId}` }))
      .sort((a, b) => a.sort.localeCompare(b.sort))
      .map((e) => e.key);
    const whole = await allPages(courier.token, '100');
    expect(whole).toEqual(expected);
    for (const limit of ['1', '2', '5']) expect(await allPages(courier.token, limit), `limit ${limit}`).toEqual(expected);
    // The other district's member: the city's (above both) and their own district's, none of this district's subtree.
    expect(await allPages(outsider.token, '2')).toEqual([
      `city:city.v9.3:${inDays(1)}`,
      `city:city.v9.1:${inDays(3)}`,
      `eastlake:eastlake.v9.1:${inDays(5)}`,
      `city:city.v9.2:${inDays(9)}`,
    ]);
  });

  it('refuses a forged cursor with 400 CURSOR_INVALID naming the field, and a non-member', async () => {
    const forge = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const cursor of [forge({ eastlake: null }), forge(['city']), forge({ city: 7 }), forge({ city: '' }), 'bm90IGpzb24']) {
      const res = await list(courier.token, { cursor });
      expect(res.status, cursor).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'CURSOR_INVALID', field: 'cursor' });
      expect(res.body.error.message).toContain('分页游标');
    }
    const limit = await list(courier.token, { limit: '0' });
    expect([limit.status, limit.body.error.field]).toEqual([400, 'limit']);
    const stranger = await list(await tokenFor('stranger', [{ role: 'member', orgId: 'logistics' }], '路人'));
    expect([stranger.status, stranger.body.error.code]).toEqual([404, 'MEMBERSHIP_NOT_FOUND']);
    const officer = await list(await officerToken('officer-district', 'district'));
    expect(officer.status).toBe(403);
  });
});
