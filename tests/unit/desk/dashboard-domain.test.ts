import { fc, test } from '@fast-check/vitest';
import { dashboardSchema } from '@union/shared/contracts/desk.contract';
import {
  deskYearOf,
  medianHoursOf,
  monthsOf,
  REVIEW_HOUR_BOUNDS,
  reviewHoursBucket,
  sumCounters,
  turnoutOf,
} from '@union/shared/domain/desk/counters';
import { dashboardCsv, dashboardCsvFilenames } from '@union/shared/domain/desk/csv';
import { buildDashboard, type DashboardInput } from '@union/shared/domain/desk/dashboard';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../support/csv-parse';

const base: DashboardInput = {
  orgId: 'district',
  orgName: '临江区总工会',
  year: 2026,
  scope: 'subtree',
  now: {},
  yearCounters: {},
  byChild: [],
  byChildNextCursor: null,
  benefits: [],
  motions: [],
  placeKinds: [],
};

describe('desk counters', () => {
  it('sums numeric attributes by name, leaving keys, strings and absent items out', () => {
    expect(
      sumCounters([
        { pk: 'DESK#a', sk: 'NOW', 'members:active': 3, 'waiting:claims': 1 },
        undefined,
        { pk: 'DESK#b', sk: 'NOW', 'members:active': 4, note: 'x', ttl: 99 },
      ]),
    ).toEqual({ 'members:active': 7, 'waiting:claims': 1 });
  });

  test.prop([fc.array(fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: -1000, max: 1000 })), { maxLength: 30 })])(
    'a sum of sums is the sum of all items (any split)',
    (items) => {
      const cut = Math.floor(items.length / 2);
      const whole = sumCounters(items);
      const parts = sumCounters([sumCounters(items.slice(0, cut)), sumCounters(items.slice(cut))]);
      for (const k of ['a', 'b', 'c']) expect(parts[k] ?? 0).toBe(whole[k] ?? 0);
    },
  );

  it('reads the median as the first bound where the cumulative count reaches half', () => {
    expect(medianHoursOf({})).toBeNull();
    expect(medianHoursOf({ 'review:hours:4': 1 })).toBe(4);
    expect(medianHoursOf({ 'review:hours:1': 1, 'review:hours:24': 1 })).toBe(1);
    expect(medianHoursOf({ 'review:hours:1': 1, 'review:hours:24': 2 })).toBe(24);
    expect(medianHoursOf({ 'review:hours:8': 2, 'review:hours:720': 1, 'review:hours:99999': 1 })).toBe(8);
  });

  test.prop([fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { minLength: 1, maxLength: 200 })])(
    'the histogram median bounds the true median: it is the bucket holding the lower middle value',
    (hours) => {
      const c: Record<string, number> = {};
      for (const h of hours) c[`review:hours:${reviewHoursBucket(h)}`] = (c[`review:hours:${reviewHoursBucket(h)}`] ?? 0) + 1;
      const sorted = [...hours].sort((a, b) => a - b);
      const lowerMiddle = sorted[Math.ceil(sorted.length / 2) - 1] as number;
      expect(medianHoursOf(c)).toBe(reviewHoursBucket(lowerMiddle));
      expect(REVIEW_HOUR_BOUNDS).toContain(medianHoursOf(c));
    },
  );

  it('turnout is voted ÷ eligible within [0, 1]', () => {
    expect(turnoutOf(45, 60)).toBe(0.75);
    expect(turnoutOf(0, 0)).toBe(0);
    expect(turnoutOf(70, 60)).toBe(1);
  });

  it('has the 12 months of a year and the Beijing year of an instant', () => {
    expect(monthsOf(2026)).toHaveLength(12);
    expect(monthsOf(2026)[0]).toBe('2026-01');
    expect(monthsOf(2026)[11]).toBe('2026-12');
    expect(deskYearOf(new Date('2025-12-31T16:00:00Z'))).toBe(2026);
    expect(deskYearOf(new Date('2025-12-31T15:59:59Z'))).toBe(2025);
  });
});

