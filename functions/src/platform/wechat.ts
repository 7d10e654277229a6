import { DomainError } from '@union/shared';

/**
 * WeChat code2Session (jscode2session). The base URL is configurable so tests can run
 * against a local stand-in that answers like WeChat, error codes included.
 */
export interface WechatSession {
  openId: string;
  unionId: string | undefined;
}

const WECHAT_ERRORS: Record<number, string> = {
  40029: '登录凭证无效，请重新进入小程序',
  40163: '登录凭证已被使用，请重新登录',
  45011: '登录过于频繁，请稍后再试',
  40226: '该微信账号存在风险，已被拦截',
  [-1]: '微信服务繁忙，请稍后再试',
};

export const code2Session = async (
  cfg: { appId: string; appSecret: string; apiBase: string },
  code: string,
  fetchImpl: typeof fetch = fetch,
): Promise<WechatSession> => {
  const url = new URL('/sns/jscode2session', cfg.apiBase);
  url.searchParams.set('appid', cfg.appId);
  url.searchParams.set('secret', cfg.appSecret);
  url.searchParams.set('js_code', code);
  url.searchParams.set('grant_type', 'authorization_code');
  let body: { openid?: string; unionid?: string; errcode?: number; errmsg?: string };
  try {
    const res = await fetchImpl(url, { signal: AbortSignal.timeout(5000) });
    body = (await res.json()) as typeof body;
  } catch {
    throw new DomainError('WECHAT_UNAVAILABLE', '微信服务暂时无法访问，请稍后再试');
  }
  if (body.errcode && body.errcode !== 0) {
    throw new DomainError('WECHAT_LOGIN_FAILED', WECHAT_ERRORS[body.errcode] ?? `微信登录失败（错误码 ${body.errcode}）`, {
      field: 'code',
      details: { wechatErrcode: body.errcode },
    });
  }
  if (!body.openid) throw new DomainError('WECHAT_LOGIN_FAILED', '微信登录失败：未返回用户标识', { field: 'code' });
  return { openId: body.openid, unionId: body.unionid };
};
