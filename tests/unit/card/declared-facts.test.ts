import { benefitView, type CardBenefitSource, initialClaimState, memberFactsOf, NO_OFFICER_FACTS } from '@union/shared';
import { declaredFactsRead, memberFactsRead, type Rule } from '@union/shared/domain/eligibility/index';
import { describe, expect, it } from 'vitest';

const active = { member: 'status', op: 'eq', value: 'active' } as const;
const eightGroups: Rule = { all: [active, { member: 'isEightGroups', op: 'eq', value: true }] };
const migrant: Rule = { all: [active, { member: 'isMigrantWorker', op: 'eq', value: true }] };
const hardship: Rule = { all: [active, { member: 'hardship', op: 'eq', value: true }] };
const illness: Rule = { all: [active, { claim: 'selfPaidMedical', op: 'gte', value: 10000, period: 'claimYear' }] };

describe('the member facts a rule reads', () => {
  it('lists each member fact once, in first-use order, through all / any / not, skipping claim facts', () => {
    const rule: Rule = {
      any: [
        { all: [active, { not: { member: 'group', op: 'in', value: ['courier', 'foodDelivery'] } }] },
        { claim: 'hospitalized', op: 'eq', value: true },
        {
          not: {
            any: [
              { member: 'hardship', op: 'eq', value: true },
              { member: 'status', op: 'ne', value: 'inactive' },
            ],
          },
        },
        { member: 'age', op: 'gte', value: 50 },
      ],
    };
    expect(memberFactsRead(rule)).toEqual(['status', 'group', 'hardship', 'age']);
    expect(memberFactsRead(illness)).toEqual(['status']);
    expect(memberFactsRead({ claim: 'married', op: 'eq', value: true })).toEqual([]);
  });

  it('picks the facts that rest on the member’s word at 入会: 八大群体 (and the group behind it), 农民工, 用工形式', () => {
    expect(declaredFactsRead(eightGroups)).toEqual(['isEightGroups']);
    expect(declaredFactsRead(migrant)).toEqual(['isMigrantWorker']);
    expect(
      declaredFactsRead({
        all: [
          { member: 'group', op: 'eq', value: 'courier' },
          { not: { member: 'employmentType', op: 'eq', value: 'fullTime' } },
          { member: 'isMigrantWorker', op: 'eq', value: false },
        ],
      }),
    ).toEqual(['group', 'employmentType', 'isMigrantWorker']);
    // Officer-set, system and derived facts (the age and gender come from the 身份证号) are the union's.
    expect(declaredFactsRead(hardship)).toEqual([]);
    expect(
      declaredFactsRead({ all: [active, { member: 'gender', op: 'eq', value: 'female' }, { member: 'age', op: 'lt', value: 60 }] }),
    ).toEqual([]);
    expect(declaredFactsRead({ member: 'membershipDays', op: 'gte', value: 365 })).toEqual([]);
  });

  it('walks a deep rule without recursion limits', () => {
    let rule: Rule = { member: 'isMigrantWorker', op: 'eq', value: true };
    for (let i = 0; i < 20_000; i += 1) rule = { not: rule };
    expect(declaredFactsRead(rule)).toEqual(['isMigrantWorker']);
  });
});

describe('how a new claim starts', () => {
  const start = (mode: 'automatic' | 'review', rule: Rule, claimFacts: Record<string, unknown>, declaredFactsConfirmed: boolean) =>
    initialClaimState({ mode, rule, claimFacts, declaredFactsConfirmed });

  it('approves 免申即享 at once on facts the union holds, and queues a review-mode claim without a note', () => {
    expect(start('automatic', { all: [active] }, {}, false)).toEqual({ status: 'approved', reviewReason: null });
    expect(start('automatic', hardship, {}, false)).toEqual({ status: 'approved', reviewReason: null });
    expect(start('automatic', eightGroups, {}, true)).toEqual({ status: 'approved', reviewReason: null });
    expect(start('review', eightGroups, {}, false)).toEqual({ status: 'pending', reviewReason: null });
    expect(start('review', illness, { selfPaidMedical: 12000 }, true)).toEqual({ status: 'pending', reviewReason: null });
  });

  it('sends 免申即享 to review when the rule reads an unconfirmed 入会 declaration, and says which', () => {
    expect(start('automatic', eightGroups, {}, false)).toEqual({ status: 'pending', reviewReason: '八大群体身份待工会确认，已转人工审核' });
    expect(start('automatic', migrant, {}, false)).toEqual({ status: 'pending', reviewReason: '农民工身份待工会确认，已转人工审核' });
    expect(
      start(
        'automatic',
        {
          any: [
            { member: 'group', op: 'eq', value: 'courier' },
            { member: 'isMigrantWorker', op: 'eq', value: true },
          ],
        },
        {},
        false,
      ),
    ).toEqual({ status: 'pending', reviewReason: '职业群体、农民工身份待工会确认，已转人工审核' });
  });

  it('sends 免申即享 to review when the member declares facts with the claim, confirmed or not', () => {
    expect(start('automatic', illness, { selfPaidMedical: 12000 }, true)).toEqual({
      status: 'pending',
      reviewReason: '申领时填报的信息需工会核对，已转人工审核',
    });
    const both: Rule = { all: [...(eightGroups as { all: Rule[] }).all, { claim: 'hospitalized', op: 'eq', value: true }] };
    expect(start('automatic', both, { hospitalized: true }, false)).toEqual({
      status: 'pending',
      reviewReason: '八大群体身份待工会确认，申领时填报的信息需工会核对，已转人工审核',
    });
  });
});

describe('the benefit view says how a 免申即享 claim will go for this member', () => {
  const source = (eligibility: Rule, claimMode: 'automatic' | 'review'): CardBenefitSource => ({
    benefitId: 'city.v1.4',
    orgId: 'city',
    version: 1,
    name: '意外伤害互助保险',
    category: '保险',
    tier: '特惠',
    eligibility,
    benefit: {},
    claimMode,
    source: {
      document: { issuer: '江澄市总工会', year: 2025, number: null, title: null },
      clause: '三、1.',
      quote: '赠送意外伤害互助保险。',
    },
  });
  const facts = memberFactsOf(
    {
      status: 'active',
      group: 'courier',
      isMigrantWorker: false,
      gender: 'male',
      birthDate: '1990-03-07',
      joinedAt: '2024-05-01T02:00:00Z',
    },
    NO_OFFICER_FACTS,
    new Date('2025-03-07T00:00:00Z'),
  );
  const how = (rule: Rule, mode: 'automatic' | 'review', declaredFactsConfirmed: boolean) =>
    benefitView(source(rule, mode), facts, null, '2025-06-01', { declaredFactsConfirmed }).howToClaim;

  it('tells an unconfirmed member that the union checks the declaration first', () => {
    expect(how(eightGroups, 'automatic', false)).toBe('免申即享：八大群体身份待工会确认，申领后由工会审核');
    expect(how(eightGroups, 'automatic', true)).toBe('免申即享：提交即通过');
    expect(how(hardship, 'automatic', false)).toBe('免申即享：提交即通过');
    expect(how(illness, 'automatic', true)).toBe('免申即享：填报的信息经工会核对后通过');
    expect(how(eightGroups, 'review', false)).toBe('在线申领，工会审核');
  });
});
