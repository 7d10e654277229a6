import { assertPublicityOpen, DomainError, publicityPeriodOf, storedPublicityPeriod } from '@union/shared';
import { describe, expect, it } from 'vitest';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? { code: e.code, field: e.field } : { code: 'not a DomainError' };
  }
  return null;
};

describe('公示期', () => {
  it('defaults to 7 days from the day of publication, across month and year ends', () => {
    expect(publicityPeriodOf({}, '2026-11-30')).toEqual({ startsOn: '2026-11-30', endsOn: '2026-12-06' });
    expect(publicityPeriodOf({ startsOn: '2026-12-28' }, '2026-12-20')).toEqual({ startsOn: '2026-12-28', endsOn: '2027-01-03' });
    expect(publicityPeriodOf({ endsOn: '2026-11-30' }, '2026-11-30')).toEqual({ startsOn: '2026-11-30', endsOn: '2026-11-30' });
  });
  it('is bounded: from today, at most 30 days ahead, 1 to 30 days long, real dates only', () => {
    const today = '2028-02-20';
    expect(refusal(() => publicityPeriodOf({ startsOn: '2028-02-19' }, today))).toEqual({
      code: 'PUBLICITY_PERIOD_INVALID',
      field: 'startsOn',
    });
    expect(refusal(() => publicityPeriodOf({ startsOn: '2028-03-22' }, today))).toEqual({
      code: 'PUBLICITY_PERIOD_INVALID',
      field: 'startsOn',
    });
    expect(publicityPeriodOf({ startsOn: '2028-03-21' }, today).startsOn).toBe('2028-03-21');
    expect(publicityPeriodOf({ startsOn: '2028-02-29' }, today).endsOn).toBe('2028-03-06');
    expect(refusal(() => publicityPeriodOf({ startsOn: '2027-02-29' }, '2027-02-01'))).toEqual({
      code: 'PUBLICITY_PERIOD_INVALID',
      field: 'startsOn',
    });
    expect(refusal(() => publicityPeriodOf({ endsOn: '2028-02-19' }, today))).toEqual({
      code: 'PUBLICITY_PERIOD_INVALID',
      field: 'endsOn',
    });
    expect(publicityPeriodOf({ endsOn: '2028-03-20' }, today).endsOn).toBe('2028-03-20');
    expect(refusal(() => publicityPeriodOf({ endsOn: '2028-03-21' }, today))).toEqual({
      code: 'PUBLICITY_PERIOD_INVALID',
      field: 'endsOn',
    });
  });
  it('is open from its first to its last day, both included', () => {
    const period = { startsOn: '2026-12-01', endsOn: '2026-12-07' };
    expect(refusal(() => assertPublicityOpen(period, '2026-11-30'))?.code).toBe('PUBLICITY_NOT_STARTED');
    for (const day of ['2026-12-01', '2026-12-04', '2026-12-07']) expect(refusal(() => assertPublicityOpen(period, day))).toBeNull();
    expect(refusal(() => assertPublicityOpen(period, '2026-12-08'))?.code).toBe('PUBLICITY_ENDED');
  });
  it('gives a stored 公示 without a period the default from its publication day (China time)', () => {
    expect(storedPublicityPeriod({ publishedAt: '2026-11-30T17:00:00.000Z' })).toEqual({ startsOn: '2026-12-01', endsOn: '2026-12-07' });
    expect(storedPublicityPeriod({ publishedAt: 'x', startsOn: '2026-01-01', endsOn: '2026-01-02' })).toEqual({
      startsOn: '2026-01-01',
      endsOn: '2026-01-02',
    });
  });
});
