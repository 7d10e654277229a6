import * as z from 'zod/mini';
import { CATALOG_DIFF_FIELDS } from '../domain/catalog-publish/diff';
import type { Rule } from '../domain/eligibility/rule';
import { ORG_KINDS } from '../domain/org/org';
import type { PlanDraft } from '../domain/plan-import/types';
import { benefitSchema, claimFactSchema, memberFactSchema, planDocumentSchema, ruleSchema, tierSchema } from './catalog.contract';
import { claimModeSchema } from './catalog-publish.contract';
import { pageResponse } from './page.contract';

/**
 * What the catalog routes answer (each route's `response`). Not re-exported from the shared index
 * nor imported at run time by the mini-program (it takes the types only), so its main package
 * carries none of it. A published version was validated by the publish contract, so its entries
 * are held to the same bounded schemas; a draft is the importer's raw output, held to its types.
 */

export const publishedSourceSchema = z.object({
  document: planDocumentSchema,
  /** Clause path in the outline, e.g. "二、（三）8". Empty for an entry added by hand. */
  clause: z.string(),
  /** The quoted sentence; empty for an entry added by hand (no source in the plan). */
  quote: z.string(),
  /** [start, end) character offsets into the version's plan text. */
  start: z.int(),
  end: z.int(),
});
export type PublishedSource = z.infer<typeof publishedSourceSchema>;

/** A catalog entry as members read it: immutable, addressed by `benefitId`. */
export const publishedBenefitSchema = z.object({
  /** `${orgId}.v${version}.${n}` — stable forever, since versions are never overwritten. */
  benefitId: z.string(),
  orgId: z.string(),
  version: z.int(),
  name: z.string(),
  category: z.string(),
  tier: tierSchema,
  groups: z.array(z.string()),
  eligibility: ruleSchema,
  benefit: benefitSchema,
  department: z.optional(z.string()),
  period: z.optional(z.string()),
  claimMode: claimModeSchema,
  source: publishedSourceSchema,
});
export type PublishedBenefit = z.infer<typeof publishedBenefitSchema>;

const publishedBySchema = z.object({ userId: z.string(), displayName: z.string() });

export const catalogVersionSummarySchema = z.object({
  orgId: z.string(),
  version: z.int(),
  publishedAt: z.string(),
  publishedBy: publishedBySchema,
  document: planDocumentSchema,
  entryCount: z.int(),
  /** Characters of plan text kept with the version (0: published without text). */
  sourceChars: z.int(),
});
export type CatalogVersionSummary = z.infer<typeof catalogVersionSummarySchema>;

export const catalogVersionSchema = z.object({
  ...catalogVersionSummarySchema.shape,
  entries: z.array(publishedBenefitSchema),
});
export type CatalogVersion = z.infer<typeof catalogVersionSchema>;

/** POST /orgs/{orgId}/catalogs → 201, GET /orgs/{orgId}/catalogs/{version} */
export const catalogVersionResponse = z.object({ catalog: catalogVersionSchema });
/** GET /orgs/{orgId}/catalogs?cursor=&limit=: a page of the versions, newest first, without their entries. */
export const catalogVersionListResponse = pageResponse('versions', catalogVersionSummarySchema);
/** GET /orgs/{orgId}/catalogs/{version}/source */
export const catalogSourceResponse = z.object({ orgId: z.string(), version: z.int(), text: z.string() });

/**
 * GET /orgs/{orgId}/catalog-compare: what changed from one version to another — entries added, removed,
 * and changed (before and after, with the fields that changed; diff.ts says what "the same entry" is).
 */
export const catalogCompareResponse = z.object({
  orgId: z.string(),
  from: catalogVersionSummarySchema,
  to: catalogVersionSummarySchema,
  added: z.array(publishedBenefitSchema),
  removed: z.array(publishedBenefitSchema),
  changed: z.array(
    z.object({ before: publishedBenefitSchema, after: publishedBenefitSchema, fields: z.array(z.enum(CATALOG_DIFF_FIELDS)) }),
  ),
  unchangedCount: z.int(),
});
export type CatalogCompareResponse = z.infer<typeof catalogCompareResponse>;

const lineageOrgSchema = z.object({ orgId: z.string(), name: z.string(), kind: z.enum(ORG_KINDS) });

/** GET /orgs/{orgId}/effective-catalogs and GET /me/catalogs: the latest version of the org and each ancestor, root first. */
export const effectiveCatalogsResponse = z.object({
  orgId: z.string(),
  lineage: z.array(lineageOrgSchema),
  catalogs: z.array(z.extend(catalogVersionSchema, { orgName: z.string() })),
});
export type EffectiveCatalogsResponse = z.infer<typeof effectiveCatalogsResponse>;

// ——— the importer's draft, as it comes out (unbounded: the officer edits it before publishing) ———

const opSchema = z.enum(['eq', 'ne', 'gte', 'gt', 'lte', 'lt', 'in']);
const draftRuleSchema: z.ZodMiniType<Rule> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(draftRuleSchema) }),
    z.strictObject({ any: z.array(draftRuleSchema) }),
    z.strictObject({ not: draftRuleSchema }),
    z.strictObject({ member: memberFactSchema, op: opSchema, value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]) }),
    z.strictObject({
      claim: claimFactSchema,
      op: opSchema,
      value: z.union([z.number(), z.string(), z.boolean()]),
      period: z.optional(z.literal('claimYear')),
    }),
  ]),
) as unknown as z.ZodMiniType<Rule>;

const draftServiceSchema = z.object({
  name: z.string(),
  category: z.string(),
  tier: tierSchema,
  groups: z.array(z.string()),
  eligibility: draftRuleSchema,
  benefit: z.object({
    amountYuan: z.optional(z.number()),
    thresholdYuan: z.optional(z.number()),
    quota: z.optional(z.object({ count: z.number(), unit: z.string() })),
    facilities: z.optional(z.array(z.object({ kind: z.string(), count: z.number(), unit: z.string() }))),
  }),
  department: z.optional(z.string()),
  period: z.optional(z.string()),
  confidence: z.number(),
  notes: z.optional(z.array(z.string())),
  reasons: z.optional(z.array(z.string())),
  source: z.object({
    clause: z.string(),
    quote: z.string(),
    start: z.int(),
    end: z.int(),
    row: z.optional(z.object({ index: z.string(), cells: z.record(z.string(), z.string()) })),
  }),
});

/** POST /orgs/{orgId}/catalog-drafts: the importer's draft; nothing is stored. */
export const catalogDraftResponse = z.object({
  draft: z.object({
    document: z.object({
      issuer: z.nullable(z.string()),
      year: z.nullable(z.int()),
      number: z.nullable(z.string()),
      title: z.nullable(z.string()),
    }),
    services: z.array(draftServiceSchema),
  }),
});

// The draft schema says what the importer's types say: a type error here when one of them changes alone.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type PlanDraftMatches = Assert<Same<z.infer<typeof catalogDraftResponse>['draft'], PlanDraft>>;
