import {
  benefitKeyOf,
  benefitView,
  type CardBenefitSource,
  chinaDateOf,
  claimPeriodOf,
  DomainError,
  describeQuota,
  distanceMeters,
  formatDistance,
  initialClaimState,
  judgeClaim,
  maskMemberNumber,
  memberFactsOf,
  NO_OFFICER_FACTS,
  nextClaimStatus,
  parseClaimFacts,
  publicityEntries,
  quotaAllows,
  quotaLeft,
  sortByDistance,
} from '@union/shared';
import type { Rule } from '@union/shared/domain/eligibility/index';
import { describe, expect, it } from 'vitest';

const illness: Rule = {
  all: [
    { member: 'status', op: 'eq', value: 'active' },
    { claim: 'selfPaidMedical', op: 'gte', value: 10000, period: 'claimYear' },
  ],
};

const courierFacts = memberFactsOf(
  { status: 'active', group: 'courier', isMigrantWorker: false, gender: 'male', birthDate: '1990-03-07', joinedAt: '2024-05-01T02:00:00Z' },
  NO_OFFICER_FACTS,
  new Date('2025-03-06T16:30:00Z'), // 2025-03-07 00:30 in China: the birthday has come
);

describe('quota arithmetic', () => {
  it('counts what is left and never goes negative', () => {
    expect(quotaLeft({ total: 100, used: 37 })).toBe(63);
    expect(quotaLeft({ total: 10, used: 12 })).toBe(0);
    expect(quotaAllows({ total: 100, used: 99 })).toBe(true);
    expect(quotaAllows({ total: 100, used: 100 })).toBe(false);
    expect(describeQuota({ total: 1000, used: 1 }, '名')).toBe('剩余 999 / 1000 名');
  });

  it('counts periods in China time and benefits by org and name across versions', () => {
    expect(claimPeriodOf(new Date('2024-12-31T16:00:00Z'))).toBe('2025');
    expect(claimPeriodOf(new Date('2024-12-31T15:59:59Z'))).toBe('2024');
    expect(benefitKeyOf({ orgId: 'city', name: '大病住院慰问金' })).toBe('city|大病住院慰问金');
  });
});

describe('claim state machine', () => {
  it('decides a pending claim once', () => {
    expect(nextClaimStatus('pending', 'approve')).toBe('approved');
    expect(nextClaimStatus('pending', 'reject')).toBe('rejected');
    expect(() => nextClaimStatus('approved', 'reject')).toThrow(
      expect.objectContaining({ code: 'CLAIM_NOT_PENDING', message: expect.stringContaining('已通过') }),
    );
    expect(() => nextClaimStatus('rejected', 'approve')).toThrow(DomainError);
  });
  const statusOf = (mode: 'automatic' | 'review', claimFacts: Record<string, unknown>) =>
    initialClaimState({ mode, rule: illness, claimFacts, declaredFactsConfirmed: true }).status;
  it('approves 免申即享 at once and queues the rest', () => {
    expect(statusOf('automatic', {})).toBe('approved');
    expect(statusOf('review', {})).toBe('pending');
  });

  it('sends a 免申即享 claim to review when it rests on anything the member declares', () => {
    expect(statusOf('automatic', { selfPaidMedical: 12000 })).toBe('pending');
    expect(statusOf('automatic', { hospitalized: true })).toBe('pending');
    expect(statusOf('review', { selfPaidMedical: 12000 })).toBe('pending');
  });
});

describe('places by distance', () => {
  it('measures with haversine', () => {
    // One degree of latitude is about 111.2 km.
    expect(distanceMeters({ lat: 30, lng: 120 }, { lat: 31, lng: 120 })).toBeCloseTo(111_195, -2);
    expect(distanceMeters({ lat: 30, lng: 120 }, { lat: 30, lng: 120 })).toBe(0);
  });
  it('sorts nearest first with whole metres', () => {
    const here = { lat: 30.25, lng: 120.21 };
    const sorted = sortByDistance(
      [
        { name: 'far', lat: 30.35, lng: 120.21 },
        { name: 'near', lat: 30.2501, lng: 120.21 },
        { name: 'mid', lat: 30.26, lng: 120.21 },
      ],
      here,
    );
    expect(sorted.map((p) => p.name)).toEqual(['near', 'mid', 'far']);
    expect(sorted[0]!.distanceMeters).toBe(11);
    expect(formatDistance(850)).toBe('850 米');
    expect(formatDistance(3240)).toBe('3.2 公里');
  });
});

