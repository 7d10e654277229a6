/**
 * 版本对比 (GET /orgs/{orgId}/catalog-compare) on DynamoDB Local: an officer of the org, or of an org
 * above it, compares two published versions — entries added, removed, and changed with the fields
 * that changed; anyone else is refused, and bad version numbers are 4xx naming the field in Chinese.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { createOrg } from '../../../functions/src/store/org.repository';
import { countDynamoCalls } from '../../support/dynamo-calls';
import { invoke } from '../../support/invoke';
import { userWithToken } from '../../support/sessions';

const api = AREAS.catalog;
const doc = { issuer: '云溪市东城区总工会', year: 2026, number: null, title: '2026年实事项目' };
const active = { member: 'status', op: 'eq', value: 'active' } as const;
const service = (name: string, over: Record<string, unknown> = {}) => ({
  name,
  category: '帮扶救助',
  tier: '普惠',
  groups: [],
  eligibility: active,
  benefit: { amountYuan: 500 },
  claimMode: 'review',
  ...over,
});

let districtOfficer: string;
let cityOfficer: string;
let siblingOfficer: string;
let enterpriseOfficer: string;
let member: string;
const compare = (token: string, query: string, orgId = 'district') =>
  invoke(api, 'GET', `/orgs/${orgId}/catalog-compare?${query}`, { token });

beforeAll(async () => {
  await createOrg({ orgId: 'city', name: '云溪市总工会', kind: 'city', parentId: null, area: null });
  await createOrg({ orgId: 'district', name: '云溪市东城区总工会', kind: 'district', parentId: 'city', area: '东城区' });
  await createOrg({ orgId: 'west', name: '云溪市西城区总工会', kind: 'district', parentId: 'city', area: '西城区' });
  await createOrg({ orgId: 'enterprise', name: '东城精工有限公司工会', kind: 'grassroots', parentId: 'district', area: '东城区' });
  districtOfficer = await userWithToken('cmp-district', [{ role: 'officer', orgId: 'district' }], '区总干部');
  cityOfficer = await userWithToken('cmp-city', [{ role: 'officer', orgId: 'city' }], '市总干部');
  siblingOfficer = await userWithToken('cmp-west', [{ role: 'officer', orgId: 'west' }], '西城干部');
  enterpriseOfficer = await userWithToken('cmp-ent', [{ role: 'officer', orgId: 'enterprise' }], '企业干部');
  member = await userWithToken('cmp-member', [{ role: 'member', orgId: 'district' }], '会员');
  const publish = async (services: object[]) => {
    const res = await invoke(api, 'POST', '/orgs/district/catalogs', { token: districtOfficer, body: { document: doc, services } });
    expect(res.status).toBe(201);
  };
  await publish([
    service('困难职工帮扶'),
    service('职工疗休养', { benefit: { quota: { count: 50, unit: '名' } } }),
    service('金秋助学', { period: '2026年8月' }),
    service('法律援助'),
  ]);
  await publish([
    service('困难职工帮扶'),
    service('职工疗休养', { benefit: { quota: { count: 80, unit: '名' } }, claimMode: 'automatic' }),
    service('金秋助学', { period: '2026年9月', benefit: { amountYuan: 1000 }, eligibility: { member: 'hardship', op: 'eq', value: true } }),
    service('职工生日慰问', { category: '节日慰问', benefit: { amountYuan: 200 } }),
  ]);
});

describe('GET /orgs/{orgId}/catalog-compare', () => {
  it('answers added, removed and changed entries, with the fields that changed and both sides', async () => {
    const res = await compare(districtOfficer, 'fromVersion=1&toVersion=2');
    expect(res.status).toBe(200);
    const body = res.body;
    expect([body.from.version, body.to.version, body.from.entryCount, body.unchangedCount]).toEqual([1, 2, 4, 1]);
    expect(body.added.map((e: { name: string; benefitId: string }) => [e.name, e.benefitId])).toEqual([['职工生日慰问', 'district.v2.4']]);
    expect(body.removed.map((e: { name: string }) => e.name)).toEqual(['法律援助']);
    expect(body.changed.map((c: { after: { name: string }; fields: string[] }) => [c.after.name, c.fields])).toEqual([
      ['职工疗休养', ['quota', 'claimMode']],
      ['金秋助学', ['eligibility', 'amount', 'period']],
    ]);
    const quota = body.changed[0];
    expect([quota.before.benefit.quota.count, quota.after.benefit.quota.count]).toEqual([50, 80]);
    // Reversed, added and removed swap.
    const back = (await compare(districtOfficer, 'fromVersion=2&toVersion=1')).body;
    expect([back.added.map((e: { name: string }) => e.name), back.removed.map((e: { name: string }) => e.name)]).toEqual([
      ['法律援助'],
      ['职工生日慰问'],
    ]);
  });

  it('reads both versions beside the officer check: one round trip, no write', async () => {
    const counter = countDynamoCalls();
    counter.reset();
    expect((await compare(cityOfficer, 'fromVersion=1&toVersion=2')).status).toBe(200);
    const calls = counter.snapshot();
    expect([calls.roundTrips, calls.writes]).toEqual([1, 0]);
  });

  it('is open to officers of the org and above it; refused to a sibling, a child org, and members', async () => {
    expect((await compare(cityOfficer, 'fromVersion=1&toVersion=2')).status).toBe(200);
    for (const token of [siblingOfficer, enterpriseOfficer]) {
      const res = await compare(token, 'fromVersion=1&toVersion=2');
      expect([res.status, res.body.error.code]).toEqual([403, 'FORBIDDEN_ORG']);
    }
    expect((await compare(member, 'fromVersion=1&toVersion=2')).status).toBe(403);
  });

  it('refuses a missing or malformed version naming the field in Chinese, and an unknown org', async () => {
    const missing = await compare(districtOfficer, 'fromVersion=1&toVersion=9');
    expect([missing.status, missing.body.error.code, missing.body.error.field]).toEqual([404, 'CATALOG_VERSION_NOT_FOUND', 'toVersion']);
    expect(missing.body.error.message).toBe('该组织没有第 9 版服务目录');
    for (const [query, field, label] of [
      ['fromVersion=0&toVersion=2', 'fromVersion', '旧版本'],
      ['fromVersion=1&toVersion=abc', 'toVersion', '新版本'],
      ['fromVersion=1', 'toVersion', '新版本'],
    ] as const) {
      const res = await compare(districtOfficer, query);
      expect([res.status, res.body.error.code, res.body.error.field], query).toEqual([400, 'VALIDATION_FAILED', field]);
      expect(res.body.error.message.startsWith(`${label}：`)).toBe(true);
    }
    expect((await compare(cityOfficer, 'fromVersion=1&toVersion=2', 'nosuchorg')).status).toBe(404);
  });
});
