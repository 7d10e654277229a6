import { beforeAll, describe, expect, it } from 'vitest';
import { createOrg } from '../../../functions/src/store/org.repository';
import { getUser } from '../../../functions/src/store/user.repository';
import { invoke } from '../../support/invoke';
import { userWithToken } from '../../support/sessions';
import { apply, area, createInvite, joinForm, newUser, officerToken, seedOrgs } from './fixtures';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** Follows nextCursor to the end; every page is checked to be at most `limit` long. */
const readAll = async <T>(path: string, key: string, token: string, limit: number): Promise<{ items: T[]; pages: number }> => {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: { status: number; body: Record<string, any> } = await invoke(
      area,
      'GET',
      `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      { token },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body[key].length).toBeLessThanOrEqual(limit);
    expect(res.body).toHaveProperty('nextCursor');
    items.push(...res.body[key]);
    cursor = res.body.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(100);
  } while (cursor);
  return { items, pages };
};

/** Pending applications per org of the district's subtree (and one outside it). */
const PENDING: Record<string, number> = { district: 2, enterprise: 3, logistics: 3, g3: 2, otherunion: 2 };

describe('lists are paged with a cursor; the subtree queues are read org by org', () => {
  let districtOfficer: string;
  let cityOfficer: string;
  const applicationOrg = new Map<string, string>();
  const transferIds: string[] = [];

  beforeAll(async () => {
    await seedOrgs();
    for (const [i, id] of ['g1', 'g2', 'g3', 'g4'].entries()) {
      await createOrg({ orgId: id, name: `临江第${i + 1}机械厂工会`, kind: 'grassroots', parentId: 'district', area: '临江区' });
    }
    districtOfficer = await officerToken('district');
    cityOfficer = await officerToken('city');
    let n = 0;
    for (const [orgId, count] of Object.entries(PENDING)) {
      const invite = await createInvite(cityOfficer, orgId, { mode: 'review' });
      for (let i = 0; i < count; i += 1) {
        n += 1;
        const res = await apply(await newUser(`applicant-${orgId}-${i}`), invite, joinForm(300 + n));
        expect(res.status).toBe(201);
        applicationOrg.set(res.body.application.applicationId, orgId);
      }
    }
    // Three members of a union outside the district ask to move into it.
    const otherInvite = await createInvite(cityOfficer, 'otherunion', { mode: 'auto' });
    for (const [i, to] of ['enterprise', 'g3', 'g3'].entries()) {
      const userId = `mover-${i}`;
      await apply(await newUser(userId), otherInvite, joinForm(400 + i));
      const token = await userWithToken(userId, (await getUser(userId))?.grants ?? [], '会员');
      const res = await invoke(area, 'POST', '/me/transfers', { token, body: { toOrgId: to } });
      expect(res.status).toBe(201);
      transferIds.push(res.body.transfer.transferId);
    }
  });

  it('pages the review queue of a subtree: every descendant org’s applications, once each, nothing outside', async () => {
    const { items, pages } = await readAll<{ applicationId: string; orgId: string }>(
      '/orgs/district/applications',
      'applications',
      districtOfficer,
      3,
    );
    const expected = [...applicationOrg].filter(([, org]) => org !== 'otherunion').map(([id]) => id);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(items.map((a) => a.applicationId).sort()).toEqual(expected.sort());
    expect(new Set(items.map((a) => a.orgId))).toEqual(new Set(['district', 'enterprise', 'logistics', 'g3']));

    const city = await readAll<{ applicationId: string }>('/orgs/city/applications', 'applications', cityOfficer, 4);
    expect(city.items.map((a) => a.applicationId).sort()).toEqual([...applicationOrg.keys()].sort());
  });

  it('answers one bounded page by default, with a cursor to the rest', async () => {
    const first = await invoke(area, 'GET', '/orgs/city/applications', { token: cityOfficer });
    expect(first.status).toBe(200);
    expect(first.body.applications.length).toBe(12);
    expect(first.body.nextCursor).toBeNull();
    const small = await invoke(area, 'GET', '/orgs/city/applications?limit=1', { token: cityOfficer });
    expect(small.body.applications).toHaveLength(1);
    expect(typeof small.body.nextCursor).toBe('string');
  });

  it('pages the pending transfers into a subtree', async () => {
    const { items } = await readAll<{ transferId: string; toOrgId: string }>('/orgs/district/transfers', 'transfers', districtOfficer, 1);
    expect(items.map((t) => t.transferId).sort()).toEqual([...transferIds].sort());
    const g3 = await readAll<{ transferId: string }>('/orgs/g3/transfers', 'transfers', await officerToken('g3'), 1);
    expect(g3.items).toHaveLength(2);
  });

  it('pages an org’s invites, newest first, and its children', async () => {
    const enterpriseOfficer = await officerToken('enterprise');
    for (let i = 0; i < 11; i += 1) await createInvite(enterpriseOfficer, 'enterprise', { maxUses: 10 + i });
    const { items, pages } = await readAll<{ inviteId: string; createdAt: string }>(
      '/orgs/enterprise/invites',
      'invites',
      enterpriseOfficer,
      5,
    );
    expect(pages).toBe(3);
    expect(new Set(items.map((i) => i.inviteId)).size).toBe(12);
    expect(items.map((i) => i.createdAt)).toEqual([...items.map((i) => i.createdAt)].sort().reverse());

    const { AREAS } = await import('../../../functions/src/http/areas');
    const children: Array<{ orgId: string }> = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: Record<string, any> } = await invoke(
        AREAS.orgs,
        'GET',
        `/orgs/district/children?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { token: districtOfficer },
      );
      expect(res.status).toBe(200);
      expect(res.body.orgs.length).toBeLessThanOrEqual(2);
      children.push(...res.body.orgs);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(children.map((o) => o.orgId).sort()).toEqual(['enterprise', 'g1', 'g2', 'g3', 'g4', 'logistics']);
  });

  it('refuses a bad cursor or limit with 400, naming the field', async () => {
    const outside = b64({ o: 'otherunion' });
    const otherPartition = b64({
      o: 'enterprise',
      k: { pk: 'APPLICATION#x', sk: 'META', gsi2pk: 'APPQUEUE#otherunion#pending', gsi2sk: 'x' },
    });
    const extraKey = b64({
      o: 'enterprise',
      k: { pk: 'APPLICATION#x', sk: 'META', gsi2pk: 'APPQUEUE#enterprise#pending', gsi2sk: 'x', x: '1' },
    });
    const emptyPart = b64({ o: 'enterprise', k: { pk: '', sk: 'META', gsi2pk: 'APPQUEUE#enterprise#pending', gsi2sk: 'x' } });
    for (const cursor of [
      'not-a-cursor',
      'e30',
      outside,
      otherPartition,
      extraKey,
      emptyPart,
      b64([1, 2]),
      b64({ o: 'enterprise', n: 2 }),
    ]) {
      const res = await invoke(area, 'GET', `/orgs/district/applications?cursor=${cursor}`, { token: districtOfficer });
      expect(res.status, cursor).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'CURSOR_INVALID', field: 'cursor' });
      expect(res.body.error.message).toContain('分页');
    }
    const forged = await invoke(area, 'GET', '/orgs/enterprise/invites?cursor=a%2Bb', { token: districtOfficer });
    expect(forged.status).toBe(400);
    expect(forged.body.error.field).toBe('cursor');
    const wrongInvites = b64({ pk: 'INVITE#x', sk: 'META', gsi1pk: 'ORGINVITES#otherunion', gsi1sk: 'x' });
    const res = await invoke(area, 'GET', `/orgs/enterprise/invites?cursor=${wrongInvites}`, { token: districtOfficer });
    expect([res.status, res.body.error.code]).toEqual([400, 'CURSOR_INVALID']);
    for (const limit of ['0', '101', 'x', '-1', '1.5']) {
      const bad = await invoke(area, 'GET', `/orgs/district/transfers?limit=${limit}`, { token: districtOfficer });
      expect(bad.status, limit).toBe(400);
      expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'limit' });
      expect(bad.body.error.message).toContain('数量');
    }
  });
});
