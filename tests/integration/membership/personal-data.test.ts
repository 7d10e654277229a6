import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ANONYMISED_NAME, PERSONAL_DATA_RETENTION_DAYS, RATE_LIMITS, type RoleGrant } from '@union/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { getRuntime } from '../../../functions/src/http/runtime';
import { putOfficerFacts } from '../../../functions/src/store/card.repository';
import { submitClaim } from '../../../functions/src/store/claim.repository';
import { activateMembership, getMembership, listMembershipHistory } from '../../../functions/src/store/membership.repository';
import { purgeDuePersonalData } from '../../../functions/src/store/personal-data.repository';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { addGrant, getUser, linkOpenId } from '../../../functions/src/store/user.repository';
import { invoke } from '../../support/invoke';
import { rebuildableFragments } from '../../support/pii-scan';
import { tokenFor, userWithToken } from '../../support/sessions';
import { startWechatStandInForFunctions, type WechatStandIn } from '../../support/wechat-stand-in';
import { apply, area, createInvite, joinForm, newUser, officerToken, person, seedOrgs } from './fixtures';

const congress = AREAS.congress;
const DAY = 86_400_000;
let wechat: WechatStandIn;
let enterpriseOfficer: string;
let logisticsOfficer: string;
let autoInvite: string;
let reviewInvite: string;
beforeAll(async () => {
  wechat = await startWechatStandInForFunctions();
  await seedOrgs();
  enterpriseOfficer = await officerToken('enterprise');
  logisticsOfficer = await officerToken('logistics');
  autoInvite = await createInvite(logisticsOfficer, 'logistics', { mode: 'auto' });
  reviewInvite = await createInvite(enterpriseOfficer, 'enterprise', { mode: 'review' });
});
afterAll(() => wechat.close());

/** A fresh token carrying the grants the store holds now (what POST /auth/refresh would give). */
const currentToken = async (userId: string) => tokenFor(userId, (await getUser(userId))?.grants ?? [], '会员');

const scanAll = async () => {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await getDocumentClient().send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
};

/** A member of `orgId` with made-up sealed values (never decrypted here): a fellow delegate. */
const fellowMember = async (userId: string, orgId: string, name: string) => {
  await userWithToken(userId, [], name);
  const m = await activateMembership({
    membershipId: `m-${userId}`,
    userId,
    org: { orgId, name: '临江精密机械有限公司工会' },
    profile: {
      name,
      idEnc: 'v1.x.x.x',
      phoneEnc: 'v1.x.x.x',
      idHash: `id-${userId}`,
      phoneHash: `ph-${userId}`,
      gender: 'female',
      birthDate: '1985-01-01',
      employer: '临江精密',
      employmentType: 'fullTime',
      group: 'none',
      isMigrantWorker: false,
      noticeVersion: '2025-01',
    },
    now: new Date(),
    applicationId: `a-${userId}`,
    extra: () => [],
  });
  await addGrant(userId, { role: 'member', orgId });
  return m.memberNumber;
};

/** A congress of the enterprise union with these delegates on its roster, all signed in. */
const congressWith = async (memberNumbers: string[], userIds: string[]) => {
  const created = await invoke(congress, 'POST', '/congress/sessions', {
    token: enterpriseOfficer,
    body: { orgId: 'enterprise', sessionName: '第三届第二次职工代表大会', startDate: '2025-03-10', endDate: '2025-03-11' },
  });
  const sessionId: string = created.body.session.sessionId;
  const roster = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/roster`, {
    token: enterpriseOfficer,
    body: { delegates: memberNumbers.map((memberNumber) => ({ memberNumber })) },
  });
  expect(roster.status).toBe(201);
  for (const u of userIds) {
    expect(
      (await invoke(congress, 'POST', `/congress/sessions/${sessionId}/sign-in`, { token: await currentToken(u) })).status,
    ).toBeLessThan(300);
  }
  return sessionId;
};

/** A 表决 opened, voted by `voters` (all yes but the last: no) and closed; returns the motion and receipts. */
const votedMotion = async (sessionId: string, title: string, voters: string[]) => {
  const motion = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/motions`, {
    token: enterpriseOfficer,
    body: { kind: 'vote', title },
  });
  const motionId: string = motion.body.motion.motionId;
  expect((await invoke(congress, 'POST', `/congress/motions/${motionId}/open`, { token: enterpriseOfficer })).status).toBe(200);
  const receipts: string[] = [];
  for (const [i, u] of voters.entries()) {
    const option = i === voters.length - 1 ? 'no' : 'yes';
    const res = await invoke(congress, 'POST', `/congress/motions/${motionId}/ballots`, {
      token: await currentToken(u),
      body: { kind: 'vote', option },
    });
    expect(res.status).toBe(201);
    receipts.push(res.body.receiptCode);
  }
  expect((await invoke(congress, 'POST', `/congress/motions/${motionId}/close`, { token: enterpriseOfficer })).status).toBe(200);
  return { motionId, receipts };
};

