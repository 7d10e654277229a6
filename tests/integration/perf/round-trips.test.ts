/**
 * Round trips of the member-facing reads (issue 14): every GET a member, a delegate or a worker
 * about to join opens reaches DynamoDB in at most two round trips — calls issued together count as
 * one — and writes nothing. The member here is realistic: joined by review at one union, moved to
 * another (会籍转移), under a lineage of three orgs that each published a catalog with quotas, with
 * claims, a 公示, places, and a seat at a 职代会 with proposals, 附议 and motions open and closed.
 * Calls are counted on the store's own client against DynamoDB Local (tests/support/dynamo-calls.ts).
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { PLACE_KINDS } from '@union/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { closeMotionVoting, requireMotion } from '../../../functions/src/store/congress-motion.repository';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { putUser } from '../../../functions/src/store/user.repository';
import { countDynamoCalls, type DynamoCallSnapshot, describeCalls } from '../../support/dynamo-calls';
import { type AreaModule, invoke } from '../../support/invoke';
import { writeNotification } from '../../support/notifications';
import { userWithToken } from '../../support/sessions';
import { ACCIDENT_INSURANCE, MOVIE_DISCOUNT, makeMember, publish, quotaService, SERIOUS_ILLNESS, type TestMember } from '../card/fixtures';
import { joinForm, seedOrgs } from '../membership/fixtures';

const counter = countDynamoCalls();

const ok = async (area: AreaModule, method: string, path: string, token: string | undefined, body?: unknown, status = 200) => {
  const res = await invoke(area, method, path, { token, ...(body === undefined ? {} : { body }) });
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(status);
  return res.body;
};

const world = {
  officer: '',
  member: { userId: 'rt-member', token: '' },
  reviewInvite: '',
  movieId: '',
  legalAidId: '',
  supersededId: '',
  sessionId: '',
  proposalId: '',
  openMotionId: '',
  closedMotionId: '',
  callId: '',
  openVoteId: '',
  closedVoteId: '',
  receiptCode: '',
  notesCursor: '',
};

beforeAll(async () => {
  await seedOrgs();
  const cityOfficer = await userWithToken('rt-officer-city', [{ role: 'officer', orgId: 'city' }], '市总干部');
  const districtOfficer = await userWithToken('rt-officer-district', [{ role: 'officer', orgId: 'district' }], '区总干部');
  world.officer = districtOfficer;

  // Three orgs of the member's lineage publish catalogs (the city twice: members read the latest).
  world.supersededId = (await publish('city', [SERIOUS_ILLNESS]))[0] as string;
  const cityIds = await publish('city', [ACCIDENT_INSURANCE, SERIOUS_ILLNESS, MOVIE_DISCOUNT, quotaService(50, '职工疗休养', 'automatic')]);
  world.movieId = cityIds[2] as string;
  world.legalAidId = (
    await publish('district', [quotaService(30, '健康体检', 'review'), quotaService(20, '法律援助', 'automatic')])
  )[1] as string;
  const logisticsIds = await publish('logistics', [quotaService(200, '快递员夏季清凉包', 'automatic')]);

  // 入会 by review at the enterprise, then 会籍转移 to the logistics union.
  const { member } = world;
  member.token = await userWithToken(member.userId, [], '王小军');
  const invite = async (orgId: string, mode: 'auto' | 'review') =>
    (
      await ok(
        AREAS.membership,
        'POST',
        `/orgs/${orgId}/invites`,
        districtOfficer,
        {
          mode,
          maxUses: 100,
          expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        },
        201,
      )
    ).invite.inviteId as string;
  world.reviewInvite = await invite('enterprise', 'review');
  await invite('logistics', 'auto');
  const applied = await ok(AREAS.membership, 'POST', `/invites/${world.reviewInvite}/applications`, member.token, joinForm(41), 201);
  await ok(AREAS.membership, 'POST', `/applications/${applied.application.applicationId}/approve`, districtOfficer);
  member.token = (await ok(AREAS.auth, 'POST', '/auth/refresh', member.token)).token;
  const moving = await ok(AREAS.membership, 'POST', '/me/transfers', member.token, { toOrgId: 'logistics', note: '换了工作' }, 201);
  await ok(AREAS.membership, 'POST', `/transfers/${moving.transfer.transferId}/approve`, districtOfficer);
  member.token = (await ok(AREAS.auth, 'POST', '/auth/refresh', member.token)).token;

  // Claims: two 免申即享 approved at once (quota spent), one waiting for review.
  await ok(AREAS.card, 'POST', '/me/claims', member.token, { benefitId: world.movieId }, 201);
  await ok(AREAS.card, 'POST', '/me/claims', member.token, { benefitId: logisticsIds[0] }, 201);
  await ok(AREAS.card, 'POST', '/me/claims', member.token, { benefitId: cityIds[1], facts: { selfPaidMedical: 15000 } }, 201);
  await ok(AREAS.card, 'POST', `/orgs/city/benefits/${world.movieId}/publicity`, cityOfficer, {}, 201);
  for (const [i, name] of ['临江路驿站', '滨江职工书屋', '园区爱心妈咪小屋'].entries()) {
    await ok(
      AREAS.card,
      'POST',
      '/orgs/district/places',
      districtOfficer,
      { kind: PLACE_KINDS[i], name, address: `临江路 ${i + 1} 号`, lat: 31.2 + i / 100, lng: 120.5, openingHours: '8:00-20:00' },
      201,
    );
  }

  // A 职代会 of the logistics union: the member and two colleagues on the roster, all signed in.
  const colleagues: TestMember[] = [];
  for (const [userId, name] of [
    ['rt-colleague-1', '李秀英'],
    ['rt-colleague-2', '张伟'],
  ] as const) {
    await putUser({ userId, displayName: name, grants: [{ role: 'member', orgId: 'logistics' }] });
    colleagues.push(await makeMember(userId, 'logistics', { name }));
  }
  const mine = await ok(AREAS.membership, 'GET', '/me/membership', member.token);
  const session = await ok(
    AREAS.congress,
    'POST',
    '/congress/sessions',
    districtOfficer,
    { orgId: 'logistics', sessionName: '第一届第三次职工代表大会', startDate: '2025-03-10', endDate: '2025-03-11' },
    201,
  );
  world.sessionId = session.session.sessionId;
  await ok(
    AREAS.congress,
    'POST',
    `/congress/sessions/${world.sessionId}/roster`,
    districtOfficer,
    { delegates: [mine.membership.memberNumber, ...colleagues.map((c) => c.memberNumber)].map((memberNumber) => ({ memberNumber })) },
    201,
  );
  member.token = (await ok(AREAS.auth, 'POST', '/auth/refresh', member.token)).token;
  for (const c of colleagues) c.token = (await ok(AREAS.auth, 'POST', '/auth/refresh', c.token)).token;
  for (const token of [member.token, ...colleagues.map((c) => c.token)]) {
    await ok(AREAS.congress, 'POST', `/congress/sessions/${world.sessionId}/sign-in`, token, undefined, 201);
  }
  const proposal = await ok(
    AREAS.congress,
    'POST',
    `/congress/sessions/${world.sessionId}/proposals`,
    member.token,
    { title: '关于增设夏季防暑降温点的提案', cause: '夏季高温，快递员户外作业时间长。', suggestion: '建议在各站点增设防暑降温点。' },
    201,
  );
  world.proposalId = proposal.proposal.proposalId;
  await ok(AREAS.congress, 'POST', `/congress/proposals/${world.proposalId}/cosign`, colleagues[0]!.token, undefined, 201);
  const motion = async (title: string) =>
    (await ok(AREAS.congress, 'POST', `/congress/sessions/${world.sessionId}/motions`, districtOfficer, { kind: 'vote', title }, 201))
      .motion.motionId as string;
  world.closedMotionId = await motion('关于《职工带薪年休假实施办法（草案）》的表决');
  world.openMotionId = await motion('关于《劳动保护专项集体合同（草案）》的表决');
  for (const motionId of [world.closedMotionId, world.openMotionId]) {
    await ok(AREAS.congress, 'POST', `/congress/motions/${motionId}/open`, districtOfficer);
    for (const token of [member.token, colleagues[0]!.token]) {
      await ok(AREAS.congress, 'POST', `/congress/motions/${motionId}/ballots`, token, { kind: 'vote', option: 'yes' }, 201);
    }
  }
  await ok(AREAS.congress, 'POST', `/congress/motions/${world.closedMotionId}/close`, districtOfficer);

  // 实事: the district's 征集 with the member's suggestion and a colleague's support; two votes, one closed.
  const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  world.callId = (
    await ok(
      AREAS.projects,
      'POST',
      '/orgs/district/project-calls',
      districtOfficer,
      { title: '2027年实事项目征集', brief: '请会员提出明年希望工会办的实事。', year: 2027, opensOn: day(-1), closesOn: day(20) },
      201,
    )
  ).call.callId;
  await ok(
    AREAS.projects,
    'POST',
    `/project-calls/${world.callId}/suggestions`,
    member.token,
    { title: '快递员夏季防暑', content: '夏季为快递员发放防暑降温用品。', targetGroup: '快递员', category: '帮扶救助' },
    201,
  );
  const vote = async () =>
    (
      await ok(
        AREAS.projects,
        'POST',
        '/orgs/district/project-votes',
        districtOfficer,
        {
          title: '2027年实事项目投票',
          year: 2027,
          opensAt: new Date(Date.now() - 60_000).toISOString(),
          closesAt: new Date(Date.now() + 86_400_000).toISOString(),
          maxPicks: 1,
          projects: ['快递员防暑降温', '新建户外驿站'].map((projectName) => ({
            projectName,
            content: `${projectName}，按计划推进`,
            targetGroup: '快递员',
            estimatedCostWanYuan: 10,
            department: '职工服务中心',
            suggestionIds: [],
          })),
        },
        201,
      )
    ).vote.voteId as string;
  world.openVoteId = await vote();
  world.closedVoteId = await vote();
  world.receiptCode = (
    await ok(AREAS.projects, 'POST', `/project-votes/${world.closedVoteId}/ballots`, member.token, { picks: ['p1'] }, 201)
  ).receiptCode;
  await ok(AREAS.projects, 'POST', `/project-votes/${world.closedVoteId}/close`, districtOfficer);
  // 商惠: a merchant of the city's 观影优惠 where the member used it twice.
  const merchant = await ok(
    AREAS.merchant,
    'POST',
    '/orgs/city/merchants',
    cityOfficer,
    { merchantName: '临江影城', benefitName: '观影优惠', discount: '凭会员卡观影享八折' },
    201,
  );
  await userWithToken('rt-staff', [], '刘店员');
  await ok(AREAS.merchant, 'POST', `/merchants/${merchant.merchant.merchantId}/staff`, cityOfficer, { userId: 'rt-staff' }, 201);
  const staff = await userWithToken('rt-staff', [{ role: 'verifier', orgId: 'city' }], '刘店员');
  for (const useId of ['rt-use-0001', 'rt-use-0002']) {
    const { token } = await ok(AREAS.card, 'GET', '/me/card', member.token);
    await ok(AREAS.merchant, 'POST', `/merchants/${merchant.merchant.merchantId}/uses`, staff, { token, useId }, 201);
  }
  // 消息: what the changes above told the member (written as the outbox writes them), one read.
  for (const [i, subject] of ['入会申请', '会籍转移', '观影优惠', '快递员夏季清凉包'].entries()) {
    await writeNotification(member.userId, { facts: { subject }, at: new Date(Date.now() - (4 - i) * 60_000) });
  }
  const notes = await ok(AREAS.membership, 'GET', '/me/notifications?limit=2', member.token);
  await ok(AREAS.membership, 'POST', `/me/notifications/${notes.notifications[0].noteId}/read`, member.token);
  world.notesCursor = notes.nextCursor;
}, 120_000);

interface ReadRoute {
  area: keyof typeof AREAS;
  /** The route as API Gateway names it (what the table shows). */
  route: string;
  path: () => string;
  /** Signed in as the member (a delegate too), the district's officer, or nobody. */
  as: 'member' | 'officer' | 'nobody';
}

