import { z } from 'zod';
import type { Rule } from '../domain/eligibility/rule';

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

const memberRuleSchema = z.object({
  member: memberFactSchema,
  op: opSchema,
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]),
});

const claimRuleSchema = z.object({
  claim: claimFactSchema,
  op: opSchema,
  value: z.union([z.number(), z.string(), z.boolean()]),
  period: z.literal('claimYear').optional(),
});

/** Eligibility rule tree (all / any / not / member fact / claim fact). */
export const ruleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(ruleSchema) }).strict(),
    z.object({ any: z.array(ruleSchema) }).strict(),
    z.object({ not: ruleSchema }).strict(),
    memberRuleSchema.strict(),
    claimRuleSchema.strict(),
  ]),
);

export const tierSchema = z.enum(['普惠', '特惠', '商惠']);

export const benefitSchema = z.object({
  amountYuan: z.number().nonnegative().optional(),
  thresholdYuan: z.number().nonnegative().optional(),
  quota: z.object({ count: z.number().positive(), unit: z.string().min(1) }).optional(),
  facilities: z.array(z.object({ kind: z.string().min(1), count: z.number().positive(), unit: z.string().min(1) })).optional(),
});

export const sourceSpanSchema = z.object({
  clause: z.string(),
  quote: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

/** A draft catalog entry as produced by the importer and edited by the officer. */
export const serviceDraftSchema = z.object({
  name: z.string().min(1),
  category: z.string().min(1),
  tier: tierSchema,
  groups: z.array(z.string()),
  eligibility: ruleSchema,
  benefit: benefitSchema,
  department: z.string().optional(),
  period: z.string().optional(),
  confidence: z.number().min(0).max(1),
  notes: z.array(z.string()).optional(),
  source: sourceSpanSchema,
});

export const planDocumentSchema = z.object({
  issuer: z.string().nullable(),
  year: z.number().int().nullable(),
  number: z.string().nullable(),
  title: z.string().nullable(),
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
