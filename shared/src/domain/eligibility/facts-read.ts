import type { MemberFact, Rule } from './rule';

/**
 * The member facts a rule reads, in first-use order, each once. Iterative (preorder, left to
 * right), so a stored rule of any depth is walked without recursion.
 */
export const memberFactsRead = (rule: Rule): MemberFact[] => {
  const seen = new Set<MemberFact>();
  const stack: Rule[] = [rule];
  while (stack.length > 0) {
    const node = stack.pop() as Rule;
    if ('all' in node) stack.push(...[...node.all].reverse());
    else if ('any' in node) stack.push(...[...node.any].reverse());
    else if ('not' in node) stack.push(node.not);
    else if ('member' in node) seen.add(node.member);
  }
  return [...seen];
};

/**
 * Member facts that rest on the member's own word on the 入会 form — 职业群体 (and the 八大群体
 * flag derived from it), 农民工, 用工形式 — until an officer confirms them: the review of the
 * application, or 会员认定 later. Age and gender are derived from the 身份证号 (checked, and the
 * person's identity itself); status and 入会天数 are the system's; 困难职工 … are officer-set.
 */
export const MEMBER_DECLARED_FACTS = [
  'group',
  'isEightGroups',
  'isMigrantWorker',
  'employmentType',
] as const satisfies readonly MemberFact[];
export type DeclaredMemberFact = (typeof MEMBER_DECLARED_FACTS)[number];

/** How a member is told which declaration waits for the union ("八大群体身份待工会确认"). */
export const DECLARED_FACT_LABELS: Record<DeclaredMemberFact, string> = {
  group: '职业群体',
  isEightGroups: '八大群体身份',
  isMigrantWorker: '农民工身份',
  employmentType: '用工形式',
};

const isDeclared = (f: MemberFact): f is DeclaredMemberFact => (MEMBER_DECLARED_FACTS as readonly MemberFact[]).includes(f);

/** The member-declared facts a rule reads, in first-use order. */
export const declaredFactsRead = (rule: Rule): DeclaredMemberFact[] => memberFactsRead(rule).filter(isDeclared);

/** "职业群体、农民工身份": the declarations of `facts`, for a member to read. */
export const declaredFactsText = (facts: readonly DeclaredMemberFact[]): string => facts.map((f) => DECLARED_FACT_LABELS[f]).join('、');
