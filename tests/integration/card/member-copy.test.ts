import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { getActiveMembershipByUser, getActiveMembershipRecord } from '../../../functions/src/store/membership.repository';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { countDynamoCalls } from '../../support/dynamo-calls';
import { invoke } from '../../support/invoke';
import { apply, createInvite, joinForm, newUser, officerToken, seedOrgs } from '../membership/fixtures';

/**
 * The account's active-membership item (USER#id / MEMBERSHIP) carries a copy of the membership and
 * its org's lineage, so the card is one read. Every write of the active membership writes the copy
 * in the same transaction: activation, 会员认定, 会籍转移, 退会 (which deletes it).
 */
const counter = countDynamoCalls();
const pointerOf = async (userId: string) =>
  (
    await getDocumentClient().send(
      new GetCommand({ TableName: tableName(), Key: { pk: `USER#${userId}`, sk: 'MEMBERSHIP' }, ConsistentRead: true }),
    )
  ).Item;
const card = async (token: string) => {
  counter.reset();
  const res = await invoke(AREAS.card, 'GET', '/me/card', { token });
  return { res, calls: counter.snapshot() };
};
const refreshed = async (token: string) => (await invoke(AREAS.auth, 'POST', '/auth/refresh', { token })).body.token as string;

let districtOfficer: string;
let enterpriseOfficer: string;
let reviewInvite: string;
let autoInvite: string;

beforeAll(async () => {
  await seedOrgs();
  districtOfficer = await officerToken('district');
  enterpriseOfficer = await officerToken('enterprise');
  reviewInvite = await createInvite(districtOfficer, 'enterprise', { mode: 'review' });
  autoInvite = await createInvite(districtOfficer, 'logistics', { mode: 'auto' });
});

describe("the account's copy of its active membership", () => {
  it('is written at activation, with the lineage: the card is one read and writes nothing', async () => {
    let token = await newUser('copy-1');
    const joined = await apply(token, autoInvite, joinForm(901, { name: '刘一' }));
    expect(joined.status).toBe(201);
    token = await refreshed(token);
    expect(await pointerOf('copy-1')).toMatchObject({
      membershipId: joined.body.membership.membershipId,
      orgId: 'logistics',
      memberNumber: joined.body.membership.memberNumber,
      name: '刘一',
      group: 'courier',
      lineage: [
        { orgId: 'city', name: '江澄市总工会', kind: 'city' },
        { orgId: 'district', name: '临江区总工会', kind: 'district', area: '临江区' },
        { orgId: 'logistics', name: '临江区快递物流行业联合工会', kind: 'joint', area: '临江区' },
      ],
    });
    const { res, calls } = await card(token);
    expect(res.body.card).toMatchObject({ orgId: 'logistics', orgName: '临江区快递物流行业联合工会', maskedName: '刘*' });
    expect(calls).toMatchObject({ calls: 1, roundTrips: 1, writes: 0 });
  });

  it('follows 会员认定 and a transfer in their own transactions, and goes with 退会', async () => {
    let token = await newUser('copy-2');
    await apply(token, autoInvite, joinForm(902, { name: '陈二' }));
    token = await refreshed(token);
    expect((await getActiveMembershipByUser('copy-2'))?.declaredFactsConfirmedBy).toBeNull();

    const confirmed = await invoke(AREAS.card, 'PUT', '/orgs/logistics/members/copy-2/facts', {
      token: districtOfficer,
      body: { version: 0, confirmDeclared: true },
    });
    expect(confirmed.status).toBe(200);
    expect(await pointerOf('copy-2')).toMatchObject({ declaredFactsConfirmedBy: 'officer-district' });
    expect((await getActiveMembershipRecord('copy-2'))?.declaredFactsConfirmedBy).toBe('officer-district');

    const asked = await invoke(AREAS.membership, 'POST', '/me/transfers', { token, body: { toOrgId: 'enterprise' } });
    expect(asked.status).toBe(201);
    const moved = await invoke(AREAS.membership, 'POST', `/transfers/${asked.body.transfer.transferId}/approve`, {
      token: enterpriseOfficer,
    });
    expect(moved.status).toBe(200);
    token = await refreshed(token);
    expect(await pointerOf('copy-2')).toMatchObject({
      membershipId: moved.body.membership.membershipId,
      orgId: 'enterprise',
      memberNumber: moved.body.membership.memberNumber,
      declaredFactsConfirmedBy: 'officer-district',
      lineage: [{ orgId: 'city' }, { orgId: 'district' }, { orgId: 'enterprise', name: '临江精密机械有限公司工会' }],
    });
    expect((await card(token)).res.body.card).toMatchObject({ orgId: 'enterprise', memberNumber: moved.body.membership.memberNumber });

    const left = await invoke(AREAS.membership, 'POST', '/me/membership/leave', { token, body: { confirm: true } });
    expect(left.status).toBe(200);
    expect(await pointerOf('copy-2')).toBeUndefined();
    // The token still says member (not refreshed): the store says otherwise.
    expect((await card(token)).res.body.error.code).toBe('MEMBERSHIP_NOT_FOUND');
  });

  it('reads an item written before it carried the copy from the membership and its org (three round trips)', async () => {
    let token = await newUser('copy-3');
    const submitted = await apply(token, reviewInvite, joinForm(903, { name: '张三' }));
    await invoke(AREAS.membership, 'POST', `/applications/${submitted.body.application.applicationId}/approve`, { token: districtOfficer });
    token = await refreshed(token);
    const before = await card(token);
    await getDocumentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: 'USER#copy-3', sk: 'MEMBERSHIP' },
        UpdateExpression:
          'REMOVE memberNumber, #n, joinedAt, gender, birthDate, employmentType, #g, isMigrantWorker, declaredFactsConfirmedBy, declaredFactsConfirmedAt, lineage',
        ExpressionAttributeNames: { '#n': 'name', '#g': 'group' },
      }),
    );
    const after = await card(token);
    expect(after.res.status).toBe(200);
    expect({ ...after.res.body.card }).toEqual(before.res.body.card);
    expect(after.calls).toMatchObject({ roundTrips: 3, writes: 0 });
    expect(await getActiveMembershipByUser('copy-3')).toMatchObject({
      name: '张三',
      orgId: 'enterprise',
      declaredFactsConfirmedBy: 'officer-district',
    });
  });
});
