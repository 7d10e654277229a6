import * as z from 'zod/mini';
import { verifyResponse } from './card-responses.contract';
import { pageResponse } from './page.contract';

/** What the merchant routes answer (functions/src/http/merchant/responses.ts); only tests parse with these. */

export const merchantSchema = z.object({
  merchantId: z.string(),
  /** The org whose catalog names the 商惠 entry; its subtree's members get the discount. */
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  address: z.string(),
  benefitName: z.string(),
  discount: z.string(),
  limitPerPeriod: z.nullable(z.int()),
  createdAt: z.string(),
});
export type MerchantView = z.infer<typeof merchantSchema>;

export const merchantResponse = z.object({ merchant: merchantSchema });
export const merchantsResponse = pageResponse('merchants', merchantSchema);
export const myMerchantResponse = z.object({ merchant: z.nullable(merchantSchema) });
export const staffResponse = z.object({ merchantId: z.string(), userId: z.string(), displayName: z.string() });

/** What applies at this merchant to the member whose card was scanned. */
export const offerSchema = z.object({
  benefitName: z.string(),
  discount: z.string(),
  orgName: z.string(),
  period: z.string(),
  limitPerPeriod: z.nullable(z.int()),
  usedInPeriod: z.int(),
  /** null: no limit. */
  remaining: z.nullable(z.int()),
});
export const merchantVerifyResponse = z.object({ verification: verifyResponse, offer: z.nullable(offerSchema) });
export type MerchantVerifyResponse = z.infer<typeof merchantVerifyResponse>;

/** A recorded use as the officer sees it: the masked member number and the member's org, never a name. */
export const useSchema = z.object({
  useId: z.string(),
  merchantId: z.string(),
  merchantName: z.string(),
  benefitName: z.string(),
  discount: z.string(),
  period: z.string(),
  usedAt: z.string(),
  memberNumberMasked: z.string(),
  memberOrgName: z.string(),
});
export type UseView = z.infer<typeof useSchema>;
export const usesResponse = pageResponse('uses', useSchema);

/** A use as its member sees it. */
export const myUseSchema = z.object({
  useId: z.string(),
  merchantName: z.string(),
  benefitName: z.string(),
  discount: z.string(),
  period: z.string(),
  usedAt: z.string(),
});
export type MyUseView = z.infer<typeof myUseSchema>;
export const myUsesResponse = pageResponse('uses', myUseSchema);

export const recordUseResponse = z.object({
  use: useSchema,
  /** true: this useId was recorded before (a retry); nothing was counted again. */
  replayed: z.boolean(),
  offer: offerSchema,
});
export type RecordUseResponse = z.infer<typeof recordUseResponse>;
