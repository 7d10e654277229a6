import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { getQuotaUse, getQuotaUseOfOrgs, listClaimsOfOrgs } from '../../../functions/src/store/claim.repository';
import { invoke } from '../../support/invoke';
import { makeMember, officerToken, publish, quotaService, seedOrgs, type TestMember } from './fixtures';

const MEMBERS = 300;
const QUOTA = 100;

/** Runs all at once: every request is in flight before any is answered. */
const together = <T>(n: number, f: (i: number) => Promise<T>): Promise<T[]> => Promise.all(Array.from({ length: n }, (_, i) => f(i)));

describe('quota under concurrency (DynamoDB Local, real transactions)', () => {
  const members: TestMember[] = [];
  let automaticId: string;
  let reviewId: string;
  let officer: string;

  beforeAll(async () => {
    await seedOrgs();
    for (let i = 0; i < MEMBERS; i += 1) members.push(await makeMember(`q${String(i).padStart(3, '0')}`, 'logistics'));
    [automaticId, reviewId] = (await publish('district', [
      quotaService(QUOTA, '职工疗休养', 'automatic'),
      quotaService(QUOTA, '健康体检', 'review'),
    ])) as [string, string];
    officer = await officerToken('officer-district', 'district');
  }, 300_000);

  it(`300 automatic (免申即享) claims at a quota of ${QUOTA}: exactly ${QUOTA} approved, the rest QUOTA_EXHAUSTED`, async () => {
    const results = await together(MEMBERS, (i) =>
      invoke(AREAS.card, 'POST', '/me/claims', { token: members[i]!.token, body: { benefitId: automaticId } }),
    );
    const approved = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    expect(approved).toHaveLength(QUOTA);
    expect(approved.every((r) => r.body.claim.status === 'approved')).toBe(true);
    expect(refused).toHaveLength(MEMBERS - QUOTA);
    expect(new Set(refused.map((r) => `${r.status} ${r.body.error.code}`))).toEqual(new Set(['409 QUOTA_EXHAUSTED']));
    expect(refused[0]!.body.error.message).toContain('名额已满');

    // The store agrees: 100 used, 100 approved claims, nothing written for the refused ones. The period is
    // the claims' own (the Beijing year the handler saw; the machine's local year differs on 31 December
    // from 16:00 UTC in a UTC zone).
    const period = approved[0]!.body.claim.period as string;
    expect(approved.every((r) => r.body.claim.period === period)).toBe(true);
    const [quota] = [...(await getQuotaUse(['district|职工疗休养'], period)).values()];
    expect(quota).toEqual({ total: QUOTA, used: QUOTA });
    // Filed under the publisher and the period, where the benefits page reads an org's counters at once.
    const ofDistrict = await getQuotaUseOfOrgs(['district', 'logistics'], period);
    expect([...ofDistrict]).toEqual([['district|职工疗休养', { total: QUOTA, used: QUOTA }]]);
    const stored = (await listClaimsOfOrgs(['logistics'], 'approved')).filter((c) => c.benefitId === automaticId);
    expect(stored).toHaveLength(QUOTA);
    expect(new Set(stored.map((c) => c.userId)).size).toBe(QUOTA);
  }, 240_000);

  it(`300 pending claims approved at once by officers: exactly ${QUOTA} approved`, async () => {
    const submitted = await together(MEMBERS, (i) =>
      invoke(AREAS.card, 'POST', '/me/claims', { token: members[i]!.token, body: { benefitId: reviewId } }),
    );
    expect(submitted.every((r) => r.status === 201 && r.body.claim.status === 'pending')).toBe(true);

    const decisions = await together(MEMBERS, (i) =>
      invoke(AREAS.card, 'POST', `/claims/${submitted[i]!.body.claim.claimId}/approve`, { token: officer }),
    );
    const approved = decisions.filter((r) => r.status === 200);
    expect(approved).toHaveLength(QUOTA);
    const refused = decisions.filter((r) => r.status !== 200);
    expect(new Set(refused.map((r) => `${r.status} ${r.body.error.code}`))).toEqual(new Set(['409 QUOTA_EXHAUSTED']));

    const byStatus = async (status: 'approved' | 'pending') =>
      (await listClaimsOfOrgs(['logistics'], status)).filter((c) => c.benefitId === reviewId).length;
    expect(await byStatus('approved')).toBe(QUOTA);
    // A refused approval leaves the claim pending for the officer to reject: no partial write.
    expect(await byStatus('pending')).toBe(MEMBERS - QUOTA);

    // One more approval later is refused too.
    const late = refused.length > 0 ? decisions.indexOf(refused[0]!) : -1;
    const again = await invoke(AREAS.card, 'POST', `/claims/${submitted[late]!.body.claim.claimId}/approve`, { token: officer });
    expect(again.body.error.code).toBe('QUOTA_EXHAUSTED');
  }, 240_000);
});