const claimFor = (userId: string, memberNumber: string, name: string) =>
  submitClaim(
    {
      claimId: `c-${userId}`,
      userId,
      memberName: name,
      memberNumber,
      orgId: 'enterprise',
      orgName: '临江精密机械有限公司工会',
      benefitId: 'b1',
      benefitKey: 'enterprise#大病慰问',
      benefitVersion: 1,
      benefitName: '大病慰问金',
      benefitOrgId: 'enterprise',
      period: '2025',
      status: 'pending',
      facts: { selfPaidMedical: 12000 },
      reasons: [{ met: true, text: '符合：本年度大病住院自付医药费达到 1 万元' }],
      rejectionReason: null,
      reviewReason: null,
      createdAt: new Date().toISOString(),
      decidedAt: null,
      decidedBy: null,
      automatic: false,
    },
    null,
  );

describe('GET /me/data', () => {
  it('shows the caller everything stored about them, 身份证号 and phone in full, for them alone; never a ballot', async () => {
    const me = person(700);
    const token = await newUser('pd-worker');
    const submitted = await apply(token, reviewInvite, joinForm(700, { name: '陈晓燕' }));
    const appId = submitted.body.application.applicationId;
    await invoke(area, 'POST', `/applications/${appId}/reject`, { token: enterpriseOfficer, body: { reason: '请填写单位全称' } });
    await invoke(area, 'POST', `/applications/${appId}/resubmit`, {
      token,
      body: joinForm(700, { name: '陈晓燕', employer: '临江精密机械有限公司' }),
    });
    const approved = await invoke(area, 'POST', `/applications/${appId}/approve`, { token: enterpriseOfficer });
    const memberNumber: string = approved.body.membership.memberNumber;
    await putOfficerFacts(
      {
        userId: 'pd-worker',
        orgId: 'enterprise',
        memberName: '陈晓燕',
        hardship: true,
        modelWorker: false,
        frontlineMedical: false,
        updatedAt: new Date().toISOString(),
        updatedBy: 'officer-enterprise',
      },
      0,
    );
    await claimFor('pd-worker', memberNumber, '陈晓燕');

    const fellows = [await fellowMember('pd-fellow-1', 'enterprise', '代表甲'), await fellowMember('pd-fellow-2', 'enterprise', '代表乙')];
    const sessionId = await congressWith([memberNumber, ...fellows], ['pd-worker', 'pd-fellow-1', 'pd-fellow-2']);
    const proposal = {
      title: '关于增设职工休息室的提案',
      cause: '车间一线职工午休没有休息场所。',
      suggestion: '在二号楼一层增设职工休息室。',
    };
    const mine = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/proposals`, {
      token: await currentToken('pd-worker'),
      body: proposal,
    });
    expect(mine.status).toBe(201);
    const theirs = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/proposals`, {
      token: await currentToken('pd-fellow-1'),
      body: { ...proposal, title: '关于延长食堂供餐时间的提案' },
    });
    expect(
      (
        await invoke(congress, 'POST', `/congress/proposals/${theirs.body.proposal.proposalId}/cosign`, {
          token: await currentToken('pd-worker'),
        })
      ).status,
    ).toBeLessThan(300);
    const { receipts } = await votedMotion(sessionId, '关于《2025年度集体合同（草案）》的表决', ['pd-fellow-1', 'pd-worker']);

    const res = await invoke(area, 'GET', '/me/data', { token: await currentToken('pd-worker') });
    expect(res.status).toBe(200);
    const data = res.body;
    expect(data.retentionDays).toBe(PERSONAL_DATA_RETENTION_DAYS);
    expect(data.user).toMatchObject({ userId: 'pd-worker' });
    expect(data.user.roles).toEqual(
      expect.arrayContaining([
        { role: 'member', orgId: 'enterprise' },
        { role: 'delegate', orgId: 'enterprise' },
      ]),
    );
    expect(data.memberships).toHaveLength(1);
    expect(data.memberships[0]).toMatchObject({
      name: '陈晓燕',
      idNumber: me.idNumber,
      phone: me.phone,
      birthDate: `${me.idNumber.slice(6, 10)}-${me.idNumber.slice(10, 12)}-${me.idNumber.slice(12, 14)}`,
      employer: '临江精密机械有限公司',
      memberNumber,
      status: 'active',
    });
    expect(data.applications).toEqual([
      expect.objectContaining({ applicationId: appId, status: 'approved', idNumber: me.idNumber, phone: me.phone, memberNumber }),
    ]);
    expect(data.officerFacts).toMatchObject({ orgId: 'enterprise', hardship: true });
    expect(data.claims).toEqual([
      expect.objectContaining({ benefitName: '大病慰问金', facts: { selfPaidMedical: 12000 }, status: 'pending' }),
    ]);
    expect(data.congress.delegateOf).toEqual([
      expect.objectContaining({ sessionId, sessionName: '第三届第二次职工代表大会', memberNumber }),
    ]);
    expect(data.congress.proposals).toEqual([
      expect.objectContaining({ proposalId: mine.body.proposal.proposalId, title: proposal.title }),
    ]);
    expect(data.congress.cosigned).toEqual([expect.objectContaining({ proposalId: theirs.body.proposal.proposalId })]);
    expect(data.congress.votedIn).toEqual([expect.objectContaining({ title: '关于《2025年度集体合同（草案）》的表决' })]);
    // That they voted, never how: no receipt code, no choice.
    const text = JSON.stringify(data);
    for (const r of receipts) expect(text).not.toContain(r);
    expect(text).not.toMatch(/赞成|反对|"choice"|"option"/);

    // Nobody else can read it: there is no parameter to ask for someone else, and an officer gets their own.
    const officer = await invoke(area, 'GET', '/me/data?userId=pd-worker', { token: enterpriseOfficer });
    expect(officer.status).toBe(200);
    expect(officer.body.user.userId).toBe('officer-enterprise');
    expect(JSON.stringify(officer.body)).not.toContain(me.idNumber);
    expect(JSON.stringify(officer.body)).not.toContain('陈晓燕');
    const stranger = await invoke(area, 'GET', '/me/data', { token: await newUser('pd-stranger') });
    expect(stranger.body).toMatchObject({ memberships: [], applications: [], claims: [], officerFacts: null });
    expect((await invoke(area, 'GET', '/me/data')).status).toBe(401);

    // 我的提案与表决 reads its narrow route: the same congress record, and no 身份证号 or phone opened.
    const decrypt = vi.spyOn((await getRuntime()).pii, 'decrypt');
    const activity = await invoke(congress, 'GET', '/me/congress-activity', { token: await currentToken('pd-worker') });
    expect(activity.status).toBe(200);
    expect(decrypt).not.toHaveBeenCalled();
    const { delegateOf: _d, ...congressPart } = data.congress;
    expect(activity.body).toEqual(congressPart);
    const activityText = JSON.stringify(activity.body);
    for (const secret of [me.idNumber, me.phone, '陈晓燕', ...receipts]) expect(activityText).not.toContain(secret);
    // …while GET /me/data opens them (the spy sees a decryption), so the check above can fail.
    await invoke(area, 'GET', '/me/data', { token: await currentToken('pd-worker') });
    expect(decrypt).toHaveBeenCalled();
    decrypt.mockRestore();
    const strangerActivity = await invoke(congress, 'GET', '/me/congress-activity', { token: await newUser('pd-stranger-2') });
    expect(strangerActivity.body).toEqual({ proposals: [], cosigned: [], votedIn: [] });
    expect((await invoke(congress, 'GET', '/me/congress-activity')).status).toBe(401);
  });
});

