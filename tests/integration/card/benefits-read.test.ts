/**
 * The member's benefits as one read (functions/src/store/benefits-read.ts, issue 14): once the
 * function has served the member's org, `GET /me/benefits` is one BatchGetItem — the member's own
 * items, and per lineage org its catalog's counter and its quota counters — and what changes between
 * two reads (a publish, a claim and its decision, a transfer) shows at once, within two round trips.
 * A claim reads in one BatchGetItem and then writes; a full quota is refused by the transaction itself.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { claimPeriodOf } from '@union/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { ORG_QUOTAS_ENTITY, orgQuotasKey, QUOTA_TOTAL_PREFIX, QUOTA_USED_PREFIX } from '../../../functions/src/store/entities/claim.entity';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { countDynamoCalls, describeCalls } from '../../support/dynamo-calls';
import { invoke } from '../../support/invoke';
import { tokenFor } from '../../support/sessions';
import { ACCIDENT_INSURANCE, MOVIE_DISCOUNT, makeMember, officerToken, publish, quotaService, seedOrgs, type TestMember } from './fixtures';

const counter = countDynamoCalls();

type Benefit = { benefitId: string; name: string; version: number; quota: { used: number; left: number } | null; myClaim: unknown };
const benefitsOf = (body: { tiers: Array<{ benefits: Benefit[] }> }) => body.tiers.flatMap((t) => t.benefits);

const read = async (token: string) => {
  counter.reset();
  const res = await invoke(AREAS.card, 'GET', '/me/benefits', { token });
  const calls = counter.snapshot();
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  return { body: res.body, benefits: benefitsOf(res.body), calls };
};

const named = (benefits: Benefit[], name: string) => {
  const found = benefits.find((b) => b.name === name);
  if (!found) throw new Error(`no benefit ${name} in ${benefits.map((b) => b.name).join(', ')}`);
  return found;
};

let courier: TestMember;
let cityOfficer: string;

beforeAll(async () => {
  await seedOrgs();
  courier = await makeMember('br-courier', 'logistics', { name: '王小军' });
  cityOfficer = await officerToken('br-officer-city', 'city');
  await publish('city', [ACCIDENT_INSURANCE, quotaService(2, '职工疗休养', 'review')]);
  await publish('district', [quotaService(1, '健康体检', 'automatic')]);
  await publish('enterprise', [MOVIE_DISCOUNT]);
});

describe('GET /me/benefits', () => {
  it('reads a member of an org it has served in one BatchGetItem (was six calls in two round trips)', async () => {
    const first = await read(courier.token);
    expect(first.calls.roundTrips).toBeLessThanOrEqual(2);
    const second = await read(courier.token);
    expect(second.calls, describeCalls(second.calls)).toEqual({
      calls: 1,
      roundTrips: 1,
      writes: 0,
      byCommand: { BatchGetItemCommand: 1 },
    });
    expect(second.body).toEqual(first.body);
    expect(second.benefits.map((b) => b.name).sort()).toEqual(['健康体检', '意外伤害互助保险', '职工疗休养']);
  });

  it('shows a catalog published between two reads at once, within two round trips, then again in one', async () => {
    await read(courier.token);
    const [, , movedId] = await publish('city', [ACCIDENT_INSURANCE, quotaService(2, '职工疗休养', 'review'), MOVIE_DISCOUNT]);
    const after = await read(courier.token);
    expect(after.calls.roundTrips, describeCalls(after.calls)).toBe(2);
    expect(named(after.benefits, '观影优惠')).toMatchObject({ benefitId: movedId, version: 2 });
    expect(after.body.catalogs.map((c: { orgId: string; version: number }) => [c.orgId, c.version])).toEqual([
      ['city', 2],
      ['district', 1],
    ]);
    expect((await read(courier.token)).calls.calls).toBe(1);
  });

  it('shows a claim, its decision and the quota it spends at once: pending, approved, rejected (claim again)', async () => {
    const { benefits } = await read(courier.token);
    const stay = named(benefits, '职工疗休养');
    const checkup = named(benefits, '健康体检');
    expect(stay).toMatchObject({ myClaim: null, quota: { used: 0, left: 2 } });

    const pending = await invoke(AREAS.card, 'POST', '/me/claims', { token: courier.token, body: { benefitId: stay.benefitId } });
    expect(pending.status, JSON.stringify(pending.body)).toBe(201);
    const claimId = pending.body.claim.claimId;
    const automatic = await invoke(AREAS.card, 'POST', '/me/claims', { token: courier.token, body: { benefitId: checkup.benefitId } });
    expect(automatic.body.claim.status).toBe('approved');
    let now = await read(courier.token);
    expect(now.calls.calls).toBe(1);
    expect(named(now.benefits, '职工疗休养')).toMatchObject({ myClaim: { claimId, status: 'pending', statusText: '待审核' } });
    expect(named(now.benefits, '健康体检')).toMatchObject({ myClaim: { status: 'approved' }, quota: { used: 1, left: 0 } });

    expect((await invoke(AREAS.card, 'POST', `/claims/${claimId}/approve`, { token: cityOfficer })).status).toBe(200);
    now = await read(courier.token);
    expect(named(now.benefits, '职工疗休养')).toMatchObject({ myClaim: { claimId, status: 'approved' }, quota: { used: 1, left: 1 } });

    // A rejected claim is not "my claim" any more, and the member may claim again.
    const again = await makeMember('br-second', 'logistics', { name: '李秀英' });
    const second = await invoke(AREAS.card, 'POST', '/me/claims', { token: again.token, body: { benefitId: stay.benefitId } });
    const reason = { reason: '名单已报满，请明年申领' };
    expect(
      (await invoke(AREAS.card, 'POST', `/claims/${second.body.claim.claimId}/reject`, { token: cityOfficer, body: reason })).status,
    ).toBe(200);
    expect(named((await read(again.token)).benefits, '职工疗休养')).toMatchObject({ myClaim: null, quota: { used: 1, left: 1 } });
    const retry = await invoke(AREAS.card, 'POST', '/me/claims', { token: again.token, body: { benefitId: stay.benefitId } });
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    expect(named((await read(again.token)).benefits, '职工疗休养')).toMatchObject({
      myClaim: { claimId: retry.body.claim.claimId, status: 'pending' },
    });
  });

  it('reads an org’s quota counters once its latest catalog counts a benefit, also when a publish since adds one', async () => {
    // The logistics union has published nothing: its counters are not read.
    await read(courier.token);
    await publish('logistics', [quotaService(3, '快递员防暑药品', 'automatic')]);
    // Two places spent meanwhile, as another instance's approvals leave them.
    const key = 'logistics|快递员防暑药品';
    await getDocumentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: orgQuotasKey('logistics', claimPeriodOf(new Date())),
        UpdateExpression: 'SET #used = :used, #total = :total, #et = :et',
        ExpressionAttributeNames: { '#used': QUOTA_USED_PREFIX + key, '#total': QUOTA_TOTAL_PREFIX + key, '#et': '_et' },
        ExpressionAttributeValues: { ':used': 2, ':total': 3, ':et': ORG_QUOTAS_ENTITY },
      }),
    );
    const after = await read(courier.token);
    expect(after.calls.roundTrips, describeCalls(after.calls)).toBe(2);
    expect(named(after.benefits, '快递员防暑药品')).toMatchObject({ quota: { used: 2, left: 1 } });
    const again = await read(courier.token);
    expect(again.calls.calls).toBe(1);
    expect(named(again.benefits, '快递员防暑药品')).toMatchObject({ quota: { used: 2, left: 1 } });
  });

  it('answers a member whose token names another org (moved since) from the store: the new lineage, within two round trips', async () => {
    const atEnterprise = await makeMember('br-enterprise', 'enterprise', { name: '张德福' });
    expect(named((await read(atEnterprise.token)).benefits, '观影优惠')).toBeTruthy();
    // A member of the logistics union whose token still says enterprise (as after a transfer, before a refresh).
    const moved = await makeMember('br-moved', 'logistics', { name: '赵敏' });
    const staleToken = await tokenFor(moved.userId, [{ role: 'member', orgId: 'enterprise' }], moved.name);
    const answer = await read(staleToken);
    expect(answer.calls.roundTrips, describeCalls(answer.calls)).toBe(2);
    expect(answer.body).toEqual((await read(moved.token)).body);
    expect(answer.body.catalogs.map((c: { orgId: string }) => c.orgId)).toEqual(['city', 'district', 'logistics']);
  });
});

describe('POST /me/claims', () => {
  it('reads in one BatchGetItem, then writes; a full quota is refused by the transaction with the same answer', async () => {
    const [oneId] = await publish('logistics', [quotaService(1, '快递员夏季清凉包', 'automatic')]);
    const first = await makeMember('br-first', 'logistics', { name: '钱进' });
    const late = await makeMember('br-late', 'logistics', { name: '孙丽' });
    expect((await invoke(AREAS.card, 'POST', '/me/claims', { token: first.token, body: { benefitId: oneId } })).status).toBe(201);

    counter.reset();
    const refused = await invoke(AREAS.card, 'POST', '/me/claims', { token: late.token, body: { benefitId: oneId } });
    const calls = counter.snapshot();
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'QUOTA_EXHAUSTED', message: '该项福利名额已满', field: 'benefitId' });
    // No courtesy read of the counter before the transaction (was a GetItem between the two).
    expect(calls.byCommand, describeCalls(calls)).toEqual({ BatchGetItemCommand: 1, TransactWriteItemsCommand: 1 });
    expect(calls.roundTrips).toBe(2);
    // Nothing of the refused claim is written: the late member holds no claim of the benefit.
    expect(named((await read(late.token)).benefits, '快递员夏季清凉包')).toMatchObject({ myClaim: null, quota: { used: 1, left: 0 } });
    expect((await invoke(AREAS.card, 'GET', '/me/claims', { token: late.token })).body.claims).toEqual([]);
  });
});
