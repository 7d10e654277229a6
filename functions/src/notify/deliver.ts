import { NOTIFICATION_EVENTS, type NotificationEvent, type NotificationFacts } from '@union/shared/domain/notifications/events';
import { messageFacts, messagePage, subscribeMessageData } from '@union/shared/domain/notifications/message';
import { logger } from '../platform/logger';
import type { NotifyConfig } from '../platform/notify-config';
import { fetchStableToken, type SendOutcome, type SubscribeMessage, sendSubscribeMessage } from '../platform/wechat';
import { claimForSending, type DeliveryCode, finishDelivery, releaseToPending } from '../store/notification-delivery.repository';
import { openIdOf } from '../store/user.repository';
import { accessToken } from '../store/wechat-token.repository';

/**
 * One notification → one WeChat 订阅消息, at most once (docs/ARCHITECTURE.md, Notifications).
 * WeChat's answers:
 * - 0 → sent; 43101 (the user has not subscribed to the template) → skipped, not retried;
 * - 40001 / 40014 / 42001 (the token is invalid or expired) → the token refreshed once, sent again;
 * - 45009 (over the day's quota), -1 (system busy), or no connection → tried again after a backoff,
 *   a few times here, then released to pending: the function fails the batch, and Lambda retries it;
 * - no answer in time → failed (TIMEOUT): it may have been delivered, so it is not sent again;
 * - anything else → failed, with WeChat's code kept.
 */

export interface NotificationImage {
  userId: string;
  noteId: string;
  event: NotificationEvent;
  facts: NotificationFacts;
  page: string;
  createdAt: string;
}

export interface DeliveryDeps {
  wechat: { appId: string; appSecret: string; apiBase: string };
  notify: NotifyConfig;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  /** The waits between in-function attempts at 45009 / -1: their count + 1 attempts in all. */
  backoffMs: readonly number[];
  fetchImpl?: typeof fetch;
}

export type DeliveryResult = 'sent' | 'skipped' | 'failed' | 'retry' | 'duplicate';

const TOKEN_CODES = new Set<SendOutcome['errcode'] | 'TOKEN_UNAVAILABLE'>([40001, 40014, 42001]);
const RETRY_CODES = new Set<SendOutcome['errcode'] | 'TOKEN_UNAVAILABLE'>([45009, -1, 'unreached', 'TOKEN_UNAVAILABLE']);
const NOT_SUBSCRIBED = 43101;

/** The message a notification becomes (no reason, no name: shared message.ts). */
export const subscribeMessageOf = (n: NotificationImage, openId: string, notify: NotifyConfig): SubscribeMessage => {
  const template = notify.templates[NOTIFICATION_EVENTS[n.event].template];
  const at = new Date(n.createdAt);
  return {
    touser: openId,
    template_id: template.templateId,
    page: messagePage(n.page),
    data: subscribeMessageData(template.fields, messageFacts(n.event, n.facts, at), at),
    miniprogram_state: notify.miniprogramState,
    lang: 'zh_CN',
  };
};

const codeOf = (c: SendOutcome['errcode'] | 'TOKEN_UNAVAILABLE'): DeliveryCode =>
  c === 'timeout' ? 'TIMEOUT' : c === 'unreached' ? 'UNREACHED' : c;

export const deliverNotification = async (n: NotificationImage, deps: DeliveryDeps): Promise<DeliveryResult> => {
  const { userId, noteId } = n;
  if (!(await claimForSending(userId, noteId, deps.now()))) return 'duplicate';
  const log = (result: DeliveryResult, code: DeliveryCode) =>
    // Never the openid, never the facts: the note, its event and what WeChat said.
    logger.info('notification delivery', { noteId, userId, event: n.event, result, code });
  const finish = async (state: 'sent' | 'skipped' | 'failed', code: DeliveryCode): Promise<DeliveryResult> => {
    if (!(await finishDelivery(userId, noteId, state, code, deps.now())))
      logger.warn('notification delivery moved meanwhile', { noteId, userId });
    log(state, code);
    return state;
  };
  let sendAttempted = false;
  try {
    const openId = await openIdOf(userId);
    if (!openId) return await finish('skipped', 'NO_OPENID');
    const message = subscribeMessageOf(n, openId, deps.notify);
    const source = { fetch: (force: boolean) => fetchStableToken(deps.wechat, force, deps.fetchImpl) };
    let refused: string | undefined;
    for (let attempt = 0; ; ) {
      let code: SendOutcome['errcode'] | 'TOKEN_UNAVAILABLE';
      let token: string | undefined;
      try {
        token = await accessToken(deps.wechat.appId, source, refused === undefined ? {} : { refused });
      } catch (e) {
        if ((e as { code?: string }).code !== 'WECHAT_UNAVAILABLE') throw e;
      }
      if (token === undefined) code = 'TOKEN_UNAVAILABLE';
      else {
        sendAttempted = true;
        code = (await sendSubscribeMessage(deps.wechat, token, message, deps.fetchImpl)).errcode;
      }
      if (code === 0) return await finish('sent', 0);
      if (code === NOT_SUBSCRIBED) return await finish('skipped', NOT_SUBSCRIBED);
      if (TOKEN_CODES.has(code) && token !== undefined) {
        if (refused !== undefined) return await finish('failed', codeOf(code));
        refused = token;
        continue;
      }
      if (RETRY_CODES.has(code)) {
        const wait = deps.backoffMs[attempt];
        if (wait !== undefined) {
          attempt += 1;
          await deps.sleep(wait * (0.75 + Math.random() * 0.5));
          continue;
        }
        if (!(await releaseToPending(userId, noteId, codeOf(code))))
          logger.warn('notification delivery moved meanwhile', { noteId, userId });
        log('retry', codeOf(code));
        return 'retry';
      }
      return await finish('failed', codeOf(code));
    }
  } catch (e) {
    // A store or config error before anything was sent: released, so the retried batch sends it.
    // After a send it stays `sending`: WeChat may have delivered it.
    logger.error('notification delivery error', { noteId, userId, error: e as Error, sendAttempted });
    if (sendAttempted) return 'failed';
    await releaseToPending(userId, noteId, 'ERROR').catch(() => false);
    return 'retry';
  }
};
