/**
 * The officer's desk counters (issue 13, docs/ARCHITECTURE.md "Dashboard"): per org, `DESK#<orgId> / NOW`
 * (what is true now) and `DESK#<orgId> / YEAR#<yyyy>` (what happened in a Beijing-time year), every
 * attribute written with ADD, so an absent one is 0. Pure: sums, the median from the histogram, turnout,
 * the months of a year.
 */

/** Counters of one item or of a sum of items: attribute name → number (absent = 0). */
export type DeskCounters = Readonly<Record<string, number>>;

/** Orgs of the subtree listed with a 待办 queue: the ones holding most, at most this many. */
export const WAITING_ORGS_SHOWN = 10;

/** Upper bounds (hours) of the 入会 review histogram `review:hours:<b>`; the last one catches everything. */
export const REVIEW_HOUR_BOUNDS = [1, 4, 8, 24, 48, 72, 168, 336, 720, 99999] as const;

/** The count of a counter (absent, or not a finite number: 0). */
export const counterOf = (c: DeskCounters, key: string): number => {
  const v = c[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
};

/** The numeric attributes of stored items summed by name (keys and other attributes left out). */
export const sumCounters = (items: ReadonlyArray<Readonly<Record<string, unknown>> | undefined>): DeskCounters => {
  const out: Record<string, number> = {};
  for (const item of items) {
    if (!item) continue;
    for (const [k, v] of Object.entries(item)) {
      if (typeof v !== 'number' || !Number.isFinite(v) || k === 'ttl') continue;
      out[k] = (out[k] ?? 0) + v;
    }
  }
  return out;
};

/**
 * The median hours from application to decision, read from the histogram: the first bound where the
 * cumulative count reaches half the decisions (shown as "≤ b 小时"); null without a decision.
 */
export const medianHoursOf = (c: DeskCounters): number | null => {
  const counts = REVIEW_HOUR_BOUNDS.map((b) => Math.max(0, counterOf(c, `review:hours:${b}`)));
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let cumulative = 0;
  for (const [i, n] of counts.entries()) {
    cumulative += n;
    if (cumulative * 2 >= total) return REVIEW_HOUR_BOUNDS[i] as number;
  }
  return REVIEW_HOUR_BOUNDS[REVIEW_HOUR_BOUNDS.length - 1] as number;
};

/** The histogram bucket (`review:hours:<b>`) of a time to decision in hours. */
export const reviewHoursBucket = (hours: number): number => REVIEW_HOUR_BOUNDS.find((b) => hours <= b) ?? 99999;

/** Voted ÷ eligible, within [0, 1] (0 when nobody was eligible). */
export const turnoutOf = (voted: number, eligible: number): number => (eligible > 0 ? Math.min(1, Math.max(0, voted / eligible)) : 0);

/** The 12 months of a year, "2026-01" … "2026-12". */
export const monthsOf = (year: number): string[] => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/** The year (Beijing time) of an instant: the year the YEAR# counters of a change go to. */
export const deskYearOf = (now: Date): number => new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();

/** A count never shown below 0 (a −1 of a status change whose +1 went into an earlier year's item). */
export const nonNegative = (n: number): number => Math.max(0, Math.round(n));

/** 元 to the fen (sums of decimal amounts). */
export const yuan = (n: number): number => Math.max(0, Math.round(n * 100) / 100);
