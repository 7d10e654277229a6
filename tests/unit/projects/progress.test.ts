import { fc, test } from '@fast-check/vitest';
import {
  behindSchedule,
  describeProgress,
  elapsedOfYear,
  progressDone,
  progressPercent,
  progressTargetOf,
  summarizeRatings,
} from '@union/shared/domain/projects/index';
import { describe, expect, it } from 'vitest';

const dayOf = (year: number, index: number) => new Date(Date.UTC(year, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

describe('实事 progress', () => {
  it('targets a quota, else the facilities summed; nothing counted is no target', () => {
    expect(progressTargetOf({ quota: { count: 25, unit: '名' } })).toEqual({ count: 25, unit: '名' });
    expect(
      progressTargetOf({
        facilities: [
          { kind: '驿站', count: 3, unit: '个' },
          { kind: '书屋', count: 2, unit: '个' },
        ],
      } as never),
    ).toEqual({
      count: 5,
      unit: '个',
    });
    expect(progressTargetOf({ facilities: [] })).toBeNull();
    expect(progressTargetOf({})).toBeNull();
  });

  it('shows max(recorded, approved) and a bar capped at 100', () => {
    expect(progressDone(12, 7)).toBe(12);
    expect(progressDone(3, 7)).toBe(7);
    expect(describeProgress(12, { count: 25, unit: '名' })).toBe('已完成 12/25 名');
    expect(progressPercent(12, 25)).toBe(48);
    expect(progressPercent(40, 25)).toBe(100);
  });

  it('flags at the half-year: 1 July of a common year is 181/365 elapsed', () => {
    expect(elapsedOfYear(2026, '2026-07-01')).toEqual({ days: 181, of: 365 });
    expect(elapsedOfYear(2028, '2028-07-01')).toEqual({ days: 182, of: 366 });
    // 12/25 = 0.48 < 181/365 ≈ 0.496: behind; 13/25 = 0.52: on schedule.
    expect(behindSchedule({ year: 2026, done: 12, target: 25 }, '2026-07-01')).toBe(true);
    expect(behindSchedule({ year: 2026, done: 13, target: 25 }, '2026-07-01')).toBe(false);
    // Not before 1 July, however little is done.
    expect(behindSchedule({ year: 2026, done: 0, target: 25 }, '2026-06-30')).toBe(false);
    // After the year, anything short of the target.
    expect(behindSchedule({ year: 2026, done: 24, target: 25 }, '2027-01-05')).toBe(true);
    expect(behindSchedule({ year: 2026, done: 25, target: 25 }, '2027-01-05')).toBe(false);
  });

  test.prop([
    fc.integer({ min: 2000, max: 2098 }),
    fc.integer({ min: 0, max: 365 }),
    fc.integer({ min: 1, max: 100_000 }),
    fc.nat(120_000),
  ])('behind exactly when done/target < elapsed fraction, and only from 1 July', (year, index, target, done) => {
    const days = isLeap(year) ? 366 : 365;
    const day = dayOf(year, Math.min(index, days - 1));
    const elapsed = Math.min(index, days - 1) / days;
    const expected = day >= `${year}-07-01` && done / target < elapsed;
    // Floating point only where the two fractions are far apart (the rule itself is exact).
    if (Math.abs(done / target - elapsed) > 1e-9) expect(behindSchedule({ year, done, target }, day)).toBe(expected);
    // Monotone: more done is never more behind.
    if (behindSchedule({ year, done: done + 1, target }, day)) expect(behindSchedule({ year, done, target }, day)).toBe(true);
    // Done in full is never behind.
    expect(behindSchedule({ year, done: target, target }, day)).toBe(false);
  });

  test.prop([fc.integer({ min: 2000, max: 2098 }), fc.integer({ min: 0, max: 364 }), fc.integer({ min: 1, max: 1000 }), fc.nat(1000)])(
    'a later day is never less behind for the same count',
    (year, index, target, done) => {
      const a = dayOf(year, index);
      const b = dayOf(year, index + 1);
      if (behindSchedule({ year, done, target }, a)) expect(behindSchedule({ year, done, target }, b)).toBe(true);
    },
  );
});

describe('实事 rating results', () => {
  it('satisfaction (满意+基本满意)/responses and response rate responses/served', () => {
    expect(summarizeRatings({ satisfied: 6, basic: 2, unsatisfied: 2 }, 40)).toEqual({
      satisfied: 6,
      basic: 2,
      unsatisfied: 2,
      responses: 10,
      served: 40,
      satisfactionRate: 0.8,
      responseRate: 0.25,
    });
    expect(summarizeRatings({ satisfied: 0, basic: 0, unsatisfied: 0 }, 0)).toMatchObject({ satisfactionRate: null, responseRate: null });
  });
});
