import { NOTIFICATION_EVENTS, type NotificationEvent, type NotificationFacts } from './events';

/**
 * The WeChat 订阅消息 a notification becomes (subscribeMessage.send's `data`). Pure: the `notify`
 * function takes each template's field map from its config (functions/src/platform/notify-config.ts).
 *
 * What a message may say is a few facts of the notification, each put in the template field the
 * config maps it to: the title (入会申请已通过), the subject (a union, benefit, proposal or motion
 * name), the result word (已通过), the time and a note. Never a person's name, 身份证号 or phone,
 * and never a reason: a rejection or decision reason is shown in full only inside the app, so the
 * note always says 详情请在小程序内查看.
 */
export const MESSAGE_FACTS = ['title', 'subject', 'result', 'time', 'note'] as const;
export type MessageFact = (typeof MESSAGE_FACTS)[number];

/** fact → WeChat template key (`thing1`, `phrase2`, `time3` …). */
export type TemplateFields = Partial<Record<MessageFact, string>>;

export const DETAILS_IN_APP = '详情请在小程序内查看';

/**
 * WeChat's value kinds (the key's letters) and the longest value each takes, in characters. A
 * template key of another kind, or of a kind that holds a person (`name`, `phone_number`,
 * `car_number`), is refused by the config: nothing here may carry one.
 */
export const WECHAT_VALUE_LIMITS = {
  thing: 20,
  phrase: 5,
  character_string: 32,
  letter: 32,
  symbol: 5,
  number: 32,
  time: 32,
  date: 32,
} as const;
export type WechatValueKind = keyof typeof WECHAT_VALUE_LIMITS;

const KEY_RE = /^([a-z_]+?)(\d{1,2})$/;

/** The value kind of a template key (`thing12` → thing), or null for a kind a message may not use. */
export const wechatKindOf = (key: string): WechatValueKind | null => {
  const kind = KEY_RE.exec(key)?.[1];
  return kind !== undefined && Object.hasOwn(WECHAT_VALUE_LIMITS, kind) ? (kind as WechatValueKind) : null;
};

const chars = (s: string) => Array.from(s);

/** A value cut to what its kind holds: a `thing` over 20 characters ends in …, a `phrase` is cut to 5. */
export const cutForKind = (kind: WechatValueKind, value: string): string => {
  const max = WECHAT_VALUE_LIMITS[kind];
  const c = chars(value.trim());
  if (c.length <= max) return c.join('');
  return kind === 'thing' ? `${c.slice(0, max - 1).join('')}…` : c.slice(0, max).join('');
};

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** 2025年3月10日 14:05 (Beijing time), as WeChat's `time` values are written. */
export const beijingTime = (at: Date): string => {
  const d = new Date(at.getTime() + BEIJING_OFFSET_MS);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hh}:${mm}`;
};

/** 2025年3月10日 (Beijing time). */
export const beijingDate = (at: Date): string => beijingTime(at).split(' ')[0] as string;

/** What a notification may tell in a message, fact by fact (no reason: DETAILS_IN_APP). */
export const messageFacts = (event: NotificationEvent, facts: NotificationFacts, createdAt: Date): Record<MessageFact, string> => {
  const spec = NOTIFICATION_EVENTS[event];
  return { title: spec.title, subject: facts.subject, result: spec.result, time: beijingTime(createdAt), note: DETAILS_IN_APP };
};

/** subscribeMessage.send's `data`: each mapped fact under its key, cut to its kind. */
export const subscribeMessageData = (
  fields: TemplateFields,
  values: Record<MessageFact, string>,
  createdAt: Date,
): Record<string, { value: string }> => {
  const data: Record<string, { value: string }> = {};
  for (const fact of MESSAGE_FACTS) {
    const key = fields[fact];
    if (key === undefined) continue;
    const kind = wechatKindOf(key);
    if (kind === null) throw new Error(`template key ${key} is not a kind a message may use`);
    // A time or date field always holds the notification's time, whichever fact it was mapped to.
    const value = kind === 'time' ? beijingTime(createdAt) : kind === 'date' ? beijingDate(createdAt) : values[fact];
    data[key] = { value: cutForKind(kind, value) };
  }
  return data;
};

/** A mini-program page path as subscribeMessage.send takes it (no leading slash; query kept). */
export const messagePage = (page: string): string => page.replace(/^\/+/, '');
