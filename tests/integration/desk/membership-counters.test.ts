import { beforeAll, describe, expect, it } from 'vitest';
import { getUser } from '../../../functions/src/store/user.repository';
import { invoke } from '../../support/invoke';
import { userWithToken } from '../../support/sessions';
import { apply, area, createInvite, joinForm, newUser, officerToken, seedOrgs } from '../membership/fixtures';
import { deskOf, inFlight, thisMonth } from './fixtures';

const memberToken = async (userId: string) => userWithToken(userId, (await getUser(userId))?.grants ?? [], '会员');

let enterpriseOfficer: string;
let logisticsOfficer: string;
let reviewInvite: string;
let jointInvite: string;
beforeAll(async () => {
  await seedOrgs();
  enterpriseOfficer = await officerToken('enterprise');
  logisticsOfficer = await officerToken('logistics');
  reviewInvite = await createInvite(enterpriseOfficer, 'enterprise', { mode: 'review' });
  jointInvite = await createInvite(logisticsOfficer, 'logistics', { mode: 'auto' });
});

describe('desk counters of 入会, 会籍转移 and 退会', () => {
  const applicationIds: string[] = [];

  it('30 concurrent review applications: 30 waiting, nothing joined', async () => {
    const results = await inFlight(
      Array.from({ length: 30 }, (_, i) => async () => apply(await newUser(`dc-app-${i}`), reviewInvite, joinForm(400 + i))),
    );
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
    applicationIds.push(...results.map((r) => r.body.application.applicationId as string));
    const { now, year } = await deskOf('enterprise');
    expect(now).toEqual({ 'waiting:applications': 30 });
    expect(year).toEqual({});
  });

  it('15 approvals and 10 rejections at once: each counter exact', async () => {
    const results = await inFlight(
      applicationIds
        .slice(0, 25)
        .map(
          (id, i) => () =>
            i < 15
              ? invoke(area, 'POST', `/applications/${id}/approve`, { token: enterpriseOfficer })
              : invoke(area, 'POST', `/applications/${id}/reject`, { token: enterpriseOfficer, body: { reason: '请填写单位全称' } }),
        ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(25).fill(200));
    const { now, year } = await deskOf('enterprise');
    expect(now).toEqual({ 'waiting:applications': 5, 'members:active': 15, 'members:total': 15 });
    expect(year).toEqual({ 'review:approved': 15, 'review:rejected': 10, 'review:hours:1': 25, [`joined:${thisMonth()}:invite`]: 15 });
  });

  it('a refused change (a second approval, a rejection of a decided one) leaves the counters unchanged', async () => {
    const before = await deskOf('enterprise');
    const again = await invoke(area, 'POST', `/applications/${applicationIds[0]}/approve`, { token: enterpriseOfficer });
    expect(again.status).toBe(409);
    const reject = await invoke(area, 'POST', `/applications/${applicationIds[20]}/reject`, {
      token: enterpriseOfficer,
      body: { reason: '重复驳回' },
    });
    expect(reject.status).toBe(409);
    expect(await deskOf('enterprise')).toEqual(before);
  });

  it('a resubmission waits again; a 联合工会 auto invite joins as joint, never waiting', async () => {
    const resubmitted = await invoke(area, 'POST', `/applications/${applicationIds[15]}/resubmit`, {
      token: await memberToken('dc-app-15'),
      body: joinForm(415),
    });
    expect(resubmitted.status).toBe(200);
    expect((await deskOf('enterprise')).now['waiting:applications']).toBe(6);
    const joined = await Promise.all([0, 1, 2].map(async (i) => apply(await newUser(`dc-joint-${i}`), jointInvite, joinForm(500 + i))));
    expect(joined.map((r) => r.status)).toEqual([201, 201, 201]);
    const { now, year } = await deskOf('logistics');
    expect(now).toEqual({ 'members:active': 3, 'members:total': 3 });
    expect(year).toEqual({ [`joined:${thisMonth()}:joint`]: 3 });
  });

  it('transfers wait at the receiving org; an approval moves active, a 退会 closes its pending transfer', async () => {
    const asked = await Promise.all(
      ['dc-app-0', 'dc-app-1', 'dc-app-2'].map(async (u) =>
        invoke(area, 'POST', '/me/transfers', { token: await memberToken(u), body: { toOrgId: 'logistics' } }),
      ),
    );
    expect(asked.map((r) => r.status)).toEqual([201, 201, 201]);
    expect((await deskOf('logistics')).now['waiting:transfers']).toBe(3);
    const [approve, reject] = await Promise.all([
      invoke(area, 'POST', `/transfers/${asked[0]?.body.transfer.transferId}/approve`, { token: logisticsOfficer }),
      invoke(area, 'POST', `/transfers/${asked[1]?.body.transfer.transferId}/reject`, {
        token: logisticsOfficer,
        body: { reason: '查无此人' },
      }),
    ]);
    expect([approve.status, reject.status]).toEqual([200, 200]);
    const left = await invoke(area, 'POST', '/me/membership/leave', { token: await memberToken('dc-app-2'), body: { confirm: true } });
    expect(left.status).toBe(200);
    const logistics = await deskOf('logistics');
    expect(logistics.now).toEqual({ 'members:active': 4, 'members:total': 4, 'waiting:transfers': 0 });
    expect(logistics.year).toEqual({ [`joined:${thisMonth()}:joint`]: 3, [`joined:${thisMonth()}:transferIn`]: 1 });
    const enterprise = await deskOf('enterprise');
    expect(enterprise.now).toEqual({ 'waiting:applications': 6, 'members:active': 13, 'members:total': 15 });
  });
});
