import { chinaDateOf } from '@union/shared';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { createOrg } from '../../../functions/src/store/org.repository';
import { getPublicity, type PublicityRecord, putPublicity } from '../../../functions/src/store/publicity.repository';
import { invoke } from '../../support/invoke';
import { tokenFor } from '../../support/sessions';
import { makeMember, officerToken, publish, SERIOUS_ILLNESS, seedOrgs, type TestMember } from './fixtures';

/** 公示 of 大病 benefits is health information: only the publishing org's subtree, only during its period. */

const DAY = 86_400_000;
const today = () => chinaDateOf(new Date().toISOString());
const inDays = (n: number) => chinaDateOf(new Date(Date.now() + n * DAY).toISOString());

let courier: TestMember;
let migrant: TestMember;
let outsider: TestMember;
let illnessId: string;

// Sessions are signed at the (possibly faked) current time, so make them when needed.
const as = {
  courier: () => tokenFor(courier.userId, [{ role: 'member', orgId: 'logistics' }], '王小军'),
  migrant: () => tokenFor(migrant.userId, [{ role: 'member', orgId: 'enterprise' }], '张德福'),
  outsider: () => tokenFor(outsider.userId, [{ role: 'member', orgId: 'eastmill' }], '孙七'),
  districtOfficer: () => officerToken('officer-district', 'district'),
  cityOfficer: () => tokenFor('officer-city', [{ role: 'officer', orgId: 'city' }], '市总干部'),
  enterpriseOfficer: () => tokenFor('officer-enterprise', [{ role: 'officer', orgId: 'enterprise' }], '李晓梅'),
  verifier: () => tokenFor('verifier', [{ role: 'verifier', orgId: 'district' }], '陈静'),
};

const publishAt = (orgId: string, token: string, body?: unknown) =>
  invoke(AREAS.card, 'POST', `/orgs/${orgId}/benefits/${illnessId}/publicity`, { token, ...(body === undefined ? {} : { body }) });
const read = async (orgId: string, token: string) => invoke(AREAS.card, 'GET', `/orgs/${orgId}/benefits/${illnessId}/publicity`, { token });