const read = (
  area: ReadRoute['area'],
  route: string,
  path: () => string = () => route.replace(/^GET /, ''),
  as: ReadRoute['as'] = 'member',
): ReadRoute => ({
  area,
  route,
  path,
  as,
});

/** Every GET a member, a delegate, or a worker about to join opens. */
const READS: ReadRoute[] = [
  read('card', 'GET /me/card'),
  read('card', 'GET /me/benefits'),
  read('card', 'GET /me/claims'),
  read('card', 'GET /orgs/{orgId}/benefits/{benefitId}/publicity', () => `/orgs/city/benefits/${world.movieId}/publicity`),
  read('card', 'GET /me/publicity'),
  read('card', 'GET /places'),
  read('card', 'GET /places?lat&lng', () => '/places?lat=31.21&lng=120.51'),
  read('membership', 'GET /me/membership'),
  read('membership', 'GET /me/application'),
  read('membership', 'GET /me/data'),
  read('membership', 'GET /invites/{inviteId}', () => `/invites/${world.reviewInvite}`, 'nobody'),
  read('orgs', 'GET /orgs/{orgId}', () => '/orgs/logistics', 'nobody'),
  read('orgs', 'GET /orgs/{orgId}/children', () => '/orgs/district/children'),
  read('orgs', 'GET /joint-unions', () => `/joint-unions?q=${encodeURIComponent('临江')}`, 'nobody'),
  read('catalog', 'GET /me/catalogs'),
  read('catalog', 'GET /orgs/{orgId}/effective-catalogs', () => '/orgs/logistics/effective-catalogs'),
  read('catalog', 'GET /orgs/{orgId}/catalogs', () => '/orgs/city/catalogs'),
  read('catalog', 'GET /orgs/{orgId}/catalogs/{version}', () => '/orgs/city/catalogs/2'),
  read('catalog', 'GET /orgs/{orgId}/catalogs/{version}/source', () => '/orgs/city/catalogs/2/source'),
  read('congress', 'GET /congress/my-sessions'),
  read('congress', 'GET /me/congress-activity'),
  read('congress', 'GET /congress/sessions/{sessionId}', () => `/congress/sessions/${world.sessionId}`),
  read('congress', 'GET /congress/sessions/{sessionId}/proposals', () => `/congress/sessions/${world.sessionId}/proposals`),
  read('congress', 'GET /congress/proposals/{proposalId}', () => `/congress/proposals/${world.proposalId}`),
  read('congress', 'GET /congress/sessions/{sessionId}/motions', () => `/congress/sessions/${world.sessionId}/motions`),
  read('congress', 'GET /congress/motions/{motionId} (open)', () => `/congress/motions/${world.openMotionId}`),
  read('congress', 'GET /congress/motions/{motionId} (closed)', () => `/congress/motions/${world.closedMotionId}`),
  read('congress', 'GET /congress/motions/{motionId}/results', () => `/congress/motions/${world.closedMotionId}/results`),
  read('congress', 'GET /congress/motions/{motionId}/results/csv', () => `/congress/motions/${world.closedMotionId}/results/csv`),
  read('auth', 'GET /auth/dev-identities', () => '/auth/dev-identities', 'nobody'),
  read('projects', 'GET /me/project-calls'),
  read('projects', 'GET /project-calls/{callId}', () => `/project-calls/${world.callId}`),
  read('projects', 'GET /project-calls/{callId}/suggestions', () => `/project-calls/${world.callId}/suggestions`),
  read('projects', 'GET /me/project-suggestions'),
  read('projects', 'GET /me/project-votes'),
  read('projects', 'GET /project-votes/{voteId}', () => `/project-votes/${world.openVoteId}`),
  read('projects', 'GET /project-votes/{voteId}/results', () => `/project-votes/${world.closedVoteId}/results`),
  read(
    'projects',
    'GET /project-votes/{voteId}/receipts/{receiptCode}',
    () => `/project-votes/${world.closedVoteId}/receipts/${world.receiptCode}`,
  ),
  read('projects', 'GET /me/project-progress'),
  read('projects', 'GET /me/project-ratings'),
  read('merchant', 'GET /me/merchant-uses'),
  read('membership', 'GET /me/notifications'),
  read('membership', 'GET /me/notifications?cursor', () => `/me/notifications?limit=2&cursor=${world.notesCursor}`),
];

