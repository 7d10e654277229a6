import {
  type ClaimDecisionScope,
  holdsBenefitPower,
  mayDecideClaim,
  refuseDelegationTarget,
  refuseOwnCase,
  refuseOwnClaim,
  refuseOwnFacts,
  requireBenefitPower,
  type SessionClaims,
} from '@union/shared';
import { describe, expect, it } from 'vitest';

const officer = (userId: string, ...orgIds: string[]): SessionClaims => ({
  userId,
  displayName: '干部',
  roles: orgIds.map((orgId) => ({ role: 'officer' as const, orgId })),
});

/** A member of the enterprise (city → district → enterprise) claiming a city benefit. */
const cityBenefit = (delegateOrgIds: string[] = []): ClaimDecisionScope => ({
  memberLineage: ['city', 'district', 'enterprise'],
  benefitOrgId: 'city',
  delegateOrgIds,
});

describe('separation of duties', () => {
  it('refuses acting on one’s own facts or claim', () => {
    expect(() => refuseOwnFacts({ userId: 'u1' }, 'u1')).toThrow(
      expect.objectContaining({ code: 'FACTS_SELF_FORBIDDEN', field: 'userId' }),
    );
    expect(() => refuseOwnFacts({ userId: 'u1' }, 'u2')).not.toThrow();
    expect(() => refuseOwnClaim({ userId: 'u1' }, 'u1')).toThrow(expect.objectContaining({ code: 'CLAIM_SELF_FORBIDDEN' }));
    expect(mayDecideClaim(officer('u1', 'city'), 'u1', cityBenefit())).toBe(false);
  });

  it('refuses deciding one’s own 入会 application or 会籍转移, each with its own code and field', () => {
    expect(() => refuseOwnCase({ userId: 'u1' }, 'u1', 'application')).toThrow(
      expect.objectContaining({ code: 'APPLICATION_SELF_FORBIDDEN', field: 'applicationId' }),
    );
    expect(() => refuseOwnCase({ userId: 'u1' }, 'u1', 'transfer')).toThrow(
      expect.objectContaining({ code: 'TRANSFER_SELF_FORBIDDEN', field: 'transferId' }),
    );
    expect(() => refuseOwnCase({ userId: 'u1' }, 'u2', 'application')).not.toThrow();
    expect(() => refuseOwnCase({ userId: 'u1' }, 'u2', 'transfer')).not.toThrow();
  });

  it('needs power over the publisher, not only over the member', () => {
    expect(holdsBenefitPower(officer('o', 'city'), cityBenefit())).toBe(true);
    expect(holdsBenefitPower(officer('o', 'district'), cityBenefit())).toBe(false);
    expect(holdsBenefitPower(officer('o', 'enterprise'), cityBenefit())).toBe(false);
    // An own-org benefit: the grassroots officer holds both.
    expect(holdsBenefitPower(officer('o', 'enterprise'), { ...cityBenefit(), benefitOrgId: 'enterprise' })).toBe(true);
    // A publisher outside the member's lineage never counts.
    expect(holdsBenefitPower(officer('o', 'other'), { ...cityBenefit(), benefitOrgId: 'other' })).toBe(false);
    expect(() => requireBenefitPower(officer('o', 'enterprise'), cityBenefit(), '江澄市总工会')).toThrow(
      expect.objectContaining({ code: 'CLAIM_BENEFIT_FORBIDDEN', message: expect.stringContaining('江澄市总工会') }),
    );
  });

  it('lets a delegation reach the delegate’s officers and those above it, not those below', () => {
    const scope = cityBenefit(['district']);
    expect(holdsBenefitPower(officer('o', 'district'), scope)).toBe(true);
    expect(holdsBenefitPower(officer('o', 'enterprise'), scope)).toBe(false);
    // A delegation to an org outside the member's lineage, or to the publisher itself, gives nothing.
    expect(holdsBenefitPower(officer('o', 'other'), cityBenefit(['other']))).toBe(false);
    expect(mayDecideClaim(officer('o', 'district'), 'member', scope)).toBe(true);
    expect(mayDecideClaim(officer('o', 'district'), 'member', cityBenefit())).toBe(false);
  });

  it('delegates only to an org strictly below the publisher', () => {
    expect(() => refuseDelegationTarget('city', ['city', 'district'])).not.toThrow();
    expect(() => refuseDelegationTarget('city', ['city'])).toThrow(expect.objectContaining({ code: 'DELEGATE_ORG_INVALID' }));
    expect(() => refuseDelegationTarget('district', ['city', 'other'])).toThrow(expect.objectContaining({ field: 'delegateOrgId' }));
  });
});
