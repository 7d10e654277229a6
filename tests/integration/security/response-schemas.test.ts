/**
 * The happy paths, held to the response schemas (issue 10). The route fuzzer mostly reaches 4xx
 * answers; here real flows — sign-in, orgs, invites and posters, 入会 by review and at once,
 * transfers, the card and its verification, benefits, facts, claims, 公示, delegations, places,
 * the 消息 inbox, my data, phone correction, 退会, 商惠 merchants — reach every auth, orgs, membership, poster, card and merchant route with a 2xx,
 * and each answer must be exactly what its route declares (tests/support/response-contract.ts).
 * The last test checks that every route of those areas was answered that way at least once.
 */

import { PLACE_KINDS } from '@union/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseOf } from '../../../functions/src/http/area-responses';
import { AREAS } from '../../../functions/src/http/areas';
import { routeKey } from '../../../functions/src/http/route';
import { putUser } from '../../../functions/src/store/user.repository';
import { type InvokeOptions, type InvokeResult, invoke, templateOf } from '../../support/invoke';
import { writeNotification } from '../../support/notifications';
import { responseProblems } from '../../support/response-contract';
import { tokenFor, userWithToken } from '../../support/sessions';
import { startWechatStandInForFunctions, type WechatStandIn } from '../../support/wechat-stand-in';
import { ACCIDENT_INSURANCE, MOVIE_DISCOUNT, publish, SERIOUS_ILLNESS } from '../card/fixtures';
import { joinForm, person, seedOrgs } from '../membership/fixtures';

/** The areas whose every route this file answers (congress and catalog have their own flows). */
const AREAS_WALKED = ['auth', 'orgs', 'membership', 'poster', 'card', 'merchant'] as const;
type AreaName = (typeof AREAS_WALKED)[number];

/** Route keys answered with a 2xx that matched the route's declared response. */
const answered = new Set<string>();

/** `invoke`, and a 2xx answer held to its route's declared response. */
const call = async (area: AreaName, method: string, pathWithQuery: string, opts: InvokeOptions = {}): Promise<InvokeResult> => {
  const res = await invoke(AREAS[area], method, pathWithQuery, opts);
  if (res.status >= 200 && res.status < 300) {
    const found = templateOf(AREAS[area].routes, method, new URL(pathWithQuery, 'https://api.example.com').pathname);
    if (!found) throw new Error(`no route answers ${method} ${pathWithQuery}`);
    const key = routeKey(found.route);
    expect(responseOf(key), `${key} declares its response`).toBeDefined();
    expect(responseProblems(found.route, res), key).toEqual([]);
    answered.add(key);
  }
  return res;
};

