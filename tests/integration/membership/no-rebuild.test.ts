import { ageOn, makeIdNumber } from '@union/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { getUser } from '../../../functions/src/store/user.repository';
import { invoke } from '../../support/invoke';
import { type KnownPerson, rebuildableFragments } from '../../support/pii-scan';
import { userWithToken } from '../../support/sessions';
import { apply, area, createInvite, joinForm, newUser, officerToken, seedOrgs } from './fixtures';

let enterpriseOfficer: string;
let logisticsOfficer: string;
let otherOfficer: string;
let autoInvite: string;
let reviewInvite: string;
beforeAll(async () => {
  await seedOrgs();
  enterpriseOfficer = await officerToken('enterprise');
  logisticsOfficer = await officerToken('logistics');
  otherOfficer = await officerToken('otherunion');
  autoInvite = await createInvite(logisticsOfficer, 'logistics', { mode: 'auto' });
  reviewInvite = await createInvite(enterpriseOfficer, 'enterprise', { mode: 'review' });
});

const memberToken = async (userId: string) => userWithToken(userId, (await getUser(userId))?.grants ?? [], '会员');
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('nothing beside a masked 身份证号 or phone rebuilds it', () => {
  it('the helper finds birth dates, gender and hidden digits (so a clean result means something)', () => {
    const p = { idNumber: makeIdNumber('320102', '1991-06-15', '457'), phone: '13912345678' };
    expect(rebuildableFragments({ a: { birthDate: '1991-06-15' } })).toEqual([
      '$.a.birthDate: field that narrows a masked value',
      '$.a.birthDate: date-like value "1991-06-15"',
    ]);
    expect(rebuildableFragments({ gender: 'male' })).toHaveLength(1);
    expect(rebuildableFragments({ note: '生于1991年6月15日' }, [p]).length).toBeGreaterThan(0);
    expect(rebuildableFragments({ x: `3201${p.idNumber.slice(4, 14)}` }, [p])).toContain('$.x: hidden ID digits');
    expect(rebuildableFragments({ x: '139****5678', y: '3201**********4571', at: '2025-01-05T04:42:00.000Z', age: 33 }, [p])).toEqual([]);
  });

  it('every response carrying an application, a membership or a transfer is clean; officers see age in years', async () => {
    const birth = '1991-06-15';
    const people: KnownPerson[] = [
      { ...joinForm(300), idNumber: makeIdNumber('320102', birth, '457') },
      { ...joinForm(301), idNumber: makeIdNumber('320105', '1988-11-30', '218') },
      { ...joinForm(302), idNumber: makeIdNumber('320106', '1979-02-01', '335') },
    ];
    const [reviewed, auto, other] = people as [KnownPerson, KnownPerson, KnownPerson];
    const bodies: Array<[string, unknown]> = [];
    const keep = <T extends { body: unknown }>(what: string, res: T): T => {
      bodies.push([what, res.body]);
      return res;
    };

    // Review invite: submit, see status, officer queue, reject, resubmit, approve.
    const t1 = await newUser('nr-reviewed');
    const submitted = keep('submit (review)', await apply(t1, reviewInvite, joinForm(300, { idNumber: reviewed.idNumber })));
    expect(submitted.status).toBe(201);
    const appId = submitted.body.application.applicationId;
    keep('GET /me/application', await invoke(area, 'GET', '/me/application', { token: t1 }));
    const queue = keep('review queue', await invoke(area, 'GET', '/orgs/enterprise/applications', { token: enterpriseOfficer }));
    expect(queue.body.applications[0].age).toBe(ageOn(birth, chinaToday()));
    keep(
      'reject',
      await invoke(area, 'POST', `/applications/${appId}/reject`, { token: enterpriseOfficer, body: { reason: '请填写单位全称' } }),
    );
    keep(
      'resubmit',
      await invoke(area, 'POST', `/applications/${appId}/resubmit`, { token: t1, body: joinForm(300, { idNumber: reviewed.idNumber }) }),
    );
    const approved = keep('approve', await invoke(area, 'POST', `/applications/${appId}/approve`, { token: enterpriseOfficer }));
    expect(approved.status).toBe(200);
    expect(approved.body.application.age).toBe(ageOn(birth, chinaToday()));
    keep('GET /me/membership', await invoke(area, 'GET', '/me/membership', { token: await memberToken('nr-reviewed') }));

    // Auto invite, then a transfer (request, queue, approve) and a refused one.
    const t2 = await newUser('nr-auto');
    keep('submit (auto)', await apply(t2, autoInvite, joinForm(301, { idNumber: auto.idNumber })));
    const m2 = await memberToken('nr-auto');
    const req = keep('request transfer', await invoke(area, 'POST', '/me/transfers', { token: m2, body: { toOrgId: 'enterprise' } }));
    keep('transfer queue', await invoke(area, 'GET', '/orgs/enterprise/transfers', { token: enterpriseOfficer }));
    keep(
      'approve transfer',
      await invoke(area, 'POST', `/transfers/${req.body.transfer.transferId}/approve`, { token: enterpriseOfficer }),
    );
    keep('GET /me/membership after transfer', await invoke(area, 'GET', '/me/membership', { token: await memberToken('nr-auto') }));

    const t3 = await newUser('nr-other');
    keep('submit (auto, other)', await apply(t3, autoInvite, joinForm(302, { idNumber: other.idNumber })));
    const m3 = await memberToken('nr-other');
    const req3 = await invoke(area, 'POST', '/me/transfers', { token: m3, body: { toOrgId: 'otherunion' } });
    keep(
      'reject transfer',
      await invoke(area, 'POST', `/transfers/${req3.body.transfer.transferId}/reject`, {
        token: otherOfficer,
        body: { reason: '查无此人' },
      }),
    );

    expect(bodies.length).toBe(14);
    // The masked values are there (every application and membership response) …
    expect(bodies.filter(([, body]) => /\d{4}\*{10}\d{3}[\dX]/.test(JSON.stringify(body)))).toHaveLength(11);
    // … and nothing beside them rebuilds one.
    for (const [what, body] of bodies) expect(rebuildableFragments(body, people), what).toEqual([]);
  });
});