describe('GET /me/data: the WeChat link', () => {
  it('lists the openid kept for 订阅消息 (USER#id / WXOPENID), masked: the full value never leaves the server', async () => {
    // An openid as WeChat gives them: 28 characters, its first ones shared by the app's users.
    const openId = 'oGZUI0egBJY1zhBYw2KhdUfwVJJE';
    const token = await newUser('pd-wx');
    await linkOpenId('pd-wx', openId);
    const res = await invoke(area, 'GET', '/me/data', { token });
    expect(res.status).toBe(200);
    expect(res.body.user.wechatOpenId).toBe(`oGZU${'*'.repeat(20)}VJJE`);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(openId);
    expect(text).not.toContain(openId.slice(4, 24));
    // An account that signs in on h5 only has none.
    const h5 = await invoke(area, 'GET', '/me/data', { token: await newUser('pd-h5-only') });
    expect(h5.body.user.wechatOpenId).toBeNull();
  });
});

describe('更正手机号', () => {
  it('format-checked on h5: the membership takes the new phone, and the old one is free for others', async () => {
    const token = await newUser('pc-h5');
    expect((await apply(token, autoInvite, joinForm(710))).status).toBe(201);
    const member = await currentToken('pc-h5');
    const res = await invoke(area, 'PUT', '/me/phone', { token: member, body: { phone: '13811110710' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ verified: false, membership: { phoneMasked: '138****0710' } });
    expect(rebuildableFragments(res.body, [person(710), { ...person(710), phone: '13811110710' }])).toEqual([]);
    expect((await invoke(area, 'GET', '/me/membership', { token: member })).body.membership.phoneMasked).toBe('138****0710');
    expect((await invoke(area, 'GET', '/me/data', { token: member })).body.memberships[0].phone).toBe('13811110710');
    // The old phone was released in the same transaction: someone else may now register it.
    expect((await apply(await newUser('pc-h5-next'), autoInvite, joinForm(711, { phone: person(710).phone }))).status).toBe(201);
    // … and the new one is held: nobody else can join with it.
    expect((await apply(await newUser('pc-h5-thief'), autoInvite, joinForm(712, { phone: '13811110710' }))).body.error.code).toBe(
      'JOIN_REFUSED',
    );
  });

  it('verified on weapp: the number WeChat returns for the getPhoneNumber code', async () => {
    expect((await apply(await newUser('pc-wx'), autoInvite, joinForm(720))).status).toBe(201);
    const member = await currentToken('pc-wx');
    const res = await invoke(area, 'PUT', '/me/phone', { token: member, body: { phoneCode: wechat.phoneCode('13822220720') } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ verified: true, membership: { phoneMasked: '138****0720' } });
    const mismatch = await invoke(area, 'PUT', '/me/phone', {
      token: member,
      body: { phone: '13822220721', phoneCode: wechat.phoneCode('13822220722') },
    });
    expect([mismatch.status, mismatch.body.error.code, mismatch.body.error.field]).toEqual([400, 'PHONE_MISMATCH', 'phone']);
    const badCode = await invoke(area, 'PUT', '/me/phone', { token: member, body: { phoneCode: 'not-a-code' } });
    expect([badCode.status, badCode.body.error.code, badCode.body.error.field]).toEqual([400, 'PHONE_CODE_INVALID', 'phoneCode']);
  });

  it('refuses a phone another member holds: confirmed only to whoever proved it is theirs', async () => {
    expect((await apply(await newUser('pc-a'), autoInvite, joinForm(730))).status).toBe(201);
    expect((await apply(await newUser('pc-b'), autoInvite, joinForm(731))).status).toBe(201);
    const b = await currentToken('pc-b');
    const plain = await invoke(area, 'PUT', '/me/phone', { token: b, body: { phone: person(730).phone } });
    expect([plain.status, plain.body.error.code, plain.body.error.field]).toEqual([409, 'PHONE_UNAVAILABLE', 'phone']);
    const proved = await invoke(area, 'PUT', '/me/phone', { token: b, body: { phoneCode: wechat.phoneCode(person(730).phone) } });
    expect([proved.status, proved.body.error.code]).toEqual([409, 'PHONE_IN_USE']);
    expect((await invoke(area, 'GET', '/me/data', { token: b })).body.memberships[0].phone).toBe(person(731).phone);
  });

  it.each([
    [{}, 'phone', 0],
    [{ phone: '123' }, 'phone', 1],
    [{ phone: '13800000000', phoneCode: '' }, 'phoneCode', 2],
    [{ phone: 13800000000 }, 'phone', 3],
  ])('answers bad input %j with 400 naming the field', async (body, field, n) => {
    expect((await apply(await newUser(`pc-bad-${n}`), autoInvite, joinForm(740 + n))).status).toBe(201);
    const res = await invoke(area, 'PUT', '/me/phone', { token: await currentToken(`pc-bad-${n}`), body });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toMatch(/手机号/);
  });

  it('gives a contested new number to exactly one of several members racing for it', async () => {
    const racers = ['pc-r1', 'pc-r2', 'pc-r3', 'pc-r4', 'pc-r5', 'pc-r6'];
    for (const [i, u] of racers.entries()) expect((await apply(await newUser(u), autoInvite, joinForm(750 + i))).status).toBe(201);
    const tokens = await Promise.all(racers.map(currentToken));
    const results = await Promise.all(tokens.map((token) => invoke(area, 'PUT', '/me/phone', { token, body: { phone: '13899990750' } })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(Array(5).fill('PHONE_UNAVAILABLE'));
    const items = await scanAll();
    const holders = items.filter((i) => i._et === 'MemberPhone' && racers.includes(String(i.userId)));
    expect(holders).toHaveLength(racers.length); // one phone item each: the winner's new one, the others' old ones
  });

  it(`refuses the ${RATE_LIMITS.phonePerAccount.limit + 1}th change in a window with 429`, async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Math.floor(Date.now() / 3_600_000) * 3_600_000 + 30 * 60_000);
    try {
      expect((await apply(await newUser('pc-many'), autoInvite, joinForm(760))).status).toBe(201);
      const token = await currentToken('pc-many');
      for (let i = 0; i < RATE_LIMITS.phonePerAccount.limit; i += 1) {
        const res = await invoke(area, 'PUT', '/me/phone', { token, body: { phone: `1386666076${i}` } });
        expect(res.status).toBe(200);
      }
      const over = await invoke(area, 'PUT', '/me/phone', { token, body: { phone: '13866660769' } });
      expect([over.status, over.body.error.code]).toEqual([429, 'RATE_LIMITED']);
      expect(over.body.error.message).toContain('分钟后');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('退会', () => {
  it('needs the member to confirm', async () => {
    expect((await apply(await newUser('lv-unsure'), autoInvite, joinForm(800))).status).toBe(201);
    const res = await invoke(area, 'POST', '/me/membership/leave', { token: await currentToken('lv-unsure'), body: {} });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'confirm' });
    expect(res.body.error.message).toContain('确认退会');
    expect((await getMembership((await listMembershipHistory('lv-unsure'))[0]!.membershipId))?.status).toBe('active');
  });

  it('ends the membership with its date, removes the grants, closes a pending transfer and frees the ID and phone', async () => {
    expect((await apply(await newUser('lv-1'), autoInvite, joinForm(810))).status).toBe(201);
    await addGrant('lv-1', { role: 'delegate', orgId: 'logistics' });
    await addGrant('lv-1', { role: 'verifier', orgId: 'logistics' });
    await addGrant('lv-1', { role: 'verifier', orgId: 'enterprise' });
    const token = await currentToken('lv-1');
    const transfer = await invoke(area, 'POST', '/me/transfers', { token, body: { toOrgId: 'enterprise' } });
    expect(transfer.status).toBe(201);

    const before = Date.now();
    const res = await invoke(area, 'POST', '/me/membership/leave', { token, body: { confirm: true } });
    expect(res.status).toBe(200);
    expect(res.body.membership).toMatchObject({ status: 'left', orgId: 'logistics' });
    expect(Date.parse(res.body.membership.endedAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(res.body.purgeAfter) - Date.parse(res.body.membership.endedAt)).toBe(PERSONAL_DATA_RETENTION_DAYS * DAY);
    expect(res.body.refreshSession).toBe(true);
    expect(rebuildableFragments(res.body, [person(810)])).toEqual([]);

    const grants: RoleGrant[] = (await getUser('lv-1'))?.grants ?? [];
    expect(grants).toEqual([{ role: 'verifier', orgId: 'enterprise' }]);
    const after = await currentToken('lv-1');
    const mine = await invoke(area, 'GET', '/me/membership', { token: after });
    expect(mine.body.membership).toBeNull();
    expect(mine.body.history).toEqual([expect.objectContaining({ status: 'left', endedAt: res.body.membership.endedAt })]);
    expect(mine.body.transfers[0]).toMatchObject({ status: 'rejected', rejectReason: '申请人已退会' });
    expect((await invoke(area, 'GET', '/orgs/enterprise/transfers', { token: enterpriseOfficer })).body.transfers).toEqual([]);
    expect((await invoke(AREAS.card, 'GET', '/me/card', { token })).status).toBe(404);
    const again = await invoke(area, 'POST', '/me/membership/leave', { token, body: { confirm: true } });
    expect([again.status, again.body.error.code]).toEqual([409, 'NOT_A_MEMBER']);

    // ID and phone are free again: the same person joins later (another account, another union).
    const rejoin = await apply(await newUser('lv-1-later'), reviewInvite, joinForm(810));
    expect(rejoin.status).toBe(201);
  });

  it('keeps ballots anonymous and counted: the tally is the same after a voter leaves and after the purge', async () => {
    expect((await apply(await newUser('lv-voter'), reviewInvite, joinForm(820))).status).toBe(201);
    const pending = (await invoke(area, 'GET', '/me/application', { token: await currentToken('lv-voter') })).body.application;
    const approved = await invoke(area, 'POST', `/applications/${pending.applicationId}/approve`, { token: enterpriseOfficer });
    const fellows = [await fellowMember('lv-fellow-1', 'enterprise', '代表丙'), await fellowMember('lv-fellow-2', 'enterprise', '代表丁')];
    const sessionId = await congressWith([approved.body.membership.memberNumber, ...fellows], ['lv-voter', 'lv-fellow-1', 'lv-fellow-2']);
    const { motionId, receipts } = await votedMotion(sessionId, '关于职工代表大会议程的表决', ['lv-fellow-1', 'lv-fellow-2', 'lv-voter']);
    const tally = async () => (await invoke(congress, 'GET', `/congress/motions/${motionId}/results`, { token: enterpriseOfficer })).body;
    const before = await tally();
    expect(before.result).toMatchObject({ counts: { yes: 2, no: 1 }, delegateCount: 3, castCount: 3 });

    expect(
      (await invoke(area, 'POST', '/me/membership/leave', { token: await currentToken('lv-voter'), body: { confirm: true } })).status,
    ).toBe(200);
    expect(await tally()).toEqual(before);
    await purgeDuePersonalData(new Date(Date.now() + (PERSONAL_DATA_RETENTION_DAYS + 1) * DAY));
    const after = await tally();
    expect(after).toEqual(before);
    expect(after.receipts.map((r: { receiptCode: string }) => r.receiptCode).sort()).toEqual([...receipts].sort());
    const ballots = (await scanAll()).filter((i) => i._et === 'CongressBallot' && i.motionId === motionId);
    expect(ballots).toHaveLength(3);
  });

  it('deletes or anonymises the personal data left behind, only once the retention period is over', async () => {
    const token = await newUser('lv-purge');
    const submitted = await apply(token, autoInvite, joinForm(830, { name: '欧阳明远', employer: '顺风速运临江站' }));
    expect(submitted.status).toBe(201);
    const membershipId: string = submitted.body.membership.membershipId;
    await claimFor('lv-purge', submitted.body.membership.memberNumber, '欧阳明远');
    const sealed = await getMembership(membershipId);
    const left = await invoke(area, 'POST', '/me/membership/leave', { token: await currentToken('lv-purge'), body: { confirm: true } });
    expect(left.status).toBe(200);
    // The same account joins again before the purge: its new membership must survive it.
    const back = await apply(token, reviewInvite, joinForm(830, { name: '欧阳明远' }));
    expect(back.status).toBe(201);
    const backApproved = await invoke(area, 'POST', `/applications/${back.body.application.applicationId}/approve`, {
      token: enterpriseOfficer,
    });
    expect(backApproved.status).toBe(200);

    const leftAt = Date.parse(left.body.membership.endedAt);
    expect(await purgeDuePersonalData(new Date(leftAt + (PERSONAL_DATA_RETENTION_DAYS - 1) * DAY))).toBe(0);
    expect((await getMembership(membershipId))?.idEnc).toBe(sealed?.idEnc);

    expect(await purgeDuePersonalData(new Date(leftAt + PERSONAL_DATA_RETENTION_DAYS * DAY + 1000))).toBeGreaterThanOrEqual(1);
    const items = await scanAll();
    const old = items.find((i) => i.pk === `MEMBERSHIP#${membershipId}`);
    expect(old).toMatchObject({ status: 'left', name: ANONYMISED_NAME, memberNumber: submitted.body.membership.memberNumber });
    for (const attr of ['idEnc', 'phoneEnc', 'idHash', 'phoneHash', 'birthDate', 'employer']) expect(old, attr).not.toHaveProperty(attr);
    const text = JSON.stringify(
      items.filter(
        (i) =>
          i.pk !== `MEMBERSHIP#${backApproved.body.membership.membershipId}` &&
          i.pk !== `APPLICATION#${back.body.application.applicationId}`,
      ),
    );
    expect(text).not.toContain(sealed!.idEnc);
    expect(text).not.toContain(sealed!.phoneEnc);
    expect(text).not.toContain('顺风速运临江站');
    expect(items.find((i) => i.pk === `APPLICATION#${submitted.body.application.applicationId}`)).toBeUndefined();
    expect(items.find((i) => i.pk === 'CLAIM#c-lv-purge')).toMatchObject({ memberName: ANONYMISED_NAME, status: 'pending' });
    expect(items.filter((i) => i._et === 'PersonalDataRetention' && i.userId === 'lv-purge')).toEqual([]);

    // The new membership is untouched, and the person still sees what is left of the old one.
    const mine = (await invoke(area, 'GET', '/me/data', { token: await currentToken('lv-purge') })).body;
    expect(mine.memberships).toEqual([
      expect.objectContaining({ membershipId, status: 'left', name: ANONYMISED_NAME, idNumber: null, phone: null, birthDate: null }),
      expect.objectContaining({ status: 'active', name: '欧阳明远', idNumber: person(830).idNumber, phone: person(830).phone }),
    ]);
    expect(mine.user.displayName).not.toBe(ANONYMISED_NAME);
    const history = (await invoke(area, 'GET', '/me/membership', { token: await currentToken('lv-purge') })).body.history;
    expect(history[0]).toMatchObject({ status: 'left', idNumberMasked: '（已删除）', phoneMasked: '（已删除）' });
  });
});
