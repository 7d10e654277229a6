import * as z from 'zod/mini';
import '../domain/common/zod-locale';

export const idSchema = z.string().check(z.minLength(1, '不能为空'), z.maxLength(64, '过长'), z.regex(/^[A-Za-z0-9_-]+$/, '格式不正确'));

/**
 * Bounds shared by every contract (docs/ARCHITECTURE.md "Bounds"): each number has a range,
 * each string and list a maximum, so nothing a request carries can overflow a DynamoDB number
 * (38 digits), nest past its 32 levels or fill a 400 KB item.
 */
export const LIMITS = {
  /** Any money amount, per person: 1000 万元. */
  maxAmountYuan: 10_000_000,
  /** Dates and date-times: years a union's business can fall in. */
  minYear: 1900,
  maxYear: 2099,
} as const;

const DATE_FORMAT = /^\d{4}-\d{2}-\d{2}$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar day (no 2025-02-30, no month 13) given as YYYY-MM-DD. */
export const isCalendarDate = (s: string): boolean => {
  if (!DATE_FORMAT.test(s.slice(0, 10))) return false;
  const [y, m, d] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1];
  return days !== undefined && d >= 1 && d <= days;
};

const yearInRange = (s: string): boolean => {
  const y = Number(s.slice(0, 4));
  return y >= LIMITS.minYear && y <= LIMITS.maxYear;
};

const YEAR_MESSAGE = `年份应在 ${LIMITS.minYear} 到 ${LIMITS.maxYear} 之间`;

/** The one date schema of every contract: YYYY-MM-DD, a day that exists, in LIMITS' years. */
export const dateSchema = z.string().check(
  z.regex(DATE_FORMAT, '日期格式应为 YYYY-MM-DD'),
  // Each check passes what an earlier one refuses, so the first message is the one that applies.
  z.refine((s) => !DATE_FORMAT.test(s) || isCalendarDate(s), '不是真实存在的日期'),
  z.refine((s) => !isCalendarDate(s) || yearInRange(s), YEAR_MESSAGE),
);

/** The one date-time schema: ISO 8601 with an offset (Z or +08:00), a real day, in LIMITS' years. */
export const datetimeSchema = z.iso
  .datetime({ offset: true, message: '应为日期时间（ISO 8601），且是真实存在的日期' })
  .check(z.refine((s) => !isCalendarDate(s) || yearInRange(s), YEAR_MESSAGE));

/**
 * A number in [min, max] that DynamoDB can store: it refuses magnitudes between 0 and 1e-130
 * (5e-324 is a valid JSON number and a ValidationException in the store), and any non-zero value
 * below 1e-6, which no union amount, count or measurement needs.
 */
export const boundedNumber = (min: number, max: number, message = '超出范围') =>
  z.number().check(
    z.minimum(min, message),
    z.maximum(max, message),
    z.refine((n) => n === 0 || Math.abs(n) >= 1e-6, '数值过小（最多 6 位小数）'),
  );

/** A record (map) of at most `max` entries: checked before its entries are parsed. */
export const boundedRecord = <K extends z.core.$ZodRecordKey, V extends z.core.SomeType>(key: K, value: V, max: number) =>
  z.pipe(
    z.unknown().check(z.refine((v) => typeof v !== 'object' || v === null || Object.keys(v).length <= max, `最多 ${max} 项`)),
    z.record(key, value),
  );

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.optional(z.string()),
    details: z.optional(z.record(z.string(), z.unknown())),
  }),
});
