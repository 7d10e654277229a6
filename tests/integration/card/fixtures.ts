import { claimPeriodOf, type RoleGrant } from '@union/shared';
import type { PublishServiceInput } from '@union/shared/contracts/catalog-publish.contract';
import { publishCatalog } from '../../../functions/src/store/catalog.repository';
import { activateMembership, type MemberProfile } from '../../../functions/src/store/membership.repository';
import { createOrg } from '../../../functions/src/store/org.repository';
import { tokenFor } from '../../support/sessions';

/** city → district → logistics (联合工会) and enterprise, as in the demo. */
export const seedOrgs = async (): Promise<void> => {
  await createOrg({ orgId: 'city', name: '江澄市总工会', kind: 'city', parentId: null, area: null });
  await createOrg({ orgId: 'district', name: '江澄市临江区总工会', kind: 'district', parentId: 'city', area: '临江区' });
  await createOrg({ orgId: 'enterprise', name: '临江精密机械有限公司工会', kind: 'grassroots', parentId: 'district', area: '临江区' });
  await createOrg({ orgId: 'logistics', name: '临江区快递物流行业联合工会', kind: 'joint', parentId: 'district', area: '临江区' });
};

const ORG_NAMES: Record<string, string> = {
  enterprise: '临江精密机械有限公司工会',
  logistics: '临江区快递物流行业联合工会',
};

export interface TestMember {
  userId: string;
  orgId: string;
  name: string;
  token: string;
  memberNumber: string;
}

/** An active member through the 入会 engineer's activation (real transaction, real member number). */
export const makeMember = async (
  userId: string,
  orgId: string,
  opts: { name?: string; group?: 'courier' | 'none'; isMigrantWorker?: boolean; idHash?: string; profile?: Partial<MemberProfile> } = {},
): Promise<TestMember> => {
  const name = opts.name ?? '王小军';
  const record = await activateMembership({
    membershipId: `m-${userId}`,
    userId,
    org: { orgId, name: ORG_NAMES[orgId] ?? orgId },
    profile: {
      name,
      idEnc: 'v1.sealed',
      phoneEnc: 'v1.sealed',
      idHash: opts.idHash ?? `id-${userId}`,
      phoneHash: `ph-${userId}`,
      gender: 'male',
      birthDate: '1990-03-07',
      employer: '临江速递',
      employmentType: 'platform',
      group: opts.group ?? 'courier',
      isMigrantWorker: opts.isMigrantWorker ?? false,
      noticeVersion: '2025-01',
      ...opts.profile,
    },
    now: new Date('2024-05-01T02:00:00Z'),
    applicationId: `a-${userId}`,
    extra: () => [],
  });
  const grants: RoleGrant[] = [{ role: 'member', orgId }];
  return { userId, orgId, name, token: await tokenFor(userId, grants, name), memberNumber: record.memberNumber };
};

export const officerToken = (userId: string, orgId: string): Promise<string> => tokenFor(userId, [{ role: 'officer', orgId }], '周建华');

/**
 * The plan year of the test catalogs: this year's (a benefit of a past year's plan is 已结束 and
 * refused, benefit-period.ts), so the tests pass in any year. The document's title keeps its words.
 */
export const CURRENT_YEAR = Number(claimPeriodOf(new Date()));

const DOC = { issuer: '江澄市总工会', year: CURRENT_YEAR, number: '江工发〔2025〕1号', title: '江澄市总工会2025年工作要点' };

const activeMember = { member: 'status', op: 'eq', value: 'active' } as const;

export const ACCIDENT_INSURANCE: PublishServiceInput = {
  name: '意外伤害互助保险',
  category: '保险',
  tier: '特惠',
  groups: ['八大群体'],
  eligibility: { all: [activeMember, { member: 'isEightGroups', op: 'eq', value: true }] },
  benefit: {},
  department: '保障工作部',
  period: `${CURRENT_YEAR}年全年`,
  claimMode: 'review',
  source: { clause: '三、（二）3.', quote: '为八大群体会员免费办理意外伤害互助保险。', start: 0, end: 20 },
};

export const SERIOUS_ILLNESS: PublishServiceInput = {
  name: '大病住院慰问金',
  category: '医疗互助',
  tier: '特惠',
  groups: [],
  eligibility: { all: [activeMember, { claim: 'selfPaidMedical', op: 'gte', value: 10000, period: 'claimYear' }] },
  benefit: { amountYuan: 500, thresholdYuan: 10000 },
  department: '保障工作部',
  period: `${CURRENT_YEAR}年`,
  claimMode: 'review',
  source: {
    clause: '四、8.',
    quote: '对本年度大病住院自付医药费达到1万元(含)以上的在职工会会员，发放一次性慰问金500元。',
    start: 30,
    end: 70,
  },
};

export const HARDSHIP_AID: PublishServiceInput = {
  name: '困难职工节日慰问',
  category: '帮扶救助',
  tier: '特惠',
  groups: ['困难职工'],
  eligibility: { all: [activeMember, { member: 'hardship', op: 'eq', value: true }] },
  benefit: { amountYuan: 800 },
  department: '帮扶中心',
  claimMode: 'review',
  source: { clause: '四、2.', quote: '走访慰问建档困难职工。', start: 80, end: 90 },
};

export const MOVIE_DISCOUNT: PublishServiceInput = {
  name: '观影优惠',
  category: '文体',
  tier: '商惠',
  groups: [],
  eligibility: activeMember,
  benefit: {},
  claimMode: 'automatic',
  source: { clause: '五、1.', quote: '会员凭卡观影享八折优惠。', start: 100, end: 110 },
};

/** Publishes `services` as the org's next catalog version; returns the benefit ids in order. */
export const publish = async (orgId: string, services: PublishServiceInput[], year = CURRENT_YEAR): Promise<string[]> => {
  const catalog = await publishCatalog({
    orgId,
    request: { document: { ...DOC, year }, services },
    publishedBy: { userId: 'officer-city', displayName: '市总干部' },
    now: new Date(),
  });
  return catalog.entries.map((e) => e.benefitId);
};

/** A service open to every active member with a quota of `count` places. */
export const quotaService = (count: number, name: string, claimMode: 'automatic' | 'review'): PublishServiceInput => ({
  name,
  category: '疗休养',
  tier: '普惠',
  groups: [],
  eligibility: { member: 'status', op: 'eq', value: 'active' },
  benefit: { quota: { count, unit: '名' } },
  claimMode,
  source: { clause: '二、1.', quote: `${name}名额${count}名。`, start: 0, end: 10 },
});
