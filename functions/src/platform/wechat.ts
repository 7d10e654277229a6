import { DomainError } from '@union/shared';

/**
 * WeChat server APIs: code2Session (jscode2session), the stable access token and the phone
 * number behind a getPhoneNumber code. The base URL is configurable so tests can run
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

type WechatConfig = { appId: string; appSecret: string; apiBase: string };

const unavailable = () => new DomainError('WECHAT_UNAVAILABLE', '微信服务暂时无法访问，请稍后再试');

const postJson = async <T>(url: URL, body: unknown, fetchImpl: typeof fetch): Promise<T> => {
  try {
    const res = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    return (await res.json()) as T;
  } catch {
    throw unavailable();
  }
};

/** The stable access token per app (getStableAccessToken: shared by every caller, ≤ 7200 s). */
const tokens = new Map<string, { token: string; expiresAt: number }>();

/**
 * getStableAccessToken: POST /cgi-bin/stable_token { grant_type: client_credential, appid, secret,
 * force_refresh } → { access_token, expires_in }. Normal mode (no force refresh): WeChat hands every
 * caller the same token while it is valid, so concurrent functions never invalidate each other's.
 * A refusal (40013 invalid appid, 40125 invalid secret, 40164 IP not whitelisted …) is our
 * misconfiguration, not the user's: WECHAT_UNAVAILABLE, with the code in the details.
 */
export const stableAccessToken = async (cfg: WechatConfig, fetchImpl: typeof fetch = fetch, now = Date.now()): Promise<string> => {
  const key = `${cfg.apiBase}|${cfg.appId}`;
  const cached = tokens.get(key);
  if (cached && cached.expiresAt > now) return cached.token;
  const body = await postJson<{ access_token?: string; expires_in?: number; errcode?: number }>(
    new URL('/cgi-bin/stable_token', cfg.apiBase),
    { grant_type: 'client_credential', appid: cfg.appId, secret: cfg.appSecret, force_refresh: false },
    fetchImpl,
  );
  if (!body.access_token) {
    throw new DomainError('WECHAT_UNAVAILABLE', '微信服务暂时无法访问，请稍后再试', { details: { wechatErrcode: body.errcode ?? null } });
  }
  // Renew a minute early: WeChat itself rolls the token over five minutes before it ends.
  tokens.set(key, { token: body.access_token, expiresAt: now + Math.max(60, (body.expires_in ?? 7200) - 60) * 1000 });
  return body.access_token;
};

const PHONE_CODE_ERRORS: Record<number, string> = {
  40029: '手机号验证凭证无效或已使用，请重新验证',
  45011: '验证过于频繁，请稍后再试',
  40013: '手机号验证失败，请重新进入小程序后再试',
};

/** Access-token problems (invalid, expired, not the latest): fetch a token again once. */
const TOKEN_ERRCODES = new Set([40001, 40014, 42001]);

/**
 * phonenumber.getPhoneNumber: POST /wxa/business/getuserphonenumber?access_token=… { code } →
 * { errcode: 0, phone_info: { phoneNumber, purePhoneNumber, countryCode, watermark: { timestamp, appid } } }.
 * The code comes from the weapp's getPhoneNumber button (e.detail.code), lives 5 minutes and is
 * good once. Returns the mainland number without country code (purePhoneNumber).
 */
export const phoneNumberFromCode = async (cfg: WechatConfig, code: string, fetchImpl: typeof fetch = fetch): Promise<string> => {
  type Answer = { errcode?: number; errmsg?: string; phone_info?: { purePhoneNumber?: string; countryCode?: string | number } };
  let body: Answer = {};
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const url = new URL('/wxa/business/getuserphonenumber', cfg.apiBase);
    url.searchParams.set('access_token', await stableAccessToken(cfg, fetchImpl));
    body = await postJson<Answer>(url, { code }, fetchImpl);
    if (!body.errcode || !TOKEN_ERRCODES.has(body.errcode)) break;
    tokens.delete(`${cfg.apiBase}|${cfg.appId}`);
  }
  if (body.errcode === -1) throw unavailable();
  if (body.errcode && body.errcode !== 0) {
    throw new DomainError('PHONE_CODE_INVALID', PHONE_CODE_ERRORS[body.errcode] ?? `手机号验证失败（错误码 ${body.errcode}），请重新验证`, {
      field: 'phoneCode',
      details: { wechatErrcode: body.errcode },
    });
  }
  const phone = body.phone_info?.purePhoneNumber;
  if (!phone) throw new DomainError('PHONE_CODE_INVALID', '微信未返回手机号，请重新验证', { field: 'phoneCode' });
  return phone;
};

/**
 * getStableAccessToken without the in-memory cache: the `notify` function keeps the token in the
 * table (store/wechat-token.repository.ts) so that concurrent functions share one. `forceRefresh`
 * (after WeChat answered 40001 / 42001 to the token) asks WeChat for a new one; WeChat allows it
 * a few times a day, hence the lease that makes it one call however many functions saw the error.
 */
export const fetchStableToken = async (
  cfg: WechatConfig,
  forceRefresh: boolean,
  fetchImpl: typeof fetch = fetch,
): Promise<{ accessToken: string; expiresIn: number }> => {
  const body = await postJson<{ access_token?: string; expires_in?: number; errcode?: number }>(
    new URL('/cgi-bin/stable_token', cfg.apiBase),
    { grant_type: 'client_credential', appid: cfg.appId, secret: cfg.appSecret, force_refresh: forceRefresh },
    fetchImpl,
  );
  if (!body.access_token) {
    throw new DomainError('WECHAT_UNAVAILABLE', '微信服务暂时无法访问，请稍后再试', { details: { wechatErrcode: body.errcode ?? null } });
  }
  return { accessToken: body.access_token, expiresIn: body.expires_in ?? 7200 };
};

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogram_state: 'developer' | 'trial' | 'formal';
  lang: 'zh_CN';
}

/**
 * What subscribeMessage.send answered: WeChat's errcode (0 is sent), or, when no answer came,
 * `unreached` (the request never left: connection refused, DNS — safe to try again) or `timeout`
 * (it may have been delivered: not sent again, so a message goes out at most once).
 */
export type SendOutcome = { errcode: number } | { errcode: 'unreached' | 'timeout' };

const UNREACHED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** subscribeMessage.send: POST /cgi-bin/message/subscribe/send?access_token=… */
export const sendSubscribeMessage = async (
  cfg: { apiBase: string },
  accessToken: string,
  message: SubscribeMessage,
  fetchImpl: typeof fetch = fetch,
): Promise<SendOutcome> => {
  const url = new URL('/cgi-bin/message/subscribe/send', cfg.apiBase);
  url.searchParams.set('access_token', accessToken);
  let res: Response;
  try {
    res = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(5000),
    });
  } catch (e) {
    const code = (e as { cause?: { code?: string } }).cause?.code;
    return { errcode: code !== undefined && UNREACHED.has(code) ? 'unreached' : 'timeout' };
  }
  try {
    const body = (await res.json()) as { errcode?: number };
    return { errcode: typeof body.errcode === 'number' ? body.errcode : res.ok ? 0 : -1 };
  } catch {
    // An answer that is not WeChat's JSON (a gateway's error page): it did not go through WeChat's send.
    return { errcode: -1 };
  }
};
