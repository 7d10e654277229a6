import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOCAL_DEFAULTS } from '../../functions/src/platform/config';

/**
 * A local stand-in for api.weixin.qq.com that answers as WeChat does, error codes included. Used by
 * the tests and by `npm start` (which prints where its recorded messages are).
 * - GET  /sns/jscode2session (code2Session): codes "ok-<name>-<n>" sign in as openid-<name>;
 *   "busy" → -1, "limited" → 45011, a code used twice → 40163, anything else → 40029.
 * - POST /cgi-bin/stable_token (getStableAccessToken): { grant_type: client_credential, appid,
 *   secret, force_refresh } → { access_token, expires_in: 7200 }; 40002 / 40013 / 40125 otherwise.
 *   force_refresh: true makes a new token (the old one answers 40001 from then on).
 * - POST /wxa/business/getuserphonenumber?access_token=… (phonenumber.getPhoneNumber): { code } →
 *   { errcode: 0, errmsg: 'ok', phone_info: { phoneNumber, purePhoneNumber, countryCode, watermark } };
 *   40001 for a wrong token, 40029 for an unknown or used code (each is good once), -1 for "busy".
 * - POST /cgi-bin/message/subscribe/send?access_token=… (subscribeMessage.send): { touser,
 *   template_id, page, data, miniprogram_state, lang } → { errcode: 0, errmsg: 'ok', msgid };
 *   40001 for a token that is not the current one, 42001 for one made to expire (expireToken),
 *   40003 without touser, 40037 without template_id, 47003 for a value WeChat would refuse
 *   (empty, a thing over 20 characters, a phrase over 5); or the code it was told to answer
 *   (failFor: per openid, failNext: the next N sends). Every send is recorded with its answer.
 * - GET /messages: the recorded sends, as JSON (what `npm start` prints).
 * - POST /stand-in/fail { errcode, times?, openid? }: what failNext / failFor do, for a running stack.
 * Tests register phone codes with `phoneCode(phone)`.
 */
export interface RecordedMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogram_state: string;
  lang: string;
  /** What the stand-in answered (0: delivered). */
  errcode: number;
  at: string;
}

export interface WechatStandIn {
  url: string;
  /** A fresh one-time getPhoneNumber code that WeChat would resolve to `phone`. */
  phoneCode(phone: string): string;
  /** How many calls each API received. */
  calls: { code2Session: number; stableToken: number; stableTokenForced: number; phoneNumber: number; subscribeSend: number };
  /** Every subscribeMessage.send received, with the errcode answered. */
  messages: RecordedMessage[];
  /** The messages delivered (answered 0). */
  delivered(): RecordedMessage[];
  /** Makes the current access token invalid (as a force refresh elsewhere would): 40001. */
  revokeToken(): void;
  /** Makes the current access token expired: 42001 until a new one is fetched. */
  expireToken(): void;
  /** The current access token. */
  currentToken(): string;
  /** subscribeMessage.send answers `errcode` for this openid, until cleared (errcode null). */
  failFor(openid: string, errcode: number | null): void;
  /** The next `times` subscribeMessage.send calls answer `errcode` (before any per-openid answer). */
  failNext(errcode: number, times?: number): void;
  /** stable_token answers after this many ms (a slow WeChat: concurrent callers overlap). */
  setTokenDelay(ms: number): void;
  /** Forgets the recorded messages, the failures and the counts. */
  reset(): void;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<Record<string, unknown>> =>
  new Promise((resolve) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(raw || '{}') as Record<string, unknown>);
      } catch {
        resolve({});
      }
    });
  });

/** What WeChat refuses in a value (47003 argument invalid), by the key's kind. */
const badValue = (key: string, value: unknown): boolean => {
  if (typeof value !== 'string' || value.length === 0) return true;
  const n = Array.from(value).length;
  if (key.startsWith('thing')) return n > 20;
  if (key.startsWith('phrase')) return n > 5 || !/^[\u4e00-\u9fff]+$/.test(value);
  if (key.startsWith('character_string') || key.startsWith('number') || key.startsWith('letter')) return n > 32;
  if (key.startsWith('time') || key.startsWith('date')) return !/^\d{4}年\d{1,2}月\d{1,2}日( \d{2}:\d{2})?$|^\d{2}:\d{2}$/.test(value);
  return false;
};

