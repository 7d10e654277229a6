/**
 * The route × role × org matrix (issue 10), the org cells: for every officer route, an officer of a
 * SIBLING org and of a CHILD org are refused (403/404) on a resource owned by the district, while an
 * officer of the PARENT (the city) gets through (2xx, or a domain refusal about the resource's state:
 * never 400, 401, 403 or 404). Missing and tampered tokens and the roles a route does not admit are
 * in tests/integration/foundation/routes-access.test.ts. For every delegate route about a session,
 * proposal or motion, a delegate of the sibling district's congress is refused too. A route added
 * without a row here fails the first test of its block.
 */
import { fc } from '@fast-check/vitest';
import { claimPeriodOf } from '@union/shared';
import { PLACE_KINDS } from '@union/shared/domain/card/places';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { type RouteDef, routeKey } from '../../../functions/src/http/route';
import { createOrg } from '../../../functions/src/store/org.repository';
import { invoke } from '../../support/invoke';
import { writeNotification } from '../../support/notifications';
import { arbitraryFor } from '../../support/schema-arbitrary';
import { tokenFor, userWithToken } from '../../support/sessions';

const allRoutes = Object.values(AREAS).flatMap((area) => area.routes.map((route) => ({ area, route })));
const officerRoutes = allRoutes.filter(
  ({ route }) => Array.isArray(route.access) && (route.access as readonly string[]).includes('officer'),
);

/** Routes an officer calls about no org's resource. */
const NOT_ORG_SCOPED = new Set<string>([]);

const ids: Record<string, string> = {};
const tok: Record<'parent' | 'owner' | 'sibling' | 'child' | 'siblingGrassroots' | 'cousin', string> = {
  parent: '',
  owner: '',
  sibling: '',
  child: '',
  siblingGrassroots: '',
  cousin: '',
};
let memberToken = '';
/** A member of the sibling district's subtree (b-enterprise), who stays there. */
let siblingMember = '';
let siblingDelegate = '';
let ownDelegate = '';
const staffTok = { x: '', y: '', plain: '' };

/** A valid body for a route's contract, drawn once (the strict arbitrary), with the cell's overrides. */
const validBody = (route: RouteDef, overrides: Record<string, unknown> = {}): unknown => {
  const schema = route.bodyContract ?? route.body;
  const base = schema ? fc.sample(arbitraryFor(schema, 0, 0, true), { numRuns: 1, seed: 7 })[0] : {};
  return base && typeof base === 'object' && !Array.isArray(base) ? { ...(base as object), ...overrides } : base;
};

interface Cell {
  /**
   * Whose resource it is: the district (sibling, child and parent cells as named), or a grassroots
   * union (which has no child: its sibling and a cousin are refused, the district above it gets through).
   */
  owner?: 'district' | 'enterprise';
  path: () => string;
  body?: (route: RouteDef) => unknown;
  query?: () => Record<string, string>;
}

/** A shortlist of two 实事 put to the members, open from a minute ago for a day. */
const projectVoteBody = () => ({
  title: '明年实事投票',
  year: 2027,
  opensAt: new Date(Date.now() - 60_000).toISOString(),
  closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  maxPicks: 1,
  projects: [
    {
      projectName: '一线职工免费体检',
      content: '组织一线职工到定点医院免费体检',
      targetGroup: '一线职工',
      target: { count: 500, unit: '名' },
      estimatedCostWanYuan: 20,
      department: '职工服务中心',
      suggestionIds: [],
    },
    {
      projectName: '新建职工书屋',
      content: '在基层工会新建职工书屋并配备图书',
      targetGroup: '职工',
      target: { count: 10, unit: '个' },
      estimatedCostWanYuan: 15,
      department: '宣传教育部',
      suggestionIds: [],
    },
  ],
});

