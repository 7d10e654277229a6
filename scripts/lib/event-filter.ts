/**
 * Lambda event filtering (an event source mapping's `filterPatterns`), as much of it as
 * serverless.yml uses and a little more, so the local stream poller admits exactly what the
 * deployed mapping admits: a record passes when it matches any pattern. In a pattern, an object
 * descends into the record's field of that name, an array lists what the field may be: a value
 * (exact), `{ prefix }`, `{ suffix }`, `{ exists: true|false }`, `{ "anything-but": value | [values] }`.
 * A field holding an array matches when one of its elements does.
 */
export type FilterPattern = { [key: string]: FilterPattern | FilterRule[] };
type FilterRule = string | number | boolean | null | { [op: string]: unknown };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const ruleMatches = (rule: FilterRule, present: boolean, value: unknown): boolean => {
  if (!isObject(rule)) return present && value === rule;
  const [op, arg] = Object.entries(rule)[0] ?? [];
  switch (op) {
    case 'exists':
      return arg === present;
    case 'prefix':
      return present && typeof value === 'string' && typeof arg === 'string' && value.startsWith(arg);
    case 'suffix':
      return present && typeof value === 'string' && typeof arg === 'string' && value.endsWith(arg);
    case 'anything-but':
      return present && !(Array.isArray(arg) ? arg : [arg]).includes(value);
    default:
      throw new Error(`filter rule ${op} is not supported by the local poller`);
  }
};

const fieldMatches = (rules: FilterRule[], present: boolean, value: unknown): boolean => {
  const values = Array.isArray(value) ? value : [value];
  return rules.some((rule) => values.some((v) => ruleMatches(rule, present, v)));
};

export const matchesPattern = (record: unknown, pattern: FilterPattern): boolean =>
  Object.entries(pattern).every(([key, expected]) => {
    const present = isObject(record) && Object.hasOwn(record, key);
    const value = present ? (record as Record<string, unknown>)[key] : undefined;
    if (Array.isArray(expected)) return fieldMatches(expected, present, value);
    return present && isObject(value) && matchesPattern(value, expected);
  });

/** No patterns: everything passes (a mapping without a filter). */
export const matchesAny = (record: unknown, patterns: readonly FilterPattern[]): boolean =>
  patterns.length === 0 || patterns.some((p) => matchesPattern(record, p));
