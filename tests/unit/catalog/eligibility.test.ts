import { describe, expect, it } from 'vitest';
import { claimFactsNeeded, describeRule, evaluateEligibility, type Rule } from '../../../shared/src/domain/eligibility/index';

const medical: Rule = {
  all: [
    { member: 'status', op: 'eq', value: 'active' },
    { claim: 'selfPaidMedical', op: 'gte', value: 10000, period: 'claimYear' },
  ],
};
const eightGroups: Rule = {
  all: [
    { member: 'status', op: 'eq', value: 'active' },
    { member: 'isEightGroups', op: 'eq', value: true },
  ],
};

describe('evaluateEligibility', () => {
  it('explains met conditions', () => {
    const result = evaluateEligibility(eightGroups, { status: 'active', group: 'courier' });
    expect(result).toEqual({
      eligible: true,
      reasons: [
        { met: true, text: '符合：在会会员' },
        { met: true, text: '符合：八大群体会员' },
      ],
    });
  });

  it('explains missed conditions', () => {
    const result = evaluateEligibility(eightGroups, { status: 'active', group: 'none' });
    expect(result.eligible).toBe(false);
    expect(result.reasons[1]).toEqual({ met: false, text: '不符合：需八大群体会员' });
  });

  it('asks for claim facts not yet supplied', () => {
    const result = evaluateEligibility(medical, { status: 'active' });
    expect(result.eligible).toBe('needsClaimFacts');
    expect(result.reasons[1]).toEqual({
      met: null,
      text: '需申领时提供：本年度大病住院自付医药费（元），达到 10000 元（含）以上',
    });
  });

  it('applies the ≥ 10000 boundary', () => {
    const at = evaluateEligibility(medical, { status: 'active' }, { selfPaidMedical: 10000 }, { claimYear: 2025 });
    expect(at.eligible).toBe(true);
    expect(at.reasons[1]?.text).toBe('符合：本年度大病住院自付医药费达到 1 万元（含）以上');
    const below = evaluateEligibility(medical, { status: 'active' }, { selfPaidMedical: 9999 });
    expect(below.eligible).toBe(false);
    expect(below.reasons[1]).toEqual({
      met: false,
      text: '不符合：需本年度大病住院自付医药费达到 1 万元（含）以上',
    });
  });

  it('a missed member fact decides even when claim facts are missing', () => {
    expect(evaluateEligibility(medical, { status: 'transferred' }).eligible).toBe(false);
  });

  it('handles any and not', () => {
    const rule: Rule = {
      all: [
        {
          any: [
            { member: 'isMigrantWorker', op: 'eq', value: true },
            { member: 'hardship', op: 'eq', value: true },
          ],
        },
        { not: { member: 'gender', op: 'eq', value: 'male' } },
      ],
    };
    const migrantWoman = evaluateEligibility(rule, { isMigrantWorker: true, gender: 'female' });
    expect(migrantWoman.eligible).toBe(true);
    expect(migrantWoman.reasons.map((r) => r.text)).toEqual(['符合：农民工', '符合：女职工']);
    const man = evaluateEligibility(rule, { hardship: true, gender: 'male' });
    expect(man.eligible).toBe(false);
    expect(man.reasons.map((r) => r.text)).toEqual(['符合：建档困难职工', '不符合：需女职工']);
    const neither = evaluateEligibility(rule, { gender: 'female' });
    expect(neither.eligible).toBe(false);
    expect(neither.reasons.filter((r) => r.met === false).map((r) => r.text)).toEqual(['不符合：需农民工', '不符合：需建档困难职工']);
  });

  it('compares numbers and lists', () => {
    const rule: Rule = {
      all: [
        { member: 'membershipDays', op: 'gte', value: 365 },
        { member: 'group', op: 'in', value: ['courier', 'foodDelivery'] },
      ],
    };
    const ok = evaluateEligibility(rule, { membershipDays: 400, group: 'foodDelivery' });
    expect(ok.eligible).toBe(true);
    expect(ok.reasons.map((r) => r.text)).toEqual(['符合：入会满 365 天', '符合：职业群体为快递员、网约送餐员']);
    expect(evaluateEligibility(rule, { membershipDays: 364, group: 'courier' }).eligible).toBe(false);
  });
});

describe('describeRule', () => {
  it('says who qualifies in one sentence', () => {
    expect(describeRule(medical)).toBe('适用于：在会会员，且本年度大病住院自付医药费达到 1 万元（含）以上。');
    expect(describeRule(eightGroups)).toBe('适用于：在会会员，且八大群体会员。');
    expect(
      describeRule({
        all: [
          { member: 'status', op: 'eq', value: 'active' },
          {
            any: [
              { member: 'modelWorker', op: 'eq', value: true },
              { member: 'frontlineMedical', op: 'eq', value: true },
            ],
          },
        ],
      }),
    ).toBe('适用于：在会会员，且（劳动模范或一线医务人员）。');
  });
});

describe('claimFactsNeeded', () => {
  it('lists the claim facts with label, unit and type', () => {
    expect(claimFactsNeeded(medical)).toEqual([
      {
        key: 'selfPaidMedical',
        label: '本年度大病住院自付医药费',
        type: 'number',
        unit: '元',
        requirement: '本年度大病住院自付医药费（元），达到 10000 元（含）以上',
      },
    ]);
    expect(claimFactsNeeded(eightGroups)).toEqual([]);
  });

  it('lists each fact once, including those under not', () => {
    const rule: Rule = {
      any: [
        { claim: 'childEnrolledCollege', op: 'eq', value: true },
        { not: { claim: 'childEnrolledCollege', op: 'eq', value: false } },
        { claim: 'married', op: 'eq', value: true },
      ],
    };
    expect(claimFactsNeeded(rule).map((f) => [f.key, f.type])).toEqual([
      ['childEnrolledCollege', 'boolean'],
      ['married', 'boolean'],
    ]);
  });
});
