import { dateSchema, datetimeSchema, isCalendarDate, parseOrThrow } from '@union/shared';
import { createClaimRequest, createPlaceRequest } from '@union/shared/contracts/card.contract';
import { benefitSchema, ruleSchema } from '@union/shared/contracts/catalog.contract';
import { PLACE_KINDS } from '@union/shared/domain/card/places';
import { RULE_LIMITS, ruleBoundsProblem } from '@union/shared/domain/eligibility/rule-bounds';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { assertJsonShape } from '../../../functions/src/http/request-limits';

const messageOf = (schema: z.ZodMiniType, input: unknown) => schema.safeParse(input).error?.issues[0]?.message ?? 'ok';

describe('the one date schema', () => {
  it('takes real days only, in 1900–2099', () => {
    expect(messageOf(dateSchema, '2024-02-29')).toBe('ok');
    expect(messageOf(dateSchema, '2000-02-29')).toBe('ok');
    expect(messageOf(dateSchema, '2099-12-31')).toBe('ok');
    expect(messageOf(dateSchema, '2025-02-30')).toBe('不是真实存在的日期');
    expect(messageOf(dateSchema, '2025-13-01')).toBe('不是真实存在的日期');
    expect(messageOf(dateSchema, '2025-00-10')).toBe('不是真实存在的日期');
    expect(messageOf(dateSchema, '2025-04-31')).toBe('不是真实存在的日期');
    expect(messageOf(dateSchema, '1900-02-29')).toBe('不是真实存在的日期');
    expect(messageOf(dateSchema, '2023-02-29')).toBe('不是真实存在的日期');
    expect(messageOf(dateSchema, '1899-12-31')).toBe('年份应在 1900 到 2099 之间');
    expect(messageOf(dateSchema, '2100-01-01')).toBe('年份应在 1900 到 2099 之间');
    expect(messageOf(dateSchema, '2025-3-1')).toBe('日期格式应为 YYYY-MM-DD');
    expect(messageOf(dateSchema, '2025-03-01T00:00:00Z')).toBe('日期格式应为 YYYY-MM-DD');
  });

  it('names the field in a parse error', () => {
    expect(() => parseOrThrow(z.object({ replyDeadline: dateSchema }), { replyDeadline: '2027-02-30' })).toThrow(
      '答复期限：不是真实存在的日期',
    );
  });

  it('has a date-time sibling with an offset, a real day and the same years', () => {
    expect(messageOf(datetimeSchema, '2025-03-01T08:00:00+08:00')).toBe('ok');
    expect(messageOf(datetimeSchema, '2025-03-01T00:00:00.000Z')).toBe('ok');
    expect(messageOf(datetimeSchema, '2025-02-30T00:00:00Z')).toMatch(/真实存在/);
    expect(messageOf(datetimeSchema, '2025-03-01T00:00:00')).toMatch(/ISO 8601/);
    expect(messageOf(datetimeSchema, '2200-01-01T00:00:00Z')).toBe('年份应在 1900 到 2099 之间');
    expect(isCalendarDate('2025-02-28T23:59:59Z')).toBe(true);
  });
});

/** `{ not: … }` nested `depth` rule nodes deep, built without recursion. */
const nested = (depth: number): unknown => {
  let rule: unknown = { member: 'status', op: 'eq', value: 'active' };
  for (let i = 1; i < depth; i += 1) rule = { not: rule };
  return rule;
};

