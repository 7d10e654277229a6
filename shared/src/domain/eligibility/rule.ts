/** Comparison operators a rule leaf may use. */
export type Op = 'eq' | 'ne' | 'gte' | 'gt' | 'lte' | 'lt' | 'in';

/** Facts known about the member (some self-declared, some officer-set). */
export type MemberFact =
  | 'status'
  | 'group'
  | 'isEightGroups'
  | 'isMigrantWorker'
  | 'hardship'
  | 'modelWorker'
  | 'frontlineMedical'
  | 'gender'
  | 'age'
  | 'membershipDays'
  | 'employmentType';

/** Facts supplied with a claim (申领), e.g. the self-paid medical bill. */
export type ClaimFact =
  | 'selfPaidMedical'
  | 'hospitalized'
  | 'childEnrolledCollege'
  | 'married'
  | 'childBirth'
  | 'bereavement'
  | 'accidentInjury';

export type MemberValue = string | number | boolean | string[];
export type ClaimValue = number | string | boolean;

/** A member-fact comparison leaf. */
export interface MemberRule {
  member: MemberFact;
  op: Op;
  value: MemberValue;
}

/** A claim-fact comparison leaf; `period: 'claimYear'` means the fact is counted within the claim year. */
export interface ClaimRule {
  claim: ClaimFact;
  op: Op;
  value: ClaimValue;
  period?: 'claimYear';
}

/** Eligibility rule tree: data, not code, so officers can edit it and it can be stored as JSON. */
export type Rule = { all: Rule[] } | { any: Rule[] } | { not: Rule } | MemberRule | ClaimRule;

/** 八大群体 codes. */
export const EIGHT_GROUPS = [
  'truckDriver',
  'courier',
  'careWorker',
  'domesticWorker',
  'mallInfo',
  'foodDelivery',
  'realEstateAgent',
  'securityGuard',
] as const;
export type EightGroup = (typeof EIGHT_GROUPS)[number];
export type MemberGroup = EightGroup | 'none';

export type MemberStatus = 'active' | 'pending' | 'transferred' | 'inactive';

/** Member facts as the evaluator sees them; `isEightGroups` is derived from `group` when absent. */
export interface MemberFacts {
  status?: MemberStatus;
  group?: MemberGroup;
  isEightGroups?: boolean;
  isMigrantWorker?: boolean;
  hardship?: boolean;
  modelWorker?: boolean;
  frontlineMedical?: boolean;
  gender?: 'male' | 'female';
  age?: number;
  membershipDays?: number;
  employmentType?: string;
}

/** Claim facts given on the claim form. */
export type ClaimFacts = Partial<Record<ClaimFact, ClaimValue>>;

export function isAll(rule: Rule): rule is { all: Rule[] } {
  return 'all' in rule;
}
export function isAny(rule: Rule): rule is { any: Rule[] } {
  return 'any' in rule;
}
export function isNot(rule: Rule): rule is { not: Rule } {
  return 'not' in rule;
}
export function isMemberRule(rule: Rule): rule is MemberRule {
  return 'member' in rule;
}
export function isClaimRule(rule: Rule): rule is ClaimRule {
  return 'claim' in rule;
}
