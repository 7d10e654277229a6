import * as z from 'zod/mini';
import type { Rule } from '../domain/eligibility/rule';
import { ruleBoundsProblem } from '../domain/eligibility/rule-bounds';
import { boundedNumber, boundedRecord, LIMITS } from './common.contract';

// zod/mini: this contract is bundled into the catalog and card functions (≈13 KB vs ≈90 KB for classic zod).

const opSchema = z.enum(['eq', 'ne', 'gte', 'gt', 'lte', 'lt', 'in']);

export const memberFactSchema = z.enum([
  'status',
  'group',
  'isEightGroups',
  'isMigrantWorker',
  'hardship',
  'modelWorker',
  'frontlineMedical',
  'gender',
  'age',
  'membershipDays',
  'employmentType',
]);

export const claimFactSchema = z.enum([
  'selfPaidMedical',
  'hospitalized',
  'childEnrolledCollege',
  'married',
  'childBirth',
  'bereavement',
  'accidentInjury',
]);

/** A compared value: ages, days and 元 amounts (claim facts go up to 1 亿) or a short code. */
const ruleNumber = () => boundedNumber(-100_000_000, 100_000_000);
const ruleText = () => z.string().check(z.maxLength(40, '不超过 40 个字'));

const memberRuleSchema = z.strictObject({
  member: memberFactSchema,
  op: opSchema,
  value: z.union([ruleText(), ruleNumber(), z.boolean(), z.array(ruleText()).check(z.maxLength(20, '最多 20 项'))]),
});

const claimRuleSchema = z.strictObject({
  claim: claimFactSchema,
  op: opSchema,
  value: z.union([ruleNumber(), ruleText(), z.boolean()]),
  period: z.optional(z.literal('claimYear')),
});

const ruleNodeSchema: z.ZodMiniType<Rule> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ruleNodeSchema) }),
    z.strictObject({ any: z.array(ruleNodeSchema) }),
    z.strictObject({ not: ruleNodeSchema }),
    memberRuleSchema,
    claimRuleSchema,
  ]),
) as unknown as z.ZodMiniType<Rule>;

/**
 * Eligibility rule tree (all / any / not / member fact / claim fact), at most RULE_LIMITS deep and
 * large: checked iteratively first, so the recursive schema only ever sees a small tree.
 */
export const ruleSchema: z.ZodMiniType<Rule> = z.pipe(
  z.unknown().check(
    z.superRefine((input, ctx) => {
      const problem = ruleBoundsProblem(input);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input });
    }),
  ),
  ruleNodeSchema,
) as unknown as z.ZodMiniType<Rule>;

export const tierSchema = z.enum(['普惠', '特惠', '商惠']);

/**
 * 1000000 → "1,000,000", as toLocaleString('en-US') writes it, without Intl: the first toLocaleString
 * in a process loads ICU (20–40 ms), and these messages are built when the contract is imported, at
 * every cold start of the card and catalog functions (issue 14).
 */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const nonEmpty = (max: number) => z.string().check(z.minLength(1, '不能为空'), z.maxLength(max, `不超过 ${max} 个字`));
const upTo = (max: number) => z.string().check(z.maxLength(max, `不超过 ${max} 个字`));
const list = <T extends z.core.SomeType>(item: T, max: number) => z.array(item).check(z.maxLength(max, `最多 ${max} 项`));
const yuan = () =>
  z.number().check(z.nonnegative('不能为负数'), z.maximum(LIMITS.maxAmountYuan, `不超过 ${grouped(LIMITS.maxAmountYuan)} 元`));
/** A count of people, places or times: a whole number. */
const count = (max: number) => z.number().check(z.int('应为整数'), z.positive('必须大于 0'), z.maximum(max, `不超过 ${grouped(max)}`));
/** Character offsets into a plan text (whose size is capped far below this). */
const offset = () => z.int().check(z.nonnegative('不能为负数'), z.maximum(1_000_000, '超出计划原文长度'));

export const benefitSchema = z.object({
  amountYuan: z.optional(yuan()),
  thresholdYuan: z.optional(yuan()),
  quota: z.optional(z.object({ count: count(1_000_000), unit: nonEmpty(10) })),
  facilities: z.optional(list(z.object({ kind: nonEmpty(40), count: count(100_000), unit: nonEmpty(10) }), 20)),
});

export const sourceSpanSchema = z.object({
  clause: upTo(100),
  quote: nonEmpty(5000),
  start: offset(),
  end: offset(),
  /** The table row a draft came from: its 序号 and its cells by column label. */
  row: z.optional(z.object({ index: upTo(20), cells: boundedRecord(upTo(40), upTo(1000), 40) })),
});

/** A draft catalog entry as produced by the importer and edited by the officer. */
export const serviceDraftSchema = z.object({
  name: nonEmpty(60),
  category: nonEmpty(20),
  tier: tierSchema,
  groups: list(nonEmpty(40), 20),
  eligibility: ruleSchema,
  benefit: benefitSchema,
  department: z.optional(upTo(100)),
  period: z.optional(upTo(100)),
  confidence: boundedNumber(0, 1),
  notes: z.optional(list(upTo(200), 20)),
  /** Why the importer kept the draft: the classifier's signals, shown to the reviewer. */
  reasons: z.optional(list(upTo(200), 40)),
  source: sourceSpanSchema,
});

export const planDocumentSchema = z.object({
  issuer: z.nullable(upTo(100)),
  year: z.nullable(
    z
      .int()
      .check(
        z.minimum(LIMITS.minYear, `应在 ${LIMITS.minYear} 到 ${LIMITS.maxYear} 之间`),
        z.maximum(LIMITS.maxYear, `应在 ${LIMITS.minYear} 到 ${LIMITS.maxYear} 之间`),
      ),
  ),
  number: z.nullable(upTo(60)),
  title: z.nullable(upTo(200)),
});

/** The importer's output: `{ document, services }` (also the CLI's JSON). */
export const planDraftSchema = z.object({
  document: planDocumentSchema,
  services: z.array(serviceDraftSchema),
});

export type RuleInput = z.infer<typeof ruleSchema>;
export type BenefitInput = z.infer<typeof benefitSchema>;
export type ServiceDraftInput = z.infer<typeof serviceDraftSchema>;
export type PlanDocumentInput = z.infer<typeof planDocumentSchema>;
export type PlanDraftInput = z.infer<typeof planDraftSchema>;
