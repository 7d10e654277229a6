import { CLAIM_FACTS, groupLabel, MEMBER_FACTS } from './facts';
import type { ClaimRule, MemberRule, Op } from './rule';

/** Operators after negations are pushed down to the leaves ('nin' = not in). */
export type LeafOp = Op | 'nin';

export type Leaf = (Omit<MemberRule, 'op'> & { op: LeafOp }) | (Omit<ClaimRule, 'op'> & { op: LeafOp });

/** Amounts read naturally: 10000 → "1 万元", 15000 → "1.5 万元", 500 → "500 元". */
export function formatYuan(amount: number): string {
  if (amount >= 10000 && amount % 1000 === 0) return `${amount / 10000} 万元`;
  return `${amount} 元`;
}

function formatQuantity(value: number, unit: string | undefined): string {
  if (unit === '元') return formatYuan(value);
  return `${value} ${unit ?? ''}`.trimEnd();
}

function listText(value: unknown): string {
  const items = Array.isArray(value) ? value : [value];
  return items.map((v) => groupLabel(String(v))).join('、');
}

/** Threshold phrase for a numeric comparison, e.g. "达到 1 万元（含）以上". */
function comparisonText(op: LeafOp, quantity: string): string {
  switch (op) {
    case 'gte':
      return `达到 ${quantity}（含）以上`;
    case 'gt':
      return `超过 ${quantity}`;
    case 'lte':
      return `不超过 ${quantity}（含）`;
    case 'lt':
      return `低于 ${quantity}`;
    case 'ne':
      return `不等于 ${quantity}`;
    case 'nin':
      return `不为 ${quantity}`;
    default:
      return `为 ${quantity}`;
  }
}

/** True when a boolean leaf asks for the fact to hold (eq true / ne false). */
function wantsTrue(op: LeafOp, value: unknown): boolean {
  return (op === 'eq' && value === true) || (op === 'ne' && value === false);
}

function memberCondition(leaf: Extract<Leaf, { member: unknown }>): string {
  const spec = MEMBER_FACTS[leaf.member];
  const { op, value } = leaf;
  if (spec.type === 'boolean' && typeof value === 'boolean') {
    return wantsTrue(op, value) ? spec.label : `非${spec.label}`;
  }
  if (leaf.member === 'status') {
    const positive = op === 'eq' || op === 'in';
    if (value === 'active' || (Array.isArray(value) && value.length === 1 && value[0] === 'active')) {
      return positive ? '在会会员' : '非在会会员';
    }
    const label = listText(value)
      .split('、')
      .map((v) => spec.options?.[v] ?? v)
      .join('、');
    return `${spec.label}${positive ? '为' : '不为'}${label}`;
  }
  if (leaf.member === 'gender' && (op === 'eq' || op === 'ne')) {
    const female = value === 'female';
    return op === 'eq' ? (female ? '女职工' : '男职工') : female ? '男职工' : '女职工';
  }
  if (leaf.member === 'group') {
    const names = listText(value);
    return op === 'ne' || op === 'nin' ? `职业群体不为${names}` : `职业群体为${names}`;
  }
  if (leaf.member === 'membershipDays' && typeof value === 'number' && op === 'gte') {
    return `入会满 ${value} 天`;
  }
  if (typeof value === 'number') return `${spec.label}${comparisonText(op, formatQuantity(value, spec.unit))}`;
  return `${spec.label}${op === 'ne' || op === 'nin' ? '不为' : '为'}${listText(value)}`;
}

function claimCondition(leaf: Extract<Leaf, { claim: unknown }>): string {
  const spec = CLAIM_FACTS[leaf.claim];
  const { op, value } = leaf;
  if (typeof value === 'boolean') return wantsTrue(op, value) ? spec.label : `非${spec.label}`;
  if (typeof value === 'number') return `${spec.label}${comparisonText(op, formatQuantity(value, spec.unit))}`;
  return `${spec.label}${op === 'ne' || op === 'nin' ? '不为' : '为'}${value}`;
}

/** What a leaf asks for, in words ("八大群体会员", "本年度大病住院自付医药费达到 1 万元（含）以上"). */
export function leafCondition(leaf: Leaf): string {
  return 'member' in leaf ? memberCondition(leaf) : claimCondition(leaf);
}

/** How a claim fact is asked for on the form: raw numbers, since the member types a figure. */
export function claimRequest(leaf: Extract<Leaf, { claim: unknown }>): string {
  const spec = CLAIM_FACTS[leaf.claim];
  const unit = spec.unit ? `（${spec.unit}）` : spec.type === 'boolean' ? '（是/否）' : '';
  const { op, value } = leaf;
  if (typeof value === 'number') {
    return `${spec.label}${unit}，${comparisonText(op, `${value} ${spec.unit ?? ''}`.trimEnd())}`;
  }
  if (typeof value === 'boolean') return `${spec.label}${unit}，需为“${wantsTrue(op, value) ? '是' : '否'}”`;
  return `${spec.label}${unit}`;
}