describe('the dashboard from counters', () => {
  it('a year with nothing is zeros, every month and status present, and holds the schema', () => {
    const d = buildDashboard(base);
    expect(dashboardSchema.safeParse(d).success).toBe(true);
    expect(d.members.newByMonth.map((m) => m.count)).toEqual(Array(12).fill(0));
    expect(d.review).toEqual({ approved: 0, rejected: 0, medianHoursToDecision: null });
    expect(d.congress.proposalsByStatus).toHaveLength(9);
    expect(d.places.every((p) => p.count === 0)).toBe(true);
  });

  it('reads months, channels, benefits, statuses and places from the counters', () => {
    const d = buildDashboard({
      ...base,
      now: { 'members:total': 12, 'members:active': 10 },
      yearCounters: {
        'joined:01:invite': 2,
        'joined:01:joint': 1,
        'joined:03:transferIn': 4,
        'review:approved': 5,
        'review:rejected': 1,
        'review:hours:24': 6,
        'claims:auto:district|助学': 3,
        'claims:reviewed:district|助学': 2,
        'paid:district|助学': 2500.5,
        'proposals:accepted': 2,
        'proposals:review': -1,
        'replies:onTime': 1,
      },
      benefits: [{ benefitId: 'district.v1.0', benefitKey: 'district|助学', name: '助学', orgName: '临江区总工会', quota: 10 }],
      motions: [{ motionId: 'm1', title: '集体合同草案', orgName: '临江区总工会', voted: 45, eligible: 60 }],
      placeKinds: ['职工书屋', '职工书屋', '职工之家'],
    });
    expect(dashboardSchema.safeParse(d).success).toBe(true);
    expect(d.members).toMatchObject({ total: 12, active: 10, byChannel: { invite: 2, joint: 1, transferIn: 4 } });
    expect(d.members.newByMonth[0]).toEqual({ month: '2026-01', count: 3 });
    expect(d.members.newByMonth[2]).toEqual({ month: '2026-03', count: 4 });
    expect(d.review.medianHoursToDecision).toBe(24);
    expect(d.benefits[0]).toMatchObject({ approved: 5, automatic: 3, reviewed: 2, amountYuan: 2500.5, quota: 10 });
    expect(d.congress.motions[0]?.turnout).toBe(0.75);
    expect(d.congress.proposalsByStatus.find((p) => p.status === 'accepted')?.count).toBe(2);
    expect(d.congress.proposalsByStatus.find((p) => p.status === 'review')?.count).toBe(0);
    expect(d.places.find((p) => p.kind === '职工书屋')?.count).toBe(2);
  });

  it('writes each table as CSV that parses back to the numbers, formula-safe, with a Chinese file name', () => {
    const d = buildDashboard({
      ...base,
      now: { 'members:total': 7, 'members:active': 6 },
      yearCounters: { 'claims:auto:x|=1+1': 1 },
      byChild: [{ orgId: 'u1', orgName: '=HYPERLINK("x")', active: 6 }],
      benefits: [{ benefitId: 'x.v1.0', benefitKey: 'x|=1+1', name: '=1+1', orgName: '甲', quota: null }],
    });
    const members = dashboardCsv(d, 'members');
    expect(members.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(members);
    expect(rows[0]).toEqual(['会员总数', '7']);
    expect(rows).toContainEqual(['\'=HYPERLINK("x")', '6']);
    expect(rows).toContainEqual(['2026-12', '0']);
    const benefits = parseCsv(dashboardCsv(d, 'benefits'));
    expect(benefits[1]).toEqual(["'=1+1", '甲', '', '1', '0', '1', '0']);
    expect(parseCsv(dashboardCsv(d, 'places'))).toHaveLength(5);
    expect(dashboardCsvFilenames(d, 'review')).toEqual({
      ascii: 'desk-review-2026.csv',
      chinese: '临江区总工会2026年数据看板（含下级）-入会审核.csv',
    });
  });
});
