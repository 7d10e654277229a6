import {
  benefitKeyOf,
  claimPeriodOf,
  DomainError,
  idSchema,
  maskMemberNumber,
  pageQuery,
  VERIFY_VERDICTS,
  type VerifyResponse,
} from '@union/shared';
import {
  bindStaffRequest,
  createMerchantRequest,
  merchantVerifyRequest,
  recordUseRequest,
} from '@union/shared/contracts/merchant.contract';
import * as z from 'zod/mini';
import { verifyCardToken } from '../../platform/card-token';
import { randomId } from '../../platform/ids';
import { getLatestCatalog } from '../../store/catalog.repository';
import {
  bindMerchantStaff,
  createMerchant,
  getStaffMerchant,
  getUse,
  limitReached,
  type MerchantRecord,
  pageMemberUses,
  pageMerchantUses,
  pageOrgMerchants,
  readScanContext,
  recordUseTx,
  requireMerchant,
  type ScanContext,
  staffForbidden,
  type UseRecord,
  usedInPeriod,
} from '../../store/merchant.repository';
import { requireOrg } from '../../store/org.repository';
import { TransactionRefused } from '../../store/transactions';
import { getUser } from '../../store/user.repository';
import { registerStatuses } from '../error-map';
import { defineRoute } from '../route';
import { merchantView, myUseView, offerView, useView } from './views';

registerStatuses({
  MERCHANT_NOT_FOUND: 404,
  MERCHANT_STAFF_FORBIDDEN: 403,
  MEMBER_OUTSIDE_MERCHANT_ORG: 403,
  BENEFIT_NOT_MERCHANT: 422,
  CARD_NOT_VALID: 422,
  USE_LIMIT_REACHED: 409,
  USE_ID_CONFLICT: 409,
  STAFF_BOUND_ELSEWHERE: 409,
  USER_NOT_FOUND: 404,
  CURSOR_INVALID: 400,
});

const merchantParams = z.object({ merchantId: idSchema });

/** The merchant, and the officer's power over the org that named it (else 403). */
const requireMerchantOfficer = async (merchantId: string, requireRoleOver: (role: 'officer', orgId: string) => Promise<void>) => {
  const merchant = await requireMerchant(merchantId);
  await requireRoleOver('officer', merchant.orgId);
  return merchant;
};

/** Whether the member's org lies in the subtree of the org whose catalog names the merchant's 商惠. */
const withinMerchantOrg = (ctx: ScanContext): boolean => Boolean(ctx.member?.lineage.some((o) => o.orgId === ctx.merchant.orgId));

const outsideVerdict = (m: MerchantRecord) => ({
  result: '无效' as const,
  reason: `不是${m.orgName}及下级工会的会员卡，本商户的工会优惠不适用`,
  nextStep: '不要按工会会员优惠办理。',
});

/** The verifier's answer for a genuine, current token, as POST /verify words it. */
const verificationOf = (ctx: ScanContext, memberNumber: string, checkedAt: string): VerifyResponse => {
  const blank = { memberStatus: null, memberStatusText: null, orgName: null, memberNumberMasked: null, checkedAt };
  if (!ctx.member || ctx.member.membership.memberNumber !== memberNumber) {
    return {
      ...blank,
      ...VERIFY_VERDICTS.ended,
      memberStatus: 'inactive',
      memberStatusText: '非在会',
      memberNumberMasked: maskMemberNumber(memberNumber),
    };
  }
  const org = ctx.member.lineage.at(-1);
  if (!withinMerchantOrg(ctx)) return { ...blank, ...outsideVerdict(ctx.merchant) };
  return {
    ...VERIFY_VERDICTS.valid,
    memberStatus: 'active',
    memberStatusText: '正常在会',
    orgName: org?.name ?? null,
    memberNumberMasked: maskMemberNumber(memberNumber),
    checkedAt,
  };
};

const cardNotValid = (reason: string) => new DomainError('CARD_NOT_VALID', reason, { field: 'token' });

