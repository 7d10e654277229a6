import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { invoke } from '../../support/invoke';
import { makeMember, officerToken, seedOrgs, type TestMember } from './fixtures';

describe('places (阵地) by distance', () => {
  let courier: TestMember;
  let officer: string;

  beforeAll(async () => {
    await seedOrgs();
    courier = await makeMember('member-courier', 'logistics');
    officer = await officerToken('officer-district', 'district');
  });

  it('officers add places; a member lists them nearest first', async () => {
    const add = (name: string, lat: number, lng: number, kind = '户外劳动者驿站') =>
      invoke(AREAS.card, 'POST', '/orgs/district/places', {
        token: officer,
        body: { kind, name, address: '临江区滨江路 1 号', lat, lng, openingHours: '全天开放' },
      });
    expect((await add('远处驿站', 30.3, 120.3)).status).toBe(201);
    expect((await add('近处书屋', 30.201, 120.201, '职工书屋')).status).toBe(201);
    expect((await add('中间小屋', 30.22, 120.22, '爱心妈咪小屋')).status).toBe(201);

    const res = await invoke(AREAS.card, 'GET', '/places?lat=30.2&lng=120.2', { token: courier.token });
    expect(res.status).toBe(200);
    expect(res.body.places.map((p: { name: string }) => p.name)).toEqual(['近处书屋', '中间小屋', '远处驿站']);
    expect(res.body.places[0].distanceMeters).toBeGreaterThan(100);
    expect(res.body.places[0].distanceMeters).toBeLessThan(200);
  });

  it('refuses bad input naming the field, and members cannot add places', async () => {
    const bad = await invoke(AREAS.card, 'POST', '/orgs/district/places', {
      token: officer,
      body: { kind: '职工之家', name: '职工之家', address: '临江区滨江路 1 号', lat: 200, lng: 120, openingHours: '9:00-17:00' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('lat');
    expect(bad.body.error.message).toContain('纬度');
    const q = await invoke(AREAS.card, 'GET', '/places?lat=abc&lng=120', { token: courier.token });
    expect(q.status).toBe(400);
    const member = await invoke(AREAS.card, 'POST', '/orgs/district/places', { token: courier.token, body: {} });
    expect(member.status).toBe(403);
  });
});
