import { DomainError, devLoginRequest, wechatLoginRequest } from '@union/shared';
import { randomId } from '../../platform/ids';
import { signSession } from '../../platform/session';
import { code2Session } from '../../platform/wechat';
import { claimsOf, getUser, listDemoIdentities, type UserRecord, userForOpenId } from '../../store/user.repository';
import { defineRoute } from '../route';
import type { Runtime } from '../runtime';

/** A token for `user` with the roles stored now; a refresh passes the sign-in time it carries on. */
const issue = async (user: UserRecord, runtime: Runtime, now: Date, authTime?: Date) => {
  const claims = claimsOf(user);
  const { token, expiresAt } = await signSession(claims, runtime.config.sessionSecret, now, authTime ? { authTime } : {});
  return { body: { token, expiresAt: expiresAt.toISOString(), user: claims } };
};

const requireDevLogin = (runtime: Runtime) => {
  if (!runtime.config.devLoginEnabled || runtime.config.stage !== 'local') {
    throw new DomainError('DEV_LOGIN_DISABLED', '演示登录仅在本地环境可用');
  }
};

export const authRoutes = [
  defineRoute({
    method: 'GET',
    path: '/auth/dev-identities',
    access: 'public',
    async handle({ runtime }) {
      requireDevLogin(runtime);
      const identities = await listDemoIdentities();
      return {
        body: {
          identities: identities.map((u) => ({
            identityId: u.userId,
            displayName: u.displayName,
            description: u.demoDescription ?? '',
            roles: u.grants,
          })),
        },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/auth/dev',
    access: 'public',
    body: devLoginRequest,
    async handle({ body, runtime, now }) {
      requireDevLogin(runtime);
      const user = await getUser(body.identityId);
      if (!user?.demoDescription) throw new DomainError('IDENTITY_NOT_FOUND', '演示身份不存在', { field: 'identityId' });
      return issue(user, runtime, now);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/auth/wechat',
    access: 'public',
    body: wechatLoginRequest,
    async handle({ body, runtime, now }) {
      const wx = await code2Session(runtime.config.wechat, body.code);
      const user = await userForOpenId(wx.openId, `u${randomId(15)}`);
      return issue(user, runtime, now);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/auth/refresh',
    access: 'signedIn',
    async handle({ session, runtime, now }) {
      // The session keeps the time it began: refreshing never extends it past its lifetime (the
      // router refuses a token past it), and the roles are read again from the store.
      const user = await getUser(session.userId);
      if (!user) throw new DomainError('AUTH_INVALID', '登录已失效，请重新登录');
      return issue(user, runtime, now, new Date(session.authTime * 1000));
    },
  }),
];