beforeAll(async () => {
  await seedOrgs();
  // Another district of the city, with its own union: a different subtree.
  await createOrg({ orgId: 'eastlake', name: '江澄市东湖区总工会', kind: 'district', parentId: 'city', area: '东湖区' });
  await createOrg({ orgId: 'eastmill', name: '东湖纺织厂工会', kind: 'grassroots', parentId: 'eastlake', area: '东湖区' });
  courier = await makeMember('member-courier', 'logistics', { name: '王小军' });
  migrant = await makeMember('member-migrant', 'enterprise', { name: '张德福', group: 'none' });
  outsider = await makeMember('member-east', 'eastmill', { name: '孙七', group: 'none' });
  [illnessId] = (await publish('city', [SERIOUS_ILLNESS])) as [string];
  const claimed = await invoke(AREAS.card, 'POST', '/me/claims', {
    token: courier.token,
    body: { benefitId: illnessId, facts: { selfPaidMedical: 12000 } },
  });
  expect(claimed.status).toBe(201);
  // The city published the benefit, so the city decides (separation of duties: the district would need a delegation).
  const approved = await invoke(AREAS.card, 'POST', `/claims/${claimed.body.claim.claimId}/approve`, { token: await as.cityOfficer() });
  expect(approved.status).toBe(200);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('公示: who may read it', () => {
  // The day it was published, read once before publishing: today() read again in a later test is the next
  // day once Beijing's midnight has passed since.
  let publishedOn: string;
  let endsOn: string;
  beforeAll(async () => {
    publishedOn = today();
    endsOn = chinaDateOf(new Date(Date.parse(`${publishedOn}T12:00:00+08:00`) + 6 * DAY).toISOString());
    const res = await publishAt('district', await as.districtOfficer());
    expect(res.status).toBe(201);
  });

  it('is published for 7 days from today when no period is given', async () => {
    const record = await getPublicity(illnessId, 'district');
    expect(record).toMatchObject({ startsOn: publishedOn, endsOn });
    expect(record?.entries).toEqual([expect.objectContaining({ maskedName: '王*军' })]);
  });

  it('is shown to members of the publishing org’s subtree and to officers over it', async () => {
    for (const [who, token] of [
      ['courier (logistics, below district)', await as.courier()],
      ['migrant (enterprise, below district)', await as.migrant()],
      ['district officer', await as.districtOfficer()],
      ['city officer (above)', await as.cityOfficer()],
    ] as const) {
      const res = await read('district', token);
      expect(res.status, who).toBe(200);
      expect(res.body.publicity).toMatchObject({ orgId: 'district', startsOn: publishedOn, endsOn });
      expect(res.body.publicity.entries).toHaveLength(1);
      expect(JSON.stringify(res.body)).not.toContain('王小军');
    }
  });

  it('refuses a member of another subtree, an officer below the org, and a session without an active membership there', async () => {
    // The session claims membership of the district's subtree, but the store says otherwise.
    const claimsLogistics = await tokenFor(outsider.userId, [{ role: 'member', orgId: 'logistics' }], '孙七');
    const noMembership = await tokenFor('stranger', [{ role: 'member', orgId: 'logistics' }], '路人');
    for (const [who, token] of [
      ['member of eastmill', await as.outsider()],
      ['officer of enterprise (below district)', await as.enterpriseOfficer()],
      ['stale grant', claimsLogistics],
      ['no membership', noMembership],
    ] as const) {
      const res = await read('district', token);
      expect(res.status, who).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'PUBLICITY_FORBIDDEN', field: 'orgId' });
      expect(res.body.error.message).toContain('本组织及下级组织的会员');
      expect(res.body).not.toHaveProperty('publicity');
    }
    // The outsider is refused even where nothing is published (no hint of what exists).
    const elsewhere = await invoke(AREAS.card, 'GET', `/orgs/enterprise/benefits/${illnessId}/publicity`, { token: await as.outsider() });
    expect(elsewhere.status).toBe(403);
    // Within the subtree, a benefit not published is 404.
    const notPublished = await invoke(AREAS.card, 'GET', `/orgs/enterprise/benefits/${illnessId}/publicity`, { token: await as.migrant() });
    expect([notPublished.status, notPublished.body.error.code]).toEqual([404, 'PUBLICITY_NOT_FOUND']);
    // Roles that are neither member nor officer.
    const verifier = await read('district', await as.verifier());
    expect([verifier.status, verifier.body.error.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    expect((await read('district', '')).status).toBe(401);
  });
});

describe('公示: only during its period', () => {
  it('is refused before it starts and after it ends, to members and officers alike', async () => {
    const published = await publishAt('logistics', await officerToken('officer-logistics', 'logistics'), {
      startsOn: inDays(1),
      endsOn: inDays(3),
    });
    expect(published.status).toBe(201);
    expect(published.body.publicity).toMatchObject({ startsOn: inDays(1), endsOn: inDays(3) });
    const start = Date.now();

    const early = await read('logistics', await as.courier());
    expect(early.status).toBe(403);
    expect(early.body.error.code).toBe('PUBLICITY_NOT_STARTED');
    expect(early.body.error.message).toBe(`该公示尚未开始，公示期为 ${inDays(1)} 至 ${inDays(3)}`);
    expect(early.body).not.toHaveProperty('publicity');
    expect((await read('logistics', await as.districtOfficer())).body.error.code).toBe('PUBLICITY_NOT_STARTED');

    vi.useFakeTimers({ toFake: ['Date'] });
    for (const day of [1, 2, 3]) {
      vi.setSystemTime(start + day * DAY);
      const res = await read('logistics', await as.courier());
      expect(res.status, `day ${day}`).toBe(200);
      expect(res.body.publicity.entries[0].maskedName).toBe('王*军');
    }

    vi.setSystemTime(start + 4 * DAY);
    for (const token of [await as.courier(), await as.districtOfficer()]) {
      const late = await read('logistics', token);
      expect(late.status).toBe(410);
      expect(late.body.error.code).toBe('PUBLICITY_ENDED');
      expect(late.body.error.message).toContain('结束');
      expect(late.body).not.toHaveProperty('publicity');
    }
  });

  it('ends the default period after its 7th day', async () => {
    const start = Date.now();
    expect((await publishAt('enterprise', await as.enterpriseOfficer())).status).toBe(201);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(start + 6 * DAY);
    expect((await read('enterprise', await as.migrant())).status).toBe(200);
    vi.setSystemTime(start + 7 * DAY);
    expect((await read('enterprise', await as.migrant())).body.error.code).toBe('PUBLICITY_ENDED');
  });

  it('gives a 公示 stored without a period the default from its publication day', async () => {
    const base = (await getPublicity(illnessId, 'district')) as PublicityRecord;
    const { startsOn: _s, endsOn: _e, ...withoutPeriod } = base;
    await putPublicity({ ...withoutPeriod, orgId: 'city', publishedAt: new Date(Date.now() - 3 * DAY).toISOString() } as PublicityRecord);
    const recent = await read('city', await as.courier());
    expect(recent.status).toBe(200);
    expect(recent.body.publicity).toMatchObject({ startsOn: inDays(-3), endsOn: inDays(3) });
    await putPublicity({ ...withoutPeriod, orgId: 'city', publishedAt: new Date(Date.now() - 8 * DAY).toISOString() } as PublicityRecord);
    expect((await read('city', await as.courier())).status).toBe(410);
  });

  it('refuses a period out of bounds with 400 naming the field in Chinese, writing nothing', async () => {
    const token = await as.districtOfficer();
    const before = await getPublicity(illnessId, 'district');
    for (const [body, field, code] of [
      [{ startsOn: inDays(-1) }, 'startsOn', 'PUBLICITY_PERIOD_INVALID'],
      [{ startsOn: inDays(31) }, 'startsOn', 'PUBLICITY_PERIOD_INVALID'],
      [{ startsOn: inDays(2), endsOn: inDays(1) }, 'endsOn', 'PUBLICITY_PERIOD_INVALID'],
      [{ startsOn: today(), endsOn: inDays(30) }, 'endsOn', 'PUBLICITY_PERIOD_INVALID'],
      [{ startsOn: '2027-02-30' }, 'startsOn', 'PUBLICITY_PERIOD_INVALID'],
      [{ endsOn: '2027-13-01' }, 'endsOn', 'PUBLICITY_PERIOD_INVALID'],
      [{ startsOn: 'tomorrow' }, 'startsOn', 'VALIDATION_FAILED'],
      [{ endsOn: 20270101 }, 'endsOn', 'VALIDATION_FAILED'],
    ] as const) {
      const res = await publishAt('district', token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ code, field });
      expect(res.body.error.message).toMatch(field === 'startsOn' ? /公示开始日期/ : /公示结束日期/);
    }
    expect(await getPublicity(illnessId, 'district')).toEqual(before);
    // The longest period is accepted.
    const longest = await publishAt('district', token, { startsOn: today(), endsOn: inDays(29) });
    expect(longest.status).toBe(201);
  });
});
