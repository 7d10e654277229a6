/**
 * fast-check arbitraries from the shared zod/mini contracts: values shaped like what a route expects,
 * and — with some probability at every level — values that are not (wrong types, huge numbers,
 * deep nesting, long and odd strings). The route fuzz test draws its bodies and queries from here.
 */
import { fc } from '@fast-check/vitest';

// biome-ignore lint/suspicious/noExplicitAny: zod's internal definitions are untyped here
type Def = any;

const oddStrings = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e200',
    'NaN',
    'null',
    'true',
    '2025-02-30',
    '2026-13-01',
    '<script>',
    "' OR 1=1 --",
    '../../etc',
    '%00',
    '\u0000',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constant('长'.repeat(5000)),
);

const oddNumbers = fc.oneof(
  fc.constantFrom(0, -1, 0.5, 1e200, -1e200, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, 1e-9),
  fc.double({ noNaN: true }),
  fc.integer(),
);

/** Half the time a value the contract accepts in shape (odd values inside it), half the time wilder. */
export const contractArb = (schema: unknown): fc.Arbitrary<unknown> => {
  const valid = arbitraryFor(schema, 0, 0, true);
  return fc.oneof(
    { weight: 2, arbitrary: valid },
    { weight: 3, arbitrary: oneOddLeaf(valid) },
    { weight: 1, arbitrary: arbitraryFor(schema, 0, 0) },
    { weight: 1, arbitrary: arbitraryFor(schema, 0, 0.1) },
  );
};

const oddLeaf = fc.oneof(
  oddNumbers,
  oddStrings,
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.integer({ min: 30, max: 45 }).map(nest),
);

/** A value the contract accepts, with exactly one leaf replaced by something odd (1e200, '', a 40-deep rule …). */
function oneOddLeaf(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.nat(), oddLeaf).map(([value, pick, odd]) => {
    const paths: Array<Array<string | number>> = [];
    const walk = (v: unknown, path: Array<string | number>) => {
      if (v && typeof v === 'object') {
        for (const [k, child] of Object.entries(v as Record<string, unknown>)) walk(child, [...path, Array.isArray(v) ? Number(k) : k]);
      } else paths.push(path);
    };
    walk(value, []);
    if (paths.length === 0) return odd;
    const path = paths[pick % paths.length]!;
    const copy = structuredClone(value) as Record<string | number, unknown>;
    let at: Record<string | number, unknown> = copy;
    for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
    at[path[path.length - 1]!] = odd;
    return copy;
  });
}

/** Anything at all, including deeply nested values. */
export const anything = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 30, max: 60 }).map((d) => nest(d)) },
  { weight: 1, arbitrary: oddStrings },
  { weight: 1, arbitrary: oddNumbers },
);

function nest(depth: number): unknown {
  let v: unknown = { member: 'status', op: 'eq', value: 'active' };
  for (let i = 0; i < depth; i++) v = { all: [v] };
  return v;
}

const CJK_TEXT = fc.string({
  unit: fc.constantFrom(...'职工会员慰问体检工会服务活动组织开展年度项目'.split('')),
  minLength: 1,
  maxLength: 12,
});

const stringFor = (def: Def, strict: boolean): fc.Arbitrary<string> => {
  const checks: Def[] = (def.checks ?? []).map((c: Def) => c._zod.def);
  const max = checks.find((c) => c.check === 'max_length')?.maximum as number | undefined;
  const min = checks.find((c) => c.check === 'min_length')?.minimum as number | undefined;
  const format = String(checks.find((c) => c.check === 'string_format')?.format ?? def.format ?? '');
  const dates = fc.constantFrom('2026-03-01', '2026-12-31', '2027-06-15');
  if (strict) {
    if (/date/.test(format)) return dates;
    const lo = Math.max(min ?? 0, 1);
    const hi = Math.max(lo, Math.min(max ?? 12, 12));
    return fc.string({
      unit: fc.constantFrom(...'职工会员慰问体检工会服务活动组织开展年度项目abc123'.split('')),
      minLength: lo,
      maxLength: hi,
    });
  }
  const plain = fc.string({ unit: 'grapheme', minLength: min ?? 0, maxLength: Math.min(max ?? 30, 60) });
  const near = max !== undefined ? fc.constantFrom('x'.repeat(max), 'x'.repeat(max + 1)) : plain;
  if (/date/.test(format)) return fc.oneof(fc.constantFrom('2026-03-01', '2025-02-30', '2026-13-01', '1900-01-01'), plain);
  return fc.oneof(
    { weight: 3, arbitrary: plain },
    { weight: 1, arbitrary: near },
    { weight: 1, arbitrary: oddStrings },
    { weight: 1, arbitrary: CJK_TEXT },
  );
};

