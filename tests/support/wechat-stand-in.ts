import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resetRuntime } from '../../functions/src/http/runtime';
import { LOCAL_DEFAULTS } from '../../functions/src/platform/config';

/**
 * A local stand-in for api.weixin.qq.com that answers as WeChat does, error codes included:
 * - GET  /sns/jscode2session (code2Session): codes "ok-<name>-<n>" sign in as openid-<name>;
 *   "busy" → -1, "limited" → 45011, a code used twice → 40163, anything else → 40029.
 * - POST /cgi-bin/stable_token (getStableAccessToken): { grant_type: client_credential, appid,
 *   secret, force_refresh } → { access_token, expires_in: 7200 }; 40002 / 40013 / 40125 otherwise.
 * - POST /wxa/business/getuserphonenumber?access_token=… (phonenumber.getPhoneNumber): { code } →
 *   { errcode: 0, errmsg: 'ok', phone_info: { phoneNumber, purePhoneNumber, countryCode, watermark } };
 *   40001 for a wrong token, 40029 for an unknown or used code (each is good once), -1 for "busy".
 * Tests register phone codes with `phoneCode(phone)`.
 */
export interface WechatStandIn {
  url: string;
  /** A fresh one-time getPhoneNumber code that WeChat would resolve to `phone`. */
  phoneCode(phone: string): string;
  /** How many calls each API received. */
  calls: { code2Session: number; stableToken: number; phoneNumber: number };
  /** Makes the current access token invalid (as a force refresh elsewhere would). */
  revokeToken(): void;
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

export const startWechatStandIn = async (
  app: { appId: string; secret: string } = { appId: LOCAL_DEFAULTS.wechatAppId, secret: LOCAL_DEFAULTS.wechatAppSecret },
): Promise<WechatStandIn> => {
  const usedLoginCodes = new Set<string>();
  const phoneCodes = new Map<string, string>();
  const calls = { code2Session: 0, stableToken: 0, phoneNumber: 0 };
  let token = `tok-${randomBytes(8).toString('hex')}`;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('content-type', 'application/json');
    const send = (body: unknown) => res.end(JSON.stringify(body));

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
      if (body.grant_type !== 'client_credential') return send({ errcode: 40002, errmsg: 'invalid grant_type' });
      if (body.appid !== app.appId) return send({ errcode: 40013, errmsg: 'invalid appid' });
      if (body.secret !== app.secret) return send({ errcode: 40125, errmsg: 'invalid appsecret' });
      if (body.force_refresh === true) token = `tok-${randomBytes(8).toString('hex')}`;
      return send({ access_token: token, expires_in: 7200 });
    }

    if (url.pathname === '/wxa/business/getuserphonenumber') {
      calls.phoneNumber += 1;
      if (req.method !== 'POST') return send({ errcode: 43002, errmsg: 'require POST method' });
      if (url.searchParams.get('access_token') !== token) {
        return send({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      }
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
    revokeToken() {
      token = `tok-${randomBytes(8).toString('hex')}`;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
};

/** Starts the stand-in and points the functions' runtime at it (WECHAT_API_BASE, runtime rebuilt). */
export const startWechatStandInForFunctions = async (): Promise<WechatStandIn> => {
  const wechat = await startWechatStandIn();
  process.env.WECHAT_API_BASE = wechat.url;
  resetRuntime();
  return wechat;
};
