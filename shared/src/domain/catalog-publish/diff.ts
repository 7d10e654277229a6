import type { PublishedBenefit } from '../../contracts/catalog-responses.contract';

/**
 * What changed between two published versions of one org's catalog (an officer's 版本对比): entries
 * added, removed, and changed — with which of their fields changed. Pure.
 *
 * "The same entry" in two versions is the same name (what members, quotas and claims know it by,
 * `benefitKeyOf`); a name used twice in one version is told apart by its order among its namesakes.
 * An entry left over on each side that quotes the same clause of the plan (same clause and quote,
 * unique on both sides) is the same entry renamed: changed, with `name` among its fields.
 */

export const CATALOG_DIFF_FIELDS = [
  'name',
  'category',
  'tier',
  'groups',
  'eligibility',
  'amount',
  'threshold',
  'quota',
  'facilities',
  'department',
  'period',
  'claimMode',
  'source',
] as const;
export type CatalogDiffField = (typeof CATALOG_DIFF_FIELDS)[number];

export const CATALOG_DIFF_FIELD_LABELS: Record<CatalogDiffField, string> = {
  name: '服务名称',
  category: '类别',
  tier: '惠及类型',
  groups: '对象群体',
  eligibility: '享受条件',
  amount: '金额',
  threshold: '门槛',
  quota: '名额',
  facilities: '阵地设施',
  department: '责任部门',
  period: '时间',
  claimMode: '申领方式',
  source: '原文出处',
};

/** The parts of an entry the diff reads (a published entry has them all). */
export type DiffableEntry = Pick<
  PublishedBenefit,
  'name' | 'category' | 'tier' | 'groups' | 'eligibility' | 'benefit' | 'department' | 'period' | 'claimMode' | 'source'
>;

export interface CatalogDiff<E extends DiffableEntry> {
  /** In the newer version only, in its order. */
  added: E[];
  /** In the older version only, in its order. */
  removed: E[];
  /** In both, with at least one field different, in the newer version's order. */
  changed: Array<{ before: E; after: E; fields: CatalogDiffField[] }>;
  /** In both, every field the same. */
  unchanged: Array<{ before: E; after: E }>;
}

const fieldValue = (e: DiffableEntry, field: CatalogDiffField): unknown => {
  switch (field) {
    case 'amount':
      return e.benefit.amountYuan;
    case 'threshold':
      return e.benefit.thresholdYuan;
    case 'quota':
      return e.benefit.quota;
    case 'facilities':
      return e.benefit.facilities;
    case 'source':
      return { clause: e.source.clause, quote: e.source.quote };
    default:
      return e[field];
  }
};

/** JSON with object keys sorted and `undefined` as absent: equal values give equal text. */
const canonical = (value: unknown): string => {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

/** The fields in which `after` differs from `before`, in CATALOG_DIFF_FIELDS order. */
export const changedFields = (before: DiffableEntry, after: DiffableEntry): CatalogDiffField[] =>
  CATALOG_DIFF_FIELDS.filter((f) => canonical(fieldValue(before, f)) !== canonical(fieldValue(after, f)));

/** Each entry's key: its name, and its place among entries of that name (the first is 1). */
const keyed = <E extends DiffableEntry>(entries: readonly E[]): Map<string, E> => {
  const seen = new Map<string, number>();
  const out = new Map<string, E>();
  for (const e of entries) {
    const n = (seen.get(e.name) ?? 0) + 1;
    seen.set(e.name, n);
    out.set(`${n}\u0000${e.name}`, e);
  }
  return out;
};

/** Entries by the clause they quote, kept only where one entry quotes it. */
const byUniqueQuote = <E extends DiffableEntry>(entries: readonly E[]): Map<string, E> => {
  const groups = new Map<string, E[]>();
  for (const e of entries) {
    if (!e.source.quote) continue;
    const k = `${e.source.clause}\u0000${e.source.quote}`;
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  return new Map([...groups].flatMap(([k, es]) => (es.length === 1 ? [[k, es[0]!] as const] : [])));
};

export const diffCatalogEntries = <E extends DiffableEntry>(older: readonly E[], newer: readonly E[]): CatalogDiff<E> => {
  const before = keyed(older);
  const after = keyed(newer);
  const pairOf = new Map<E, E>(); // newer entry → its older self
  for (const [key, e] of after) {
    const old = before.get(key);
    if (old) pairOf.set(e, old);
  }
  const paired = new Set(pairOf.values());
  const leftOld = older.filter((e) => !paired.has(e));
  const leftNew = newer.filter((e) => !pairOf.has(e));
  const oldByQuote = byUniqueQuote(leftOld);
  for (const [k, e] of byUniqueQuote(leftNew)) {
    const old = oldByQuote.get(k);
    if (old) {
      pairOf.set(e, old);
      paired.add(old);
    }
  }
  const diff: CatalogDiff<E> = { added: [], removed: older.filter((e) => !paired.has(e)), changed: [], unchanged: [] };
  for (const e of newer) {
    const old = pairOf.get(e);
    if (!old) {
      diff.added.push(e);
      continue;
    }
    const fields = changedFields(old, e);
    if (fields.length > 0) diff.changed.push({ before: old, after: e, fields });
    else diff.unchanged.push({ before: old, after: e });
  }
  return diff;
};
