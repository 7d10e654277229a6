import * as z from 'zod/mini';
import '../domain/common/zod-locale';

export const idSchema = z.string().check(z.minLength(1, '不能为空'), z.maxLength(64, '过长'), z.regex(/^[A-Za-z0-9_-]+$/, '格式不正确'));

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.optional(z.string()),
    details: z.optional(z.record(z.string(), z.unknown())),
  }),
});