export const startWechatStandIn = async (
  app: { appId: string; secret: string } = { appId: LOCAL_DEFAULTS.wechatAppId, secret: LOCAL_DEFAULTS.wechatAppSecret },
): Promise<WechatStandIn> => {
  const usedLoginCodes = new Set<string>();
  const phoneCodes = new Map<string, string>();
  const calls = { code2Session: 0, stableToken: 0, stableTokenForced: 0, phoneNumber: 0, subscribeSend: 0 };
  const messages: RecordedMessage[] = [];
  const perOpenId = new Map<string, number>();
  const next: number[] = [];
  let tokenDelay = 0;
  const newToken = () => `tok-${randomBytes(8).toString('hex')}`;
  let token = newToken();
  let expired = false;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('content-type', 'application/json; charset=utf-8');
    const send = (body: unknown) => res.end(JSON.stringify(body, null, url.pathname === '/messages' ? 2 : 0));
    const tokenError = (given: string | null) =>
      given !== token
        ? { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }
        : expired
          ? { errcode: 42001, errmsg: 'access_token expired' }
          : null;

    if (url.pathname === '/sns/jscode2session') {
      calls.code2Session += 1;
      const code = url.searchParams.get('js_code') ?? '';
      if (url.searchParams.get('appid') !== app.appId || url.searchParams.get('grant_type') !== 'authorization_code') {
        return send({ errcode: 40013, errmsg: 'invalid appid' });
      }
      if (usedLoginCodes.has(code)) return send({ errcode: 40163, errmsg: 'code been used' });
      usedLoginCodes.add(code);
      if (code.startsWith('ok-')) return send({ openid: `openid-${code.split('-')[1]}`, session_key: 'sk' });
      if (code === 'busy') return send({ errcode: -1, errmsg: 'system error' });
      if (code === 'limited') return send({ errcode: 45011, errmsg: 'api minute-quota reach limit' });
      return send({ errcode: 40029, errmsg: 'invalid code' });
    }

    if (url.pathname === '/cgi-bin/stable_token') {
      calls.stableToken += 1;
      if (req.method !== 'POST') return send({ errcode: 43002, errmsg: 'require POST method' });
      const body = await readBody(req);
      if (tokenDelay > 0) await new Promise((r) => setTimeout(r, tokenDelay));
      if (body.grant_type !== 'client_credential') return send({ errcode: 40002, errmsg: 'invalid grant_type' });
      if (body.appid !== app.appId) return send({ errcode: 40013, errmsg: 'invalid appid' });
      if (body.secret !== app.secret) return send({ errcode: 40125, errmsg: 'invalid appsecret' });
      if (body.force_refresh === true) calls.stableTokenForced += 1;
      if (body.force_refresh === true || expired) {
        token = newToken();
        expired = false;
      }
      return send({ access_token: token, expires_in: 7200 });
    }

    if (url.pathname === '/wxa/business/getuserphonenumber') {
      calls.phoneNumber += 1;
      if (req.method !== 'POST') return send({ errcode: 43002, errmsg: 'require POST method' });
      const refused = tokenError(url.searchParams.get('access_token'));
      if (refused) return send(refused);
      const body = await readBody(req);
      const code = typeof body.code === 'string' ? body.code : '';
      if (code === 'busy') return send({ errcode: -1, errmsg: 'system error' });
      const phone = phoneCodes.get(code);
      if (!phone) return send({ errcode: 40029, errmsg: 'invalid code' });
      phoneCodes.delete(code);
      return send({
        errcode: 0,
        errmsg: 'ok',
        phone_info: {
          phoneNumber: phone,
          purePhoneNumber: phone,
          countryCode: '86',
          watermark: { timestamp: Math.floor(Date.now() / 1000), appid: app.appId },
        },
      });
    }

    if (url.pathname === '/cgi-bin/message/subscribe/send') {
      calls.subscribeSend += 1;
      if (req.method !== 'POST') return send({ errcode: 43002, errmsg: 'require POST method' });
      const body = await readBody(req);
      const data = (typeof body.data === 'object' && body.data !== null ? body.data : {}) as Record<string, { value?: unknown }>;
      const touser = typeof body.touser === 'string' ? body.touser : '';
      const errcode =
        tokenError(url.searchParams.get('access_token'))?.errcode ??
        next.shift() ??
        perOpenId.get(touser) ??
        (!touser
          ? 40003
          : typeof body.template_id !== 'string' || !body.template_id
            ? 40037
            : Object.entries(data).some(([k, v]) => badValue(k, v?.value)) || Object.keys(data).length === 0
              ? 47003
              : 0);
      messages.push({
        touser,
        template_id: String(body.template_id ?? ''),
        page: String(body.page ?? ''),
        data: data as RecordedMessage['data'],
        miniprogram_state: String(body.miniprogram_state ?? ''),
        lang: String(body.lang ?? ''),
        errcode,
        at: new Date().toISOString(),
      });
      return send(errcode === 0 ? { errcode: 0, errmsg: 'ok', msgid: Date.now() } : { errcode, errmsg: `stand-in errcode ${errcode}` });
    }

    if (url.pathname === '/messages' && req.method === 'GET') {
      return send({ delivered: messages.filter((m) => m.errcode === 0).length, messages });
    }

    if (url.pathname === '/stand-in/fail' && req.method === 'POST') {
      const body = await readBody(req);
      if (typeof body.errcode !== 'number') return send({ errcode: 47001, errmsg: 'errcode must be a number' });
      if (typeof body.openid === 'string') perOpenId.set(body.openid, body.errcode);
      else for (let i = 0; i < (typeof body.times === 'number' ? body.times : 1); i += 1) next.push(body.errcode);
      return send({ errcode: 0, errmsg: 'ok' });
    }
    return send({ errcode: 40001, errmsg: 'invalid path' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    phoneCode(phone) {
      const code = `pc${randomBytes(12).toString('hex')}`;
      phoneCodes.set(code, phone);
      return code;
    },
    calls,
    messages,
    delivered: () => messages.filter((m) => m.errcode === 0),
    revokeToken() {
      token = newToken();
      expired = false;
    },
    expireToken() {
      expired = true;
    },
    currentToken: () => token,
    failFor(openid, errcode) {
      if (errcode === null) perOpenId.delete(openid);
      else perOpenId.set(openid, errcode);
    },
    failNext(errcode, times = 1) {
      for (let i = 0; i < times; i += 1) next.push(errcode);
    },
    setTokenDelay(ms) {
      tokenDelay = ms;
    },
    reset() {
      messages.length = 0;
      perOpenId.clear();
      next.length = 0;
      tokenDelay = 0;
      for (const k of Object.keys(calls) as Array<keyof typeof calls>) calls[k] = 0;
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
};
