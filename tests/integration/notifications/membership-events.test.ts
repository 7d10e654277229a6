import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApplication } from '../../../functions/src/store/application.repository';
import { getActiveMembershipByUser } from '../../../functions/src/store/membership.repository';
import { requireTransfer } from '../../../functions/src/store/transfer.repository';
import { getUser } from '../../../functions/src/store/user.repository';
import { invoke } from '../../support/invoke';
import { userWithToken } from '../../support/sessions';
import { installWriteWatch, watchWrites } from '../../support/write-watch';
import { apply, area, createInvite, joinForm, newUser, officerToken, seedOrgs } from '../membership/fixtures';
import { breakInbox, expectOneNote, healInbox, notesOf, quietLogs, transactionWriting, unreadOf } from './outbox-fixtures';

/**
 * 入会 and 会籍转移 decisions write the person's notification in their own transaction: the decision
 * and its notification (with the unread count) land together, or — when the notification's part fails
 * inside DynamoDB — neither does, and the officer gets an error, never a half-done decision.
 */

const MEMBERSHIP_PAGE = '/member/pages/membership/index';
let enterpriseOfficer: string;
let logisticsOfficer: string;
let reviewInvite: string;
let autoInvite: string;
let logs: ReturnType<typeof quietLogs>;
let n = 100;

beforeAll(async () => {
  logs = quietLogs();
  installWriteWatch();
  await seedOrgs();
  enterpriseOfficer = await officerToken('enterprise');
  logisticsOfficer = await officerToken('logistics');
  reviewInvite = await createInvite(enterpriseOfficer, 'enterprise', { mode: 'review' });
  autoInvite = await createInvite(logisticsOfficer, 'logistics', { mode: 'auto' });
});
afterAll(() => logs.restore());

/** A pending 入会 application of a new person to the enterprise union. */
const pendingApplication = async (userId: string) => {
  n += 1;
  const res = await apply(await newUser(userId), reviewInvite, joinForm(n));
  expect(res.status).toBe(201);
  return res.body.application.applicationId as string;
};

/** A member of logistics (auto invite) asking to move to the enterprise union. */
const pendingTransfer = async (userId: string) => {
  n += 1;
  const joined = await apply(await newUser(userId), autoInvite, joinForm(n));
  expect(joined.status).toBe(201);
  const token = await userWithToken(userId, (await getUser(userId))?.grants ?? [], '会员');
  const req = await invoke(area, 'POST', '/me/transfers', { token, body: { toOrgId: 'enterprise' } });
  expect(req.status).toBe(201);
  return req.body.transfer.transferId as string;
};

