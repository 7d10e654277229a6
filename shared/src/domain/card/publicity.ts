import { DomainError } from '../common/errors';
import { maskName } from '../common/mask';
import { chinaDateOf } from './card';

export interface ApprovedClaimant {
  name: string;
  orgName: string;
  decidedAt: string;
}

export interface PublicityEntry {
  /** 张*三: never the full name (公示 shows who, not enough to identify). */
  maskedName: string;
  orgName: string;
  decidedAt: string;
}

/** The 公示 list of an approved set: masked names, oldest approval first. */
export const publicityEntries = (approved: readonly ApprovedClaimant[]): PublicityEntry[] =>
  [...approved]
    .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt))
    .map((a) => ({ maskedName: maskName(a.name), orgName: a.orgName, decidedAt: a.decidedAt }));

/** 公示期: China dates (YYYY-MM-DD), both days included. */
export interface PublicityPeriod {
  startsOn: string;
  endsOn: string;
}

/** A 公示 published without a period lasts this many days from the day it is published. */
export const PUBLICITY_DEFAULT_DAYS = 7;
/** The longest 公示期 (health information stays on show no longer than this). */
export const PUBLICITY_MAX_DAYS = 30;
/** How far ahead a 公示 may be scheduled to start. */
export const PUBLICITY_MAX_LEAD_DAYS = 30;

const DAY_MS = 86_400_000;

/** Days from `a` to `b` (China dates); NaN for a date that does not exist. */
const daysBetween = (a: string, b: string): number => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS;

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** A real calendar date in YYYY-MM-DD (2025-02-30 is not). */
const isRealDate = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && Number.isFinite(Date.parse(`${s}T00:00:00Z`)) && addDays(s, 0) === s;

const invalid = (message: string, field: 'startsOn' | 'endsOn') => new DomainError('PUBLICITY_PERIOD_INVALID', message, { field });

/**
 * The 公示期 of a 公示 published on `today` (China date): as asked, or from today for
 * PUBLICITY_DEFAULT_DAYS days. It starts no earlier than today and at most PUBLICITY_MAX_LEAD_DAYS
 * ahead, and lasts 1 to PUBLICITY_MAX_DAYS days.
 */
export const publicityPeriodOf = (
  asked: { startsOn?: string | undefined; endsOn?: string | undefined },
  today: string,
): PublicityPeriod => {
  const startsOn = asked.startsOn ?? today;
  if (!isRealDate(startsOn)) throw invalid('公示开始日期：不是有效的日期', 'startsOn');
  if (daysBetween(today, startsOn) < 0) throw invalid('公示开始日期：不能早于今天', 'startsOn');
  if (daysBetween(today, startsOn) > PUBLICITY_MAX_LEAD_DAYS) {
    throw invalid(`公示开始日期：最晚为 ${PUBLICITY_MAX_LEAD_DAYS} 天后`, 'startsOn');
  }
  const endsOn = asked.endsOn ?? addDays(startsOn, PUBLICITY_DEFAULT_DAYS - 1);
  if (!isRealDate(endsOn)) throw invalid('公示结束日期：不是有效的日期', 'endsOn');
  const days = daysBetween(startsOn, endsOn) + 1;
  if (days < 1) throw invalid('公示结束日期：不能早于开始日期', 'endsOn');
  if (days > PUBLICITY_MAX_DAYS) throw invalid(`公示结束日期：公示期最长 ${PUBLICITY_MAX_DAYS} 天`, 'endsOn');
  return { startsOn, endsOn };
};

/** The period of a stored 公示: its own, or (published before periods existed) the default from its publication day. */
export const storedPublicityPeriod = (p: { startsOn?: string | null; endsOn?: string | null; publishedAt: string }): PublicityPeriod => {
  if (p.startsOn && p.endsOn) return { startsOn: p.startsOn, endsOn: p.endsOn };
  const startsOn = chinaDateOf(p.publishedAt);
  return { startsOn, endsOn: addDays(startsOn, PUBLICITY_DEFAULT_DAYS - 1) };
};

/** Refuses a 公示 outside its period: not yet started, or ended. */
export const assertPublicityOpen = (period: PublicityPeriod, today: string): void => {
  if (today < period.startsOn) {
    throw new DomainError('PUBLICITY_NOT_STARTED', `该公示尚未开始，公示期为 ${period.startsOn} 至 ${period.endsOn}`, {
      details: { ...period },
    });
  }
  if (today > period.endsOn) {
    throw new DomainError('PUBLICITY_ENDED', `该公示已于 ${period.endsOn} 结束，公示期满后不再展示`, { details: { ...period } });
  }
};
