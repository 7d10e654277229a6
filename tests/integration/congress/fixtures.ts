import { createHash } from 'node:crypto';
import { AREAS } from '../../../functions/src/http/areas';
import { createOrg, getOrg } from '../../../functions/src/store/org.repository';
import { invoke } from '../../support/invoke';
import { activatePlainMember } from '../../support/plain-members';
import { tokenFor, userWithToken } from '../../support/sessions';

export const congress = AREAS.congress;

export interface Person {
  userId: string;
  name: string;
  memberNumber: string;
  token: string;
}

const _h = (s: string) => createHash('sha256').update(s).digest('base64url');

/** Orgs for a congress test: a district over an enterprise union, and a stranger org. */
export const setupOrgs = async () => {
  if (!(await getOrg('c-district'))) {
    await createOrg({ orgId: 'c-city', name: '测试市总工会', kind: 'city', parentId: null, area: null });
    await createOrg({ orgId: 'c-district', name: '测试区总工会', kind: 'district', parentId: 'c-city', area: '测试区' });
    await createOrg({ orgId: 'c-ent', name: '测试机械公司工会', kind: 'grassroots', parentId: 'c-district', area: '测试区' });
    await createOrg({ orgId: 'c-other', name: '别家公司工会', kind: 'grassroots', parentId: 'c-district', area: '测试区' });
  }
  const officer = await userWithToken('c-officer', [{ role: 'officer', orgId: 'c-ent' }], '李干部');
  const districtOfficer = await userWithToken('c-officer-d', [{ role: 'officer', orgId: 'c-district' }], '周干部');
  const strangerOfficer = await userWithToken('c-officer-x', [{ role: 'officer', orgId: 'c-other' }], '外单位干部');
  return { officer, districtOfficer, strangerOfficer };
};

/** Active members of `orgId` made through the 入会 journey's own activation (real member numbers). */
export const makeMembers = async (orgId: string, prefix: string, count: number): Promise<Person[]> => {
  const org = (await getOrg(orgId))!;
  const out: Person[] = [];
  for (let i = 1; i <= count; i += 1) {
    const userId = `${prefix}-${String(i).padStart(3, '0')}`;
    const name = `代表${prefix}${i}`;
    const m = await activatePlainMember({ userId, name, org, female: i % 2 === 0 });
    out.push({ userId, name, memberNumber: m.memberNumber, token: await tokenFor(userId, [{ role: 'delegate', orgId }], name) });
  }
  return out;
};

/** A session with `people` on its roster (through the API) and returns its id. */
export const sessionWithRoster = async (officer: string, orgId: string, people: Person[], sessionName = '第三届第二次职工代表大会') => {
  const created = await invoke(congress, 'POST', '/congress/sessions', {
    token: officer,
    body: { orgId, sessionName, startDate: '2025-03-10', endDate: '2025-03-11' },
  });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const sessionId: string = created.body.session.sessionId;
  for (let i = 0; i < people.length; i += 200) {
    const res = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/roster`, {
      token: officer,
      body: { delegates: people.slice(i, i + 200).map((p) => ({ memberNumber: p.memberNumber })) },
    });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  }
  return sessionId;
};

/** Runs `fn` over `items` with at most `limit` in flight. */
export const mapLimit = async <T, R>(items: readonly T[], limit: number, fn: (t: T, i: number) => Promise<R>): Promise<R[]> => {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
};

export const signInAll = (sessionId: string, people: Person[]) =>
  mapLimit(people, 25, async (p) => {
    const res = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/sign-in`, { token: p.token });
    if (res.status >= 300) throw new Error(JSON.stringify(res.body));
  });
