import { dashboardSchema } from '@union/shared/contracts/desk.contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { invoke } from '../../support/invoke';
import { userWithToken } from '../../support/sessions';
import { congress, makeMembers, type Person, sessionWithRoster, setupOrgs, signInAll } from '../congress/fixtures';
import { deskOf } from './fixtures';

/**
 * 职代会 turnout on the 数据看板 (docs/ARCHITECTURE.md "Dashboard"): a session of a grassroots union with
 * N signed-in delegates, a 表决 with k ballots, closed → the dashboard reports it as k of N, for the union
 * itself and for the subtree scope of the district and the city above it (through `motions:closed`).
 */

const N = 5;
const K = 3;
const YEAR = 2025; // the fixture's session begins 2025-03-10

let officer: string;
let districtOfficer: string;
let cityOfficer: string;
let people: Person[];
let motionId: string;
let draftId: string;

const dashboard = async (orgId: string, token: string, scope: 'org' | 'subtree', year = YEAR) => {
  const res = await invoke(AREAS.desk, 'GET', `/orgs/${orgId}/desk/dashboard?year=${year}&scope=${scope}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return dashboardSchema.parse(res.body).congress.motions;
};

beforeAll(async () => {
  ({ officer, districtOfficer } = await setupOrgs());
  cityOfficer = await userWithToken('c-officer-city', [{ role: 'officer', orgId: 'c-city' }], '市干部');
  people = await makeMembers('c-ent', 'dt', N);
  const sessionId = await sessionWithRoster(officer, 'c-ent', people);
  await signInAll(sessionId, people);
  const create = async (title: string) => {
    const res = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/motions`, {
      token: officer,
      body: { kind: 'vote', title },
    });
    expect(res.status).toBe(201);
    return res.body.motion.motionId as string;
  };
  motionId = await create('关于食堂改造方案的表决');
  draftId = await create('关于班车线路调整的表决');
  expect((await invoke(congress, 'POST', `/congress/motions/${motionId}/open`, { token: officer })).status).toBe(200);
  const options = ['yes', 'yes', 'no'];
  for (const [i, p] of people.slice(0, K).entries()) {
    const cast = await invoke(congress, 'POST', `/congress/motions/${motionId}/ballots`, {
      token: p.token,
      body: { kind: 'vote', option: options[i] },
    });
    expect(cast.status, JSON.stringify(cast.body)).toBe(201);
  }
  expect((await invoke(congress, 'POST', `/congress/motions/${motionId}/close`, { token: officer })).status).toBe(200);
}, 120_000);

describe('motion turnout on the dashboard', () => {
  it('the union’s dashboard reports the closed motion as k of N ballots (a motion never opened is not listed)', async () => {
    const expected = [{ motionId, title: '关于食堂改造方案的表决', orgName: '测试机械公司工会', voted: K, eligible: N, turnout: K / N }];
    expect(await dashboard('c-ent', officer, 'org')).toEqual(expected);
    expect(await dashboard('c-ent', officer, 'subtree')).toEqual(expected);
    expect(draftId).not.toBe(motionId);
    // Counted where the dashboard of a parent looks: the YEAR item of the session's year, at the session's org.
    expect((await deskOf('c-ent', new Date(`${YEAR}-06-01T00:00:00Z`))).year).toMatchObject({ 'motions:closed': 1 });
  });

  it('the subtree scope of the district and the city above it reports it too; their own scope does not', async () => {
    const expected = [{ motionId, title: '关于食堂改造方案的表决', orgName: '测试机械公司工会', voted: K, eligible: N, turnout: 0.6 }];
    expect(await dashboard('c-district', districtOfficer, 'subtree')).toEqual(expected);
    expect(await dashboard('c-city', cityOfficer, 'subtree')).toEqual(expected);
    expect(await dashboard('c-district', districtOfficer, 'org')).toEqual([]);
    // Another year has none.
    expect(await dashboard('c-district', districtOfficer, 'subtree', YEAR + 1)).toEqual([]);
  });
});
