/**
 * 数据看板 (issue 13 part B): the dashboard of an org or its subtree is the sum of the desk counter items
 * the transactions write (`DESK#<orgId> / NOW`, `/ YEAR#<yyyy>`, ADD); here they are written directly with
 * UpdateItem ADD in the layout of docs/ARCHITECTURE.md "Dashboard", and the answer is checked against a
 * direct read of every item. Against DynamoDB Local.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dashboardSchema } from '@union/shared/contracts/desk.contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { deskItemKey } from '../../../functions/src/store/desk-read.repository';
import { createOrg } from '../../../functions/src/store/org.repository';
import { createPlace } from '../../../functions/src/store/place.repository';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { parseCsv } from '../../support/csv-parse';
import { countDynamoCalls, describeCalls } from '../../support/dynamo-calls';
import { invoke } from '../../support/invoke';
import { responseProblems } from '../../support/response-contract';
import { HARDSHIP_AID, officerToken, publish, quotaService, seedOrgs } from '../card/fixtures';

const YEAR = 2026;
const route = (path: string) => AREAS.desk.routes.find((r) => r.path === path)!;
const DASHBOARD = route('/orgs/{orgId}/desk/dashboard');

const add = async (orgId: string, period: 'NOW' | number, deltas: Record<string, number>) => {
  const names = Object.keys(deltas);
  await getDocumentClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: deskItemKey(orgId, period),
      UpdateExpression: `ADD ${names.map((_, i) => `#n${i} :v${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#n${i}`, n])),
      ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:v${i}`, deltas[n]])),
    }),
  );
};

/** A direct read of the items: each org's item by key, its attributes summed (what the dashboard must equal). */
const direct = async (orgIds: string[], period: 'NOW' | number, attr: string): Promise<number> => {
  let total = 0;
  for (const orgId of orgIds) {
    const { Item } = await getDocumentClient().send(new GetCommand({ TableName: tableName(), Key: deskItemKey(orgId, period) }));
    total += typeof Item?.[attr] === 'number' ? (Item[attr] as number) : 0;
  }
  return total;
};

const SUBTREE = ['district', 'enterprise', 'logistics', 'enterprise2'];
let districtOfficer = '';
let enterpriseOfficer = '';
let otherDistrictOfficer = '';
let cityOfficer = '';
let benefitIds: string[] = [];

beforeAll(async () => {
  await seedOrgs();
  await createOrg({ orgId: 'enterprise2', name: '临江纺织有限公司工会', kind: 'grassroots', parentId: 'district', area: '临江区' });
  await createOrg({ orgId: 'district-b', name: '江澄市东湖区总工会', kind: 'district', parentId: 'city', area: '东湖区' });
  await createOrg({ orgId: 'b-union', name: '东湖电子有限公司工会', kind: 'grassroots', parentId: 'district-b', area: '东湖区' });
  districtOfficer = await officerToken('officer-district', 'district');
  enterpriseOfficer = await officerToken('officer-enterprise', 'enterprise');
  otherDistrictOfficer = await officerToken('officer-b', 'district-b');
  cityOfficer = await officerToken('officer-city', 'city');
  benefitIds = await publish('district', [quotaService(50, '职工疗休养', 'automatic'), HARDSHIP_AID], YEAR);

  // Different numbers in every org, the other district and the city too (they must stay out of the district's sums).
  const orgs = ['city', 'district', 'enterprise', 'logistics', 'enterprise2', 'district-b', 'b-union'];
  for (const [i, orgId] of orgs.entries()) {
    await add(orgId, 'NOW', { 'members:active': 10 + i, 'members:total': 20 + 2 * i, 'waiting:applications': i });
    await add(orgId, YEAR, {
      'joined:01:invite': 1 + i,
      'joined:03:joint': i,
      'joined:12:transferIn': 2,
      'review:approved': 3 + i,
      'review:rejected': 1,
      [`review:hours:${i % 2 === 0 ? 4 : 48}`]: 1 + i,
      'proposals:accepted': i,
      'replies:onTime': 1,
      'replies:late': i % 2,
    });
    await add(orgId, YEAR - 1, { 'joined:05:invite': 100, 'review:approved': 100 });
  }
  // A second ADD to the same attributes: the items hold sums, as concurrent transactions leave them.
  await add('enterprise', 'NOW', { 'members:active': -1, 'members:total': 1 });
  await add('district', YEAR, {
    'claims:auto:district|职工疗休养': 7,
    'claims:reviewed:district|困难职工节日慰问': 3,
    'paid:district|困难职工节日慰问': 2400,
  });
  const place = {
    address: '临江区滨江路 1 号',
    lat: 30,
    lng: 120,
    openingHours: '全天开放',
    createdAt: '2026-01-02T00:00:00Z',
    createdBy: 'o',
  };
  await createPlace({ ...place, placeId: 'pl1', kind: '职工书屋', name: '书屋一', org: { orgId: 'district', area: '临江区' } });
  await createPlace({ ...place, placeId: 'pl2', kind: '职工书屋', name: '书屋二', org: { orgId: 'district', area: '临江区' } });
  await createPlace({ ...place, placeId: 'pl3', kind: '职工之家', name: '之家', org: { orgId: 'district', area: '临江区' } });
});

