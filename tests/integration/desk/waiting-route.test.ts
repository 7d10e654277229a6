import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { WAITING_QUEUES, type WaitingQueue } from '../../../functions/src/store/desk-waiting';
import { createOrg } from '../../../functions/src/store/org.repository';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { getUser } from '../../../functions/src/store/user.repository';
import { invoke } from '../../support/invoke';
import { responseProblems } from '../../support/response-contract';
import { userWithToken } from '../../support/sessions';
import { publish, quotaService } from '../card/fixtures';
import { apply, area, createInvite, joinForm, newUser, officerToken, seedOrgs } from '../membership/fixtures';
import { inFlight } from './fixtures';

const memberToken = async (userId: string) => userWithToken(userId, (await getUser(userId))?.grants ?? [], '会员');

/** A direct count of a queue's items over the orgs: one Query per org, counted. */
const directCount = async (q: WaitingQueue, orgIds: string[]) => {
  let n = 0;
  for (const orgId of orgIds) {
    const out = await getDocumentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: q.index,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': `${q.index}pk` },
        ExpressionAttributeValues: { ':pk': q.partition(orgId) },
        Select: 'COUNT',
      }),
    );
    n += out.Count ?? 0;
  }
  return n;
};

const DISTRICT_UNIONS = ['enterprise', 'logistics', 'u3', 'u4', 'u5'];
let districtOfficer: string;
let firstSubmittedAt = '';

beforeAll(async () => {
  await seedOrgs();
  for (const id of ['u3', 'u4', 'u5'])
    await createOrg({ orgId: id, name: `临江第${id}工会`, kind: 'grassroots', parentId: 'district', area: '临江区' });
  districtOfficer = await officerToken('district');
  // Pending applications in four unions of the district (2 each) and one in the other district.
  let n = 0;
  for (const orgId of ['enterprise', 'u3', 'u4', 'u5', 'otherunion']) {
    const invite = await createInvite(await officerToken(orgId), orgId, { mode: 'review' });
    const results = await inFlight(
      (orgId === 'otherunion' ? [0] : [0, 1]).map(() => async () => apply(await newUser(`wr-${++n}`), invite, joinForm(600 + n))),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 201));
    // The oldest of the district's: the least submission time (two of an org are sent at once, in any order).
    if (orgId !== 'otherunion')
      for (const r of results) {
        const at: string = r.body.application.submittedAt;
        if (!firstSubmittedAt || at < firstSubmittedAt) firstSubmittedAt = at;
      }
  }
  // Members of the logistics union (auto): two ask to move to u3, three claim a reviewed benefit, one is decided.
  const auto = await createInvite(await officerToken('logistics'), 'logistics', { mode: 'auto' });
  for (let i = 0; i < 4; i += 1) expect((await apply(await newUser(`wm-${i}`), auto, joinForm(700 + i))).status).toBe(201);
  for (const u of ['wm-0', 'wm-1']) {
    expect((await invoke(area, 'POST', '/me/transfers', { token: await memberToken(u), body: { toOrgId: 'u3' } })).status).toBe(201);
  }
  const [reviewId] = await publish('district', [quotaService(10, '健康体检', 'review')]);
  const claimIds: string[] = [];
  for (const u of ['wm-1', 'wm-2', 'wm-3']) {
    const res = await invoke(AREAS.card, 'POST', '/me/claims', { token: await memberToken(u), body: { benefitId: reviewId } });
    expect(res.status).toBe(201);
    claimIds.push(res.body.claim.claimId);
  }
  expect((await invoke(AREAS.card, 'POST', `/claims/${claimIds[0]}/approve`, { token: districtOfficer })).status).toBe(200);
}, 120_000);

describe('GET /orgs/{orgId}/desk/waiting', () => {
  it('the subtree sums equal a direct count of the queue items; the oldest is the first submitted; the answer holds its schema', async () => {
    const res = await invoke(AREAS.orgs, 'GET', '/orgs/district/desk/waiting', { token: districtOfficer });
    expect(res.status).toBe(200);
    const route = AREAS.orgs.routes.find((r) => r.path === '/orgs/{orgId}/desk/waiting');
    expect(route).toBeDefined();
    expect(responseProblems(route as NonNullable<typeof route>, res)).toEqual([]);
    const subtree = ['district', ...DISTRICT_UNIONS];
    expect(res.body.orgCount).toBe(subtree.length);
    expect(res.body.applications.count).toBe(await directCount(WAITING_QUEUES.applications, subtree));
    expect(res.body.applications.count).toBe(8);
    expect(res.body.transfers.count).toBe(await directCount(WAITING_QUEUES.transfers, subtree));
    expect(res.body.transfers.count).toBe(2);
    expect(res.body.claims.count).toBe(await directCount(WAITING_QUEUES.claims, subtree));
    expect(res.body.claims.count).toBe(2);
    expect(res.body.applications.oldestAt).toBe(firstSubmittedAt);
    expect(res.body.transfers.oldestAt).not.toBeNull();
    expect(res.body.proposals).toEqual({ count: 0, oldestAt: null, orgs: [], orgsHolding: 0 });
    // Where the items are: each org's count is its own queue's, most first.
    const perOrg = await Promise.all(subtree.map(async (id) => ({ id, n: await directCount(WAITING_QUEUES.applications, [id]) })));
    const holding = perOrg.filter((o) => o.n > 0);
    expect(res.body.applications.orgsHolding).toBe(holding.length);
    expect(res.body.applications.orgs.map((o: { orgId: string; count: number }) => [o.orgId, o.count]).sort()).toEqual(
      holding.map((o) => [o.id, o.n]).sort(),
    );
    expect(res.body.transfers.orgs).toEqual([{ orgId: 'u3', orgName: '临江第u3工会', count: 2 }]);
    expect([res.body.repliesOverdue, res.body.motionsOpen, res.body.suggestions]).toEqual([0, 0, 0]);
  });

  it('a union officer sees their union only; the city officer sees both districts', async () => {
    const u3 = await invoke(AREAS.orgs, 'GET', '/orgs/u3/desk/waiting', { token: await officerToken('u3') });
    expect(u3.status).toBe(200);
    expect(u3.body).toMatchObject({
      orgCount: 1,
      applications: { count: 2 },
      transfers: { count: 2 },
      claims: { count: 0, oldestAt: null },
    });
    const city = await invoke(AREAS.orgs, 'GET', '/orgs/city/desk/waiting', { token: await officerToken('city') });
    expect(city.body.orgCount).toBe(9);
    expect(city.body.applications.count).toBe(9);
  });

  it('an officer of another district or of a union below is refused', async () => {
    const other = await invoke(AREAS.orgs, 'GET', '/orgs/district/desk/waiting', { token: await officerToken('other') });
    expect([other.status, other.body.error.code]).toEqual([403, 'FORBIDDEN_ORG']);
    const below = await invoke(AREAS.orgs, 'GET', '/orgs/district/desk/waiting', { token: await officerToken('enterprise') });
    expect(below.status).toBe(403);
  });
});
