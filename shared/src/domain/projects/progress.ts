/**
 * 过程管理: how far a published 实事 entry is, and whether it is behind schedule.
 *
 * An entry is counted when it has a quota (名额: people served, activities held) or facilities (阵地设施:
 * places built); its target is the quota's count, or the facilities' counts summed.
 *
 * What is done: officers record a cumulative count; claims approved against the entry's quota are
 * counted by the store by themselves (the quota counter). The shown figure is max(recorded, approved),
 * never their sum: an officer's count is of everyone served, and members whose claims were approved are
 * among them, so a sum would count them twice; the max never falls below what the store knows was given.
 */

export interface ProgressTarget {
  count: number;
  unit: string;
}

/** The entry's target, or null for an entry that counts nothing (no quota, no facilities). */
export const progressTargetOf = (benefit: {
  quota?: { count: number; unit: string };
  facilities?: ReadonlyArray<{ count: number; unit: string }>;
}): ProgressTarget | null => {
  if (benefit.quota) return { count: benefit.quota.count, unit: benefit.quota.unit };
  const facilities = benefit.facilities ?? [];
  if (facilities.length === 0) return null;
  const units = new Set(facilities.map((f) => f.unit));
  return { count: facilities.reduce((sum, f) => sum + f.count, 0), unit: units.size === 1 ? facilities[0]!.unit : '处' };
};

/** The shown count: the recorded cumulative count or the approved claims, whichever is more (see above). */
export const progressDone = (recorded: number, approved: number): number => Math.max(recorded, approved);

/** "已完成 12/25 名" */
export const describeProgress = (done: number, target: ProgressTarget): string => `已完成 ${done}/${target.count} ${target.unit}`;

/** Whole per cent shown by the progress bar, 0–100 (a count past the target shows a full bar). */
export const progressPercent = (done: number, target: number): number =>
  target <= 0 ? 0 : Math.min(100, Math.floor((Math.max(0, done) * 100) / target));

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAY_MS = 86_400_000;

/**
 * How much of `year` has passed on `day` (YYYY-MM-DD, a Beijing calendar day), as whole days over the
 * year's days: 1 January → 0/365, 1 July → 181/365 (182/366), a day after the year → all of it.
 */
export const elapsedOfYear = (year: number, day: string): { days: number; of: number } => {
  const of = isLeap(year) ? 366 : 365;
  const y = Number(day.slice(0, 4));
  if (y < year) return { days: 0, of };
  if (y > year) return { days: of, of };
  const days = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / DAY_MS);
  return { days, of };
};

/**
 * Behind schedule at the half-year: from 1 July of the entry's year on, an entry whose done/target is
 * below the part of the year that has passed. Before 1 July nothing is flagged (the plans' own check is
 * at the half-year). Integer arithmetic: done × yearDays < target × elapsedDays.
 */
export const behindSchedule = (p: { year: number; done: number; target: number }, day: string): boolean => {
  if (p.target <= 0) return false;
  if (day < `${p.year}-07-01`) return false;
  const { days, of } = elapsedOfYear(p.year, day);
  return p.done * of < p.target * days;
};

/** 绩效评估: the three answers a served member gives. */
export const RATINGS = ['satisfied', 'basic', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' };
export const RATING_COMMENT_MAX = 200;

export interface RatingCounts {
  satisfied: number;
  basic: number;
  unsatisfied: number;
}

export interface RatingSummary extends RatingCounts {
  responses: number;
  served: number;
  /** (满意 + 基本满意) / responses, null with no response. */
  satisfactionRate: number | null;
  /** responses / served, null with nobody served. */
  responseRate: number | null;
}

/** Results of one entry: counts, satisfaction rate and response rate (rates as fractions, 4 decimals). */
export const summarizeRatings = (counts: RatingCounts, served: number): RatingSummary => {
  const responses = counts.satisfied + counts.basic + counts.unsatisfied;
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return {
    ...counts,
    responses,
    served,
    satisfactionRate: responses === 0 ? null : round((counts.satisfied + counts.basic) / responses),
    responseRate: served === 0 ? null : round(responses / served),
  };
};

/** "95.2%" or "—". */
export const percentText = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