/** The congress reads delegates and officers share, as the officer over the session opens them. */
const OFFICER_READS: ReadRoute[] = READS.filter(
  (r) => r.area === 'congress' && r.route !== 'GET /congress/my-sessions' && r.route !== 'GET /me/congress-activity',
).map((r) => ({
  ...r,
  route: `${r.route} (officer)`,
  as: 'officer',
}));

const measured = new Map<string, DynamoCallSnapshot>();

const measure = async (r: ReadRoute): Promise<DynamoCallSnapshot> => {
  const path = r.path();
  counter.reset();
  const token = r.as === 'member' ? world.member.token : r.as === 'officer' ? world.officer : undefined;
  const res = await invoke(AREAS[r.area], 'GET', path, { token });
  const calls = counter.snapshot();
  expect(res.status, `GET ${path}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200);
  return calls;
};

describe('the counter', () => {
  it('counts calls issued together as one round trip, a call that waits for another as the next, and the writes', async () => {
    const client = getDocumentClient();
    const get = (sk: string) => client.send(new GetCommand({ TableName: tableName(), Key: { pk: 'COUNTER-TEST', sk } }));
    counter.reset();
    await Promise.all([get('a'), get('b'), get('c')]);
    await get('d');
    await client.send(new PutCommand({ TableName: tableName(), Item: { pk: 'COUNTER-TEST', sk: 'e' } }));
    expect(counter.snapshot()).toEqual({ calls: 5, roundTrips: 3, writes: 1, byCommand: { GetItemCommand: 4, PutItemCommand: 1 } });
    counter.reset();
    expect(counter.snapshot()).toEqual({ calls: 0, roundTrips: 0, writes: 0, byCommand: {} });
  });
});

describe('member-facing reads (and the officer over the session on the congress reads they share): at most two round trips, no write', () => {
  for (const r of [...READS, ...OFFICER_READS]) {
    const label = r.route;
    it(label, async () => {
      const calls = await measure(r);
      measured.set(label, calls);
      expect(calls.writes, `${label} wrote: ${describeCalls(calls)}`).toBe(0);
      expect(calls.roundTrips, `${label}: ${calls.calls} calls (${describeCalls(calls)})`).toBeLessThanOrEqual(2);
    });
  }
});

describe('no write on a read path', () => {
  it('reads the result of a motion whose close was cut short before storing it: the tally, written by nobody', async () => {
    const { member, officer, sessionId } = world;
    const created = await ok(
      AREAS.congress,
      'POST',
      `/congress/sessions/${sessionId}/motions`,
      officer,
      { kind: 'vote', title: '关于食堂改造方案的表决' },
      201,
    );
    const motionId: string = created.motion.motionId;
    await ok(AREAS.congress, 'POST', `/congress/motions/${motionId}/open`, officer);
    await ok(AREAS.congress, 'POST', `/congress/motions/${motionId}/ballots`, member.token, { kind: 'vote', option: 'no' }, 201);
    // The close's first write went through; the request ended before it stored the result.
    await closeMotionVoting(motionId, 3, { userId: 'rt-officer', name: '干部' }, new Date());
    expect((await requireMotion(motionId, true)).result).toBeNull();

    for (const path of [`/congress/motions/${motionId}/results`, `/congress/motions/${motionId}/results/csv`]) {
      counter.reset();
      const res = await invoke(AREAS.congress, 'GET', path, { token: member.token });
      const calls = counter.snapshot();
      expect(res.status, JSON.stringify(res.body).slice(0, 200)).toBe(200);
      expect(calls.writes, describeCalls(calls)).toBe(0);
      expect(calls.roundTrips).toBeLessThanOrEqual(2);
    }
    const results = await ok(AREAS.congress, 'GET', `/congress/motions/${motionId}/results`, member.token);
    expect(results.result).toMatchObject({ castCount: 1, delegateCount: 3, presentCount: 3 });
    expect(results.verdict).toBeTruthy();
    expect(results.receipts).toHaveLength(1);
    expect((await requireMotion(motionId, true)).result).toBeNull();
  });
});

afterAll(() => {
  const rows = [...measured].map(([label, s]) => `| ${label} | ${s.calls} | ${s.roundTrips} | ${describeCalls(s)} |`);
  console.info(['| route | calls | round trips | commands |', '|---|---|---|---|', ...rows].join('\n'));
});

describe('a claim: the member and the benefit in one round trip, then one transaction', () => {
  it('免申即享 of the latest catalog, with a quota: one BatchGetItem, then the transaction (was three round trips)', async () => {
    counter.reset();
    const res = await invoke(AREAS.card, 'POST', '/me/claims', { token: world.member.token, body: { benefitId: world.legalAidId } });
    const calls = counter.snapshot();
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201);
    expect(res.body.claim.status).toBe('approved');
    // The member's items and the benefit's catalog (its counter: the version is in memory) in one
    // BatchGetItem; no courtesy read of the quota (the transaction's condition holds it); the transaction.
    expect(calls.roundTrips, describeCalls(calls)).toBe(2);
    expect(calls.byCommand, describeCalls(calls)).toEqual({ BatchGetItemCommand: 1, TransactWriteItemsCommand: 1 });
    expect(calls.writes, describeCalls(calls)).toBe(1);
  });

  it('a benefit of a version the latest catalog replaced is refused as superseded, one that never existed as not found', async () => {
    const superseded = await invoke(AREAS.card, 'POST', '/me/claims', {
      token: world.member.token,
      body: { benefitId: world.supersededId },
    });
    expect(superseded.status).toBe(409);
    expect(superseded.body.error.code).toBe('BENEFIT_SUPERSEDED');
    const unknown = world.legalAidId.replace(/\.(\d+)$/, '.99');
    const missing = await invoke(AREAS.card, 'POST', '/me/claims', { token: world.member.token, body: { benefitId: unknown } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('BENEFIT_NOT_FOUND');
  });
});

describe('the desk (an officer route over a subtree): more than two round trips, bounded', () => {
  it('GET /orgs/{orgId}/desk/waiting: the org and the grant check, the levels of child lists, one BatchGetItem, the oldest items', async () => {
    counter.reset();
    const res = await invoke(AREAS.orgs, 'GET', '/orgs/district/desk/waiting', { token: world.officer });
    const calls = counter.snapshot();
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    measured.set('GET /orgs/{orgId}/desk/waiting', calls);
    expect(calls.writes, describeCalls(calls)).toBe(0);
    // (1) the org beside the officer check, (2) the district's children (its unions are leaves: not
    // asked), (3) the NOW items in one BatchGetItem, (4) the oldest item of each queue holding some.
    expect(calls.roundTrips, describeCalls(calls)).toBeLessThanOrEqual(4);
    expect(calls.byCommand.BatchGetItemCommand).toBe(1);
    expect(calls.byCommand.ScanCommand).toBeUndefined();
  });
});