export const merchantRoutes = [
  defineRoute({
    method: 'POST',
    path: '/orgs/{orgId}/merchants',
    access: ['officer'],
    params: z.object({ orgId: idSchema }),
    body: createMerchantRequest,
    async handle({ params, body, session, now, requireRoleOver }) {
      const [, org, catalog] = await Promise.all([
        requireRoleOver('officer', params.orgId),
        requireOrg(params.orgId),
        getLatestCatalog(params.orgId),
      ]);
      // The entry is named by what stays across versions (the org and its name); it must be 商惠.
      const entry = catalog?.entries.find((e) => e.name === body.benefitName);
      if (entry?.tier !== '商惠') {
        throw new DomainError('BENEFIT_NOT_MERCHANT', '本组织最新服务目录中没有这项商惠', { field: 'benefitName' });
      }
      const merchant = await createMerchant({
        merchantId: `m${randomId(11)}`,
        orgId: org.orgId,
        orgName: org.name,
        name: body.merchantName,
        address: body.address ?? '',
        benefitKey: benefitKeyOf(entry),
        benefitName: entry.name,
        discount: body.discount,
        limitPerPeriod: body.limitPerPeriod ?? null,
        createdAt: now.toISOString(),
        createdBy: session.userId,
      });
      return { status: 201, body: { merchant: merchantView(merchant) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/merchants',
    access: ['officer'],
    params: z.object({ orgId: idSchema }),
    query: pageQuery,
    async handle({ params, query, requireRoleOver }) {
      await requireRoleOver('officer', params.orgId);
      const page = await pageOrgMerchants(params.orgId, query);
      return { body: { merchants: page.items.map(merchantView), nextCursor: page.nextCursor } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/merchants/{merchantId}/staff',
    access: ['officer'],
    params: merchantParams,
    body: bindStaffRequest,
    async handle({ params, body, session, now, requireRoleOver }) {
      const merchant = await requireMerchantOfficer(params.merchantId, requireRoleOver);
      const user = await getUser(body.userId);
      if (!user) throw new DomainError('USER_NOT_FOUND', '账号不存在', { field: 'userId' });
      await bindMerchantStaff(merchant, { userId: user.userId, displayName: user.displayName }, session.userId, now.toISOString());
      return { status: 201, body: { merchantId: merchant.merchantId, userId: user.userId, displayName: user.displayName } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/merchants/{merchantId}/uses',
    access: ['officer'],
    params: merchantParams,
    query: pageQuery,
    async handle({ params, query, requireRoleOver }) {
      await requireMerchantOfficer(params.merchantId, requireRoleOver);
      const page = await pageMerchantUses(params.merchantId, query);
      return { body: { uses: page.items.map(useView), nextCursor: page.nextCursor } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/merchant',
    access: ['verifier'],
    async handle({ session }) {
      const merchant = await getStaffMerchant(session.userId);
      return { body: { merchant: merchant ? merchantView(merchant) : null } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/merchants/{merchantId}/verify',
    access: ['verifier'],
    params: merchantParams,
    body: merchantVerifyRequest,
    async handle({ params, body, session, runtime, now }) {
      const checkedAt = now.toISOString();
      const period = claimPeriodOf(now);
      const check = await verifyCardToken(body.token, runtime.config.sessionSecret, now);
      const blank = { memberStatus: null, memberStatusText: null, orgName: null, memberNumberMasked: null, checkedAt };
      if (check.kind !== 'valid') {
        // The staff binding is still checked: a stranger learns nothing about the merchant's members.
        const merchant = await requireMerchant(params.merchantId);
        const staff = await getStaffMerchant(session.userId);
        if (staff?.merchantId !== merchant.merchantId) throw staffForbidden();
        const verdict = check.kind === 'expired' ? VERIFY_VERDICTS.expired : VERIFY_VERDICTS.forged;
        return { headers: { 'cache-control': 'no-store' }, body: { verification: { ...blank, ...verdict }, offer: null } };
      }
      // One BatchGetItem: the merchant, the staff binding, the member and the member's uses of the period.
      const ctx = await readScanContext({
        merchantId: params.merchantId,
        staffUserId: session.userId,
        memberUserId: check.payload.userId,
        period,
      });
      if (!ctx.isStaff) throw staffForbidden();
      const verification = verificationOf(ctx, check.payload.memberNumber, checkedAt);
      const offer = verification.result === '有效' ? offerView(ctx.merchant, period, ctx.usedInPeriod) : null;
      return { headers: { 'cache-control': 'no-store' }, body: { verification, offer } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/merchants/{merchantId}/uses',
    access: ['verifier'],
    params: merchantParams,
    body: recordUseRequest,
    async handle({ params, body, session, runtime, now }) {
      const period = claimPeriodOf(now);
      const check = await verifyCardToken(body.token, runtime.config.sessionSecret, now);
      if (check.kind === 'invalid') throw cardNotValid('会员卡二维码无效，不能记录使用');
      const ctx = await readScanContext({
        merchantId: params.merchantId,
        staffUserId: session.userId,
        memberUserId: check.payload.userId,
        period,
        useId: body.useId,
      });
      if (!ctx.isStaff) throw staffForbidden();
      const replay = (use: UseRecord, used: number) => ({
        status: 200,
        body: { use: useView(use), replayed: true, offer: offerView(ctx.merchant, use.period, used) },
      });
      // A retry of a use already recorded answers it again (even once the code has expired since).
      const sameUse = (u: UseRecord) => u.merchantId === params.merchantId && u.userId === check.payload.userId;
      if (ctx.earlier) {
        if (!sameUse(ctx.earlier)) throw useIdConflict();
        return replay(ctx.earlier, ctx.usedInPeriod);
      }
      if (check.kind === 'expired') throw cardNotValid('二维码已过期，请会员刷新会员卡后重新扫码');
      const member = ctx.member;
      if (!member || member.membership.memberNumber !== check.payload.memberNumber) {
        throw cardNotValid('该会员卡已失效（会籍已转出或终止），不能记录使用');
      }
      if (!withinMerchantOrg(ctx)) {
        throw new DomainError('MEMBER_OUTSIDE_MERCHANT_ORG', outsideVerdict(ctx.merchant).reason, { field: 'token' });
      }
      const limit = ctx.merchant.limitPerPeriod;
      if (limit !== null && ctx.usedInPeriod >= limit) throw limitReached(limit);
      const use: UseRecord = {
        useId: body.useId,
        merchantId: ctx.merchant.merchantId,
        merchantName: ctx.merchant.name,
        merchantOrgId: ctx.merchant.orgId,
        benefitName: ctx.merchant.benefitName,
        discount: ctx.merchant.discount,
        period,
        usedAt: now.toISOString(),
        userId: member.membership.userId,
        memberNumberMasked: maskMemberNumber(member.membership.memberNumber),
        memberOrgName: member.lineage.at(-1)?.name ?? '',
        staffUserId: session.userId,
      };
      try {
        await recordUseTx(use, member.membership.membershipId, limit);
      } catch (e) {
        if (!(e instanceof TransactionRefused)) throw e;
        if (e.failed.includes('use')) {
          // Another request with this id got there first: the same use, or a different one.
          const earlier = await getUse(body.useId);
          if (earlier && sameUse(earlier)) return replay(earlier, await usedInPeriod(use.userId, period, use.merchantId));
          throw useIdConflict();
        }
        if (e.failed.includes('staff')) throw staffForbidden();
        if (e.failed.includes('member')) throw cardNotValid('该会员卡已失效（会籍已转出或终止），不能记录使用');
        if (e.failed.includes('limit') && limit !== null) throw limitReached(limit);
        throw e;
      }
      return { status: 201, body: { use: useView(use), replayed: false, offer: offerView(ctx.merchant, period, ctx.usedInPeriod + 1) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/merchant-uses',
    access: ['member'],
    query: pageQuery,
    async handle({ session, query }) {
      // One query of the member's own index partition.
      const page = await pageMemberUses(session.userId, query);
      return { body: { uses: page.items.map(myUseView), nextCursor: page.nextCursor } };
    },
  }),
];

const useIdConflict = () => new DomainError('USE_ID_CONFLICT', '该记录编号已用于另一次使用，请重新扫码', { field: 'useId' });
