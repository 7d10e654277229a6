import * as z from 'zod/mini';
import { phoneCodeSchema, phoneSchema } from './membership.contract';

/**
 * The person's rights under PIPL (查阅、更正、退会). Not re-exported from the package index: only the
 * functions and the mini-program's `member` subpackage import it (by path), so these schemas stay
 * out of the mini-program's main package.
 */

/**
 * PUT /me/phone — 更正手机号. weapp: `phoneCode` from the getPhoneNumber button (the number WeChat
 * verified; `phone`, if sent too, must be the same); h5: `phone`, format-checked only.
 */
export const phoneCorrectionRequest = z.object({ phone: z.optional(phoneSchema), phoneCode: z.optional(phoneCodeSchema) }).check(
  z.refine((b) => b.phone !== undefined || b.phoneCode !== undefined, {
    message: '请填写新的手机号，或在微信中验证手机号',
    path: ['phone'],
  }),
);
export type PhoneCorrectionRequest = z.input<typeof phoneCorrectionRequest>;

/** POST /me/membership/leave — 退会, confirmed by the member. */
export const leaveRequest = z.object({ confirm: z.literal(true, '请确认退会') });

// The responses of these routes (GET /me/data's `MyData`, …) are in membership-responses.contract.ts:
// the `member` subpackage imports this file at run time, and takes those only as types.