/** `call`, expecting `status`. */
const ok = async (area: AreaName, method: string, pathWithQuery: string, opts: InvokeOptions = {}, status = 200) => {
  const res = await call(area, method, pathWithQuery, opts);
  expect(res.status, `${method} ${pathWithQuery}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(status);
  return res;
};

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

let wechat: WechatStandIn;
let officer: string;
let verifier: string;
const worker = { userId: '', token: '' };
const courier = { userId: '', token: '' };
let illnessId: string;
let accidentId: string;
let movieId: string;
let autoInvite: string;
let reviewInvite: string;

beforeAll(async () => {
  wechat = await startWechatStandInForFunctions();
  await seedOrgs();
  await putUser({
    userId: 'demo-city-officer',
    displayName: '周建华',
    grants: [{ role: 'officer', orgId: 'city' }],
    demoDescription: '市总工会干部（演示）',
    demoOrder: 1,
  });
  verifier = await userWithToken('verifier-1', [{ role: 'verifier', orgId: 'district' }], '陈静');
  [illnessId, accidentId, movieId] = (await publish('city', [SERIOUS_ILLNESS, ACCIDENT_INSURANCE, MOVIE_DISCOUNT])) as [
    string,
    string,
    string,
  ];
});
afterAll(() => wechat.close());

describe('sign-in', () => {
  it('lists the demo identities, signs in as one, and refreshes the session', async () => {
    const identities = await ok('auth', 'GET', '/auth/dev-identities');
    expect(identities.body.identities.map((i: { identityId: string }) => i.identityId)).toContain('demo-city-officer');
    officer = (await ok('auth', 'POST', '/auth/dev', { body: { identityId: 'demo-city-officer' } })).body.token;
    officer = (await ok('auth', 'POST', '/auth/refresh', { token: officer })).body.token;
  });

  it('signs two workers in through WeChat (code2Session at the stand-in)', async () => {
    for (const [who, code] of [
      [worker, 'ok-worker-1'],
      [courier, 'ok-courier-1'],
    ] as const) {
      const res = await ok('auth', 'POST', '/auth/wechat', { body: { code } });
      who.userId = res.body.user.userId;
      who.token = res.body.token;
    }
  });
});

describe('orgs and invites', () => {
  it('reads an org, its children, and creates one', async () => {
    await ok('orgs', 'GET', '/orgs/enterprise');
    await ok('orgs', 'GET', '/orgs/district/children', { token: worker.token });
    // 待办 of the city's subtree (the city officer's).
    const waiting = await ok('orgs', 'GET', '/orgs/city/desk/waiting', { token: officer });
    expect(waiting.body.orgCount).toBeGreaterThan(1);
    const created = await ok(
      'orgs',
      'POST',
      '/orgs',
      { token: officer, body: { name: '临江区新能源产业联合工会', kind: 'joint', parentId: 'district', area: '临江区' } },
      201,
    );
    expect(created.body.org).toMatchObject({ parentId: 'district', ancestors: ['city', 'district'] });
  });

  it('creates, lists, shows and revokes invites, and prints the poster as PNG and SVG', async () => {
    const create = async (orgId: string, mode: 'auto' | 'review') =>
      (
        await ok(
          'membership',
          'POST',
          `/orgs/${orgId}/invites`,
          { token: officer, body: { mode, maxUses: 100, expiresAt: inAWeek() } },
          201,
        )
      ).body.invite.inviteId as string;
    autoInvite = await create('logistics', 'auto');
    reviewInvite = await create('enterprise', 'review');
    const spare = await create('enterprise', 'auto');
    const revoked = await ok('membership', 'POST', `/invites/${spare}/revoke`, { token: officer });
    expect(revoked.body.invite.status).toBe('revoked');
    const listed = await ok('membership', 'GET', '/orgs/enterprise/invites', { token: officer });
    expect(listed.body.invites).toHaveLength(2);
    await ok('membership', 'GET', `/invites/${reviewInvite}`);

    const png = await ok('poster', 'GET', `/invites/${reviewInvite}/poster`, { token: officer });
    expect(Buffer.from(png.raw.body ?? '', 'base64').subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const svg = await ok('poster', 'GET', `/invites/${reviewInvite}/poster?format=svg&payload=scene`, { token: officer });
    expect(svg.body).toMatch(/^<svg|<\?xml/);
  });

  it('finds the 联合工会 of an area with their open invites', async () => {
    const joint = await ok('orgs', 'GET', `/joint-unions?q=${encodeURIComponent('临江')}`);
    expect(joint.body.orgs).toEqual(expect.arrayContaining([expect.objectContaining({ orgId: 'logistics', openInviteId: autoInvite })]));
  });
});

describe('入会 and 会籍', () => {
  it('by review: submit, read, reject, resubmit, queue, approve', async () => {
    const none = await ok('membership', 'GET', '/me/application', { token: courier.token });
    expect(none.body.application).toBeNull();
    const submitted = await ok(
      'membership',
      'POST',
      `/invites/${reviewInvite}/applications`,
      { token: worker.token, body: joinForm(1) },
      201,
    );
    expect(submitted.body).toMatchObject({ membership: null, refreshSession: false });
    const id = submitted.body.application.applicationId as string;
    await ok('membership', 'GET', '/me/application', { token: worker.token });
    await ok('membership', 'POST', `/applications/${id}/reject`, { token: officer, body: { reason: '工作单位请填写全称' } });
    await ok('membership', 'POST', `/applications/${id}/resubmit`, {
      token: worker.token,
      body: joinForm(1, { employer: '临江精密机械有限公司' }),
    });
    const queue = await ok('membership', 'GET', '/orgs/district/applications', { token: officer });
    expect(queue.body.applications.map((a: { applicationId: string }) => a.applicationId)).toContain(id);
    const approved = await ok('membership', 'POST', `/applications/${id}/approve`, { token: officer });
    expect(approved.body.membership.status).toBe('active');
    worker.token = (await ok('auth', 'POST', '/auth/refresh', { token: worker.token })).body.token;
  });

  it('at once, through an auto-approve invite, with the phone proved by WeChat', async () => {
    const phoneCode = wechat.phoneCode(person(2).phone);
    const joined = await ok(
      'membership',
      'POST',
      `/invites/${autoInvite}/applications`,
      { token: courier.token, body: joinForm(2, { phoneCode }) },
      201,
    );
    expect(joined.body).toMatchObject({ membership: { orgId: 'logistics' }, refreshSession: true });
    courier.token = (await ok('auth', 'POST', '/auth/refresh', { token: courier.token })).body.token;
  });

  it('transfers: one rejected, one approved, and the membership with its number history', async () => {
    await ok('membership', 'GET', '/me/membership', { token: worker.token });
    const asked = await ok(
      'membership',
      'POST',
      '/me/transfers',
      { token: worker.token, body: { toOrgId: 'logistics', note: '换了工作' } },
      201,
    );
    const pending = await ok('membership', 'GET', '/orgs/district/transfers', { token: officer });
    expect(pending.body.transfers).toHaveLength(1);
    await ok('membership', 'POST', `/transfers/${asked.body.transfer.transferId}/reject`, {
      token: officer,
      body: { reason: '请先与原单位工会联系' },
    });

    const moving = await ok('membership', 'POST', '/me/transfers', { token: courier.token, body: { toOrgId: 'enterprise' } }, 201);
    const moved = await ok('membership', 'POST', `/transfers/${moving.body.transfer.transferId}/approve`, { token: officer });
    expect(moved.body.membership.orgId).toBe('enterprise');
    courier.token = (await ok('auth', 'POST', '/auth/refresh', { token: courier.token })).body.token;
    const mine = await ok('membership', 'GET', '/me/membership', { token: courier.token });
    expect(mine.body.memberNumberHistory).toHaveLength(1);
    expect(mine.body.history).toHaveLength(2);
  });
});

describe('服务卡', () => {
  it('shows the card, and a verifier reads it as 有效; a foreign QR as 无效', async () => {
    const card = await ok('card', 'GET', '/me/card', { token: courier.token });
    const valid = await ok('card', 'POST', '/verify', { token: verifier, body: { token: card.body.token } });
    expect(valid.body.result).toBe('有效');
    const invalid = await ok('card', 'POST', '/verify', { token: verifier, body: { token: 'not-a-card-token' } });
    expect(invalid.body.result).toBe('无效');
  });

  it('lists the benefits by tier', async () => {
    const benefits = await ok('card', 'GET', '/me/benefits', { token: courier.token });
    expect(benefits.body.tiers.flatMap((t: { benefits: unknown[] }) => t.benefits)).toHaveLength(3);
  });

  it('officer-set facts: read, set, list', async () => {
    const path = `/orgs/enterprise/members/${worker.userId}/facts`;
    const read = await ok('card', 'GET', path, { token: officer });
    expect(read.body.version).toBe(0);
    const set = await ok('card', 'PUT', path, { token: officer, body: { hardship: true, version: 0 } });
    expect(set.body).toMatchObject({ facts: { hardship: true }, version: 1 });
    const list = await ok('card', 'GET', '/orgs/district/member-facts', { token: officer });
    expect(list.body.members.length).toBeGreaterThanOrEqual(2);
  });

  it('claims: submitted, approved at once (免申即享), listed, approved and rejected by the publisher', async () => {
    const illness = await ok(
      'card',
      'POST',
      '/me/claims',
      { token: courier.token, body: { benefitId: illnessId, facts: { selfPaidMedical: 20000 } } },
      201,
    );
    const movie = await ok('card', 'POST', '/me/claims', { token: courier.token, body: { benefitId: movieId } }, 201);
    expect(movie.body.claim.status).toBe('approved');
    const accident = await ok('card', 'POST', '/me/claims', { token: worker.token, body: { benefitId: accidentId } }, 201);
    const mine = await ok('card', 'GET', '/me/claims', { token: courier.token });
    expect(mine.body.claims).toHaveLength(2);
    const queue = await ok('card', 'GET', '/orgs/district/claims?status=pending', { token: officer });
    expect(queue.body.claims).toHaveLength(2);
    await ok('card', 'POST', `/claims/${illness.body.claim.claimId}/approve`, { token: officer });
    await ok('card', 'POST', `/claims/${accident.body.claim.claimId}/reject`, {
      token: officer,
      body: { reason: '材料不全，请补充后重新申领' },
    });
  });

  it('公示: published by the city, read by a member of its subtree', async () => {
    const path = `/orgs/city/benefits/${illnessId}/publicity`;
    const published = await ok('card', 'POST', path, { token: officer, body: {} }, 201);
    expect(published.body.publicity.entries).toHaveLength(1);
    await ok('card', 'GET', path, { token: courier.token });
    const listed = await ok('card', 'GET', '/me/publicity', { token: courier.token });
    expect(listed.body.publicity.map((p: { orgId: string }) => p.orgId)).toEqual(['city']);
  });

  it('claim delegations: granted, listed, revoked', async () => {
    const path = '/orgs/city/claim-delegations/district';
    await ok('card', 'PUT', path, { token: officer });
    const listed = await ok('card', 'GET', '/orgs/city/claim-delegations', { token: officer });
    expect(listed.body.delegations).toHaveLength(1);
    await ok('card', 'DELETE', path, { token: officer });
  });

  it('places: added, listed by name and by distance, listed, edited and closed by the officer', async () => {
    const added = await ok(
      'card',
      'POST',
      '/orgs/district/places',
      {
        token: officer,
        body: { kind: PLACE_KINDS[2], name: '临江路驿站', address: '临江路 88 号', lat: 31.2, lng: 120.5, openingHours: '8:00-20:00' },
      },
      201,
    );
    const byName = await ok('card', 'GET', '/places', { token: worker.token });
    expect(byName.body.sortedBy).toBe('name');
    const near = await ok('card', 'GET', '/places?lat=31.21&lng=120.51', { token: worker.token });
    expect(near.body.places[0].distanceMeters).toBeGreaterThan(0);
    const placeId = added.body.place.placeId;
    const listed = await ok('card', 'GET', '/orgs/district/places', { token: officer });
    expect(listed.body.places.map((p: { placeId: string }) => p.placeId)).toContain(placeId);
    const body = { kind: PLACE_KINDS[2], name: '临江路驿站', address: '临江路 90 号', lat: 31.2, lng: 120.5, openingHours: '全天开放' };
    expect((await ok('card', 'PUT', `/places/${placeId}`, { token: officer, body })).body.place.address).toBe('临江路 90 号');
    expect((await ok('card', 'POST', `/places/${placeId}/close`, { token: officer })).body.place.status).toBe('closed');
  });
});

describe('商惠 merchants', () => {
  it('a merchant of the city, its staff, a scan, a use (and its retry), the member’s and the officer’s lists', async () => {
    const created = await ok(
      'merchant',
      'POST',
      '/orgs/city/merchants',
      {
        token: officer,
        body: {
          merchantName: '临江影城',
          address: '滨江路 8 号',
          benefitName: '观影优惠',
          discount: '凭会员卡观影享八折',
          limitPerPeriod: 5,
        },
      },
      201,
    );
    const merchantId = created.body.merchant.merchantId as string;
    await ok('merchant', 'GET', '/orgs/city/merchants', { token: officer });
    await userWithToken('staff-1', [], '刘店员');
    await ok('merchant', 'POST', `/merchants/${merchantId}/staff`, { token: officer, body: { userId: 'staff-1' } }, 201);
    // The binding granted the verifier role over the city: a refreshed session carries it.
    const staffToken = (await ok('auth', 'POST', '/auth/refresh', { token: await tokenFor('staff-1', [], '刘店员') })).body.token;
    expect((await ok('merchant', 'GET', '/me/merchant', { token: staffToken })).body.merchant.merchantId).toBe(merchantId);
    const { token } = (await ok('card', 'GET', '/me/card', { token: courier.token })).body;
    const scanned = await ok('merchant', 'POST', `/merchants/${merchantId}/verify`, { token: staffToken, body: { token } });
    expect(scanned.body.offer).toMatchObject({ remaining: 5 });
    const body = { token, useId: 'rs-use-0001' };
    await ok('merchant', 'POST', `/merchants/${merchantId}/uses`, { token: staffToken, body }, 201);
    expect((await ok('merchant', 'POST', `/merchants/${merchantId}/uses`, { token: staffToken, body })).body.replayed).toBe(true);
    expect((await ok('merchant', 'GET', '/me/merchant-uses', { token: courier.token })).body.uses).toHaveLength(1);
    expect((await ok('merchant', 'GET', `/merchants/${merchantId}/uses`, { token: officer })).body.uses).toHaveLength(1);
  });
});

let earlierNotes = 0;

describe('消息', () => {
  it('the inbox: a page with its cursor, a notification read, then 全部已读', async () => {
    // What the walk's own changes told the courier so far (their claims' decisions…), read first.
    const earlier = await ok('membership', 'GET', '/me/notifications', { token: courier.token });
    expect(earlier.body.nextCursor).toBeNull();
    earlierNotes = earlier.body.notifications.length;
    await ok('membership', 'POST', '/me/notifications/read-all', { token: courier.token, body: {} });
    const base = Date.now();
    for (const [i, subject] of ['职工疗休养', '困难职工帮扶', '健康体检'].entries()) {
      await writeNotification(courier.userId, { facts: { subject }, at: new Date(base + i * 1000) });
    }
    const first = await ok('membership', 'GET', '/me/notifications?limit=2', { token: courier.token });
    expect(first.body).toMatchObject({ unread: 3, nextCursor: expect.any(String) });
    expect(first.body.notifications.map((n: { title: string; body: string }) => n.body)).toEqual([
      '《健康体检》已通过',
      '《困难职工帮扶》已通过',
    ]);
    const rest = await ok('membership', 'GET', `/me/notifications?cursor=${first.body.nextCursor}`, { token: courier.token });
    expect(rest.body.notifications).toHaveLength(1 + earlierNotes);
    const noteId: string = first.body.notifications[0].noteId;
    expect((await ok('membership', 'POST', `/me/notifications/${noteId}/read`, { token: courier.token })).body.unread).toBe(2);
    expect((await ok('membership', 'POST', '/me/notifications/read-all', { token: courier.token, body: {} })).body).toEqual({
      marked: 2,
      unread: 0,
      nextCursor: null,
    });
  });
});

describe('个人信息', () => {
  it('my data, a phone corrected through WeChat, 退会, and my data after it', async () => {
    const mine = await ok('membership', 'GET', '/me/data', { token: courier.token });
    expect(mine.body.merchantUses).toHaveLength(1);
    expect(mine.body.notifications).toHaveLength(3 + earlierNotes);
    const corrected = await ok('membership', 'PUT', '/me/phone', {
      token: courier.token,
      body: { phoneCode: wechat.phoneCode('13812345678') },
    });
    expect(corrected.body.verified).toBe(true);
    const left = await ok('membership', 'POST', '/me/membership/leave', { token: worker.token, body: { confirm: true } });
    expect(left.body.membership.status).toBe('left');
    const after = await ok('membership', 'GET', '/me/data', { token: worker.token });
    expect(after.body.retention).toHaveLength(1);
    expect(after.body.officerFacts).toMatchObject({ hardship: true });
  });
});

describe('coverage', () => {
  it('answered every auth, orgs, membership, poster, card and merchant route with a 2xx its contract accepts', () => {
    const routes = AREAS_WALKED.flatMap((area) => AREAS[area].routes.map(routeKey));
    expect(routes.filter((key) => !answered.has(key))).toEqual([]);
  });
});