describe('eligibility rule bounds', () => {
  it('admits 8 levels and 64 conditions, and no more', () => {
    expect(RULE_LIMITS).toEqual({ maxDepth: 8, maxNodes: 64 });
    expect(ruleBoundsProblem(nested(8))).toBeNull();
    expect(ruleBoundsProblem(nested(9))).toBe('条件最多嵌套 8 层');
    const leaf = { member: 'hardship', op: 'eq', value: true };
    expect(ruleBoundsProblem({ any: Array.from({ length: 63 }, () => leaf) })).toBeNull();
    expect(ruleBoundsProblem({ any: Array.from({ length: 64 }, () => leaf) })).toBe('最多 64 个条件');
    expect(ruleBoundsProblem({ all: Array.from({ length: 8 }, () => ({ any: Array.from({ length: 8 }, () => leaf) })) })).toBe(
      '最多 64 个条件',
    );
  });

  it('refuses a rule 100,000 deep in the schema without overflowing the stack', () => {
    const result = ruleSchema.safeParse(nested(100_000));
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.message).toBe('条件最多嵌套 8 层');
  });

  it('leaves shapes that are not rules to the schema', () => {
    expect(ruleBoundsProblem('x')).toBeNull();
    expect(ruleBoundsProblem({ all: 'x' })).toBeNull();
    expect(ruleSchema.safeParse({ all: 'x' }).success).toBe(false);
  });
});

describe('number bounds', () => {
  it('caps money at 10,000,000 元 and makes counts whole', () => {
    expect(benefitSchema.safeParse({ amountYuan: 10_000_000 }).success).toBe(true);
    expect(messageOf(benefitSchema, { amountYuan: 1e200 })).toBe('不超过 10,000,000 元');
    expect(messageOf(benefitSchema, { thresholdYuan: -1 })).toBe('不能为负数');
    expect(messageOf(benefitSchema, { quota: { count: 0.5, unit: '人' } })).toBe('应为整数');
    expect(messageOf(benefitSchema, { quota: { count: 0, unit: '人' } })).toBe('必须大于 0');
  });

  // Found by the route fuzzer: 5e-324 is valid JSON and a ValidationException in DynamoDB (a 500).
  it('refuses numbers too small to store, and rounds coordinates to six decimals', () => {
    const rule = (value: number) => ({ member: 'age', op: 'gte', value });
    expect(ruleSchema.safeParse(rule(0)).success).toBe(true);
    expect(ruleSchema.safeParse(rule(0.000001)).success).toBe(true);
    expect(ruleSchema.safeParse(rule(5e-324)).success).toBe(false);
    expect(ruleSchema.safeParse(rule(-1e-131)).success).toBe(false);
    const fact = (v: number) => createClaimRequest.safeParse({ benefitId: 'b1', facts: { selfPaidMedical: v } });
    expect(fact(12000.5).success).toBe(true);
    expect(fact(5e-324).error?.issues[0]?.message).toBe('数值过小（最多 6 位小数）');
    const place = (lat: unknown) =>
      createPlaceRequest.parse({
        kind: PLACE_KINDS[0],
        name: '职工书屋',
        address: '中山路1号',
        lat,
        lng: 120.1234567891,
        openingHours: '9:00',
      });
    expect(place(5e-324).lat).toBe(0);
    expect(place('30.12345678').lat).toBe(30.123457);
    expect(place(30.1).lng).toBe(120.123457);
  });
});

describe('JSON shape (router)', () => {
  const deepArray = (depth: number) => {
    let v: unknown = [];
    for (let i = 1; i < depth; i += 1) v = [v];
    return v;
  };

  it('admits 64 levels and refuses 65, iteratively, naming the first fields', () => {
    expect(() => assertJsonShape({ a: deepArray(63) })).not.toThrow();
    expect(() => assertJsonShape({ a: deepArray(64) })).toThrow(expect.objectContaining({ code: 'BODY_TOO_DEEP', field: 'a.0.0' }));
    expect(() => assertJsonShape(deepArray(1_000_000))).toThrow(expect.objectContaining({ code: 'BODY_TOO_DEEP', field: 'body' }));
  });

  it('refuses lone surrogates in values and keys, and keeps real pairs', () => {
    expect(() => assertJsonShape({ name: '职工😀' })).not.toThrow();
    expect(() => assertJsonShape({ list: ['ok', 'x\ud800'] })).toThrow(expect.objectContaining({ code: 'INVALID_TEXT', field: 'list.1' }));
    expect(() => assertJsonShape({ '\udc00': 1 })).toThrow(expect.objectContaining({ code: 'INVALID_TEXT', field: 'body' }));
  });
});