const ROWS: Record<string, Cell> = {
  'POST /orgs/{orgId}/catalog-drafts': {
    path: () => '/orgs/district/catalog-drafts',
    body: () => ({ text: '组织1000名职工参加免费体检。' }),
  },
  'POST /orgs/{orgId}/catalogs': {
    path: () => '/orgs/district/catalogs',
    body: () => ({
      document: { issuer: '区总工会', year: Number(claimPeriodOf(new Date())), number: null, title: '实事' },
      services: [
        {
          name: '困难帮扶',
          category: '帮扶救助',
          tier: '普惠',
          groups: [],
          eligibility: { member: 'status', op: 'eq', value: 'active' },
          benefit: { amountYuan: 500 },
        },
        {
          name: '观影优惠',
          category: '商户优惠',
          tier: '商惠',
          groups: [],
          eligibility: { member: 'status', op: 'eq', value: 'active' },
          benefit: {},
        },
        {
          name: '新建职工驿站',
          category: '阵地设施',
          tier: '普惠',
          groups: [],
          eligibility: { member: 'status', op: 'eq', value: 'active' },
          benefit: { facilities: [{ kind: '职工驿站', count: 2, unit: '个' }] },
        },
      ],
    }),
  },
  'GET /orgs/{orgId}/catalog-compare': {
    path: () => '/orgs/district/catalog-compare',
    query: () => ({ fromVersion: '1', toVersion: '1' }),
  },
  'POST /congress/sessions': {
    path: () => '/congress/sessions',
    body: () => ({ orgId: 'district', sessionName: '第二届职代会', startDate: '2026-03-01', endDate: '2026-03-02' }),
  },
  'GET /congress/sessions': { path: () => '/congress/sessions', query: () => ({ orgId: 'district' }) },
  'GET /congress/sessions/{sessionId}/roster': { path: () => `/congress/sessions/${ids.sessionId}/roster` },
  'POST /congress/sessions/{sessionId}/roster': {
    path: () => `/congress/sessions/${ids.sessionId}/roster`,
    body: () => ({ delegates: [{ memberNumber: ids.memberNumber2 }] }),
  },
  'POST /congress/sessions/{sessionId}/roster/import': {
    path: () => `/congress/sessions/${ids.sessionId}/roster/import`,
    body: () => ({ csv: `${ids.memberNumber3}\n` }),
  },
  'GET /congress/sessions/{sessionId}': { path: () => `/congress/sessions/${ids.sessionId}` },
  'GET /congress/sessions/{sessionId}/proposals': { path: () => `/congress/sessions/${ids.sessionId}/proposals` },
  'GET /congress/proposals/{proposalId}': { path: () => `/congress/proposals/${ids.proposalId}` },
  'POST /congress/proposals/{proposalId}/decision': {
    path: () => `/congress/proposals/${ids.proposalId}/decision`,
    body: () => ({ decision: 'convert', reason: '转为意见建议' }),
  },
  'POST /congress/proposals/{proposalId}/reply': {
    path: () => `/congress/proposals/${ids.proposalId}/reply`,
    body: () => ({ reply: '已研究并答复如下。' }),
  },
  'POST /congress/proposals/{proposalId}/progress': {
    path: () => `/congress/proposals/${ids.proposalId}/progress`,
    body: () => ({ note: '正在落实' }),
  },
  'POST /congress/sessions/{sessionId}/motions': {
    path: () => `/congress/sessions/${ids.sessionId}/motions`,
    body: () => ({ kind: 'vote', title: '表决事项' }),
  },
  'GET /congress/sessions/{sessionId}/motions': { path: () => `/congress/sessions/${ids.sessionId}/motions` },
  'GET /congress/motions/{motionId}': { path: () => `/congress/motions/${ids.motionId}` },
  'POST /congress/motions/{motionId}/open': { path: () => `/congress/motions/${ids.motionId}/open` },
  'POST /congress/motions/{motionId}/close': { path: () => `/congress/motions/${ids.motionId}/close` },
  'POST /congress/motions/{motionId}/revote': { path: () => `/congress/motions/${ids.motionId}/revote` },
  'GET /congress/motions/{motionId}/results': { path: () => `/congress/motions/${ids.motionId}/results` },
  'GET /congress/motions/{motionId}/results/csv': { path: () => `/congress/motions/${ids.motionId}/results/csv` },
  'POST /orgs/{orgId}/project-calls': {
    path: () => '/orgs/district/project-calls',
    body: () => ({
      title: '明年实事征集',
      brief: '请会员提出明年希望工会办的实事。',
      year: 2027,
      opensOn: '2026-01-01',
      closesOn: '2099-12-31',
    }),
  },
  'GET /orgs/{orgId}/project-calls': { path: () => '/orgs/district/project-calls' },
  'GET /orgs/{orgId}/desk/waiting': { path: () => '/orgs/district/desk/waiting' },
  'POST /project-calls/{callId}/merges': {
    path: () => `/project-calls/${ids.callId}/merges`,
    body: () => ({ fromSuggestionId: ids.suggestionA, intoSuggestionId: ids.suggestionB }),
  },
  'POST /orgs/{orgId}/project-votes': { path: () => '/orgs/district/project-votes', body: () => projectVoteBody() },
  'GET /orgs/{orgId}/project-votes': { path: () => '/orgs/district/project-votes' },
  'POST /project-votes/{voteId}/close': { path: () => `/project-votes/${ids.voteId}/close` },
  'POST /project-votes/{voteId}/adoption': {
    path: () => `/project-votes/${ids.closedVoteId}/adoption`,
    body: () => ({ projectIds: ['p1'] }),
  },
  'POST /project-votes/{voteId}/motion': {
    path: () => `/project-votes/${ids.closedVoteId}/motion`,
    body: () => ({ sessionId: ids.sessionId, projectIds: ['p2', 'p1'] }),
  },
  'GET /orgs/{orgId}/plan-documents/{documentId}': { path: () => `/orgs/district/plan-documents/${ids.documentId}` },
  'POST /orgs/{orgId}/project-progress': {
    path: () => '/orgs/district/project-progress',
    body: () => ({ benefitId: ids.stationId, doneCount: 1, on: beijingToday(), note: '已建成 1 个' }),
  },
  'GET /orgs/{orgId}/project-progress': { path: () => '/orgs/district/project-progress' },
  'POST /orgs/{orgId}/project-served': {
    path: () => '/orgs/district/project-served',
    body: () => ({ benefitId: ids.stationId, memberNumber: ids.memberNumber1 }),
  },
  'POST /orgs/{orgId}/project-surveys': {
    path: () => '/orgs/district/project-surveys',
    body: () => ({ year: Number(claimPeriodOf(new Date())), opensOn: beijingToday(), closesOn: beijingToday(7) }),
  },
  // After the survey is opened above (routes run in their declared order).
  'GET /orgs/{orgId}/project-surveys/{year}/results': { path: () => `/orgs/district/project-surveys/${claimPeriodOf(new Date())}/results` },
  'GET /orgs/{orgId}/project-surveys/{year}/results/csv': {
    path: () => `/orgs/district/project-surveys/${claimPeriodOf(new Date())}/results/csv`,
  },
  'POST /orgs/{orgId}/invites': {
    path: () => '/orgs/district/invites',
    body: () => ({ mode: 'review', expiresAt: new Date(Date.now() + 86_400_000).toISOString(), maxUses: 5 }),
  },
  'GET /orgs/{orgId}/invites': { path: () => '/orgs/district/invites' },
  'POST /invites/{inviteId}/revoke': { path: () => `/invites/${ids.inviteId2}/revoke` },
  'GET /invites/{inviteId}/poster': { path: () => `/invites/${ids.inviteId}/poster` },
  'GET /orgs/{orgId}/applications': { path: () => '/orgs/district/applications' },
  'POST /applications/{applicationId}/approve': { path: () => `/applications/${ids.applicationId}/approve` },
  'POST /applications/{applicationId}/reject': {
    path: () => `/applications/${ids.applicationId}/reject`,
    body: () => ({ reason: '信息不全' }),
  },
  'GET /orgs/{orgId}/transfers': { path: () => '/orgs/district/transfers' },
  'POST /transfers/{transferId}/approve': { owner: 'enterprise', path: () => `/transfers/${ids.transferId}/approve` },
  'POST /transfers/{transferId}/reject': {
    owner: 'enterprise',
    path: () => `/transfers/${ids.transferId}/reject`,
    body: () => ({ reason: '不符合条件' }),
  },
  'POST /orgs': {
    path: () => '/orgs',
    body: () => ({ name: '临江某某公司工会', kind: 'grassroots', parentId: 'district', area: '临江区' }),
  },
  'GET /orgs/{orgId}/members/{userId}/facts': { path: () => `/orgs/district/members/${ids.memberUserId}/facts` },
  'PUT /orgs/{orgId}/members/{userId}/facts': {
    path: () => `/orgs/district/members/${ids.memberUserId}/facts`,
    body: (r) => validBody(r, { hardship: true }),
  },
  'GET /orgs/{orgId}/member-facts': { path: () => '/orgs/district/member-facts' },
  'POST /orgs/{orgId}/places': {
    path: () => '/orgs/district/places',
    body: () => ({ kind: PLACE_KIND, name: '职工书屋', address: '临江区中山路1号', lat: 30.1, lng: 120.1, openingHours: '9:00-17:00' }),
  },
  'GET /orgs/{orgId}/places': { path: () => '/orgs/district/places' },
  'GET /orgs/{orgId}/desk/dashboard': { path: () => '/orgs/district/desk/dashboard' },
  'GET /orgs/{orgId}/desk/dashboard/csv': { path: () => '/orgs/district/desk/dashboard/csv?table=members' },
  'PUT /places/{placeId}': {
    path: () => `/places/${ids.placeId}`,
    body: () => ({
      kind: PLACE_KIND,
      name: '职工书屋（新址）',
      address: '临江区中山路2号',
      lat: 30.1,
      lng: 120.1,
      openingHours: '9:00-18:00',
    }),
  },
  // After the edit above (routes run in their declared order).
  'POST /places/{placeId}/close': { path: () => `/places/${ids.placeId}/close` },
  'GET /orgs/{orgId}/claims': { path: () => '/orgs/district/claims' },
  'POST /claims/{claimId}/approve': { path: () => `/claims/${ids.claimId}/approve` },
  'POST /claims/{claimId}/reject': { path: () => `/claims/${ids.claimId}/reject`, body: () => ({ reason: '材料不全' }) },
  'POST /orgs/{orgId}/benefits/{benefitId}/publicity': {
    path: () => `/orgs/district/benefits/${ids.benefitId}/publicity`,
    body: () => ({}),
  },
  // Read after the row above has published it (routes run in their declared order).
  'GET /orgs/{orgId}/benefits/{benefitId}/publicity': { path: () => `/orgs/district/benefits/${ids.benefitId}/publicity` },
  'GET /orgs/{orgId}/claim-delegations': { path: () => '/orgs/district/claim-delegations' },
  'PUT /orgs/{orgId}/claim-delegations/{delegateOrgId}': { path: () => '/orgs/district/claim-delegations/enterprise' },
  'DELETE /orgs/{orgId}/claim-delegations/{delegateOrgId}': { path: () => '/orgs/district/claim-delegations/enterprise' },
  'DELETE /congress/sessions/{sessionId}/roster/{userId}': { path: () => `/congress/sessions/${ids.sessionId}/roster/mem-d4` },
  'POST /orgs/{orgId}/merchants': {
    path: () => '/orgs/district/merchants',
    body: () => ({ merchantName: '临江影城', benefitName: '观影优惠', discount: '凭会员卡观影享八折' }),
  },
  'GET /orgs/{orgId}/merchants': { path: () => '/orgs/district/merchants' },
  'POST /merchants/{merchantId}/staff': { path: () => `/merchants/${ids.merchantId}/staff`, body: () => ({ userId: 'staff-extra' }) },
  'GET /merchants/{merchantId}/uses': { path: () => `/merchants/${ids.merchantId}/uses` },
};

