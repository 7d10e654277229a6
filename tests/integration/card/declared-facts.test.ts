import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PublishServiceInput } from '@union/shared/contracts/catalog-publish.contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { getActiveMembershipRecord } from '../../../functions/src/store/membership.repository';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { invoke } from '../../support/invoke';
import { tokenFor, userWithToken } from '../../support/sessions';
import { apply, createInvite, joinForm, newUser, officerToken, seedOrgs } from '../membership/fixtures';
import { publish } from './fixtures';

/**
 * 免申即享 rests only on facts the union holds. What a worker declares on the 入会 form (八大群体,
 * 农民工) counts once an officer confirmed it — by approving the application, or later in 会员认定 —
 * and not when nobody looked (an auto invite): such a claim goes to review, saying why.
 */
const active = { member: 'status', op: 'eq', value: 'active' } as const;
const source = (quote: string) => ({ clause: '三、1.', quote, start: 0, end: quote.length });

const ACCIDENT_INSURANCE: PublishServiceInput = {
  name: '意外伤害互助保险',
  category: '保险',
  tier: '特惠',
  groups: ['八大群体'],
  eligibility: { all: [active, { member: 'isEightGroups', op: 'eq', value: true }] },
  benefit: {},
  claimMode: 'automatic',
  source: source('为八大群体会员赠送意外伤害互助保险。'),
};
const MIGRANT_CHECKUP: PublishServiceInput = {
  name: '农民工免费体检',
  category: '医疗',
  tier: '特惠',
  groups: ['农民工'],
  eligibility: { all: [active, { member: 'isMigrantWorker', op: 'eq', value: true }] },
  benefit: {},
  claimMode: 'automatic',
  source: source('组织农民工参加免费体检。'),
};
const MOVIE_DISCOUNT: PublishServiceInput = {
  name: '观影优惠',
  category: '文体',
  tier: '商惠',
  groups: [],
  eligibility: active,
  benefit: {},
  claimMode: 'automatic',
  source: source('会员凭卡观影享八折优惠。'),
};

let districtOfficer: string;
let enterpriseOfficer: string;
let autoInvite: string;
let reviewInvite: string;
let insuranceId: string;
let checkupId: string;
let movieId: string;
/** Each worker is a new person (membership/fixtures' n-th test person). */
let people = 700;
const nextPerson = (): number => {
  people += 1;
  return people;
};

beforeAll(async () => {
  await seedOrgs();
  districtOfficer = await officerToken('district');
  enterpriseOfficer = await officerToken('enterprise');
  autoInvite = await createInvite(districtOfficer, 'logistics', { mode: 'auto' });
  reviewInvite = await createInvite(districtOfficer, 'enterprise', { mode: 'review' });
  [insuranceId, checkupId, movieId] = (await publish('district', [ACCIDENT_INSURANCE, MIGRANT_CHECKUP, MOVIE_DISCOUNT])) as [
    string,
    string,
    string,
  ];
});

/** A courier who is also a 农民工, joined through the 联合工会's auto invite: nobody looked at the form. */
const autoJoined = async (userId: string, extraGrants: Array<{ role: 'officer'; orgId: string }> = []) => {
  await userWithToken(userId, extraGrants, '王小军');
  const joined = await apply(await tokenFor(userId, extraGrants), autoInvite, joinForm(nextPerson()));
  expect(joined.status, JSON.stringify(joined.body)).toBe(201);
  return tokenFor(userId, [...extraGrants, { role: 'member', orgId: 'logistics' }], '王小军');
};

/** The same worker through the enterprise's review invite, approved by its officer. */
const reviewedJoin = async (userId: string) => {
  const token = await newUser(userId);
  const applied = await apply(token, reviewInvite, joinForm(nextPerson()));
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  const approved = await invoke(AREAS.membership, 'POST', `/applications/${applied.body.application.applicationId}/approve`, {
    token: enterpriseOfficer,
  });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return tokenFor(userId, [{ role: 'member', orgId: 'enterprise' }], '王小军');
};

const claim = (token: string, benefitId: string) => invoke(AREAS.card, 'POST', '/me/claims', { token, body: { benefitId } });
const factsPath = (orgId: string, userId: string) => `/orgs/${orgId}/members/${userId}/facts`;

