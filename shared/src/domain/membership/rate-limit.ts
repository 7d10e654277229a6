import { DomainError } from '../common/errors';

/**
 * Attempts that can probe for a person (入会申请, 重新提交, 手机号更正) are counted per account and per
 * invite in fixed windows. The invite's limit leaves room for a real enrolment drive at one poster.
 */
export interface RateLimit {
  /** Part of the counter's key: what is counted. */
  scope: string;
  limit: number;
  windowSeconds: number;
}

export const RATE_LIMITS = {
  joinPerAccount: { scope: 'join-account', limit: 10, windowSeconds: 3600 },
  joinPerInvite: { scope: 'join-invite', limit: 120, windowSeconds: 600 },
  phonePerAccount: { scope: 'phone-account', limit: 5, windowSeconds: 3600 },
} as const satisfies Record<string, RateLimit>;

/** The fixed window `now` falls in: [start, end) in epoch seconds. */
export const rateWindow = (limit: RateLimit, now: Date): { start: number; end: number } => {
  const seconds = Math.floor(now.getTime() / 1000);
  const start = seconds - (seconds % limit.windowSeconds);
  return { start, end: start + limit.windowSeconds };
};

const chinaClock = (epochSeconds: number): string => new Date((epochSeconds + 8 * 3600) * 1000).toISOString().slice(11, 16);

/** 429: says when to try again, in minutes and as Beijing time. */
export const rateLimitedError = (limit: RateLimit, now: Date): DomainError => {
  const { end } = rateWindow(limit, now);
  const retryAfterSeconds = Math.max(1, end - Math.floor(now.getTime() / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new DomainError('RATE_LIMITED', `尝试次数过多，请 ${minutes} 分钟后（北京时间 ${chinaClock(end)} 以后）再试`, {
    details: { retryAfterSeconds, retryAt: new Date(end * 1000).toISOString() },
  });
};
