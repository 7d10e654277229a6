import * as z from 'zod/mini';
import type { Rule } from '../domain/eligibility/rule';
import './common.contract';

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

const memberRuleSchema = z.strictObject({
  member: memberFactSchema,
  op: opSchema,
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]),
});

const claimRuleSchema = z.strictObject({
  claim: claimFactSchema,
  op: opSchema,
  value: z.union([z.number(), z.string(), z.boolean()]),
  period: z.optional(z.literal('claimYear')),
});

/** Eligibility rule tree (all / any / not / member fact / claim fact). */
export const ruleSchema: z.ZodMiniType<Rule> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ruleSchema) }),
    z.strictObject({ any: z.array(ruleSchema) }),
    z.strictObject({ not: ruleSchema }),
    memberRuleSchema,
    claimRuleSchema,
  ]),
) as unknown as z.ZodMiniType<Rule>;

export const tierSchema = z.enum(['普惠', '特惠', '商惠']);

const nonEmpty = () => z.string().check(z.minLength(1, '不能为空'));
const nonNegative = () => z.number().check(z.nonnegative('不能为负数'));
const positive = () => z.number().check(z.positive('必须大于 0'));

export const benefitSchema = z.object({
  amountYuan: z.optional(nonNegative()),
  thresholdYuan: z.optional(nonNegative()),
  quota: z.optional(z.object({ count: positive(), unit: nonEmpty() })),
  facilities: z.optional(z.array(z.object({ kind: nonEmpty(), count: positive(), unit: nonEmpty() }))),
});

export const sourceSpanSchema = z.object({
  clause: z.string(),
  quote: nonEmpty(),
  start: z.int().check(z.nonnegative()),
  end: z.int().check(z.nonnegative()),
  /** The table row a draft came from: its 序号 and its cells by column label. */
  row: z.optional(z.object({ index: z.string(), cells: z.record(z.string(), z.string()) })),
});

/** A draft catalog entry as produced by the importer and edited by the officer. */
export const serviceDraftSchema = z.object({
  name: nonEmpty(),
  category: nonEmpty(),
  tier: tierSchema,
  groups: z.array(z.string()),
  eligibility: ruleSchema,
  benefit: benefitSchema,
  department: z.optional(z.string()),
  period: z.optional(z.string()),
  confidence: z.number().check(z.minimum(0), z.maximum(1)),
  notes: z.optional(z.array(z.string())),
  /** Why the importer kept the draft: the classifier's signals, shown to the reviewer. */
  reasons: z.optional(z.array(z.string())),
  source: sourceSpanSchema,
});

export const planDocumentSchema = z.object({
  issuer: z.nullable(z.string()),
  year: z.nullable(z.int()),
  number: z.nullable(z.string()),
  title: z.nullable(z.string()),
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
