import { AREAS } from '../../../functions/src/http/areas';
import { createOrg, getOrg } from '../../../functions/src/store/org.repository';
import { invoke } from '../../support/invoke';
import { activatePlainMember } from '../../support/plain-members';
import { tokenFor, userWithToken } from '../../support/sessions';
import { mapLimit } from '../congress/fixtures';

export const projects = AREAS.projects;

export interface ProjectMember {
  userId: string;
  token: string;
  memberNumber: string;
}

/**
 * A city over two districts; district A has `grassroots` enterprise unions, district B one. Officers
 * of the city, of district A and of district B.
 */
export const setupProjectOrgs = async (prefix: string, grassroots = 2) => {
  const id = (s: string) => `${prefix}-${s}`;
  if (!(await getOrg(id('city')))) {
    await createOrg({ orgId: id('city'), name: `${prefix}市总工会`, kind: 'city', parentId: null, area: null });
    await createOrg({ orgId: id('da'), name: `${prefix}甲区总工会`, kind: 'district', parentId: id('city'), area: '甲区' });
    await createOrg({ orgId: id('db'), name: `${prefix}乙区总工会`, kind: 'district', parentId: id('city'), area: '乙区' });
    for (let i = 1; i <= grassroots; i += 1) {
      await createOrg({ orgId: id(`e${i}`), name: `${prefix}甲区第${i}公司工会`, kind: 'grassroots', parentId: id('da'), area: '甲区' });
    }
    await createOrg({ orgId: id('eb'), name: `${prefix}乙区某公司工会`, kind: 'grassroots', parentId: id('db'), area: '乙区' });
  }
  return {
    orgs: {
      city: id('city'),
      da: id('da'),
      db: id('db'),
      eb: id('eb'),
      enterprises: Array.from({ length: grassroots }, (_, i) => id(`e${i + 1}`)),
    },
    cityOfficer: await userWithToken(id('o-city'), [{ role: 'officer', orgId: id('city') }], '市干部'),
    officer: await userWithToken(id('o-da'), [{ role: 'officer', orgId: id('da') }], '甲区干部'),
    otherOfficer: await userWithToken(id('o-db'), [{ role: 'officer', orgId: id('db') }], '乙区干部'),
  };
};

/** `count` active members spread over `orgIds`, through the 入会 journey's own activation, `concurrency` at once. */
export const makeProjectMembers = async (
  orgIds: readonly string[],
  prefix: string,
  count: number,
  concurrency = 8,
): Promise<ProjectMember[]> => {
  const orgs = await Promise.all(orgIds.map(async (o) => (await getOrg(o))!));
  return mapLimit(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (i) => {
      const org = orgs[i % orgs.length]!;
      const userId = `${prefix}-${String(i + 1).padStart(5, '0')}`;
      const name = `会员${i + 1}`;
      const { memberNumber } = await activatePlainMember({ userId, name, org, female: i % 2 === 0 });
      return { userId, memberNumber, token: await tokenFor(userId, [{ role: 'member', orgId: org.orgId }], name) };
    },
  );
};

/** A shortlist body of `n` candidates for POST /orgs/{orgId}/project-votes, open from a minute ago. */
export const shortlist = (n: number, maxPicks: number, opts: { closesInMs?: number; year?: number } = {}) => ({
  title: '明年为职工办实事项目投票',
  year: opts.year ?? 2027,
  opensAt: new Date(Date.now() - 60_000).toISOString(),
  closesAt: new Date(Date.now() + (opts.closesInMs ?? 86_400_000)).toISOString(),
  maxPicks,
  projects: Array.from({ length: n }, (_, i) => ({
    projectName: `第${i + 1}项实事项目`,
    content: `为一线职工办好第${i + 1}件实事，按计划推进`,
    targetGroup: '一线职工',
    target: { count: 100 * (i + 1), unit: '名' },
    estimatedCostWanYuan: 10 + i,
    department: '职工服务中心',
    suggestionIds: [],
  })),
});

export const ok = async <T = any>(p: Promise<{ status: number; body: T }>, what: string): Promise<T> => {
  const res = await p;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

export { invoke };
