import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { invoke } from '../../support/invoke';
import { tokenFor } from '../../support/sessions';
import { makeMember, officerToken, seedOrgs } from './fixtures';

const FACTS = '/orgs/district/members/member-courier/facts';
/** The same member, seen from the 联合工会's own officer. */
const FACTS_OF_LOGISTICS = '/orgs/logistics/members/member-courier/facts';

describe('member facts carry a version: a stale edit is refused, never silently overwritten', () => {
  let districtOfficer: string;
  let logisticsOfficer: string;

  beforeAll(async () => {
    await seedOrgs();
    await makeMember('member-courier', 'logistics', { name: '王小军' });
    districtOfficer = await officerToken('officer-district', 'district');
    logisticsOfficer = await tokenFor('officer-logistics', [{ role: 'officer', orgId: 'logistics' }], '陈立');
  });

  it('starts at version 0, and each edit moves it on by one', async () => {
    const read = await invoke(AREAS.card, 'GET', FACTS, { token: districtOfficer });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ version: 0, facts: { hardship: false, modelWorker: false, frontlineMedical: false } });

    const first = await invoke(AREAS.card, 'PUT', FACTS, { token: districtOfficer, body: { hardship: true, version: 0 } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 1, facts: { hardship: true, modelWorker: false, frontlineMedical: false } });

    const second = await invoke(AREAS.card, 'PUT', FACTS, { token: districtOfficer, body: { modelWorker: true, version: 1 } });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ version: 2, facts: { hardship: true, modelWorker: true, frontlineMedical: false } });

    const list = await invoke(AREAS.card, 'GET', '/orgs/logistics/member-facts', { token: districtOfficer });
    expect(list.body.members).toEqual([expect.objectContaining({ userId: 'member-courier', version: 2 })]);
  });

  it('answers 409 FACTS_STALE to an edit made from an older version, and keeps the newer facts', async () => {
    const stale = await invoke(AREAS.card, 'PUT', FACTS_OF_LOGISTICS, { token: logisticsOfficer, body: { hardship: false, version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('FACTS_STALE');
    expect(stale.body.error.field).toBe('version');
    expect(stale.body.error.message).toContain('刷新');
    const read = await invoke(AREAS.card, 'GET', FACTS, { token: districtOfficer });
    expect(read.body).toMatchObject({ version: 2, facts: { hardship: true, modelWorker: true } });
  });

  it('requires the version the editor read, as a whole number', async () => {
    for (const body of [
      { hardship: true },
      { hardship: true, version: -1 },
      { hardship: true, version: 1.5 },
      { hardship: true, version: '2' },
    ]) {
      const res = await invoke(AREAS.card, 'PUT', FACTS, { token: districtOfficer, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'version' });
      expect(res.body.error.message).toContain('版本');
    }
  });

  it('lets exactly one of two officers editing from the same version win (repeated 10 times)', async () => {
    for (let round = 0; round < 10; round += 1) {
      const { version } = (await invoke(AREAS.card, 'GET', FACTS, { token: districtOfficer })).body as { version: number };
      const [a, b] = await Promise.all([
        invoke(AREAS.card, 'PUT', FACTS, { token: districtOfficer, body: { frontlineMedical: round % 2 === 0, version } }),
        invoke(AREAS.card, 'PUT', FACTS_OF_LOGISTICS, { token: logisticsOfficer, body: { hardship: round % 2 === 0, version } }),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body.error.code).toBe('FACTS_STALE');
      const after = (await invoke(AREAS.card, 'GET', FACTS, { token: districtOfficer })).body;
      expect(after.version).toBe(version + 1);
      // The winner's facts are what is stored, not a mix of both edits.
      const winner = a.status === 200 ? a : b;
      expect(after.facts).toEqual(winner.body.facts);
    }
  });
});
