import { describe, expect, it } from 'vitest';
import { findQuantities, parseChineseNumber } from '../../../shared/src/domain/plan-import/index';

describe('parseChineseNumber', () => {
  it('reads mixed digit and 万 forms', () => {
    expect(parseChineseNumber('1万')).toBe(10000);
    expect(parseChineseNumber('8.5万')).toBe(85000);
    expect(parseChineseNumber('1.2万')).toBe(12000);
    expect(parseChineseNumber('16.5万')).toBe(165000);
  });

  it('reads Chinese numerals', () => {
    expect(parseChineseNumber('两千')).toBe(2000);
    expect(parseChineseNumber('一千余')).toBe(1000);
    expect(parseChineseNumber('十')).toBe(10);
    expect(parseChineseNumber('二十一')).toBe(21);
    expect(parseChineseNumber('三百零五')).toBe(305);
    expect(parseChineseNumber('一万二千')).toBe(12000);
  });

  it('reads full-width digits and rejects non-numbers', () => {
    expect(parseChineseNumber('１２３')).toBe(123);
    expect(parseChineseNumber('职工')).toBeUndefined();
    expect(parseChineseNumber('')).toBeUndefined();
  });
});

describe('findQuantities', () => {
  it('finds numbers with units, tolerating spaces and full-width digits', () => {
    const qs = findQuantities('组织 200 名劳模参加疗休养，新增职工书屋３０个，一千余人受益');
    expect(qs.map((q) => [q.value, q.unit])).toEqual([
      [200, '名'],
      [30, '个'],
      [1000, '人'],
    ]);
    expect(qs[2]?.approximate).toBe(true);
  });

  it('skips ordinals and formats', () => {
    expect(findQuantities('开展第十七届读书月，举办三人制篮球赛')).toEqual([]);
  });

  it('normalises 个班次 to 班次', () => {
    expect(findQuantities('举办各类培训 20 个班次')[0]).toMatchObject({ value: 20, unit: '班次' });
  });
});
