import { ageInYears, makeIdNumber } from '@union/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { getActiveMembershipByUser } from '../../../functions/src/store/membership.repository';
import { getUser } from '../../../functions/src/store/user.repository';
import { invoke } from '../../support/invoke';
import { apply, area, createInvite, joinForm, newUser, officerToken, person, seedOrgs } from './fixtures';

let enterpriseOfficer: string;
let districtOfficer: string;
let logisticsOfficer: string;
let autoInvite: string;
let reviewInvite: string;
beforeAll(async () => {
  await seedOrgs();
  enterpriseOfficer = await officerToken('enterprise');
  districtOfficer = await officerToken('district');
  logisticsOfficer = await officerToken('logistics');
  autoInvite = await createInvite(districtOfficer, 'logistics', { mode: 'auto' });
  reviewInvite = await createInvite(enterpriseOfficer, 'enterprise', { mode: 'review' });
});

describe('the join form', () => {
  const wrongCheckDigit = () => {
    const id = person(1).idNumber;
    return `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`;
  };
  it.each([
    ['wrong check digit', { idNumber: wrongCheckDigit() }, 'idNumber', '校验位'],
    ['17 digits', { idNumber: '32010219900101123' }, 'idNumber', '18 位'],
    ['31 February', { idNumber: makeIdNumber('320102', '1990-02-31', '123') }, 'idNumber', '出生日期不存在'],
    ['born in the future', { idNumber: makeIdNumber('320102', '2099-01-01', '123') }, 'idNumber', '晚于今天'],
    ['a child', { idNumber: makeIdNumber('320102', `${new Date().getFullYear() - 5}-01-01`, '123') }, 'idNumber', '未满 16 周岁'],
    ['landline', { phone: '02584561234' }, 'phone', '手机号'],
    ['12-digit phone', { phone: '139123456789' }, 'phone', '手机号'],
    ['notice not accepted', { noticeAccepted: false }, 'noticeAccepted', '个人信息保护告知书'],
    ['old notice version', { noticeVersion: '2019-01' }, 'noticeVersion', '告知书'],
    ['unknown group', { group: 'astronaut' }, 'group', '八大群体'],
    ['no employment type', { employmentType: undefined }, 'employmentType', '就业形态'],
    ['migrant as text', { isMigrantWorker: 'yes' }, 'isMigrantWorker', '农民工'],
    ['empty name', { name: ' ' }, 'name', '姓名'],
    ['no employer', { employer: '' }, 'employer', '工作单位'],
  ])('refuses %s with 400 naming the field', async (_what, overrides, field, words) => {
    const token = await newUser('form-tester');
    const res = await apply(token, autoInvite, joinForm(1, overrides));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
    expect(res.body.error.message).toContain(words);
    expect(await getActiveMembershipByUser('form-tester')).toBeNull();
  });

  it('answers a malformed body with 400, never 500', async () => {
    const token = await newUser('garbage-sender');
    for (const rawBody of ['{', '[]', '"x"', 'null', '{"idNumber":{"$ne":1}}']) {
      const res = await invoke(area, 'POST', `/invites/${autoInvite}/applications`, { token, rawBody });
      expect(res.status, rawBody).toBe(400);
    }
  });
});

