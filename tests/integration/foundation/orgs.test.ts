import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { OrgEntity } from '../../../functions/src/store/entities/org.entity';
import { createOrg, getLineage } from '../../../functions/src/store/org.repository';
import { countDynamoCalls } from '../../support/dynamo-calls';
import { invoke } from '../../support/invoke';
import { userWithToken } from '../../support/sessions';

describe('the org tree', () => {
  let districtOfficer: string;
  let enterpriseOfficer: string;
  beforeAll(async () => {
    await createOrg({ orgId: 'c1', name: '市总工会', kind: 'city', parentId: null, area: null });
    await createOrg({ orgId: 'd1', name: '甲区总工会', kind: 'district', parentId: 'c1', area: '甲区' });
    await createOrg({ orgId: 'd2', name: '乙区总工会', kind: 'district', parentId: 'c1', area: '乙区' });
    await createOrg({ orgId: 'e1', name: '甲区某公司工会', kind: 'grassroots', parentId: 'd1', area: '甲区' });
    await createOrg({ orgId: 'j1', name: '甲区快递联合工会', kind: 'joint', parentId: 'd1', area: '甲区' });
    districtOfficer = await userWithToken('off-d1', [{ role: 'officer', orgId: 'd1' }]);
    enterpriseOfficer = await userWithToken('off-e1', [{ role: 'officer', orgId: 'e1' }]);
  });

  it('answers the ancestry, root first', async () => {
    expect((await getLineage('e1')).map((o) => o.orgId)).toEqual(['c1', 'd1', 'e1']);
    const res = await invoke(AREAS.orgs, 'GET', '/orgs/j1');
    expect(res.status).toBe(200);
    expect(res.body.lineage.map((o: { name: string }) => o.name)).toEqual(['市总工会', '甲区总工会', '甲区快递联合工会']);
  });

  it('reads a lineage in one call: each org carries its ancestors; an item from before that still answers it', async () => {
    const counter = countDynamoCalls();
    counter.reset();
    expect(await getLineage('e1')).toEqual([
      { orgId: 'c1', name: '市总工会', kind: 'city', parentId: null, ancestors: [], area: null },
      { orgId: 'd1', name: '甲区总工会', kind: 'district', parentId: 'c1', ancestors: ['c1'], area: '甲区' },
      { orgId: 'e1', name: '甲区某公司工会', kind: 'grassroots', parentId: 'd1', ancestors: ['c1', 'd1'], area: '甲区' },
    ]);
    expect(counter.snapshot()).toMatchObject({ calls: 1, roundTrips: 1 });

    // As createOrg wrote it before orgs carried their ancestors' names.
    await OrgEntity()
      .build(EntityRepository)
      .put({
        orgId: 'e-old',
        name: '甲区老厂工会',
        kind: 'grassroots',
        parentId: 'd1',
        ancestors: ['c1', 'd1'],
        area: '甲区',
      });
    counter.reset();
    expect((await getLineage('e-old')).map((o) => [o.orgId, o.name, o.parentId])).toEqual([
      ['c1', '市总工会', null],
      ['d1', '甲区总工会', 'c1'],
      ['e-old', '甲区老厂工会', 'd1'],
    ]);
    expect(counter.snapshot()).toMatchObject({ calls: 3, roundTrips: 2 });
  });

  it('lets an officer add an org below their own, and nowhere else', async () => {
    const ok = await invoke(AREAS.orgs, 'POST', '/orgs', {
      token: districtOfficer,
      body: { name: '甲区某医院工会', kind: 'grassroots', parentId: 'd1' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.org.ancestors).toEqual(['c1', 'd1']);
    const sideways = await invoke(AREAS.orgs, 'POST', '/orgs', {
      token: districtOfficer,
      body: { name: '乙区某厂工会', kind: 'grassroots', parentId: 'd2' },
    });
    expect(sideways.status).toBe(403);
    expect(sideways.body.error.code).toBe('FORBIDDEN_ORG');
    const upward = await invoke(AREAS.orgs, 'POST', '/orgs', {
      token: enterpriseOfficer,
      body: { name: '甲区另一公司工会', kind: 'grassroots', parentId: 'd1' },
    });
    expect(upward.status).toBe(403);
  });

  it('refuses a child a grassroots union cannot have', async () => {
    const res = await invoke(AREAS.orgs, 'POST', '/orgs', {
      token: districtOfficer,
      body: { name: '下级工会', kind: 'grassroots', parentId: 'e1' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'ORG_KIND_MISMATCH', field: 'kind' });
  });

  it('finds 联合工会 by area and lists children', async () => {
    const joint = await invoke(AREAS.orgs, 'GET', '/joint-unions?area=甲区');
    expect(joint.body.orgs.map((o: { orgId: string }) => o.orgId)).toEqual(['j1']);
    const children = await invoke(AREAS.orgs, 'GET', '/orgs/d1/children', { token: districtOfficer });
    expect(children.body.orgs.map((o: { orgId: string }) => o.orgId).sort()).toEqual(expect.arrayContaining(['e1', 'j1']));
  });

  it('names the bad field in Chinese, with 400 and no write', async () => {
    const res = await invoke(AREAS.orgs, 'POST', '/orgs', { token: districtOfficer, body: { name: 'x', kind: 'planet', parentId: 'd1' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.field).toBe('name');
    expect(res.body.error.message).toMatch(/^姓名|^name|至少/);
    const missing = await invoke(AREAS.orgs, 'GET', '/orgs/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ORG_NOT_FOUND');
    const badId = await invoke(AREAS.orgs, 'GET', '/orgs/bad%20id');
    expect(badId.status).toBe(400);
    expect(badId.body.error.field).toBe('orgId');
  });
});

describe('role grants', () => {
  it('keeps every grant when many are added at once', async () => {
    const { addGrant, getUser, putUser, removeGrants } = await import('../../../functions/src/store/user.repository');
    await putUser({ userId: 'busy', displayName: '忙碌的人', grants: [] });
    const orgs = Array.from({ length: 20 }, (_, i) => `org${i}`);
    await Promise.all(orgs.map((orgId) => addGrant('busy', { role: 'delegate', orgId })));
    await addGrant('busy', { role: 'delegate', orgId: 'org0' }); // idempotent
    expect((await getUser('busy'))?.grants.map((g) => g.orgId).sort()).toEqual([...orgs].sort());
    await removeGrants('busy', (g) => g.orgId === 'org3');
    expect((await getUser('busy'))?.grants).toHaveLength(19);
    await expect(addGrant('nobody', { role: 'member', orgId: 'x' })).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
  });
});

describe('joining a 联合工会 found by area', () => {
  it('offers each joint union’s open invite, auto-approve first, never an unusable one', async () => {
    const { createInvite, revokeInvite } = await import('../../../functions/src/store/invite.repository');
    await createOrg({ orgId: 'c9', name: '丙市总工会', kind: 'city', parentId: null, area: null });
    await createOrg({ orgId: 'd9', name: '丙区总工会', kind: 'district', parentId: 'c9', area: '丙区' });
    await createOrg({ orgId: 'j9', name: '丙区家政联合工会', kind: 'joint', parentId: 'd9', area: '丙区' });
    await createOrg({ orgId: 'j8', name: '丙区外卖联合工会', kind: 'joint', parentId: 'd9', area: '丙区' });
    const base = { orgName: '丙区家政联合工会', maxUses: 100, createdBy: 'x', createdAt: new Date().toISOString() };
    const future = new Date(Date.now() + 86_400_000).toISOString();
    await createInvite({ ...base, inviteId: 'reviewinvite0001', orgId: 'j9', mode: 'review', expiresAt: future });
    await createInvite({ ...base, inviteId: 'autoinvite000001', orgId: 'j9', mode: 'auto', expiresAt: future });
    await createInvite({
      ...base,
      inviteId: 'expiredinvite001',
      orgId: 'j8',
      mode: 'auto',
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    await createInvite({ ...base, inviteId: 'revokedinvite001', orgId: 'j8', mode: 'auto', expiresAt: future });
    await revokeInvite('revokedinvite001', new Date());

    const res = await invoke(AREAS.orgs, 'GET', '/joint-unions?area=丙区');
    const byId = Object.fromEntries(res.body.orgs.map((o: { orgId: string; openInviteId: string | null }) => [o.orgId, o.openInviteId]));
    expect(byId).toEqual({ j9: 'autoinvite000001', j8: null });
    const missing = await invoke(AREAS.orgs, 'GET', '/joint-unions');
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('q');
  });
});
