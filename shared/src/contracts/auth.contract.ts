import * as z from 'zod/mini';
import { ROLE_NAMES } from '../domain/auth/roles';
import { idSchema } from './common.contract';

export const roleGrantSchema = z.object({ role: z.enum(ROLE_NAMES), orgId: z.string() });

/** POST /auth/wechat — weapp: the code from Taro.login, exchanged through code2Session. */
export const wechatLoginRequest = z.object({ code: z.string().check(z.minLength(1, '不能为空'), z.maxLength(128, '过长')) });

/** POST /auth/dev — local stage only: sign in as one of the demo identities. */
export const devLoginRequest = z.object({ identityId: idSchema });

export const sessionResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: z.object({ userId: z.string(), displayName: z.string(), roles: z.array(roleGrantSchema) }),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const devIdentitySchema = z.object({
  identityId: z.string(),
  displayName: z.string(),
  description: z.string(),
  roles: z.array(roleGrantSchema),
});
export type DevIdentity = z.infer<typeof devIdentitySchema>;
export const devIdentitiesResponse = z.object({ identities: z.array(devIdentitySchema) });
