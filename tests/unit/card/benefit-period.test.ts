import { assertBenefitInPeriod, benefitPeriodStatus, benefitSpanOf, DomainError, describeSpan, monthsOfLabel } from '@union/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const entry = (period: string | undefined, year: number | null) => ({ period, source: { document: { year } } });

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? { code: e.code, field: e.field, message: e.message } : { code: 'not a DomainError' };
  }
  return null;
};

const isoDay = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('benefit periods (a plan is a year’s plan)', () => {
  it('takes the year from the entry, else from the document; none → no period (always open)', () => {
    expect(benefitSpanOf(entry('2025', 2025))).toEqual({ year: 2025, startsOn: '2025-01-01', endsOn: '2025-12-31' });
    expect(benefitSpanOf(entry(undefined, 2024))).toEqual({ year: 2024, startsOn: '2024-01-01', endsOn: '2024-12-31' });
    expect(benefitSpanOf(entry('2026', 2025))?.year).toBe(2026);
    expect(benefitSpanOf(entry(undefined, null))).toBeNull();
    expect(benefitPeriodStatus(null, '2099-01-01')).toBe('open');
  });

  it('narrows to the months of a 季度 / 月份 schedule label the importer kept', () => {
    expect(benefitSpanOf(entry('2025第三季度', 2025))).toEqual({ year: 2025, startsOn: '2025-07-01', endsOn: '2025-09-30' });
    expect(benefitSpanOf(entry('20253月', 2025))).toEqual({ year: 2025, startsOn: '2025-03-01', endsOn: '2025-03-31' });
    expect(benefitSpanOf(entry('20247-9月', null))).toEqual({ year: 2024, startsOn: '2024-07-01', endsOn: '2024-09-30' });
    expect(benefitSpanOf(entry('2024二月份', null))?.endsOn).toBe('2024-02-29');
    expect(benefitSpanOf(entry('2025十二月', null))?.startsOn).toBe('2025-12-01');
    expect(monthsOfLabel('全年')).toBeNull();
    expect(monthsOfLabel('9-3月')).toBeNull();
    expect(describeSpan({ year: 2025, startsOn: '2025-01-01', endsOn: '2025-12-31' })).toBe('2025 年度');
    expect(describeSpan({ year: 2025, startsOn: '2025-07-01', endsOn: '2025-09-30' })).toBe('2025-07-01 至 2025-09-30');
  });

  it('is 已结束 after its last day and 未开始 before its first (China dates, both ends included)', () => {
    const span = benefitSpanOf(entry('2025', 2025));
    expect(benefitPeriodStatus(span, '2025-01-01')).toBe('open');
    expect(benefitPeriodStatus(span, '2025-12-31')).toBe('open');
    expect(benefitPeriodStatus(span, '2026-01-01')).toBe('ended');
    expect(benefitPeriodStatus(span, '2024-12-31')).toBe('notStarted');
  });

  it('refuses a claim outside the period with a stable code naming the field, in Chinese', () => {
    const span = benefitSpanOf(entry('2025', 2025));
    expect(refusal(() => assertBenefitInPeriod(span, '2026-11-30'))).toEqual({
      code: 'BENEFIT_ENDED',
      field: 'benefitId',
      message: '申领福利：该项为 2025 年度的福利，已于 2025-12-31 结束，不能再申领',
    });
    expect(refusal(() => assertBenefitInPeriod(span, '2024-06-01'))?.code).toBe('BENEFIT_NOT_STARTED');
    expect(refusal(() => assertBenefitInPeriod(span, '2025-06-01'))).toBeNull();
    expect(refusal(() => assertBenefitInPeriod(null, '2026-06-01'))).toBeNull();
  });

  it('property: every day of the plan year is open, every day of another year is not, and a claim is refused exactly then', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }),
        isoDay,
        fc.option(fc.constantFrom('第一季度', '第四季度', '5月', '7-9月', '')),
        (year, today, label) => {
          const span = benefitSpanOf(entry(`${year}${label ?? ''}`, null));
          if (!span) throw new Error('a year gives a span');
          expect(span.startsOn <= span.endsOn).toBe(true);
          expect(span.startsOn.slice(0, 4)).toBe(String(year));
          expect(span.endsOn.slice(0, 4)).toBe(String(year));
          const status = benefitPeriodStatus(span, today);
          const todayYear = Number(today.slice(0, 4));
          if (todayYear < year) expect(status).toBe('notStarted');
          if (todayYear > year) expect(status).toBe('ended');
          if (!label) expect(status === 'open').toBe(todayYear === year);
          expect(refusal(() => assertBenefitInPeriod(span, today)) === null).toBe(status === 'open');
        },
      ),
    );
  });
});
