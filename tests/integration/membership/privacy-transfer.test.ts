import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../functions/src/platform/logger';
import { getActiveMembershipByUser, listMembershipHistory } from '../../../functions/src/store/membership.repository';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { getUser } from '../../../functions/src/store/user.repository';
import { invoke } from '../../support/invoke';
import { userWithToken } from '../../support/sessions';
import { apply, area, createInvite, joinForm, newUser, officerToken, person, seedOrgs } from './fixtures';

const logs: string[] = [];
let restoreSink: ((line: string) => void) | undefined;
let autoInvite: string;
let reviewInvite: string;
let enterpriseOfficer: string;
let logisticsOfficer: string;
let otherOfficer: string;
beforeAll(async () => {
  restoreSink = setLogSink((line) => logs.push(line));
  await seedOrgs();
  enterpriseOfficer = await officerToken('enterprise');
  logisticsOfficer = await officerToken('logistics');
  otherOfficer = await officerToken('otherunion');
  autoInvite = await createInvite(logisticsOfficer, 'logistics', { mode: 'auto' });
  reviewInvite = await createInvite(enterpriseOfficer, 'enterprise', { mode: 'review' });
});
afterAll(() => {
  if (restoreSink) setLogSink(restoreSink);
});

const memberToken = async (userId: string) => {
  const user = await getUser(userId);
  return userWithToken(userId, user?.grants ?? [], '会员');
};

describe('会籍转移', () => {
  it('moves the membership on the receiving officer’s approval, keeping the history, never active twice', async () => {
    const t0 = await newUser('mover');
    const joined = await apply(t0, autoInvite, joinForm(80));
    expect(joined.body.membership.memberNumber).toBe('LOGISTICS-000001');
    const token = await memberToken('mover');

    const same = await invoke(area, 'POST', '/me/transfers', { token, body: { toOrgId: 'logistics' } });
    expect([same.status, same.body.error.code]).toEqual([409, 'TRANSFER_SAME_ORG']);
    const upward = await invoke(area, 'POST', '/me/transfers', { token, body: { toOrgId: 'district' } });
    expect([upward.status, upward.body.error.code, upward.body.error.field]).toEqual([400, 'TRANSFER_TARGET_INVALID', 'toOrgId']);
    const nowhere = await invoke(area, 'POST', '/me/transfers', { token, body: { toOrgId: 'nowhere' } });
    expect([nowhere.status, nowhere.body.error.code, nowhere.body.error.field]).toEqual([404, 'ORG_NOT_FOUND', 'toOrgId']);

    const req = await invoke(area, 'POST', '/me/transfers', { token, body: { toOrgId: 'enterprise', note: '已入职临江精密' } });
    expect(req.status).toBe(201);
    const transferId = req.body.transfer.transferId;
    const dup = await invoke(area, 'POST', '/me/transfers', { token, body: { toOrgId: 'otherunion' } });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'TRANSFER_PENDING']);

    const queue = await invoke(area, 'GET', '/orgs/enterprise/transfers', { token: enterpriseOfficer });
    expect(queue.body.transfers.map((t: { transferId: string }) => t.transferId)).toEqual([transferId]);
    // The sending org's officer does not decide; the receiving one does.
    const wrong = await invoke(area, 'POST', `/transfers/${transferId}/approve`, { token: otherOfficer });
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'FORBIDDEN_ORG']);
    const fromSide = await invoke(area, 'POST', `/transfers/${transferId}/approve`, { token: logisticsOfficer });
    expect(fromSide.status).toBe(403);

    const [a, b] = await Promise.all([
      invoke(area, 'POST', `/transfers/${transferId}/approve`, { token: enterpriseOfficer }),
      invoke(area, 'POST', `/transfers/${transferId}/approve`, { token: enterpriseOfficer }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const ok = a.status === 200 ? a : b;
    expect(ok.body.membership).toMatchObject({ orgId: 'enterprise', memberNumber: 'ENTERPRISE-000001', status: 'active' });

    const active = await getActiveMembershipByUser('mover');
    expect(active).toMatchObject({ orgId: 'enterprise', memberNumber: 'ENTERPRISE-000001' });
    const history = await listMembershipHistory('mover');
    expect(history.map((m) => [m.orgId, m.status, m.memberNumber])).toEqual([
      ['logistics', 'transferred', 'LOGISTICS-000001'],
      ['enterprise', 'active', 'ENTERPRISE-000001'],
    ]);
    expect(history.filter((m) => m.status === 'active')).toHaveLength(1);
    expect(history[1]?.memberNumberHistory).toEqual([expect.objectContaining({ orgId: 'logistics', memberNumber: 'LOGISTICS-000001' })]);
    expect((await getUser('mover'))?.grants).toEqual([{ role: 'member', orgId: 'enterprise' }]);

    const mine = await invoke(area, 'GET', '/me/membership', { token });
    expect(mine.body.membership.orgName).toBe('临江精密机械有限公司工会');
    expect(mine.body.memberNumberHistory[0].memberNumber).toBe('LOGISTICS-000001');
    expect(mine.body.transfers[0].status).toBe('approved');

    // Still one person: joining anywhere else is refused (the account holding it is told where it is).
    const rejoin = await apply(await newUser('mover-alt'), autoInvite, joinForm(80, { phone: '13300000080' }));
    expect(rejoin.body.error.code).toBe('JOIN_REFUSED');
    const own = await apply(token, autoInvite, joinForm(80));
    expect(own.body.error.details.orgName).toBe('临江精密机械有限公司工会');
  });

  it('lets the receiving officer refuse with a reason', async () => {
    await apply(await newUser('stayer'), autoInvite, joinForm(81));
    const token = await memberToken('stayer');
    const req = await invoke(area, 'POST', '/me/transfers', { token, body: { toOrgId: 'otherunion' } });
    const res = await invoke(area, 'POST', `/transfers/${req.body.transfer.transferId}/reject`, {
      token: otherOfficer,
      body: { reason: '本单位无此员工' },
    });
    expect(res.status).toBe(200);
    expect(res.body.transfer).toMatchObject({ status: 'rejected', rejectReason: '本单位无此员工' });
    expect((await getActiveMembershipByUser('stayer'))?.orgId).toBe('logistics');
  });

  it('refuses a transfer from someone who is not a member', async () => {
    const token = await userWithToken('pretender', [{ role: 'member', orgId: 'logistics' }]);
    const res = await invoke(area, 'POST', '/me/transfers', { token, body: { toOrgId: 'enterprise' } });
    expect([res.status, res.body.error.code]).toEqual([409, 'NOT_A_MEMBER']);
  });
});