const numberFor = (def: Def, strict: boolean): fc.Arbitrary<number> => {
  const checks: Def[] = (def.checks ?? []).map((c: Def) => c._zod.def);
  const isInt = /int/.test(String(def.format ?? '')) || checks.some((c) => c.check === 'number_format' && /int/.test(String(c.format)));
  const gt = checks.find((c) => c.check === 'greater_than');
  const lt = checks.find((c) => c.check === 'less_than');
  const lo = gt ? Number(gt.value) + (gt.inclusive ? 0 : isInt ? 1 : 0.01) : isInt ? 0 : 0;
  const hi = lt ? Number(lt.value) - (lt.inclusive ? 0 : isInt ? 1 : 0.01) : Math.max(lo, 100_000);
  const base = isInt
    ? fc.integer({ min: Math.ceil(lo), max: Math.max(Math.ceil(lo), Math.floor(hi)) })
    : fc.double({ min: lo, max: Math.max(lo, hi), noNaN: true });
  if (strict) return base;
  return fc.oneof({ weight: 3, arbitrary: base }, { weight: 1, arbitrary: oddNumbers });
};

/** An arbitrary for a zod/mini schema; `wild` is the chance, at each level, of something else entirely. */
export function arbitraryFor(schema: unknown, depth = 0, wild = 0.15, strict = false): fc.Arbitrary<unknown> {
  const def: Def = (schema as Def)?._zod?.def;
  if (!def || depth > 6) return strict ? fc.constant(null) : anything;
  const shaped = shapedFor(def, depth, wild, strict);
  if (wild <= 0) return shaped;
  const w = Math.max(1, Math.round(wild * 20));
  return fc.oneof({ weight: 20 - w, arbitrary: shaped }, { weight: w, arbitrary: anything });
}

function shapedFor(def: Def, depth: number, wild: number, strict: boolean): fc.Arbitrary<unknown> {
  const inner = (schema: unknown, d = depth) => arbitraryFor(schema, d, wild, strict);
  switch (def.type) {
    case 'string':
      return stringFor(def, strict);
    case 'number':
      return numberFor(def, strict);
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...(Object.values(def.entries) as unknown[]));
    case 'optional':
      return fc.option(inner(def.innerType), { nil: undefined });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null });
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return inner(def.innerType);
    case 'pipe':
      return inner(def.in);
    case 'lazy':
      return depth > 2
        ? strict
          ? fc.constant({ member: 'status', op: 'eq', value: 'active' })
          : anything
        : inner(def.getter(), depth + 1);
    case 'array': {
      const checks: Def[] = (def.checks ?? []).map((c: Def) => c._zod.def);
      const min = (checks.find((c) => c.check === 'min_length')?.minimum as number | undefined) ?? 0;
      return fc.array(inner(def.element, depth + 1), {
        minLength: strict ? min : 0,
        maxLength: Math.max(min, strict ? Math.min(min + 2, 3) : 4),
      });
    }
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((o) => inner(o, depth + 1)));
    case 'record':
      return fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), inner(def.valueType, depth + 1), { maxKeys: 4 });
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const entries = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, inner(v, depth + 1)]));
      if (strict) return fc.record(entries).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
      const drop = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
      return fc.oneof(
        { weight: 3, arbitrary: fc.record(entries).map(drop) },
        { weight: 1, arbitrary: fc.record(entries, { requiredKeys: [] }).map(drop) },
      );
    }
    case 'unknown':
    case 'any':
      return strict ? fc.constant(null) : anything;
    default:
      return strict ? fc.constant(null) : anything;
  }
}
