/**
 * 阵地 (issue 15 item 4): a member sees the open places of their org's lineage and of their org's
 * area — never another city's — nearest first when they share a position; officers add, list,
 * edit and close only their subtree's places.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { createOrg } from '../../../functions/src/store/org.repository';
import { countDynamoCalls } from '../../support/dynamo-calls';
import { invoke } from '../../support/invoke';
import { makeMember, officerToken, seedOrgs, type TestMember } from './fixtures';

const place = (name: string, lat: number, lng: number, kind = '户外劳动者驿站', openingHours = '全天开放') => ({
  kind,
  name,
  address: '临江区滨江路 1 号',
  lat,
  lng,
  openingHours,
});

const names = (body: { places: Array<{ name: string }> }) => body.places.map((p) => p.name);

describe('places (阵地) of the member’s lineage and area', () => {
  let courier: TestMember;
  let worker: TestMember;
  let eastMember: TestMember;
  let districtOfficer: string;
  let enterpriseOfficer: string;
  let eastOfficer: string;
  const ids: Record<string, string> = {};

  const add = async (token: string, orgId: string, body: ReturnType<typeof place>) => {
    const res = await invoke(AREAS.card, 'POST', `/orgs/${orgId}/places`, { token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[body.name] = res.body.place.placeId;
    return res.body.place;
  };

  beforeAll(async () => {
    await seedOrgs();
    await createOrg({ orgId: 'city-b', name: '澄江市总工会', kind: 'city', parentId: null, area: null });
    await createOrg({ orgId: 'district-b', name: '澄江市东湖区总工会', kind: 'district', parentId: 'city-b', area: '东湖区' });
    courier = await makeMember('member-courier', 'logistics');
    worker = await makeMember('member-worker', 'enterprise');
    eastMember = await makeMember('member-east', 'district-b');
    districtOfficer = await officerToken('officer-district', 'district');
    enterpriseOfficer = await officerToken('officer-enterprise', 'enterprise');
    eastOfficer = await officerToken('officer-east', 'district-b');

    await add(districtOfficer, 'district', place('远处驿站', 30.3, 120.3));
    await add(districtOfficer, 'district', place('近处书屋', 30.201, 120.201, '职工书屋', '周二至周日 9:00-20:00'));
    await add(enterpriseOfficer, 'enterprise', place('中间小屋', 30.22, 120.22, '爱心妈咪小屋', '工作日 8:30-17:30'));
    await add(districtOfficer, 'logistics', place('快递驿站', 30.21, 120.21));
    await add(eastOfficer, 'district-b', place('东湖驿站', 31.3, 120.6));
  });

  it('an officer adds places only in their subtree: the city above the district is refused', async () => {
    const res = await invoke(AREAS.card, 'POST', '/orgs/city/places', { token: districtOfficer, body: place('市级驿站', 30.2, 120.2) });
    expect(res.status).toBe(403);
    const sibling = await invoke(AREAS.card, 'POST', '/orgs/logistics/places', {
      token: enterpriseOfficer,
      body: place('越权驿站', 30.2, 120.2),
    });
    expect(sibling.status).toBe(403);
  });

  it('a member lists the places of their lineage and area nearest first, with hours; another city’s never', async () => {
    const res = await invoke(AREAS.card, 'GET', '/places?lat=30.2&lng=120.2', { token: courier.token });
    expect(res.status).toBe(200);
    expect(res.body.sortedBy).toBe('distance');
    // The enterprise's 妈咪小屋 is in 临江区, the courier's union's area: shown. 东湖驿站 is not.
    expect(names(res.body)).toEqual(['近处书屋', '快递驿站', '中间小屋', '远处驿站']);
    expect(res.body.places[0]).toMatchObject({
      openingHours: '周二至周日 9:00-20:00',
      kind: '职工书屋',
      status: 'open',
      orgId: 'district',
    });
    expect(res.body.places[0].distanceMeters).toBeGreaterThan(100);
    expect(res.body.places[0].distanceMeters).toBeLessThan(200);

    const east = await invoke(AREAS.card, 'GET', '/places?lat=31.3&lng=120.6', { token: eastMember.token });
    expect(names(east.body)).toEqual(['东湖驿站']);
    expect(east.body.places[0].distanceMeters).toBe(0);

    // Without a position: by name, the same set.
    const byName = await invoke(AREAS.card, 'GET', '/places', { token: worker.token });
    expect(byName.body.sortedBy).toBe('name');
    expect([...names(byName.body)].sort()).toEqual(['中间小屋', '快递驿站', '近处书屋', '远处驿站'].sort());
    const kind = await invoke(AREAS.card, 'GET', `/places?kind=${encodeURIComponent('职工书屋')}`, { token: worker.token });
    expect(names(kind.body)).toEqual(['近处书屋']);
  });

  it('reads in two round trips and writes nothing', async () => {
    const counter = countDynamoCalls();
    counter.reset();
    expect((await invoke(AREAS.card, 'GET', '/places?lat=30.2&lng=120.2', { token: courier.token })).status).toBe(200);
    const calls = counter.snapshot();
    expect(calls.roundTrips).toBe(2);
    expect(calls.writes).toBe(0);
    expect(calls.byCommand.ScanCommand ?? 0).toBe(0);
  });

  it('officers edit and close their subtree’s places; others are refused; members stop seeing a closed one', async () => {
    const id = ids.远处驿站 as string;
    const edited = await invoke(AREAS.card, 'PUT', `/places/${id}`, {
      token: districtOfficer,
      body: place('远处驿站（新址）', 30.3, 120.3, '户外劳动者驿站', '6:00-22:00'),
    });
    expect(edited.status).toBe(200);
    expect(edited.body.place).toMatchObject({ placeId: id, name: '远处驿站（新址）', openingHours: '6:00-22:00', orgId: 'district' });

    // The enterprise officer is below the district; the east officer elsewhere: both refused, nothing changed.
    for (const token of [enterpriseOfficer, eastOfficer]) {
      expect((await invoke(AREAS.card, 'PUT', `/places/${id}`, { token, body: place('改名', 30.3, 120.3) })).status).toBe(403);
      expect((await invoke(AREAS.card, 'POST', `/places/${id}/close`, { token })).status).toBe(403);
    }
    // The district officer manages the enterprise's place (below it).
    const mom = await invoke(AREAS.card, 'POST', `/places/${ids.中间小屋}/close`, { token: districtOfficer });
    expect(mom.status).toBe(200);
    expect(mom.body.place.status).toBe('closed');

    const seen = await invoke(AREAS.card, 'GET', '/places?lat=30.2&lng=120.2', { token: courier.token });
    expect(names(seen.body)).toEqual(['近处书屋', '快递驿站', '远处驿站（新址）']);

    // A closed place is not edited; its officers still list it.
    const again = await invoke(AREAS.card, 'PUT', `/places/${ids.中间小屋}`, {
      token: enterpriseOfficer,
      body: place('重开', 30.2, 120.2),
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'PLACE_CLOSED', field: 'placeId' });
    const list = await invoke(AREAS.card, 'GET', '/orgs/enterprise/places', { token: enterpriseOfficer });
    expect(list.status).toBe(200);
    expect(list.body.places).toEqual([expect.objectContaining({ name: '中间小屋', status: 'closed' })]);
    expect(list.body.nextCursor).toBeNull();
    expect((await invoke(AREAS.card, 'GET', '/orgs/district/places', { token: enterpriseOfficer })).status).toBe(403);
    const missing = await invoke(AREAS.card, 'POST', '/places/pnothere0001/close', { token: districtOfficer });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('PLACE_NOT_FOUND');
  });

  it('pages an officer’s list with a cursor', async () => {
    const first = await invoke(AREAS.card, 'GET', '/orgs/district/places?limit=1', { token: districtOfficer });
    expect(first.body.places).toHaveLength(1);
    const second = await invoke(AREAS.card, 'GET', `/orgs/district/places?limit=5&cursor=${first.body.nextCursor}`, {
      token: districtOfficer,
    });
    expect([...names(first.body), ...names(second.body)].sort()).toEqual(['近处书屋', '远处驿站（新址）'].sort());
    const forged = await invoke(AREAS.card, 'GET', `/orgs/enterprise/places?cursor=${first.body.nextCursor}`, { token: districtOfficer });
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('CURSOR_INVALID');
  });

  it('refuses bad input naming the field; members cannot manage places; a non-member is told to join', async () => {
    const bad = await invoke(AREAS.card, 'POST', '/orgs/district/places', {
      token: districtOfficer,
      body: { kind: '职工之家', name: '职工之家', address: '临江区滨江路 1 号', lat: 200, lng: 120, openingHours: '9:00-17:00' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('lat');
    expect(bad.body.error.message).toContain('纬度');
    for (const q of ['lat=abc&lng=120', 'lat=91&lng=120', 'lat=30&lng=181', 'kind=%E9%A3%9E%E6%9C%BA']) {
      const res = await invoke(AREAS.card, 'GET', `/places?${q}`, { token: courier.token });
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const longName = await invoke(AREAS.card, 'PUT', `/places/${ids.近处书屋}`, {
      token: districtOfficer,
      body: place('书'.repeat(61), 30, 120),
    });
    expect(longName.status).toBe(400);
    expect(longName.body.error.field).toBe('name');
    expect((await invoke(AREAS.card, 'POST', '/orgs/district/places', { token: courier.token, body: {} })).status).toBe(403);
    expect((await invoke(AREAS.card, 'POST', `/places/${ids.近处书屋}/close`, { token: courier.token })).status).toBe(403);
    const outsider = await invoke(AREAS.card, 'GET', '/places', { token: districtOfficer });
    expect(outsider.status).toBe(404);
    expect(outsider.body.error.code).toBe('MEMBERSHIP_NOT_FOUND');
  });
});
