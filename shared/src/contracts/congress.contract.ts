import * as z from 'zod/mini';
import { idSchema } from './common.contract';

/** Trimmed text of `min`–`max` characters, with the congress forms' messages. */
export const congressText = (min: number, max: number) =>
  z.string().check(z.trim(), z.minLength(min, min <= 1 ? '不能为空' : `至少 ${min} 个字`), z.maxLength(max, `不超过 ${max} 个字`));

export const sessionParams = z.object({ sessionId: idSchema });
export const proposalParams = z.object({ proposalId: idSchema });
export const motionParams = z.object({ motionId: idSchema });
/** DELETE /congress/sessions/{sessionId}/roster/{userId} */
export const delegateParams = z.object({ sessionId: idSchema, userId: idSchema });

/** POST /congress/sessions/{sessionId}/proposals */
export const createProposalRequest = z.object({
  title: congressText(4, 60),
  cause: congressText(10, 2000),
  suggestion: congressText(10, 2000),
});
export type CreateProposalRequest = z.infer<typeof createProposalRequest>;
