/**
 * 版本对比: the pure diff of two published catalog versions (shared/src/domain/catalog-publish/diff.ts).
 * Examples name what an officer sees; properties hold it for any two versions: a version against
 * itself differs in nothing, reversing the versions swaps added and removed (and before/after), and
 * every entry of each version is classified exactly once.
 */
import { fc, test } from '@fast-check/vitest';
import type { PublishedBenefit } from '@union/shared/contracts/catalog-responses.contract';
import { CATALOG_DIFF_FIELDS, changedFields, diffCatalogEntries } from '@union/shared/domain/catalog-publish/diff';
import { describe, expect, it } from 'vitest';

const doc = { issuer: '云溪市总工会', year: 2026, number: null, title: '实事项目' };
const entry = (name: string, over: Partial<PublishedBenefit> = {}): PublishedBenefit => ({
  benefitId: `city.v1.${name}`,
  orgId: 'city',
  version: 1,
  name,
  category: '帮扶救助',
  tier: '普惠',
  groups: [],
  eligibility: { member: 'status', op: 'eq', value: 'active' },
  benefit: { amountYuan: 500 },
  claimMode: 'review',
  source: { document: doc, clause: '一、（一）', quote: `${name}的原文`, start: 0, end: 5 },
  ...over,
});

describe('diffCatalogEntries', () => {
  it('names what was added, removed and changed, and which fields of each changed entry', () => {
    const v1 = [
      entry('困难帮扶'),
      entry('职工疗休养', { benefit: { quota: { count: 50, unit: '名' } } }),
      entry('金秋助学', { period: '2026年8月' }),
      entry('法律援助'),
    ];
    const v2 = [
      entry('困难帮扶', { benefitId: 'city.v2.1', version: 2 }), // only its id and version differ: unchanged
      entry('职工疗休养', { benefit: { quota: { count: 80, unit: '名' } }, claimMode: 'automatic' }),
      entry('金秋助学', { period: '2026年9月', eligibility: { member: 'hardship', op: 'eq', value: true }, benefit: { amountYuan: 1000 } }),
      entry('职工生日慰问'),
    ];
    const d = diffCatalogEntries(v1, v2);
    expect(d.added.map((e) => e.name)).toEqual(['职工生日慰问']);
    expect(d.removed.map((e) => e.name)).toEqual(['法律援助']);
    expect(d.changed.map((c) => [c.after.name, c.fields])).toEqual([
      ['职工疗休养', ['quota', 'claimMode']],
      ['金秋助学', ['eligibility', 'amount', 'period']],
    ]);
    expect(d.unchanged.map((u) => u.after.name)).toEqual(['困难帮扶']);
  });

  it('takes an entry quoting the same clause under a new name as renamed (changed: 名称), not removed and added', () => {
    const v1 = [entry('职工体检', { source: { document: doc, clause: '二、3', quote: '组织职工免费体检', start: 0, end: 8 } })];
    const v2 = [entry('职工健康体检', { source: { document: doc, clause: '二、3', quote: '组织职工免费体检', start: 0, end: 8 } })];
    const d = diffCatalogEntries(v1, v2);
    expect([d.added, d.removed]).toEqual([[], []]);
    expect(d.changed.map((c) => c.fields)).toEqual([['name']]);
  });

  it('tells namesakes apart by their order, and treats an absent optional field as absent on both sides', () => {
    const v1 = [entry('慰问'), entry('慰问', { benefit: { amountYuan: 300 } })];
    const v2 = [entry('慰问'), entry('慰问', { benefit: { amountYuan: 400 } }), entry('慰问')];
    const d = diffCatalogEntries(v1, v2);
    expect(d.changed.map((c) => c.fields)).toEqual([['amount']]);
    expect(d.added).toEqual([v2[2]]);
    expect(changedFields(entry('a', { department: undefined }), entry('a'))).toEqual([]);
  });
});

// Small value domains, so that two versions share names, quotes and values often.
const arbEntry = fc
  .record({
    name: fc.constantFrom('困难帮扶', '疗休养', '助学', '体检', '慰问'),
    category: fc.constantFrom('帮扶救助', '普惠服务'),
    tier: fc.constantFrom('普惠' as const, '特惠' as const),
    groups: fc.subarray(['农民工', '快递员']),
    eligibility: fc.constantFrom(
      { member: 'status', op: 'eq', value: 'active' } as const,
      { member: 'hardship', op: 'eq', value: true } as const,
    ),
    amount: fc.option(fc.constantFrom(200, 500), { nil: undefined }),
    quota: fc.option(fc.record({ count: fc.constantFrom(10, 50), unit: fc.constant('名') }), { nil: undefined }),
    period: fc.option(fc.constantFrom('2026年', '2026年夏季'), { nil: undefined }),
    claimMode: fc.constantFrom('review' as const, 'automatic' as const),
    quote: fc.constantFrom('', '原文甲', '原文乙', '原文丙'),
  })
  .map(({ name, amount, quota, period, quote, ...rest }) =>
    entry(name, {
      ...rest,
      benefit: { ...(amount !== undefined ? { amountYuan: amount } : {}), ...(quota ? { quota } : {}) },
      ...(period ? { period } : {}),
      source: { document: doc, clause: '一', quote, start: 0, end: quote.length },
    }),
  );
const arbVersion = fc.array(arbEntry, { maxLength: 8 });

describe('properties', () => {
  test.prop([arbVersion])('a version against itself (or a copy of it) differs in nothing', (a) => {
    for (const other of [a, structuredClone(a)]) {
      const d = diffCatalogEntries(a, other);
      expect([d.added, d.removed, d.changed]).toEqual([[], [], []]);
      expect(d.unchanged).toHaveLength(a.length);
    }
  });

  test.prop([arbVersion, arbVersion])('reversed, added and removed swap, and each change swaps before and after', (a, b) => {
    const ab = diffCatalogEntries(a, b);
    const ba = diffCatalogEntries(b, a);
    expect(ba.added).toEqual(ab.removed);
    expect(ba.removed).toEqual(ab.added);
    const swap = (c: { before: PublishedBenefit; after: PublishedBenefit }) => ({ before: c.after, after: c.before });
    const key = (c: { before: PublishedBenefit; after: PublishedBenefit }) => `${a.indexOf(c.before)}:${b.indexOf(c.after)}`;
    expect(ba.changed.map((c) => ({ ...swap(c), fields: c.fields })).sort((x, y) => key(x).localeCompare(key(y)))).toEqual(
      [...ab.changed].sort((x, y) => key(x).localeCompare(key(y))),
    );
    expect(ba.unchanged.length).toBe(ab.unchanged.length);
  });

  test.prop([arbVersion, arbVersion])('every entry of each version is classified exactly once', (a, b) => {
    const d = diffCatalogEntries(a, b);
    const olds = [...d.removed, ...d.changed.map((c) => c.before), ...d.unchanged.map((u) => u.before)];
    const news = [...d.added, ...d.changed.map((c) => c.after), ...d.unchanged.map((u) => u.after)];
    expect(olds).toHaveLength(a.length);
    expect(new Set(olds)).toEqual(new Set(a));
    expect(news).toHaveLength(b.length);
    expect(new Set(news)).toEqual(new Set(b));
    for (const c of d.changed) {
      expect(c.fields.length).toBeGreaterThan(0);
      expect(c.fields).toEqual(CATALOG_DIFF_FIELDS.filter((f) => c.fields.includes(f)));
    }
    for (const u of d.unchanged) expect(changedFields(u.before, u.after)).toEqual([]);
  });
});