describe('privacy', () => {
  it('keeps plain ID numbers and phones out of the table, the responses and the logs', async () => {
    const responses: string[] = [];
    const p = person(90);
    const res = await apply(await newUser('private'), reviewInvite, joinForm(90));
    responses.push(JSON.stringify(res.body));
    responses.push(JSON.stringify((await invoke(area, 'GET', '/orgs/enterprise/applications', { token: enterpriseOfficer })).body));
    const approved = await invoke(area, 'POST', `/applications/${res.body.application.applicationId}/approve`, {
      token: enterpriseOfficer,
    });
    responses.push(JSON.stringify(approved.body));
    responses.push(JSON.stringify((await invoke(area, 'GET', '/me/membership', { token: await memberToken('private') })).body));
    // A refused duplicate logs nothing personal either.
    responses.push(JSON.stringify((await apply(await newUser('private-2'), autoInvite, joinForm(90))).body));
    expect(approved.body.membership.idNumberMasked).toBe(`3201**********${p.idNumber.slice(14)}`);

    const items: unknown[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await getDocumentClient().send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    const table = JSON.stringify(items);
    expect(items.length).toBeGreaterThan(10);
    expect(table).toContain('"idEnc"');
    const everyone = [80, 81, 90].map(person);
    for (const { idNumber, phone } of everyone) {
      expect(table).not.toContain(idNumber);
      expect(table).not.toContain(phone);
      expect(table).not.toContain(idNumber.slice(0, 17));
      for (const r of responses) {
        expect(r).not.toContain(idNumber);
        expect(r).not.toContain(phone);
      }
    }
    const logText = logs.join('\n');
    for (const { idNumber, phone } of everyone) {
      expect(logText).not.toContain(idNumber);
      expect(logText).not.toContain(phone);
    }
  });
});