describe('auto-approve invite', () => {
  it('activates at once with a member number, the age (never the birth date or gender), and the member grant', async () => {
    const token = await newUser('courier-1');
    const form = joinForm(10, { idNumber: makeIdNumber('320102', '1991-06-15', '457') });
    const res = await apply(token, autoInvite, form);
    expect(res.status).toBe(201);
    expect(res.body.application).toMatchObject({ status: 'approved', orgId: 'logistics', age: ageInYears('1991-06-15', new Date()) });
    expect(res.body.application).not.toHaveProperty('birthDate');
    expect(res.body.application).not.toHaveProperty('gender');
    expect(res.body.membership).toMatchObject({
      orgName: '临江区快递物流行业联合工会',
      status: 'active',
      memberNumber: 'LOGISTICS-000001',
    });
    expect(res.body.membership.idNumberMasked).toBe(`3201**********${form.idNumber.slice(14)}`);
    expect(res.body.membership.phoneMasked).toBe(`139****${form.phone.slice(7)}`);
    expect(res.body.refreshSession).toBe(true);
    expect((await getUser('courier-1'))?.grants).toEqual([{ role: 'member', orgId: 'logistics' }]);
    const refreshed = await invoke(AREAS.auth, 'POST', '/auth/refresh', { token });
    expect(refreshed.body.user.roles).toEqual([{ role: 'member', orgId: 'logistics' }]);

    const mine = await invoke(area, 'GET', '/me/membership', { token });
    expect(mine.body.membership).toMatchObject({
      memberNumber: 'LOGISTICS-000001',
      orgName: '临江区快递物流行业联合工会',
      status: 'active',
    });
    expect(mine.body.membership.joinedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    expect(await getActiveMembershipByUser('courier-1')).toEqual({
      membershipId: mine.body.membership.membershipId,
      userId: 'courier-1',
      orgId: 'logistics',
      memberNumber: 'LOGISTICS-000001',
      name: '王小军',
      joinedAt: mine.body.membership.joinedAt,
      status: 'active',
      group: 'courier',
      isMigrantWorker: true,
      gender: 'male',
      birthDate: '1991-06-15',
      employmentType: 'platform',
      // Nobody reviewed the form: its declarations (八大群体, 农民工) wait for an officer's confirmation.
      declaredFactsConfirmedBy: null,
      declaredFactsConfirmedAt: null,
    });
  });

  it('refuses an already-active person, naming the union only to the account that holds it', async () => {
    const token = await newUser('courier-2');
    expect((await apply(token, autoInvite, joinForm(20))).status).toBe(201);
    // Same person, another account, another union: unproven, so a neutral refusal (probe.test.ts has the proofs).
    const again = await apply(await newUser('courier-2-alt'), reviewInvite, joinForm(20, { phone: '13700000020' }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('JOIN_REFUSED');
    expect(JSON.stringify(again.body)).not.toContain('临江区快递物流行业联合工会');
    // Same account, different person: one account holds one membership, and it is this account's own.
    const sameAccount = await apply(token, autoInvite, joinForm(21));
    expect([sameAccount.status, sameAccount.body.error.code]).toEqual([409, 'ALREADY_MEMBER']);
    expect(sameAccount.body.error.message).toContain('临江区快递物流行业联合工会');
    expect(sameAccount.body.error.message).toContain('会籍转移');
  });

  it('refuses a phone number already used by another member', async () => {
    expect((await apply(await newUser('phone-owner'), autoInvite, joinForm(30))).status).toBe(201);
    const res = await apply(await newUser('phone-thief'), autoInvite, joinForm(31, { phone: person(30).phone }));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('JOIN_REFUSED');
    expect(await getActiveMembershipByUser('phone-thief')).toBeNull();
  });

  it('treats a lower-case x as the same ID number', async () => {
    let n = 40;
    let id = person(n).idNumber;
    while (!id.endsWith('X')) id = person(++n).idNumber;
    expect((await apply(await newUser('x-upper'), autoInvite, joinForm(n))).status).toBe(201);
    const lower = await apply(await newUser('x-lower'), autoInvite, joinForm(n, { idNumber: id.toLowerCase(), phone: '13600000040' }));
    expect([lower.status, lower.body.error.code]).toEqual([409, 'JOIN_REFUSED']);
  });
});

describe('review invite', () => {
  it('queues for the officer subtree; reject with reason; correct and resubmit; approve', async () => {
    const token = await newUser('worker-r');
    const first = await apply(token, reviewInvite, joinForm(60, { employer: '临江精密' }));
    expect(first.status).toBe(201);
    expect(first.body.application.status).toBe('pending');
    expect(first.body.membership).toBeNull();
    const appId = first.body.application.applicationId;

    const status = await invoke(area, 'GET', '/me/application', { token });
    expect(status.body.application).toMatchObject({ applicationId: appId, status: 'pending', orgName: '临江精密机械有限公司工会' });

    const dup = await apply(token, reviewInvite, joinForm(60));
    expect([dup.status, dup.body.error.code]).toEqual([409, 'APPLICATION_PENDING']);

    const ids = (r: { body: { applications: Array<{ applicationId: string }> } }) => r.body.applications.map((a) => a.applicationId);
    expect(ids(await invoke(area, 'GET', '/orgs/enterprise/applications', { token: enterpriseOfficer }))).toEqual([appId]);
    expect(ids(await invoke(area, 'GET', '/orgs/district/applications', { token: districtOfficer }))).toEqual([appId]);
    expect(ids(await invoke(area, 'GET', '/orgs/logistics/applications', { token: logisticsOfficer }))).toEqual([]);
    const queue = await invoke(area, 'GET', '/orgs/enterprise/applications', { token: enterpriseOfficer });
    expect(queue.body.applications[0].idNumberMasked).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    const foreign = await invoke(area, 'GET', '/orgs/enterprise/applications', { token: logisticsOfficer });
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'FORBIDDEN_ORG']);
    const foreignApprove = await invoke(area, 'POST', `/applications/${appId}/approve`, { token: logisticsOfficer });
    expect([foreignApprove.status, foreignApprove.body.error.code]).toEqual([403, 'FORBIDDEN_ORG']);

    const noReason = await invoke(area, 'POST', `/applications/${appId}/reject`, { token: enterpriseOfficer, body: {} });
    expect([noReason.status, noReason.body.error.field]).toEqual([400, 'reason']);
    const rejected = await invoke(area, 'POST', `/applications/${appId}/reject`, {
      token: enterpriseOfficer,
      body: { reason: '工作单位请填写全称' },
    });
    expect(rejected.status).toBe(200);
    const seen = await invoke(area, 'GET', '/me/application', { token });
    expect(seen.body.application).toMatchObject({ status: 'rejected', rejectReason: '工作单位请填写全称' });
    expect(ids(await invoke(area, 'GET', '/orgs/enterprise/applications', { token: enterpriseOfficer }))).toEqual([]);

    const approveRejected = await invoke(area, 'POST', `/applications/${appId}/approve`, { token: enterpriseOfficer });
    expect([approveRejected.status, approveRejected.body.error.code]).toEqual([409, 'APPLICATION_STATE_CONFLICT']);
    const stranger = await invoke(area, 'POST', `/applications/${appId}/resubmit`, {
      token: await newUser('stranger'),
      body: joinForm(60),
    });
    expect([stranger.status, stranger.body.error.code]).toEqual([403, 'APPLICATION_FORBIDDEN']);
    const badResubmit = await invoke(area, 'POST', `/applications/${appId}/resubmit`, { token, body: joinForm(60, { phone: '123' }) });
    expect([badResubmit.status, badResubmit.body.error.field]).toEqual([400, 'phone']);

    const resubmitted = await invoke(area, 'POST', `/applications/${appId}/resubmit`, {
      token,
      body: joinForm(60, { employer: '临江精密机械有限公司' }),
    });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.application).toMatchObject({ status: 'pending', employer: '临江精密机械有限公司', rejectReason: null });
    expect(ids(await invoke(area, 'GET', '/orgs/enterprise/applications', { token: enterpriseOfficer }))).toEqual([appId]);
    const again = await invoke(area, 'POST', `/applications/${appId}/resubmit`, { token, body: joinForm(60) });
    expect([again.status, again.body.error.code]).toEqual([409, 'APPLICATION_STATE_CONFLICT']);

    const approved = await invoke(area, 'POST', `/applications/${appId}/approve`, { token: districtOfficer });
    expect(approved.status).toBe(200);
    expect(approved.body.application).toMatchObject({ status: 'approved', memberNumber: 'ENTERPRISE-000001' });
    expect(approved.body.membership).toMatchObject({ orgId: 'enterprise', memberNumber: 'ENTERPRISE-000001' });
    const twice = await invoke(area, 'POST', `/applications/${appId}/approve`, { token: districtOfficer });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'APPLICATION_STATE_CONFLICT']);
    expect((await invoke(area, 'GET', '/me/application', { token })).body.application.status).toBe('approved');
    expect((await getUser('worker-r'))?.grants).toEqual([{ role: 'member', orgId: 'enterprise' }]);
    const missing = await invoke(area, 'POST', '/applications/anonexistent1/approve', { token: districtOfficer });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'APPLICATION_NOT_FOUND']);
  });

  it('refuses approval when the person became a member elsewhere meanwhile', async () => {
    const pending = await apply(await newUser('two-way-a'), reviewInvite, joinForm(70));
    expect(pending.status).toBe(201);
    expect((await apply(await newUser('two-way-b'), autoInvite, joinForm(70, { phone: '13500000070' }))).status).toBe(201);
    const res = await invoke(area, 'POST', `/applications/${pending.body.application.applicationId}/approve`, { token: enterpriseOfficer });
    expect([res.status, res.body.error.code]).toEqual([409, 'JOIN_REFUSED']);
    expect(await getActiveMembershipByUser('two-way-a')).toBeNull();
  });
});
