import * as z from 'zod/mini';
import '../domain/common/zod-locale';
import { idSchema } from './common.contract';

/**
 * 商惠 merchants (functions/src/http/merchant): requests. Not re-exported from the shared index (the
 * mini-program's main package carries none of it); the answers are in merchant-responses.contract.ts.
 */

const text = (min: number, max: number) =>
  z.string().check(z.trim(), z.minLength(min, min <= 1 ? '请填写' : `至少 ${min} 个字`), z.maxLength(max, `不超过 ${max} 个字`));

/**
 * POST /orgs/{orgId}/merchants: a merchant of the org, linked to one 商惠 entry of the org's
 * catalog by the entry's name (the key that stays across versions), with what it gives there.
 */
export const createMerchantRequest = z.object({
  merchantName: text(1, 40),
  address: z.optional(z.string().check(z.trim(), z.maxLength(100, '不超过 100 个字'))),
  benefitName: text(1, 60),
  discount: text(1, 100),
  /** At most this many uses per member per year at this merchant, when the entry states a limit. */
  limitPerPeriod: z.optional(z.int().check(z.positive('必须大于 0'), z.maximum(1000, '不超过 1000'))),
});
export type CreateMerchantRequest = z.infer<typeof createMerchantRequest>;

/** POST /merchants/{merchantId}/staff: binds an account as the merchant's staff (核验员 of the merchant). */
export const bindStaffRequest = z.object({ userId: idSchema });

/** POST /merchants/{merchantId}/verify: the member's card QR as scanned. */
export const merchantVerifyRequest = z.object({
  token: z.string().check(z.trim(), z.minLength(1, '请扫描或粘贴会员卡二维码'), z.maxLength(2000, '内容过长')),
});

/**
 * POST /merchants/{merchantId}/uses: the card QR and the use's own id, made once on the device: the
 * same id again answers the same use (a retry never counts twice).
 */
export const recordUseRequest = z.object({
  token: z.string().check(z.trim(), z.minLength(1, '请扫描或粘贴会员卡二维码'), z.maxLength(2000, '内容过长')),
  useId: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, '应为 8–64 位字母、数字、_ 或 -')),
});
