import { NOTIFICATION_EVENTS, type NotificationEvent, type NotificationTemplate } from '@union/shared/domain/notifications/events';

/**
 * WeChat 订阅消息 (weapp only): what to ask a member to subscribe to, and what to remember of the answer.
 * Pure (no Taro, no storage), so it is unit-tested as it is; `subscribe.weapp.ts` asks and keeps the answer.
 *
 * A moment is something the member just did that the union will answer later; it asks only for the
 * templates of the events that answer it (event → template in shared/src/domain/notifications/events.ts).
 */
export const SUBSCRIBE_MOMENTS = {
  /** 入会: the application's review. */
  apply: ['applicationApproved', 'applicationRejected'],
  /** 会籍转移: the receiving union's decision. */
  transfer: ['transferApproved', 'transferRejected'],
  /** 申领: the claim's review. */
  claim: ['claimApproved', 'claimRejected'],
  /** 提案: 立案 or not, the reply, 落实. */
  propose: ['proposalAccepted', 'proposalConverted', 'proposalRejected', 'proposalReplied', 'proposalProgress'],
  /** 签到 at a 职代会 session: a 表决 opened, results published. */
  signIn: ['motionOpened', 'motionResults'],
} as const satisfies Record<string, readonly NotificationEvent[]>;
export type SubscribeMoment = keyof typeof SUBSCRIBE_MOMENTS;

/** WeChat takes at most three template ids in one request. */
export const MAX_TEMPLATES_PER_ASK = 3;

/** The template id of each kind of message, from the build (empty in h5, and where none is configured). */
export type TemplateIds = Partial<Record<NotificationTemplate, string>>;
/** Templates the member refused (or WeChat will not show), with when: never asked again. */
export type Refusals = Partial<Record<NotificationTemplate, string>>;

export interface TemplateAsk {
  template: NotificationTemplate;
  tmplId: string;
}

/** The templates to ask for at `moment`: those its events use, with an id configured, not refused; at most three. */
export const templatesToAsk = (moment: SubscribeMoment, ids: TemplateIds, refused: Refusals): TemplateAsk[] => {
  const templates = [...new Set(SUBSCRIBE_MOMENTS[moment].map((e) => NOTIFICATION_EVENTS[e].template))];
  return templates
    .flatMap((template) => {
      const tmplId = ids[template];
      return tmplId && !refused[template] ? [{ template, tmplId }] : [];
    })
    .slice(0, MAX_TEMPLATES_PER_ASK);
};

/**
 * WeChat's answer to one request: per template id 'accept' | 'reject' | 'ban' | 'filter' on success, or
 * the error code of a failed request (20004: the member turned 订阅消息 off for this mini-program).
 */
export type SubscribeOutcome = { answers: Record<string, unknown> } | { errCode: number };

/** Messages turned off in the mini-program's settings: nothing can be subscribed until they turn them on. */
export const SUBSCRIPTIONS_OFF = 20004;

/**
 * The refusals after an answer. Remembered: 'reject' (the member said no), 'ban' (WeChat banned the
 * template) and 'filter' (WeChat filtered it: asking shows nothing), and every template asked when
 * messages are turned off. 'accept' is consent to one message, so the next moment asks again. Any
 * other failure (no tap gesture, an old base library) is not the member's answer: nothing is kept.
 */
export const refusalsAfter = (asked: readonly TemplateAsk[], outcome: SubscribeOutcome, refused: Refusals, now: Date): Refusals => {
  const at = now.toISOString();
  const next: Refusals = { ...refused };
  for (const a of asked) {
    const answer = 'answers' in outcome ? outcome.answers[a.tmplId] : outcome.errCode === SUBSCRIPTIONS_OFF ? 'reject' : undefined;
    if (answer === 'reject' || answer === 'ban' || answer === 'filter') next[a.template] = at;
  }
  return next;
};

/** Where the refusals of a person are kept on the device. */
export const refusalsKey = (userId: string): string => `union.subscribe.refused.${userId}`;