describe('入会 application decided → the applicant', () => {
  it('approved: the membership, the decision and 入会申请已通过 in one transaction', async () => {
    const appId = await pendingApplication('nt-approved');
    const { result: res, writes } = await watchWrites(() =>
      invoke(area, 'POST', `/applications/${appId}/approve`, { token: enterpriseOfficer }),
    );
    expect(res.status).toBe(200);
    expect((await getApplication(appId))?.status).toBe('approved');
    expect((await getActiveMembershipByUser('nt-approved'))?.orgId).toBe('enterprise');
    await expectOneNote('nt-approved', {
      event: 'applicationApproved',
      facts: { subject: '临江精密机械有限公司工会' },
      page: MEMBERSHIP_PAGE,
    });
    const tx = transactionWriting(writes, `APPLICATION#${appId}|`);
    expect(tx.keys).toEqual(expect.arrayContaining([expect.stringMatching(/^USER#nt-approved\|NOTE#/), 'USER#nt-approved|INBOX']));
  });

  it('approved, with the notification failing: no membership, still pending, no notification, an error', async () => {
    const appId = await pendingApplication('nt-approve-fails');
    await breakInbox('nt-approve-fails');
    const res = await invoke(area, 'POST', `/applications/${appId}/approve`, { token: enterpriseOfficer });
    expect([res.status, res.body.error.code]).toEqual([500, 'INTERNAL']);
    expect((await getApplication(appId))?.status).toBe('pending');
    expect(await getActiveMembershipByUser('nt-approve-fails')).toBeNull();
    expect((await getUser('nt-approve-fails'))?.grants).toEqual([]);
    expect(await notesOf('nt-approve-fails')).toEqual([]);
    // Once the inbox is whole again, the same request completes it, told once.
    await healInbox('nt-approve-fails');
    expect((await invoke(area, 'POST', `/applications/${appId}/approve`, { token: enterpriseOfficer })).status).toBe(200);
    await expectOneNote('nt-approve-fails', {
      event: 'applicationApproved',
      facts: { subject: '临江精密机械有限公司工会' },
      page: MEMBERSHIP_PAGE,
    });
  });

  it('rejected: the decision and 入会申请未通过 with the reason, in one transaction', async () => {
    const appId = await pendingApplication('nt-rejected');
    const { result: res, writes } = await watchWrites(() =>
      invoke(area, 'POST', `/applications/${appId}/reject`, { token: enterpriseOfficer, body: { reason: '工作单位请填写全称' } }),
    );
    expect(res.status).toBe(200);
    expect((await getApplication(appId))?.status).toBe('rejected');
    await expectOneNote('nt-rejected', {
      event: 'applicationRejected',
      facts: { subject: '临江精密机械有限公司工会', reason: '工作单位请填写全称' },
      page: MEMBERSHIP_PAGE,
    });
    transactionWriting(writes, 'USER#nt-rejected|NOTE#');
    expect(transactionWriting(writes, `APPLICATION#${appId}|`)).toBe(transactionWriting(writes, 'USER#nt-rejected|NOTE#'));
  });

  it('rejected, with the notification failing: still pending, no notification, an error', async () => {
    const appId = await pendingApplication('nt-reject-fails');
    await breakInbox('nt-reject-fails');
    const res = await invoke(area, 'POST', `/applications/${appId}/reject`, { token: enterpriseOfficer, body: { reason: '请补充材料' } });
    expect([res.status, res.body.error.code]).toEqual([500, 'INTERNAL']);
    const a = await getApplication(appId);
    expect([a?.status, a?.rejectReason]).toEqual(['pending', null]);
    expect(await notesOf('nt-reject-fails')).toEqual([]);
    expect(await unreadOf('nt-reject-fails')).toBe('not a number');
  });
});

describe('会籍转移 decided → the member', () => {
  it('approved: the membership moves with 会籍转移已通过, in one transaction', async () => {
    const transferId = await pendingTransfer('nt-moved');
    // Joining through an auto invite (approved as they submitted, on their screen) told them nothing.
    expect(await notesOf('nt-moved')).toEqual([]);
    const { result: res, writes } = await watchWrites(() =>
      invoke(area, 'POST', `/transfers/${transferId}/approve`, { token: enterpriseOfficer }),
    );
    expect(res.status).toBe(200);
    expect((await requireTransfer(transferId)).status).toBe('approved');
    expect((await getActiveMembershipByUser('nt-moved'))?.orgId).toBe('enterprise');
    await expectOneNote('nt-moved', { event: 'transferApproved', facts: { subject: '临江精密机械有限公司工会' }, page: MEMBERSHIP_PAGE });
    expect(transactionWriting(writes, 'USER#nt-moved|NOTE#').keys).toContain('USER#nt-moved|MEMBERSHIP');
  });

  it('approved, with the notification failing: the membership stays, the transfer pending, no notification, an error', async () => {
    const transferId = await pendingTransfer('nt-move-fails');
    await breakInbox('nt-move-fails');
    const res = await invoke(area, 'POST', `/transfers/${transferId}/approve`, { token: enterpriseOfficer });
    expect([res.status, res.body.error.code]).toEqual([500, 'INTERNAL']);
    expect((await requireTransfer(transferId)).status).toBe('pending');
    expect((await getActiveMembershipByUser('nt-move-fails'))?.orgId).toBe('logistics');
    expect(await notesOf('nt-move-fails')).toEqual([]);
  });

  it('rejected: the decision and 会籍转移未通过 with the reason, in one transaction', async () => {
    const transferId = await pendingTransfer('nt-stays');
    const { result: res, writes } = await watchWrites(() =>
      invoke(area, 'POST', `/transfers/${transferId}/reject`, { token: enterpriseOfficer, body: { reason: '未在本单位就业' } }),
    );
    expect(res.status).toBe(200);
    expect((await requireTransfer(transferId)).status).toBe('rejected');
    await expectOneNote('nt-stays', {
      event: 'transferRejected',
      facts: { subject: '临江精密机械有限公司工会', reason: '未在本单位就业' },
      page: MEMBERSHIP_PAGE,
    });
    expect(transactionWriting(writes, 'USER#nt-stays|NOTE#')).toBe(transactionWriting(writes, `TRANSFER#${transferId}|`));
  });

  it('rejected, with the notification failing: still pending, no notification, an error', async () => {
    const transferId = await pendingTransfer('nt-stay-fails');
    await breakInbox('nt-stay-fails');
    const res = await invoke(area, 'POST', `/transfers/${transferId}/reject`, {
      token: enterpriseOfficer,
      body: { reason: '未在本单位就业' },
    });
    expect([res.status, res.body.error.code]).toEqual([500, 'INTERNAL']);
    expect((await requireTransfer(transferId)).status).toBe('pending');
    expect(await notesOf('nt-stay-fails')).toEqual([]);
  });
});
