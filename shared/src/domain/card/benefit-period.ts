import { DomainError } from '../common/errors';

/**
 * When a catalog benefit can be claimed. A plan is a year's plan (工作要点 / 工作计划 of 2025): its
 * benefits are for that year, China dates, both ends included. The year is the entry's own (the
 * importer writes `period` as the year, followed by a schedule label under a 季度 or 月份 heading:
 * "2025第三季度", "20253月", "20257-9月") or else the document's; a schedule label narrows the span
 * to those months. An entry with no year anywhere has no period (always open).
 */
export interface BenefitSpan {
  year: number;
  /** YYYY-MM-DD (China date), both included. */
  startsOn: string;
  endsOn: string;
}

export type BenefitPeriodStatus = 'open' | 'notStarted' | 'ended';

export const BENEFIT_PERIOD_LABELS: Record<Exclude<BenefitPeriodStatus, 'open'>, '未开始' | '已结束'> = {
  notStarted: '未开始',
  ended: '已结束',
};

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

const monthOf = (s: string): number | null => {
  const n = /^\d+$/.test(s) ? Number(s) : (CN_DIGITS[s] ?? NaN);
  return Number.isInteger(n) && n >= 1 && n <= 12 ? n : null;
};

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The months a schedule label names: 第三季度 → 7–9, 3月 / 三月份 → 3–3, 7-9月 → 7–9; null when it names none. */
export const monthsOfLabel = (label: string): { from: number; to: number } | null => {
  const quarter = /第?([一二三四1-4])季度/.exec(label);
  if (quarter) {
    const q = monthOf(quarter[1] as string) as number;
    return { from: q * 3 - 2, to: q * 3 };
  }
  const range = /(\d{1,2})\s*[-—~至到]\s*(\d{1,2})\s*月/.exec(label);
  if (range) {
    const from = monthOf(range[1] as string);
    const to = monthOf(range[2] as string);
    return from !== null && to !== null && from <= to ? { from, to } : null;
  }
  const month = /(\d{1,2}|十[一二]|[一二三四五六七八九十])月/.exec(label);
  if (month) {
    const m = monthOf(month[1] as string);
    return m === null ? null : { from: m, to: m };
  }
  return null;
};

/** The span of a published benefit, from its entry period and its document's year (immutable catalog data). */
export const benefitSpanOf = (b: { period?: string | undefined; source: { document: { year: number | null } } }): BenefitSpan | null => {
  const own = b.period ? /^(\d{4})(.*)$/.exec(b.period) : null;
  const year = own ? Number(own[1]) : b.source.document.year;
  if (year === null || !Number.isInteger(year) || year < 1900 || year > 9999) return null;
  const months = monthsOfLabel(own ? (own[2] as string) : (b.period ?? '')) ?? { from: 1, to: 12 };
  return {
    year,
    startsOn: `${year}-${pad(months.from)}-01`,
    endsOn: `${year}-${pad(months.to)}-${pad(lastDayOf(year, months.to))}`,
  };
};

/** Where `today` (a China date, YYYY-MM-DD) falls against a span (none: always open). */
export const benefitPeriodStatus = (span: BenefitSpan | null, today: string): BenefitPeriodStatus =>
  span === null ? 'open' : today < span.startsOn ? 'notStarted' : today > span.endsOn ? 'ended' : 'open';

/** "2025 年度" / "2025-07-01 至 2025-09-30" (a part of a year). */
export const describeSpan = (span: BenefitSpan): string =>
  span.startsOn.endsWith('-01-01') && span.endsOn.endsWith('-12-31') ? `${span.year} 年度` : `${span.startsOn} 至 ${span.endsOn}`;

/**
 * Refuses a claim outside the benefit's period: 409 BENEFIT_ENDED / BENEFIT_NOT_STARTED, field
 * benefitId. Decided from the published entry, which never changes, so no read-then-write race.
 */
export const assertBenefitInPeriod = (span: BenefitSpan | null, today: string): void => {
  const status = benefitPeriodStatus(span, today);
  if (span === null || status === 'open') return;
  const details = { startsOn: span.startsOn, endsOn: span.endsOn };
  if (status === 'ended') {
    throw new DomainError('BENEFIT_ENDED', `申领福利：该项为 ${describeSpan(span)}的福利，已于 ${span.endsOn} 结束，不能再申领`, {
      field: 'benefitId',
      details,
    });
  }
  throw new DomainError('BENEFIT_NOT_STARTED', `申领福利：该项为 ${describeSpan(span)}的福利，${span.startsOn} 起才能申领`, {
    field: 'benefitId',
    details,
  });
};
