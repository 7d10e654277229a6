import type { RoleGrant } from '@union/shared';
import { LOCAL_DEFAULTS } from '../../functions/src/platform/config';
import { signSession } from '../../functions/src/platform/session';
import { putUser } from '../../functions/src/store/user.repository';

/** Creates a user with `grants` in the store and returns a session token for them. */
export const userWithToken = async (userId: string, grants: RoleGrant[], displayName = '测试用户'): Promise<string> => {
  await putUser({ userId, displayName, grants });
  return tokenFor(userId, grants, displayName);
};

export const tokenFor = async (userId: string, grants: RoleGrant[], displayName = '测试用户'): Promise<string> =>
  (await signSession({ userId, displayName, roles: grants }, process.env.SESSION_SECRET ?? LOCAL_DEFAULTS.sessionSecret, new Date())).token;
