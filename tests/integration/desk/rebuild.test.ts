import { DeleteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { getUser } from '../../../functions/src/store/user.repository';
import { rebuildDeskCounters } from '../../../scripts/seed/desk-counters';
import { invoke } from '../../support/invoke';
import { userWithToken } from '../../support/sessions';
import { apply, area, createInvite, joinForm, newUser, officerToken, seedOrgs } from '../membership/fixtures';
import { deskOf } from './fixtures';

const memberToken = async (userId: string) => userWithToken(userId, (await getUser(userId))?.grants ?? [], '会员');

const deskItems = async () => {
  const out = await getDocumentClient().send(
    new ScanCommand({
      TableName: tableName(),
      FilterExpression: '#et = :d',
      ExpressionAttributeNames: { '#et': '_et' },
      ExpressionAttributeValues: { ':d': 'DeskCounters' },
    }),
  );
  return out.Items ?? [];
};

beforeAll(async () => {
  await seedOrgs();
  const officer = await officerToken('enterprise');
  const review = await createInvite(officer, 'enterprise', { mode: 'review' });
  const joint = await createInvite(await officerToken('logistics'), 'logistics', { mode: 'auto' });
  const ids: string[] = [];
  for (let i = 0; i < 4; i += 1)
    ids.push((await apply(await newUser(`rb-${i}`), review, joinForm(800 + i))).body.application.applicationId);
  for (const id of ids.slice(0, 2))
    expect((await invoke(area, 'POST', `/applications/${id}/approve`, { token: officer })).status).toBe(200);
  expect(
    (await invoke(area, 'POST', `/applications/${ids[2]}/reject`, { token: officer, body: { reason: '请填写单位全称' } })).status,
  ).toBe(200);
  for (let i = 0; i < 2; i += 1) expect((await apply(await newUser(`rbj-${i}`), joint, joinForm(900 + i))).status).toBe(201);
  expect((await invoke(area, 'POST', '/me/transfers', { token: await memberToken('rb-0'), body: { toOrgId: 'logistics' } })).status).toBe(
    201,
  );
}, 60_000);

describe('rebuildDeskCounters (data kept from before the counters)', () => {
  it('rebuilds what the transactions wrote, once, and only when the table holds no counter', async () => {
    const kept = { enterprise: await deskOf('enterprise'), logistics: await deskOf('logistics') };
    expect(kept.enterprise.now).toEqual({ 'waiting:applications': 1, 'members:active': 2, 'members:total': 2 });
    expect(await rebuildDeskCounters()).toBe(0);
    const items = await deskItems();
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) await getDocumentClient().send(new DeleteCommand({ TableName: tableName(), Key: { pk: i.pk, sk: i.sk } }));
    expect(await rebuildDeskCounters()).toBe(items.length);
    expect({ enterprise: await deskOf('enterprise'), logistics: await deskOf('logistics') }).toEqual(kept);
    expect(await rebuildDeskCounters()).toBe(0);
  });
});