describe('GET /orgs/{orgId}/desk/dashboard', () => {
  it('sums the subtree’s items: every figure equals a direct read of the items, other districts left out', async () => {
    const res = await invoke(AREAS.desk, 'GET', `/orgs/district/desk/dashboard?year=${YEAR}`, { token: districtOfficer });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(responseProblems(DASHBOARD, res)).toEqual([]);
    const d = dashboardSchema.parse(res.body);
    expect(d.scope).toBe('subtree');
    expect(d.members.total).toBe(await direct(SUBTREE, 'NOW', 'members:total'));
    expect(d.members.active).toBe(await direct(SUBTREE, 'NOW', 'members:active'));
    expect(d.members.active).toBe(11 + 12 + 13 + 14 - 1);
    expect(d.members.byChannel.invite).toBe(await direct(SUBTREE, YEAR, 'joined:01:invite'));
    expect(d.members.byChannel.joint).toBe(await direct(SUBTREE, YEAR, 'joined:03:joint'));
    expect(d.members.byChannel.transferIn).toBe(8);
    expect(d.members.newByMonth[0]).toEqual({ month: '2026-01', count: await direct(SUBTREE, YEAR, 'joined:01:invite') });
    expect(d.members.newByMonth[4]?.count).toBe(0);
    expect(d.review.approved).toBe(await direct(SUBTREE, YEAR, 'review:approved'));
    expect(d.review.rejected).toBe(4);
    // ≤ 4 h: 3 (enterprise) + 5 (enterprise2) = 8 of 14 decisions (district 2 and logistics 4 at ≤ 48 h): the half is reached at 4.
    expect(d.review.medianHoursToDecision).toBe(4);
    expect(d.congress.proposalsByStatus.find((p) => p.status === 'accepted')?.count).toBe(
      await direct(SUBTREE, YEAR, 'proposals:accepted'),
    );
    expect(d.congress.repliesOnTime).toBe(4);
    expect(d.congress.repliesLate).toBe(await direct(SUBTREE, YEAR, 'replies:late'));
    expect(d.members.byChild).toEqual([
      { orgId: 'logistics', orgName: '临江区快递物流行业联合工会', active: 13 },
      { orgId: 'enterprise', orgName: '临江精密机械有限公司工会', active: 11 },
      { orgId: 'enterprise2', orgName: '临江纺织有限公司工会', active: 14 },
    ]);
    expect(d.members.byChildNextCursor).toBeNull();
    expect(d.benefits).toEqual([
      {
        benefitId: benefitIds[0],
        name: '职工疗休养',
        orgName: '江澄市临江区总工会',
        quota: 50,
        approved: 7,
        amountYuan: 0,
        automatic: 7,
        reviewed: 0,
      },
      {
        benefitId: benefitIds[1],
        name: '困难职工节日慰问',
        orgName: '江澄市临江区总工会',
        quota: null,
        approved: 3,
        amountYuan: 2400,
        automatic: 0,
        reviewed: 3,
      },
    ]);
    expect(d.places.filter((p) => p.count > 0)).toEqual([
      { kind: '职工书屋', count: 2 },
      { kind: '职工之家', count: 1 },
    ]);
  });

  it('scope=org sums the org’s own items only; the next level down still shows subtree totals', async () => {
    const res = await invoke(AREAS.desk, 'GET', `/orgs/district/desk/dashboard?year=${YEAR}&scope=org`, { token: districtOfficer });
    expect(res.status).toBe(200);
    const d = dashboardSchema.parse(res.body);
    expect(d.members.active).toBe(await direct(['district'], 'NOW', 'members:active'));
    expect(d.review.approved).toBe(await direct(['district'], YEAR, 'review:approved'));
    expect(d.members.byChild.map((c) => c.active)).toEqual([13, 11, 14]);
  });

  it('the city sums both districts, and shows each district’s subtree total one level down', async () => {
    const res = await invoke(AREAS.desk, 'GET', `/orgs/city/desk/dashboard?year=${YEAR}`, { token: cityOfficer });
    const d = dashboardSchema.parse(res.body);
    const all = ['city', 'district-b', 'b-union', ...SUBTREE];
    expect(d.members.active).toBe(await direct(all, 'NOW', 'members:active'));
    expect(d.members.byChild).toEqual([
      { orgId: 'district-b', orgName: '江澄市东湖区总工会', active: 15 + 16 },
      { orgId: 'district', orgName: '江澄市临江区总工会', active: 11 + 12 + 13 + 14 - 1 },
    ]);
  });

  it('a year without data answers zeros, not 404; last year is its own', async () => {
    const empty = await invoke(AREAS.desk, 'GET', '/orgs/district/desk/dashboard?year=2001', { token: districtOfficer });
    expect(empty.status).toBe(200);
    const d = dashboardSchema.parse(empty.body);
    expect(d.year).toBe(2001);
    expect(d.review).toEqual({ approved: 0, rejected: 0, medianHoursToDecision: null });
    expect(d.members.newByMonth.every((m) => m.count === 0 && m.month.startsWith('2001-'))).toBe(true);
    expect(d.members.active).toBe(49);
    const last = dashboardSchema.parse(
      (await invoke(AREAS.desk, 'GET', `/orgs/district/desk/dashboard?year=${YEAR - 1}`, { token: districtOfficer })).body,
    );
    expect(last.review.approved).toBe(400);
    expect(last.members.newByMonth[4]?.count).toBe(400);
  });

  it('refuses bad input with 400 naming the field, and an officer of another district with 403', async () => {
    for (const [query, field] of [
      ['year=abc', 'year'],
      ['year=1999', 'year'],
      ['scope=all', 'scope'],
      ['cursor=%21%21', 'cursor'],
    ] as const) {
      const res = await invoke(AREAS.desk, 'GET', `/orgs/district/desk/dashboard?${query}`, { token: districtOfficer });
      expect(res.status, query).toBe(400);
      expect(res.body.error.field, query).toBe(field);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const forged = Buffer.from(JSON.stringify({ a: 'b-union' })).toString('base64url');
    const notAChild = await invoke(AREAS.desk, 'GET', `/orgs/district/desk/dashboard?cursor=${forged}`, { token: districtOfficer });
    expect(notAChild.status).toBe(400);
    expect(notAChild.body.error.code).toBe('CURSOR_INVALID');
    const noTable = await invoke(AREAS.desk, 'GET', '/orgs/district/desk/dashboard/csv', { token: districtOfficer });
    expect(noTable.status).toBe(400);
    expect(noTable.body.error.field).toBe('table');
    for (const path of ['/orgs/district/desk/dashboard', '/orgs/district/desk/dashboard/csv?table=members']) {
      const other = await invoke(AREAS.desk, 'GET', path, { token: otherDistrictOfficer });
      expect(other.status).toBe(403);
      expect(other.body.error.code).toBe('FORBIDDEN_ORG');
      const below = await invoke(AREAS.desk, 'GET', path, { token: enterpriseOfficer });
      expect(below.status).toBe(403);
    }
  });

  it('reads by key: the walk, then one BatchGetItem wave, beside the sessions and places; no Scan', async () => {
    await invoke(AREAS.desk, 'GET', `/orgs/district/desk/dashboard?year=${YEAR}`, { token: districtOfficer });
    const calls = countDynamoCalls();
    try {
      calls.reset();
      const res = await invoke(AREAS.desk, 'GET', `/orgs/district/desk/dashboard?year=${YEAR}`, { token: districtOfficer });
      expect(res.status).toBe(200);
      const s = calls.snapshot();
      console.log(`dashboard of the district (4 orgs): ${s.calls} calls in ${s.roundTrips} round trips: ${describeCalls(s)}`);
      expect(s.byCommand.ScanCommand ?? 0).toBe(0);
      expect(s.byCommand.BatchGetItemCommand).toBe(1);
      expect(s.writes).toBe(0);
      expect(s.roundTrips).toBeLessThanOrEqual(4);
    } finally {
      calls.detach();
    }
  });
});

describe('GET /orgs/{orgId}/desk/dashboard/csv', () => {
  it('each table parses back to the numbers of the dashboard, with a Chinese file name', async () => {
    const d = dashboardSchema.parse(
      (await invoke(AREAS.desk, 'GET', `/orgs/district/desk/dashboard?year=${YEAR}`, { token: districtOfficer })).body,
    );
    const csv = async (table: string) => {
      const res = await invoke(AREAS.desk, 'GET', `/orgs/district/desk/dashboard/csv?table=${table}&year=${YEAR}`, {
        token: districtOfficer,
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(decodeURIComponent(res.headers['content-disposition'] as string)).toContain(`江澄市临江区总工会${YEAR}年数据看板`);
      return parseCsv(res.body as string);
    };
    const members = await csv('members');
    expect(members[0]).toEqual(['会员总数', String(d.members.total)]);
    expect(members[1]).toEqual(['在册会员', String(d.members.active)]);
    expect(members).toContainEqual(['2026-01', String(d.members.newByMonth[0]?.count)]);
    expect(members).toContainEqual(['临江纺织有限公司工会', '14']);
    expect(await csv('review')).toEqual([
      ['批准', '不予批准', '审核用时中位数（≤ 小时）'],
      [String(d.review.approved), String(d.review.rejected), '4'],
    ]);
    expect((await csv('benefits'))[2]).toEqual(['困难职工节日慰问', '江澄市临江区总工会', '', '3', '2400', '0', '3']);
    expect(await csv('places')).toContainEqual(['职工书屋', '2']);
    expect(await csv('congress')).toContainEqual([
      '已立案',
      String(d.congress.proposalsByStatus.find((p) => p.status === 'accepted')?.count),
    ]);
  });
});

describe('the next level down, paged', () => {
  it('an org with more children than one answer holds gives a cursor, never a silent cut', async () => {
    await createOrg({ orgId: 'many', name: '江澄市大区总工会', kind: 'district', parentId: 'city', area: '大区' });
    const n = 130;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        createOrg({
          orgId: `m${String(i).padStart(3, '0')}`,
          name: `大区基层工会${String(i).padStart(3, '0')}`,
          kind: 'grassroots',
          parentId: 'many',
          area: '大区',
        }),
      ),
    );
    await add('m007', 'NOW', { 'members:active': 5 });
    const officer = await officerToken('officer-many', 'many');
    const first = dashboardSchema.parse((await invoke(AREAS.desk, 'GET', '/orgs/many/desk/dashboard', { token: officer })).body);
    expect(first.members.byChild).toHaveLength(100);
    expect(first.members.byChild[7]).toMatchObject({ orgId: 'm007', active: 5 });
    expect(first.members.active).toBe(5);
    const cursor = first.members.byChildNextCursor as string;
    expect(cursor).toBeTruthy();
    const second = dashboardSchema.parse(
      (await invoke(AREAS.desk, 'GET', `/orgs/many/desk/dashboard?cursor=${cursor}`, { token: officer })).body,
    );
    expect(second.members.byChild).toHaveLength(30);
    expect(second.members.byChildNextCursor).toBeNull();
    const all = [...first.members.byChild, ...second.members.byChild].map((c) => c.orgId);
    expect(new Set(all).size).toBe(n);
  });
});