describe('免申即享 on 入会 declarations', () => {
  it('a member who joined through an auto invite: a 八大群体 benefit goes to review and says why; a benefit for every member is still at once', async () => {
    const token = await autoJoined('auto-courier');
    expect((await getActiveMembershipRecord('auto-courier'))?.declaredFactsConfirmedBy).toBeNull();

    const benefits = await invoke(AREAS.card, 'GET', '/me/benefits', { token });
    const insurance = benefits.body.tiers
      .flatMap((t: { benefits: unknown[] }) => t.benefits)
      .find((b: { name: string }) => b.name === '意外伤害互助保险');
    expect(insurance).toMatchObject({
      decision: { label: '符合' },
      howToClaim: '免申即享：八大群体身份待工会确认，申领后由工会审核',
    });

    const res = await claim(token, insuranceId);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.claim).toMatchObject({ status: 'pending', statusText: '待审核', reviewReason: '八大群体身份待工会确认，已转人工审核' });
    const mine = await invoke(AREAS.card, 'GET', '/me/claims', { token });
    expect(mine.body.claims[0]).toMatchObject({ benefitName: '意外伤害互助保险', reviewReason: '八大群体身份待工会确认，已转人工审核' });
    // The officer's queue shows the same reason beside the claim.
    const queue = await invoke(AREAS.card, 'GET', '/orgs/district/claims?status=pending', { token: districtOfficer });
    expect(queue.body.claims.find((c: { claimId: string }) => c.claimId === res.body.claim.claimId)).toMatchObject({
      reviewReason: '八大群体身份待工会确认，已转人工审核',
      decidable: true,
    });

    const movie = await claim(token, movieId);
    expect(movie.body.claim).toMatchObject({ status: 'approved', reviewReason: null });
  });

  it('a member whose application an officer approved: the same benefit is approved at once', async () => {
    const token = await reviewedJoin('reviewed-courier');
    const m = await getActiveMembershipRecord('reviewed-courier');
    expect(m?.declaredFactsConfirmedBy).toBe('officer-enterprise');
    expect(m?.declaredFactsConfirmedAt).toBe(m?.joinedAt);

    const res = await claim(token, insuranceId);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.claim).toMatchObject({ status: 'approved', statusText: '已通过', reviewReason: null });
  });

  it('an officer confirms the declarations later in 会员认定: the next claim is approved at once', async () => {
    const token = await autoJoined('auto-migrant');
    const first = await claim(token, checkupId);
    expect(first.body.claim).toMatchObject({ status: 'pending', reviewReason: '农民工身份待工会确认，已转人工审核' });

    const read = await invoke(AREAS.card, 'GET', factsPath('district', 'auto-migrant'), { token: districtOfficer });
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body.declared).toEqual({
      group: 'courier',
      groupText: '快递员',
      isEightGroups: true,
      isMigrantWorker: true,
      employmentTypeText: expect.any(String),
      confirmed: false,
      confirmedAt: null,
    });
    const list = await invoke(AREAS.card, 'GET', '/orgs/district/member-facts?limit=100', { token: districtOfficer });
    expect(list.body.members.find((r: { userId: string }) => r.userId === 'auto-migrant').declared.confirmed).toBe(false);

    const confirmed = await invoke(AREAS.card, 'PUT', factsPath('district', 'auto-migrant'), {
      token: districtOfficer,
      body: { confirmDeclared: true, version: read.body.version },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.declared).toMatchObject({ confirmed: true, confirmedAt: expect.any(String) });
    // Confirming is not an edit of the officer-set facts: their version stays.
    expect(confirmed.body).toMatchObject({
      version: read.body.version,
      facts: { hardship: false, modelWorker: false, frontlineMedical: false },
    });
    expect((await getActiveMembershipRecord('auto-migrant'))?.declaredFactsConfirmedBy).toBe('officer-district');

    const next = await claim(token, insuranceId);
    expect(next.body.claim).toMatchObject({ status: 'approved', reviewReason: null });
    // The claim made before stays with the officer, who decides it as any other.
    const before = await invoke(AREAS.card, 'GET', '/me/claims', { token });
    expect(before.body.claims.find((c: { claimId: string }) => c.claimId === first.body.claim.claimId).status).toBe('pending');
  });

  it('confirms together with an officer-set fact, in one write with the version check', async () => {
    const token = await autoJoined('auto-both');
    const read = await invoke(AREAS.card, 'GET', factsPath('logistics', 'auto-both'), { token: districtOfficer });
    const stale = await invoke(AREAS.card, 'PUT', factsPath('logistics', 'auto-both'), {
      token: districtOfficer,
      body: { confirmDeclared: true, hardship: true, version: read.body.version + 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('FACTS_STALE');
    expect((await getActiveMembershipRecord('auto-both'))?.declaredFactsConfirmedBy).toBeNull();

    const both = await invoke(AREAS.card, 'PUT', factsPath('logistics', 'auto-both'), {
      token: districtOfficer,
      body: { confirmDeclared: true, hardship: true, version: read.body.version },
    });
    expect(both.status, JSON.stringify(both.body)).toBe(200);
    expect(both.body).toMatchObject({ version: read.body.version + 1, facts: { hardship: true }, declared: { confirmed: true } });
    expect((await claim(token, checkupId)).body.claim.status).toBe('approved');
  });

  it('an officer cannot confirm their own declarations (403): their 免申即享 claim still goes to review', async () => {
    const token = await autoJoined('officer-courier', [{ role: 'officer', orgId: 'district' }]);
    const read = await invoke(AREAS.card, 'GET', factsPath('district', 'officer-courier'), { token });
    expect(read.status).toBe(200);
    const own = await invoke(AREAS.card, 'PUT', factsPath('district', 'officer-courier'), {
      token,
      body: { confirmDeclared: true, version: read.body.version },
    });
    expect(own.status, JSON.stringify(own.body)).toBe(403);
    expect(own.body.error).toMatchObject({ code: 'FACTS_SELF_FORBIDDEN', field: 'userId' });
    expect((await getActiveMembershipRecord('officer-courier'))?.declaredFactsConfirmedBy).toBeNull();
    expect((await claim(token, insuranceId)).body.claim).toMatchObject({
      status: 'pending',
      reviewReason: '八大群体身份待工会确认，已转人工审核',
    });
  });

  it('a transfer keeps the confirmation (and an unconfirmed member stays unconfirmed)', async () => {
    const confirmedToken = await reviewedJoin('mover-confirmed');
    const unconfirmedToken = await autoJoined('mover-unconfirmed');
    const move = async (userId: string, token: string, to: string) => {
      const asked = await invoke(AREAS.membership, 'POST', '/me/transfers', { token, body: { toOrgId: to } });
      expect(asked.status, JSON.stringify(asked.body)).toBe(201);
      const receiving = to === 'enterprise' ? enterpriseOfficer : districtOfficer;
      const approved = await invoke(AREAS.membership, 'POST', `/transfers/${asked.body.transfer.transferId}/approve`, { token: receiving });
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      expect((await getActiveMembershipRecord(userId))?.orgId).toBe(to);
      return tokenFor(userId, [{ role: 'member', orgId: to }]);
    };
    const a = await move('mover-confirmed', confirmedToken, 'logistics');
    expect((await getActiveMembershipRecord('mover-confirmed'))?.declaredFactsConfirmedBy).toBe('officer-enterprise');
    expect((await claim(a, insuranceId)).body.claim.status).toBe('approved');

    const b = await move('mover-unconfirmed', unconfirmedToken, 'enterprise');
    expect((await getActiveMembershipRecord('mover-unconfirmed'))?.declaredFactsConfirmedBy).toBeNull();
    expect((await claim(b, insuranceId)).body.claim.status).toBe('pending');
  });

  it('a membership stored before the confirmation existed counts as unconfirmed', async () => {
    const token = await reviewedJoin('old-item');
    const m = await getActiveMembershipRecord('old-item');
    // The membership and the account's copy of it, as written before the confirmation existed.
    for (const Key of [
      { pk: `MEMBERSHIP#${m?.membershipId}`, sk: 'META' },
      { pk: 'USER#old-item', sk: 'MEMBERSHIP' },
    ]) {
      await getDocumentClient().send(
        new UpdateCommand({ TableName: tableName(), Key, UpdateExpression: 'REMOVE declaredFactsConfirmedBy, declaredFactsConfirmedAt' }),
      );
    }
    expect((await getActiveMembershipRecord('old-item'))?.declaredFactsConfirmedBy).toBeNull();
    expect((await claim(token, insuranceId)).body.claim).toMatchObject({
      status: 'pending',
      reviewReason: '八大群体身份待工会确认，已转人工审核',
    });
  });
});
