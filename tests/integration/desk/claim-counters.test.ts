import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { invoke } from '../../support/invoke';
import { makeMember, officerToken, publish, quotaService, seedOrgs, type TestMember } from '../card/fixtures';
import { deskOf, inFlight } from './fixtures';

const MEMBERS = 30;

describe('desk counters of claims (waiting at the claimant org, approvals on the publisher)', () => {
  const members: TestMember[] = [];
  let automaticId: string;
  let reviewId: string;
  let officer: string;
  const claimIds: string[] = [];

  beforeAll(async () => {
    await seedOrgs();
    for (let i = 0; i < MEMBERS; i += 1) members.push(await makeMember(`dq${i}`, 'logistics'));
    const auto = quotaService(10, '职工疗休养', 'automatic');
    const review = quotaService(20, '健康体检', 'review');
    [automaticId, reviewId] = (await publish('district', [
      { ...auto, benefit: { ...auto.benefit, amountYuan: 50 } },
      { ...review, benefit: { ...review.benefit, amountYuan: 300 } },
    ])) as [string, string];
    officer = await officerToken('officer-district', 'district');
  }, 120_000);

  it('30 免申即享 claims at a quota of 10: 10 counted automatic, 500 元 paid, nothing waiting', async () => {
    const results = await inFlight(
      members.map((m) => () => invoke(AREAS.card, 'POST', '/me/claims', { token: m.token, body: { benefitId: automaticId } })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(10);
    const district = await deskOf('district');
    expect(district.year).toEqual({ 'claims:auto:district|职工疗休养': 10, 'paid:district|职工疗休养': 500 });
    expect(district.now).toEqual({});
    expect((await deskOf('logistics')).now).toEqual({ 'members:active': 30, 'members:total': 30 });
  });

  it('30 review claims wait at the claimant org; 12 approvals and 8 rejections at once leave each counter exact', async () => {
    const submitted = await inFlight(
      members.map((m) => () => invoke(AREAS.card, 'POST', '/me/claims', { token: m.token, body: { benefitId: reviewId } })),
    );
    expect(submitted.map((r) => r.status)).toEqual(Array(MEMBERS).fill(201));
    claimIds.push(...submitted.map((r) => r.body.claim.claimId as string));
    expect((await deskOf('logistics')).now['waiting:claims']).toBe(30);

    const decided = await inFlight(
      claimIds
        .slice(0, 20)
        .map(
          (id, i) => () =>
            i < 12
              ? invoke(AREAS.card, 'POST', `/claims/${id}/approve`, { token: officer })
              : invoke(AREAS.card, 'POST', `/claims/${id}/reject`, { token: officer, body: { reason: '材料不全' } }),
        ),
    );
    expect(decided.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect((await deskOf('logistics')).now['waiting:claims']).toBe(10);
    const district = await deskOf('district');
    expect(district.year['claims:reviewed:district|健康体检']).toBe(12);
    expect(district.year['paid:district|健康体检']).toBe(12 * 300);
  });

  it('a refused decision (approving a rejected claim, rejecting an approved one) leaves the counters unchanged', async () => {
    const before = [await deskOf('logistics'), await deskOf('district')];
    const again = await invoke(AREAS.card, 'POST', `/claims/${claimIds[15]}/approve`, { token: officer });
    expect(again.status).toBe(409);
    const reject = await invoke(AREAS.card, 'POST', `/claims/${claimIds[0]}/reject`, { token: officer, body: { reason: '材料不全' } });
    expect(reject.status).toBe(409);
    expect([await deskOf('logistics'), await deskOf('district')]).toEqual(before);
  });
});
