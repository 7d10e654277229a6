import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { signCardToken } from '../../../functions/src/platform/card-token';
import { LOCAL_DEFAULTS } from '../../../functions/src/platform/config';
import { collectPersonalData } from '../../../functions/src/store/personal-data.repository';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { countDynamoCalls, describeCalls } from '../../support/dynamo-calls';
import { invoke } from '../../support/invoke';
import { tokenFor, userWithToken } from '../../support/sessions';
import { HARDSHIP_AID, MOVIE_DISCOUNT, makeMember, officerToken, publish, seedOrgs, type TestMember } from './fixtures';

const merchant = AREAS.merchant;
const card = AREAS.card;

describe('商惠 merchants: staff scan the card, record uses once, within the limit; members and officers see them', () => {
  let officer: string;
  let enterpriseMember: TestMember;
  let outsider: TestMember;
  let staffX: string;
  let staffY: string;
  let unboundVerifier: string;
  let merchantX: string;
  let merchantY: string;
  let limited: string;
  let staffLimited: string;

  const cardToken = async (m: TestMember) => (await invoke(card, 'GET', '/me/card', { token: m.token })).body.token as string;
  let seq = 0;
  const useId = () => {
    seq += 1;
    return `use-${Date.now()}-${seq}`;
  };

  const createMerchant = async (body: Record<string, unknown>) => {
    const res = await invoke(merchant, 'POST', '/orgs/enterprise/merchants', { token: officer, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.merchant.merchantId as string;
  };
  const bindStaff = async (merchantId: string, userId: string) => {
    await userWithToken(userId, [], `店员${userId}`);
    const res = await invoke(merchant, 'POST', `/merchants/${merchantId}/staff`, { token: officer, body: { userId } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // The binding grants the verifier role over the merchant's org (a fresh token carries it).
    return tokenFor(userId, [{ role: 'verifier', orgId: 'enterprise' }], `店员${userId}`);
  };

  beforeAll(async () => {
    await seedOrgs();
    officer = await officerToken('officer-enterprise', 'enterprise');
    await publish('enterprise', [MOVIE_DISCOUNT, HARDSHIP_AID]);
    enterpriseMember = await makeMember('member-ent', 'enterprise', { name: '张德福' });
    // A member of the sibling joint union: outside the enterprise's subtree.
    outsider = await makeMember('member-log', 'logistics', { name: '王小军' });
    merchantX = await createMerchant({
      merchantName: '临江影城',
      address: '临江区滨江路8号',
      benefitName: '观影优惠',
      discount: '凭会员卡观影享八折',
    });
    merchantY = await createMerchant({ merchantName: '江畔影院', benefitName: '观影优惠', discount: '凭会员卡观影享八折' });
    limited = await createMerchant({ merchantName: '限次影院', benefitName: '观影优惠', discount: '每年三次八折', limitPerPeriod: 3 });
    staffX = await bindStaff(merchantX, 'staff-x');
    staffY = await bindStaff(merchantY, 'staff-y');
    staffLimited = await bindStaff(limited, 'staff-limited');
    unboundVerifier = await userWithToken('verifier-plain', [{ role: 'verifier', orgId: 'enterprise' }], '核验员');
  });

  it('links a merchant to a 商惠 entry of the org by name; any other entry is refused naming the field', async () => {
    const res = await invoke(merchant, 'POST', '/orgs/enterprise/merchants', {
      token: officer,
      body: { merchantName: '帮扶超市', benefitName: '困难职工节日慰问', discount: '九折' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'BENEFIT_NOT_MERCHANT', field: 'benefitName' });
    expect(res.body.error.message).toContain('商惠');
    const missing = await invoke(merchant, 'POST', '/orgs/enterprise/merchants', {
      token: officer,
      body: { merchantName: '帮扶超市', benefitName: '不存在的优惠', discount: '九折' },
    });
    expect(missing.body.error).toMatchObject({ code: 'BENEFIT_NOT_MERCHANT', field: 'benefitName' });
    const blank = await invoke(merchant, 'POST', '/orgs/enterprise/merchants', {
      token: officer,
      body: { merchantName: ' ', benefitName: '观影优惠', discount: '九折' },
    });
    expect(blank.status).toBe(400);
    expect(blank.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'merchantName', message: '商户名称：请填写' });
    const list = await invoke(merchant, 'GET', '/orgs/enterprise/merchants?limit=2', { token: officer });
    expect(list.status).toBe(200);
    expect(list.body.merchants).toHaveLength(2);
    expect(list.body.nextCursor).toEqual(expect.any(String));
    const rest = await invoke(merchant, 'GET', `/orgs/enterprise/merchants?limit=2&cursor=${list.body.nextCursor}`, { token: officer });
    expect([...list.body.merchants, ...rest.body.merchants].map((m: { name: string }) => m.name).sort()).toEqual(
      ['临江影城', '江畔影院', '限次影院'].sort(),
    );
  });

  it('tells a staff account its merchant, and a plain verifier that it has none', async () => {
    const mine = await invoke(merchant, 'GET', '/me/merchant', { token: staffX });
    expect(mine.body.merchant).toMatchObject({
      merchantId: merchantX,
      name: '临江影城',
      benefitName: '观影优惠',
      discount: '凭会员卡观影享八折',
    });
    expect((await invoke(merchant, 'GET', '/me/merchant', { token: unboundVerifier })).body).toEqual({ merchant: null });
  });

  it('a staff scan answers 有效 with the discount; 已过期, 无效 and a member outside the org get no offer', async () => {
    const live = await invoke(merchant, 'POST', `/merchants/${merchantX}/verify`, {
      token: staffX,
      body: { token: await cardToken(enterpriseMember) },
    });
    expect(live.status).toBe(200);
    expect(live.body.verification).toMatchObject({ result: '有效', orgName: '临江精密机械有限公司工会' });
    expect(live.body.offer).toMatchObject({
      benefitName: '观影优惠',
      discount: '凭会员卡观影享八折',
      limitPerPeriod: null,
      remaining: null,
    });
    expect(JSON.stringify(live.body)).not.toContain('张德福');

    const old = await signCardToken(
      { userId: enterpriseMember.userId, memberNumber: enterpriseMember.memberNumber, orgId: 'enterprise' },
      process.env.SESSION_SECRET ?? LOCAL_DEFAULTS.sessionSecret,
      new Date(Date.now() - 120_000),
    );
    const expired = await invoke(merchant, 'POST', `/merchants/${merchantX}/verify`, { token: staffX, body: { token: old.token } });
    expect(expired.body).toMatchObject({ verification: { result: '已过期' }, offer: null });

    const real = await cardToken(enterpriseMember);
    const forged = `${real.slice(0, 20)}${real[20] === 'A' ? 'B' : 'A'}${real.slice(21)}`;
    const bad = await invoke(merchant, 'POST', `/merchants/${merchantX}/verify`, { token: staffX, body: { token: forged } });
    expect(bad.body).toMatchObject({ verification: { result: '无效' }, offer: null });

    const foreign = await invoke(merchant, 'POST', `/merchants/${merchantX}/verify`, {
      token: staffX,
      body: { token: await cardToken(outsider) },
    });
    expect(foreign.body.offer).toBeNull();
    expect(foreign.body.verification.result).toBe('无效');
    expect(foreign.body.verification.reason).toContain('临江精密机械有限公司工会及下级工会');
  });

  it('records a use once per id: a retry answers the same use and counts nothing again', async () => {
    const id = useId();
    const token = await cardToken(enterpriseMember);
    const first = await invoke(merchant, 'POST', `/merchants/${merchantX}/uses`, { token: staffX, body: { token, useId: id } });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      replayed: false,
      use: { useId: id, merchantName: '临江影城', benefitName: '观影优惠' },
      offer: { usedInPeriod: 1 },
    });
    const again = await invoke(merchant, 'POST', `/merchants/${merchantX}/uses`, { token: staffX, body: { token, useId: id } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ replayed: true, use: { useId: id, usedAt: first.body.use.usedAt }, offer: { usedInPeriod: 1 } });
    // The same id for another member's card is refused, never merged.
    const other = await makeMember('member-ent2', 'enterprise', { name: '李晓梅' });
    const clash = await invoke(merchant, 'POST', `/merchants/${merchantX}/uses`, {
      token: staffX,
      body: { token: await cardToken(other), useId: id },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({ code: 'USE_ID_CONFLICT', field: 'useId' });

    // The member sees it under 我的 (one query), without who served them.
    const mine = await invoke(merchant, 'GET', '/me/merchant-uses', { token: enterpriseMember.token });
    expect(mine.status).toBe(200);
    expect(mine.body.uses).toEqual([
      {
        useId: id,
        merchantName: '临江影城',
        benefitName: '观影优惠',
        discount: '凭会员卡观影享八折',
        period: first.body.use.period,
        usedAt: first.body.use.usedAt,
      },
    ]);
    // And among everything stored about them (GET /me/data; this fixture's sealed fields are fake, so the store's read).
    const data = await collectPersonalData(enterpriseMember.userId);
    expect(data.merchantUses.map((u) => u.useId)).toEqual([id]);
    // The officer sees it under the merchant, with the masked number and the member's org, no name.
    const uses = await invoke(merchant, 'GET', `/merchants/${merchantX}/uses`, { token: officer });
    expect(uses.body.uses).toHaveLength(1);
    expect(uses.body.uses[0]).toMatchObject({ useId: id, memberOrgName: '临江精密机械有限公司工会' });
    expect(uses.body.uses[0].memberNumberMasked).not.toBe(enterpriseMember.memberNumber);
    expect(JSON.stringify(uses.body)).not.toContain('张德福');
  });

  it('refuses staff of merchant Y at merchant X, a verifier bound to no merchant, and a member outside the org', async () => {
    const token = await cardToken(enterpriseMember);
    for (const who of [staffY, unboundVerifier]) {
      const scan = await invoke(merchant, 'POST', `/merchants/${merchantX}/verify`, { token: who, body: { token } });
      expect(scan.status).toBe(403);
      expect(scan.body.error.code).toBe('MERCHANT_STAFF_FORBIDDEN');
      const use = await invoke(merchant, 'POST', `/merchants/${merchantX}/uses`, { token: who, body: { token, useId: useId() } });
      expect(use.status).toBe(403);
      expect(use.body.error).toMatchObject({ code: 'MERCHANT_STAFF_FORBIDDEN', field: 'merchantId' });
    }
    const foreign = await invoke(merchant, 'POST', `/merchants/${merchantX}/uses`, {
      token: staffX,
      body: { token: await cardToken(outsider), useId: useId() },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toMatchObject({ code: 'MEMBER_OUTSIDE_MERCHANT_ORG', field: 'token' });
    expect((await invoke(merchant, 'GET', '/me/merchant-uses', { token: outsider.token })).body.uses).toEqual([]);
  });

  it('refuses an expired or forged code with a Chinese message naming the field', async () => {
    const old = await signCardToken(
      { userId: enterpriseMember.userId, memberNumber: enterpriseMember.memberNumber, orgId: 'enterprise' },
      process.env.SESSION_SECRET ?? LOCAL_DEFAULTS.sessionSecret,
      new Date(Date.now() - 120_000),
    );
    const expired = await invoke(merchant, 'POST', `/merchants/${merchantX}/uses`, {
      token: staffX,
      body: { token: old.token, useId: useId() },
    });
    expect(expired.status).toBe(422);
    expect(expired.body.error).toMatchObject({ code: 'CARD_NOT_VALID', field: 'token' });
    expect(expired.body.error.message).toContain('已过期');
    const forged = await invoke(merchant, 'POST', `/merchants/${merchantX}/uses`, {
      token: staffX,
      body: { token: 'c2.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', useId: useId() },
    });
    expect(forged.body.error).toMatchObject({ code: 'CARD_NOT_VALID', field: 'token' });
  });

  it('lets exactly the limit of concurrent uses through (the store condition, not a read)', async () => {
    const member = await makeMember('member-limit', 'enterprise', { name: '赵六' });
    const token = await cardToken(member);
    // 10 different uses at once, each with its own id: every one reads "0 used" before any writes.
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        invoke(merchant, 'POST', `/merchants/${limited}/uses`, { token: staffLimited, body: { token, useId: useId() } }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    for (const a of answers.filter((x) => x.status === 409)) {
      expect(a.body.error).toMatchObject({ code: 'USE_LIMIT_REACHED', field: 'token' });
      expect(a.body.error.message).toContain('3 次');
    }
    const { Item } = await getDocumentClient().send(
      new GetCommand({
        TableName: tableName(),
        Key: { pk: `USER#${member.userId}`, sk: `MERCHANTUSES#${answers.find((a) => a.status === 201)?.body.use.period}` },
      }),
    );
    expect(Item?.[`used:${limited}`]).toBe(3);
    const mine = await invoke(merchant, 'GET', '/me/merchant-uses', { token: member.token });
    expect(mine.body.uses).toHaveLength(3);
    const scan = await invoke(merchant, 'POST', `/merchants/${limited}/verify`, { token: staffLimited, body: { token } });
    expect(scan.body.offer).toMatchObject({ limitPerPeriod: 3, usedInPeriod: 3, remaining: 0 });
  });

  it('a scan is one round trip (one BatchGetItem), a use two (the same read, then its transaction)', async () => {
    const counter = countDynamoCalls();
    try {
      const token = await cardToken(enterpriseMember);
      counter.reset();
      const scan = await invoke(merchant, 'POST', `/merchants/${merchantY}/verify`, { token: staffY, body: { token } });
      const scanCalls = counter.snapshot();
      expect(scan.body.verification.result).toBe('有效');
      expect(scanCalls.roundTrips, describeCalls(scanCalls)).toBe(1);
      expect(scanCalls.byCommand).toEqual({ BatchGetItemCommand: 1 });
      counter.reset();
      const use = await invoke(merchant, 'POST', `/merchants/${merchantY}/uses`, { token: staffY, body: { token, useId: useId() } });
      const useCalls = counter.snapshot();
      expect(use.status).toBe(201);
      expect(useCalls.roundTrips, describeCalls(useCalls)).toBe(2);
      expect(useCalls.byCommand).toEqual({ BatchGetItemCommand: 1, TransactWriteItemsCommand: 1 });
    } finally {
      counter.detach();
    }
  });

  it('pages the officer list of uses with a cursor and refuses a cursor of another partition', async () => {
    const token = await cardToken(enterpriseMember);
    for (let i = 0; i < 2; i += 1) {
      const res = await invoke(merchant, 'POST', `/merchants/${merchantY}/uses`, { token: staffY, body: { token, useId: useId() } });
      expect(res.status).toBe(201);
    }
    const first = await invoke(merchant, 'GET', `/merchants/${merchantY}/uses?limit=2`, { token: officer });
    expect(first.body.uses).toHaveLength(2);
    const second = await invoke(merchant, 'GET', `/merchants/${merchantY}/uses?limit=2&cursor=${first.body.nextCursor}`, {
      token: officer,
    });
    expect(second.body.uses).toHaveLength(1);
    const ids = [...first.body.uses, ...second.body.uses].map((u: { useId: string }) => u.useId);
    expect(new Set(ids).size).toBe(3);
    const foreign = await invoke(merchant, 'GET', `/merchants/${merchantX}/uses?cursor=${first.body.nextCursor}`, { token: officer });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error).toMatchObject({ code: 'CURSOR_INVALID', field: 'cursor' });
  });
});
