import { claimPeriodOf } from '@union/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { getMemberClaims, getQuotaUse, requireClaim } from '../../../functions/src/store/claim.repository';
import { invoke } from '../../support/invoke';
import { installWriteWatch, watchWrites } from '../../support/write-watch';
import { makeMember, officerToken, publish, quotaService, seedOrgs } from '../card/fixtures';
import { breakInbox, expectOneNote, notesOf, quietLogs, transactionWriting } from './outbox-fixtures';

/**
 * A claim decided by an officer tells the claimant in the decision's transaction (with the quota and
 * the member's claims of the period): together, or — the notification's part failing inside
 * DynamoDB — not at all. A 免申即享 claim approved as it is submitted tells nothing: the member is
 * looking at its answer.
 */

const MY_CLAIMS = '/member/pages/claims/index';
const BENEFIT = '职工疗休养';
let reviewed: string;
let automatic: string;
let officer: string;
let logs: ReturnType<typeof quietLogs>;

beforeAll(async () => {
  logs = quietLogs();
  installWriteWatch();
  await seedOrgs();
  [reviewed, automatic] = (await publish('district', [quotaService(10, BENEFIT, 'review'), quotaService(10, '健康体检', 'automatic')])) as [
    string,
    string,
  ];
  officer = await officerToken('officer-district', 'district');
});
afterAll(() => logs.restore());

const pendingClaim = async (userId: string) => {
  const m = await makeMember(userId, 'logistics');
  const res = await invoke(AREAS.card, 'POST', '/me/claims', { token: m.token, body: { benefitId: reviewed } });
  expect([res.status, res.body.claim?.status]).toEqual([201, 'pending']);
  return res.body.claim.claimId as string;
};
const used = async () => (await getQuotaUse([`district|${BENEFIT}`], claimPeriodOf(new Date()))).get(`district|${BENEFIT}`)?.used ?? 0;

describe('claim decided → the claimant', () => {
  it('免申即享 approved on submit: no notification (the answer is on the member’s screen)', async () => {
    const m = await makeMember('nc-auto', 'logistics');
    const res = await invoke(AREAS.card, 'POST', '/me/claims', { token: m.token, body: { benefitId: automatic } });
    expect(res.body.claim.status).toBe('approved');
    expect(await notesOf('nc-auto')).toEqual([]);
  });

  it('approved: the claim, the quota and 申领已通过 in one transaction', async () => {
    const claimId = await pendingClaim('nc-approved');
    const before = await used();
    const { result: res, writes } = await watchWrites(() => invoke(AREAS.card, 'POST', `/claims/${claimId}/approve`, { token: officer }));
    expect(res.status).toBe(200);
    expect((await requireClaim(claimId)).status).toBe('approved');
    expect(await used()).toBe(before + 1);
    await expectOneNote('nc-approved', { event: 'claimApproved', facts: { subject: BENEFIT }, page: MY_CLAIMS });
    expect(transactionWriting(writes, 'USER#nc-approved|NOTE#')).toBe(transactionWriting(writes, `CLAIM#${claimId}|`));
  });

  it('approved, with the notification failing: still pending, no quota spent, no notification, an error', async () => {
    const claimId = await pendingClaim('nc-approve-fails');
    const before = await used();
    await breakInbox('nc-approve-fails');
    const res = await invoke(AREAS.card, 'POST', `/claims/${claimId}/approve`, { token: officer });
    expect([res.status, res.body.error.code]).toEqual([500, 'INTERNAL']);
    expect((await requireClaim(claimId)).status).toBe('pending');
    expect(await used()).toBe(before);
    expect(await notesOf('nc-approve-fails')).toEqual([]);
  });

  it('rejected: the claim, the member’s claims of the period and 申领未通过 with the reason, in one transaction', async () => {
    const claimId = await pendingClaim('nc-rejected');
    const { result: res, writes } = await watchWrites(() =>
      invoke(AREAS.card, 'POST', `/claims/${claimId}/reject`, { token: officer, body: { reason: '本年度已参加过疗休养' } }),
    );
    expect(res.status).toBe(200);
    expect((await requireClaim(claimId)).status).toBe('rejected');
    await expectOneNote('nc-rejected', {
      event: 'claimRejected',
      facts: { subject: BENEFIT, reason: '本年度已参加过疗休养' },
      page: MY_CLAIMS,
    });
    expect(transactionWriting(writes, 'USER#nc-rejected|NOTE#')).toBe(transactionWriting(writes, `CLAIM#${claimId}|`));
  });

  it('rejected, with the notification failing: still pending and still holding its place, no notification, an error', async () => {
    const claimId = await pendingClaim('nc-reject-fails');
    await breakInbox('nc-reject-fails');
    const res = await invoke(AREAS.card, 'POST', `/claims/${claimId}/reject`, { token: officer, body: { reason: '材料不全' } });
    expect([res.status, res.body.error.code]).toEqual([500, 'INTERNAL']);
    const claim = await requireClaim(claimId);
    expect([claim.status, claim.rejectionReason]).toEqual(['pending', null]);
    expect((await getMemberClaims('nc-reject-fails', claim.period)).get(claim.benefitKey)).toEqual({ claimId, status: 'pending' });
    expect(await notesOf('nc-reject-fails')).toEqual([]);
  });
});