const PLACE_KIND = PLACE_KINDS[0];

/** The Beijing calendar day, `days` from now. */
const beijingToday = (days = 0) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

const idNumber = (seq: number): string => {
  const body = `32010219900101${String(seq).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((n, d, i) => n + Number(d) * (w[i] ?? 0), 0);
  return body + '10X98765432'[sum % 11];
};

beforeAll(async () => {
  await createOrg({ orgId: 'city', name: '澄江市总工会', kind: 'city', parentId: null, area: null });
  await createOrg({ orgId: 'district', name: '澄江市临江区总工会', kind: 'district', parentId: 'city', area: '临江区' });
  await createOrg({ orgId: 'district-b', name: '澄江市东湖区总工会', kind: 'district', parentId: 'city', area: '东湖区' });
  await createOrg({ orgId: 'enterprise', name: '临江精工有限公司工会', kind: 'grassroots', parentId: 'district', area: '临江区' });
  await createOrg({ orgId: 'b-enterprise', name: '东湖某公司工会', kind: 'grassroots', parentId: 'district-b', area: '东湖区' });
  tok.parent = await userWithToken('o-city', [{ role: 'officer', orgId: 'city' }]);
  tok.owner = await userWithToken('o-district', [{ role: 'officer', orgId: 'district' }]);
  tok.sibling = await userWithToken('o-district-b', [{ role: 'officer', orgId: 'district-b' }]);
  tok.child = await userWithToken('o-enterprise', [{ role: 'officer', orgId: 'enterprise' }]);
  await createOrg({ orgId: 'enterprise-2', name: '临江另一公司工会', kind: 'grassroots', parentId: 'district', area: '临江区' });
  tok.siblingGrassroots = await userWithToken('o-enterprise-2', [{ role: 'officer', orgId: 'enterprise-2' }]);
  tok.cousin = await userWithToken('o-b-enterprise', [{ role: 'officer', orgId: 'b-enterprise' }]);

  const ok = async (p: Promise<{ status: number; body: any }>, what: string) => {
    const res = await p;
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const owner = tok.owner;
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  const { PRIVACY_NOTICE_VERSION } = await import('@union/shared');
  const form = (name: string, seq: number) => ({
    name,
    phone: `139123456${String(seq).padStart(2, '0')}`,
    idNumber: idNumber(seq),
    employer: '临江精工',
    employmentType: 'fullTime',
    group: 'none',
    isMigrantWorker: false,
    noticeAccepted: true,
    noticeVersion: PRIVACY_NOTICE_VERSION,
  });
  // Members join as members do: an auto-approve invite of their union, and the real-name form.
  const autoInvite: Record<string, string> = {};
  for (const [orgId, token] of [
    ['district', owner],
    ['enterprise', tok.child],
    ['b-enterprise', tok.cousin],
  ] as const) {
    autoInvite[orgId] = (
      await ok(
        invoke(AREAS.membership, 'POST', `/orgs/${orgId}/invites`, { token, body: { mode: 'auto', expiresAt, maxUses: 50 } }),
        `invite ${orgId}`,
      )
    ).invite.inviteId;
  }
  let seq = 10;
  const join = async (userId: string, orgId: string): Promise<{ token: string; memberNumber: string }> => {
    const token = await userWithToken(userId, []);
    const res = await ok(
      invoke(AREAS.membership, 'POST', `/invites/${autoInvite[orgId]}/applications`, { token, body: form('王会员', seq++) }),
      `join ${userId}`,
    );
    return { token: await tokenFor(userId, [{ role: 'member', orgId }]), memberNumber: res.membership.memberNumber };
  };
  // Members of the district's subtree (enterprise), of the sibling's (b-enterprise), and of the district itself.
  const m1 = await join('mem-1', 'enterprise');
  ids.memberUserId = 'mem-1';
  ids.memberNumber1 = m1.memberNumber;
  memberToken = m1.token;
  const mb = await join('mem-b', 'b-enterprise');
  siblingMember = (await join('mem-b2', 'b-enterprise')).token;
  // The congress is the district's own: its delegates are members of the district union itself.
  ids.delegateNumber = (await join('mem-d1', 'district')).memberNumber;
  ids.memberNumber2 = (await join('mem-d2', 'district')).memberNumber;
  ids.memberNumber3 = (await join('mem-d3', 'district')).memberNumber;
  const removable = (await join('mem-d4', 'district')).memberNumber;
  // Invites, an application to one of them, a transfer into the district.
  ids.inviteId = (
    await ok(
      invoke(AREAS.membership, 'POST', '/orgs/district/invites', { token: owner, body: { mode: 'review', expiresAt, maxUses: 50 } }),
      'invite',
    )
  ).invite.inviteId;
  ids.inviteId2 = (
    await ok(
      invoke(AREAS.membership, 'POST', '/orgs/district/invites', { token: owner, body: { mode: 'review', expiresAt, maxUses: 5 } }),
      'invite 2',
    )
  ).invite.inviteId;
  const applicant = await userWithToken('applicant', []);
  ids.applicationId = (
    await ok(
      invoke(AREAS.membership, 'POST', `/invites/${ids.inviteId}/applications`, {
        token: applicant,
        body: {
          name: '赵申请',
          phone: '13912345601',
          idNumber: idNumber(101),
          employer: '临江精工',
          employmentType: 'fullTime',
          group: 'none',
          isMigrantWorker: false,
          noticeAccepted: true,
          noticeVersion: (await import('@union/shared')).PRIVACY_NOTICE_VERSION,
        },
      }),
      'application',
    )
  ).application.applicationId;
  // A place the district runs (edited and closed by the rows above).
  ids.placeId = (
    await ok(
      invoke(AREAS.card, 'POST', '/orgs/district/places', {
        token: owner,
        body: { kind: PLACE_KIND, name: '职工驿站', address: '临江区中山路3号', lat: 30.1, lng: 120.1, openingHours: '全天开放' },
      }),
      'place',
    )
  ).place.placeId;
  ids.transferId = (
    await ok(invoke(AREAS.membership, 'POST', '/me/transfers', { token: mb.token, body: { toOrgId: 'enterprise' } }), 'transfer')
  ).transfer.transferId;

  // A district catalog, a claim on it by an enterprise member, a congress session with a proposal and a motion.
  const published = await ok(
    invoke(AREAS.catalog, 'POST', '/orgs/district/catalogs', {
      token: owner,
      body: ROWS['POST /orgs/{orgId}/catalogs']!.body!(undefined as never),
    }),
    'catalog',
  );
  ids.benefitId = published.catalog.entries[0].benefitId;
  ids.stationId = published.catalog.entries[2].benefitId;
  // Two 商惠 merchants of the district (X and Y), each with one staff account bound to it.
  for (const [key, name] of [
    ['merchantId', '临江影城'],
    ['merchantIdY', '江畔影院'],
  ] as const) {
    ids[key] = (
      await ok(
        invoke(AREAS.merchant, 'POST', '/orgs/district/merchants', {
          token: owner,
          body: { merchantName: name, benefitName: '观影优惠', discount: '凭会员卡观影享八折' },
        }),
        name,
      )
    ).merchant.merchantId;
  }
  for (const [userId, merchantKey] of [
    ['staff-x', 'merchantId'],
    ['staff-y', 'merchantIdY'],
  ] as const) {
    await userWithToken(userId, []);
    await ok(invoke(AREAS.merchant, 'POST', `/merchants/${ids[merchantKey]}/staff`, { token: owner, body: { userId } }), userId);
  }
  await userWithToken('staff-extra', []);
  staffTok.x = await tokenFor('staff-x', [{ role: 'verifier', orgId: 'district' }]);
  staffTok.y = await tokenFor('staff-y', [{ role: 'verifier', orgId: 'district' }]);
  staffTok.plain = await userWithToken('verifier-plain', [{ role: 'verifier', orgId: 'district' }]);
  ids.claimId = (
    await ok(invoke(AREAS.card, 'POST', '/me/claims', { token: memberToken, body: { benefitId: ids.benefitId, facts: {} } }), 'claim')
  ).claim.claimId;
  ids.sessionId = (
    await ok(
      invoke(AREAS.congress, 'POST', '/congress/sessions', {
        token: owner,
        body: ROWS['POST /congress/sessions']!.body!(undefined as never),
      }),
      'session',
    )
  ).session.sessionId;
  await ok(
    invoke(AREAS.congress, 'POST', `/congress/sessions/${ids.sessionId}/roster`, {
      token: owner,
      body: { delegates: [{ memberNumber: ids.delegateNumber }, { memberNumber: removable }] },
    }),
    'roster',
  );
  const delegate = await tokenFor('mem-d1', [
    { role: 'member', orgId: 'district' },
    { role: 'delegate', orgId: 'district' },
  ]);
  ids.proposalId = (
    await ok(
      invoke(AREAS.congress, 'POST', `/congress/sessions/${ids.sessionId}/proposals`, {
        token: delegate,
        body: { title: '关于食堂的提案', cause: '职工反映食堂饭菜价格偏高。', suggestion: '建议引入竞争机制降低价格。' },
      }),
      'proposal',
    )
  ).proposal.proposalId;
  ids.motionId = (
    await ok(
      invoke(AREAS.congress, 'POST', `/congress/sessions/${ids.sessionId}/motions`, {
        token: owner,
        body: { kind: 'vote', title: '表决事项一' },
      }),
      'motion',
    )
  ).motion.motionId;

  // A district 实事征集 with two suggestions by an enterprise member; two votes, one closed and adopted.
  ids.callId = (
    await ok(
      invoke(AREAS.projects, 'POST', '/orgs/district/project-calls', {
        token: owner,
        body: ROWS['POST /orgs/{orgId}/project-calls']!.body!(undefined as never),
      }),
      'call',
    )
  ).call.callId;
  const suggest = async (title: string) =>
    (
      await ok(
        invoke(AREAS.projects, 'POST', `/project-calls/${ids.callId}/suggestions`, {
          token: memberToken,
          body: { title, content: '希望工会为一线职工安排免费体检。', targetGroup: '一线职工', category: '体检' },
        }),
        'suggestion',
      )
    ).suggestion.suggestionId;
  ids.suggestionA = await suggest('一线职工体检');
  ids.suggestionB = await suggest('组织职工体检');
  const newVote = async () =>
    (await ok(invoke(AREAS.projects, 'POST', '/orgs/district/project-votes', { token: owner, body: projectVoteBody() }), 'vote')).vote
      .voteId;
  ids.voteId = await newVote();
  ids.closedVoteId = await newVote();
  await ok(
    invoke(AREAS.projects, 'POST', `/project-votes/${ids.closedVoteId}/ballots`, { token: memberToken, body: { picks: ['p1'] } }),
    'ballot',
  );
  await ok(invoke(AREAS.projects, 'POST', `/project-votes/${ids.closedVoteId}/close`, { token: owner }), 'close');
  const adoptedVote = await newVote();
  await ok(invoke(AREAS.projects, 'POST', `/project-votes/${adoptedVote}/close`, { token: owner }), 'close 2');
  ids.documentId = (
    await ok(
      invoke(AREAS.projects, 'POST', `/project-votes/${adoptedVote}/adoption`, { token: owner, body: { projectIds: ['p2', 'p1'] } }),
      'adopt',
    )
  ).planDocument.documentId;

  // The sibling district's own congress, with one delegate: the delegate cells' outsider.
  const bInvite = (
    await ok(
      invoke(AREAS.membership, 'POST', '/orgs/district-b/invites', { token: tok.sibling, body: { mode: 'auto', expiresAt, maxUses: 5 } }),
      'invite b',
    )
  ).invite.inviteId;
  await userWithToken('mem-bd', []);
  const bJoined = await ok(
    invoke(AREAS.membership, 'POST', `/invites/${bInvite}/applications`, {
      token: await tokenFor('mem-bd', []),
      body: form('钱代表', seq++),
    }),
    'join b',
  );
  const bSession = (
    await ok(
      invoke(AREAS.congress, 'POST', '/congress/sessions', {
        token: tok.sibling,
        body: { orgId: 'district-b', sessionName: '东湖区职代会', startDate: '2026-03-01', endDate: '2026-03-02' },
      }),
      'session b',
    )
  ).session.sessionId;
  await ok(
    invoke(AREAS.congress, 'POST', `/congress/sessions/${bSession}/roster`, {
      token: tok.sibling,
      body: { delegates: [{ memberNumber: bJoined.membership.memberNumber }] },
    }),
    'roster b',
  );
  siblingDelegate = await tokenFor('mem-bd', [
    { role: 'member', orgId: 'district-b' },
    { role: 'delegate', orgId: 'district-b' },
  ]);
  ownDelegate = delegate;
}, 60_000);

describe('route × org matrix: officers of a sibling, a child and the parent org', () => {
  it('has a row for every officer route', () => {
    const missing = officerRoutes.map(({ route }) => routeKey(route)).filter((k) => !ROWS[k] && !NOT_ORG_SCOPED.has(k));
    expect(missing).toEqual([]);
  });

  for (const { area, route } of officerRoutes) {
    const key = routeKey(route);
    const row = ROWS[key];
    if (!row) continue;
    const call = (token: string) =>
      invoke(area, route.method, row.path(), {
        token,
        body: row.body ? row.body(route) : validBody(route),
        ...(row.query ? { query: row.query() } : {}),
      });

    type Who = keyof typeof tok;
    const grassroots = row.owner === 'enterprise';
    const refused: Who[] = grassroots ? ['siblingGrassroots', 'cousin'] : ['sibling', 'child'];
    const allowed: Who = grassroots ? 'owner' : 'parent';
    it(`${key}: refused to the officers of ${refused.join(' and ')} orgs, open to the ${allowed === 'owner' ? 'district above' : 'parent'}`, async () => {
      for (const cell of refused) {
        const res = await call(tok[cell]);
        expect([403, 404], `${cell} officer on ${key}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toContain(res.status);
      }
      const res = await call(tok[allowed]);
      expect(
        res.status < 300 || [409, 410, 413, 422].includes(res.status),
        `parent officer on ${key}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
      ).toBe(true);
    });
  }
});

/**
 * The delegate cells: a delegate of the sibling district's congress reaches none of the district's
 * session, proposals or motions (403/404), while the district's own delegate, on the same request,
 * gets past the org checks (a 2xx or a refusal about the resource's state, never 400/401/403/404).
 */
const DELEGATE_ROWS: Record<string, Cell> = {
  'GET /congress/sessions/{sessionId}': { path: () => `/congress/sessions/${ids.sessionId}` },
  'POST /congress/sessions/{sessionId}/sign-in': { path: () => `/congress/sessions/${ids.sessionId}/sign-in` },
  'POST /congress/sessions/{sessionId}/proposals': {
    path: () => `/congress/sessions/${ids.sessionId}/proposals`,
    body: () => ({ title: '关于班车的提案', cause: '职工反映班车班次太少。', suggestion: '建议在早晚高峰各增加两个班次。' }),
  },
  'GET /congress/sessions/{sessionId}/proposals': { path: () => `/congress/sessions/${ids.sessionId}/proposals` },
  'GET /congress/proposals/{proposalId}': { path: () => `/congress/proposals/${ids.proposalId}` },
  'POST /congress/proposals/{proposalId}/cosign': { path: () => `/congress/proposals/${ids.proposalId}/cosign` },
  'POST /congress/proposals/{proposalId}/rating': {
    path: () => `/congress/proposals/${ids.proposalId}/rating`,
    body: () => ({ rating: '满意' }),
  },
  'GET /congress/sessions/{sessionId}/motions': { path: () => `/congress/sessions/${ids.sessionId}/motions` },
  'GET /congress/motions/{motionId}': { path: () => `/congress/motions/${ids.motionId}` },
  'POST /congress/motions/{motionId}/ballots': {
    path: () => `/congress/motions/${ids.motionId}/ballots`,
    body: () => ({ kind: 'vote', option: 'yes' }),
  },
  'GET /congress/motions/{motionId}/results': { path: () => `/congress/motions/${ids.motionId}/results` },
  'GET /congress/motions/{motionId}/results/csv': { path: () => `/congress/motions/${ids.motionId}/results/csv` },
};

const delegateRoutes = allRoutes.filter(
  ({ route }) =>
    Array.isArray(route.access) &&
    (route.access as readonly string[]).includes('delegate') &&
    /\{(sessionId|proposalId|motionId)\}/.test(route.path),
);

describe('route × org matrix: a delegate of a sibling org', () => {
  it('has a row for every delegate route about a session, proposal or motion', () => {
    expect(delegateRoutes.map(({ route }) => routeKey(route)).filter((k) => !DELEGATE_ROWS[k])).toEqual([]);
  });

  for (const { area, route } of delegateRoutes) {
    const key = routeKey(route);
    const row = DELEGATE_ROWS[key];
    if (!row) continue;
    it(`${key}: refused to the sibling's delegate, open to the district's own`, async () => {
      const call = (token: string) => invoke(area, route.method, row.path(), { token, body: row.body ? row.body(route) : {} });
      const refused = await call(siblingDelegate);
      expect([403, 404], `sibling delegate on ${key}: ${refused.status} ${JSON.stringify(refused.body).slice(0, 200)}`).toContain(
        refused.status,
      );
      const own = await call(ownDelegate);
      expect(
        own.status < 300 || [409, 410, 422].includes(own.status),
        `own delegate on ${key}: ${own.status} ${JSON.stringify(own.body).slice(0, 200)}`,
      ).toBe(true);
    });
  }
});

/**
 * The member cells of 公示 (health information): a member of the publishing org's subtree sees the
 * district's 公示 in their list and by its path; a member of the sibling district's subtree neither
 * finds it in their list nor may read it by its path (the server decides, from the store).
 */
describe('route × org matrix: members and the 公示 of an org', () => {
  beforeAll(async () => {
    const res = await invoke(AREAS.card, 'POST', `/orgs/district/benefits/${ids.benefitId}/publicity`, { token: tok.owner, body: {} });
    expect(res.status).toBe(201);
  });

  it('GET /me/publicity: lists it to a member below the district, not to a member of the sibling district', async () => {
    const own = await invoke(AREAS.card, 'GET', '/me/publicity', { token: memberToken });
    expect(own.status).toBe(200);
    expect(own.body.publicity.map((p: { orgId: string; benefitId: string }) => [p.orgId, p.benefitId])).toEqual([
      ['district', ids.benefitId],
    ]);
    const sibling = await invoke(AREAS.card, 'GET', '/me/publicity', { token: siblingMember });
    expect(sibling.status).toBe(200);
    expect(sibling.body).toEqual({ publicity: [], nextCursor: null });
  });

  it('GET /orgs/{orgId}/benefits/{benefitId}/publicity: open to the member below, 403 to the sibling district’s member', async () => {
    const path = `/orgs/district/benefits/${ids.benefitId}/publicity`;
    expect((await invoke(AREAS.card, 'GET', path, { token: memberToken })).status).toBe(200);
    const refused = await invoke(AREAS.card, 'GET', path, { token: siblingMember });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'PUBLICITY_FORBIDDEN']);
  });
});

/** 实事 progress and rating: a member sees and rates only what their own lineage published. */
describe('route × org matrix: members and the 实事 of an org', () => {
  const year = claimPeriodOf(new Date());

  it('GET /me/project-progress: the district’s entries to a member below it, none to the sibling district’s member', async () => {
    const own = await invoke(AREAS.projects, 'GET', '/me/project-progress', { token: memberToken });
    expect(own.status).toBe(200);
    // The latest version's entry (the matrix republishes the catalog).
    expect(own.body.entries.map((e: { name: string; orgId: string }) => [e.orgId, e.name])).toEqual([['district', '新建职工驿站']]);
    const sibling = await invoke(AREAS.projects, 'GET', '/me/project-progress', { token: siblingMember });
    expect(sibling.body.entries).toEqual([]);
  });

  it('POST /orgs/{orgId}/project-surveys/{year}/ratings: the served member below rates, the sibling district’s member is refused', async () => {
    const path = `/orgs/district/project-surveys/${year}/ratings`;
    const refused = await invoke(AREAS.projects, 'POST', path, {
      token: siblingMember,
      body: { benefitId: ids.stationId, rating: 'satisfied' },
    });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'NOT_IN_SUBTREE']);
    const own = await invoke(AREAS.projects, 'POST', path, { token: memberToken, body: { benefitId: ids.stationId, rating: 'satisfied' } });
    expect(own.status).toBe(201);
    const mine = await invoke(AREAS.projects, 'GET', '/me/project-ratings', { token: siblingMember });
    expect(mine.body.services).toEqual([]);
  });
});

/**
 * The merchant cells (商惠): the staff bound to merchant X scan and record for a member of the
 * publishing org's subtree; staff bound to merchant Y, a verifier bound to no merchant, and X's staff
 * with a member outside the subtree (the sibling district's) are refused.
 */
describe('route × role × org matrix: merchant staff', () => {
  const cardOf = async (memberTok: string) => (await invoke(AREAS.card, 'GET', '/me/card', { token: memberTok })).body.token as string;
  let n = 0;
  const use = (staff: string, merchantId: string, card: string) => {
    n += 1;
    return invoke(AREAS.merchant, 'POST', `/merchants/${merchantId}/uses`, {
      token: staff,
      body: { token: card, useId: `matrix-use-${n}` },
    });
  };
  const scan = (staff: string, merchantId: string, card: string) =>
    invoke(AREAS.merchant, 'POST', `/merchants/${merchantId}/verify`, { token: staff, body: { token: card } });

  it("X's staff scan and record for a member of the district's subtree", async () => {
    const card = await cardOf(memberToken);
    const scanned = await scan(staffTok.x, ids.merchantId!, card);
    expect(scanned.status).toBe(200);
    expect(scanned.body.verification.result).toBe('有效');
    expect((await use(staffTok.x, ids.merchantId!, card)).status).toBe(201);
  });

  it("Y's staff and a verifier bound to no merchant are refused at X (403), on the scan and the use", async () => {
    const card = await cardOf(memberToken);
    for (const staff of [staffTok.y, staffTok.plain]) {
      const s = await scan(staff, ids.merchantId!, card);
      expect(s.status).toBe(403);
      expect(s.body.error.code).toBe('MERCHANT_STAFF_FORBIDDEN');
      const u = await use(staff, ids.merchantId!, card);
      expect(u.status).toBe(403);
      expect(u.body.error.code).toBe('MERCHANT_STAFF_FORBIDDEN');
    }
  });

  it("X's staff cannot record for a member outside the district's subtree", async () => {
    const card = await cardOf(siblingDelegate);
    const s = await scan(staffTok.x, ids.merchantId!, card);
    expect(s.body).toMatchObject({ verification: { result: '无效' }, offer: null });
    const u = await use(staffTok.x, ids.merchantId!, card);
    expect(u.status).toBe(403);
    expect(u.body.error.code).toBe('MEMBER_OUTSIDE_MERCHANT_ORG');
  });
});

/**
 * The 消息 cells: a notification is its recipient's alone. Another member (of the sibling district), and
 * an officer over the recipient's own union, neither see it in their list, nor read it by its id (404, as
 * one that does not exist), nor mark it with 全部已读; the recipient does.
 */
describe('route × role × org matrix: a member’s notifications', () => {
  let noteId = '';
  beforeAll(async () => {
    noteId = await writeNotification(ids.memberUserId as string, {
      event: 'claimRejected',
      facts: { subject: '困难职工帮扶', reason: '家庭人均收入高于当地低保标准' },
    });
  });

  it('GET /me/notifications, POST …/{noteId}/read and …/read-all: the recipient only', async () => {
    for (const [who, token] of [
      ['sibling district member', siblingMember],
      ['officer over the union', tok.owner],
    ] as const) {
      const listed = await invoke(AREAS.membership, 'GET', '/me/notifications', { token });
      expect(listed.status, who).toBe(200);
      expect(
        listed.body.notifications.map((n: { noteId: string }) => n.noteId),
        who,
      ).not.toContain(noteId);
      const read = await invoke(AREAS.membership, 'POST', `/me/notifications/${noteId}/read`, { token });
      expect([read.status, read.body.error?.code], who).toEqual([404, 'NOTIFICATION_NOT_FOUND']);
      expect((await invoke(AREAS.membership, 'POST', '/me/notifications/read-all', { token, body: {} })).status, who).toBe(200);
    }
    // The member's own (their 入会 approval told them too): the note is theirs, unread, and reading it counts one.
    const mine = await invoke(AREAS.membership, 'GET', '/me/notifications', { token: memberToken });
    expect(mine.body.notifications).toContainEqual(
      expect.objectContaining({ noteId, readAt: null, body: '《困难职工帮扶》未通过：家庭人均收入高于当地低保标准' }),
    );
    const read = await invoke(AREAS.membership, 'POST', `/me/notifications/${noteId}/read`, { token: memberToken });
    expect([read.status, read.body.unread]).toEqual([200, mine.body.unread - 1]);
  });
});