describe('公示 and card masking', () => {
  it('masks names in the approved list, oldest approval first', () => {
    expect(
      publicityEntries([
        { name: '欧阳娜娜', orgName: 'A', decidedAt: '2025-03-02T00:00:00Z' },
        { name: '张三丰', orgName: 'B', decidedAt: '2025-03-01T00:00:00Z' },
      ]),
    ).toEqual([
      { maskedName: '张*丰', orgName: 'B', decidedAt: '2025-03-01T00:00:00Z' },
      { maskedName: '欧**娜', orgName: 'A', decidedAt: '2025-03-02T00:00:00Z' },
    ]);
  });
  it('masks the member number for a verifier and dates the card in China time', () => {
    expect(maskMemberNumber('LOGISTICS-000001')).toBe('LOG*********0001');
    expect(maskMemberNumber('A12')).toBe('A*2');
    expect(chinaDateOf('2024-04-30T17:00:00Z')).toBe('2024-05-01');
  });
});

describe('member facts and claims', () => {
  it('derives age, membership days and 八大群体 from the membership', () => {
    expect(courierFacts).toMatchObject({ status: 'active', group: 'courier', isEightGroups: true, age: 35, hardship: false });
    expect(courierFacts.membershipDays).toBe(309);
    const other = memberFactsOf(
      {
        status: 'active',
        group: 'none',
        isMigrantWorker: true,
        gender: 'female',
        birthDate: '1990-03-08',
        joinedAt: '2025-03-01T00:00:00Z',
      },
      { hardship: true, modelWorker: false, frontlineMedical: false },
      new Date('2025-03-06T16:30:00Z'),
    );
    expect(other).toMatchObject({ isEightGroups: false, age: 34, hardship: true, isMigrantWorker: true });
  });

  it('reads only the facts a rule asks for, naming a missing or wrong one', () => {
    expect(parseClaimFacts(illness, { selfPaidMedical: '12000' })).toEqual({ selfPaidMedical: 12000 });
    expect(() => parseClaimFacts(illness, {})).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'facts.selfPaidMedical', message: '本年度大病住院自付医药费：请填写' }),
    );
    expect(() => parseClaimFacts(illness, { selfPaidMedical: -5 })).toThrow(expect.objectContaining({ field: 'facts.selfPaidMedical' }));
    expect(() => parseClaimFacts(illness, { selfPaidMedical: 1, married: true })).toThrow(
      expect.objectContaining({ field: 'facts.married' }),
    );
    expect(parseClaimFacts({ member: 'status', op: 'eq', value: 'active' }, {})).toEqual({});
  });

  it('judges a claim with the evaluator, refusing with its reason', () => {
    expect(judgeClaim(illness, courierFacts, { selfPaidMedical: 12000 }, 2025).label).toBe('符合');
    expect(() => judgeClaim(illness, courierFacts, { selfPaidMedical: 9999 }, 2025)).toThrow(
      expect.objectContaining({ code: 'NOT_ELIGIBLE', message: '不符合：需本年度大病住院自付医药费达到 1 万元（含）以上' }),
    );
  });

  it('builds the benefit view: value, who, decision, quota, source', () => {
    const b: CardBenefitSource = {
      benefitId: 'city.v1.8',
      orgId: 'city',
      version: 1,
      name: '大病住院慰问金',
      category: '医疗互助',
      tier: '特惠',
      eligibility: illness,
      benefit: { amountYuan: 500, thresholdYuan: 10000, quota: { count: 1000, unit: '名' } },
      department: '保障工作部',
      period: '2025年',
      claimMode: 'review',
      source: {
        document: { issuer: '江澄市总工会', year: 2025, number: '江工发〔2025〕1号', title: '2025年工作要点' },
        clause: '四、8.',
        quote: '发放一次性慰问金500元。',
      },
    };
    const v = benefitView(b, courierFacts, { total: 1000, used: 3 }, '2025-06-01', { declaredFactsConfirmed: true });
    expect(v.whatYouGet).toBe('每人 500 元');
    expect(v.whoQualifies).toBe('适用于：在会会员，且本年度大病住院自付医药费达到 1 万元（含）以上。');
    expect(v.decision.label).toBe('待核对');
    expect(v.decision.reasons[1]).toEqual({ met: null, text: '需申领时提供：本年度大病住院自付医药费（元），达到 10000 元（含）以上' });
    expect(v.quota).toEqual({ total: 1000, used: 3, left: 997, unit: '名' });
    expect(v.sourceText).toBe('来源：江澄市总工会《2025年工作要点》（江工发〔2025〕1号） 四、8.：“发放一次性慰问金500元。”');
    expect(v.claimFacts.map((f) => f.key)).toEqual(['selfPaidMedical']);
    expect(v).toMatchObject({ year: 2025, periodStatus: 'open', periodText: '2025 年度' });
    expect(benefitView(b, courierFacts, null, '2026-01-01', { declaredFactsConfirmed: true }).periodStatus).toBe('ended');
  });
});
