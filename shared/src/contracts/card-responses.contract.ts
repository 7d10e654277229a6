import * as z from 'zod/mini';
import { CLAIM_STATUSES } from '../domain/card/claim-state';
import type { FactInputType } from '../domain/eligibility/facts';
import { claimDelegationSchema, claimSchema, declaredFactsSchema, officerClaimSchema, placeSchema } from './card.contract';
import { claimFactSchema, planDocumentSchema, ruleSchema, tierSchema } from './catalog.contract';
import { claimModeSchema } from './catalog-publish.contract';
import { pageResponse } from './page.contract';

/**
 * The responses of the card routes beyond those in card.contract (cardResponse, verifyResponse and
 * the list pages). Not re-exported from the package index: the functions and the tests parse with
 * them, the mini-program only takes their types (`import type`), so these schemas stay out of its
 * main package (docs/ARCHITECTURE.md "Response schemas").
 */

const FACT_INPUT_TYPES = ['number', 'boolean', 'enum', 'text'] as const satisfies readonly FactInputType[];

/** The decision for this member, in words, with the evaluator's reasons (`met` null: a claim fact is still to be given). */
export const benefitDecisionSchema = z.object({
  eligible: z.union([z.boolean(), z.literal('needsClaimFacts')]),
  label: z.enum(['符合', '不符合', '待核对']),
  reasons: z.array(z.object({ met: z.nullable(z.boolean()), text: z.string() })),
});

/** One fact the claim form asks for, with the condition the rule puts on it. */
export const claimFactNeededSchema = z.object({
  key: claimFactSchema,
  label: z.string(),
  type: z.enum(FACT_INPUT_TYPES),
  unit: z.optional(z.string()),
  requirement: z.string(),
});

/** Everything the card shows about one benefit for one member (the domain's `BenefitView`). */
export const benefitViewSchema = z.object({
  benefitId: z.string(),
  orgId: z.string(),
  version: z.int(),
  name: z.string(),
  category: z.string(),
  tier: tierSchema,
  whatYouGet: z.string(),
  whoQualifies: z.string(),
  /** The rule itself, so the claim form checks its facts with the same code as the server. */
  eligibility: ruleSchema,
  decision: benefitDecisionSchema,
  claimFacts: z.array(claimFactNeededSchema),
  claimMode: claimModeSchema,
  howToClaim: z.string(),
  quota: z.nullable(z.object({ total: z.int(), used: z.int(), left: z.int(), unit: z.string() })),
  period: z.nullable(z.string()),
  department: z.nullable(z.string()),
  sourceText: z.string(),
  quote: z.string(),
});

/** A benefit on the member's card: with its publisher's name and the member's claim of this period, if any. */
export const memberBenefitSchema = z.extend(benefitViewSchema, {
  orgName: z.string(),
  myClaim: z.nullable(z.object({ claimId: z.string(), status: z.enum(CLAIM_STATUSES), statusText: z.string() })),
});
export type MemberBenefit = z.infer<typeof memberBenefitSchema>;

/** GET /me/benefits — the catalogs in force for the member (root first) and their benefits by tier. */
export const benefitsResponse = z.object({
  /** The claim year. */
  period: z.string(),
  catalogs: z.array(z.object({ orgId: z.string(), orgName: z.string(), version: z.int(), document: planDocumentSchema })),
  tiers: z.array(z.object({ tier: tierSchema, benefits: z.array(memberBenefitSchema) })),
});
export type BenefitsResponse = z.infer<typeof benefitsResponse>;

export const officerFactsSchema = z.object({ hardship: z.boolean(), modelWorker: z.boolean(), frontlineMedical: z.boolean() });

/** GET and PUT /orgs/{orgId}/members/{userId}/facts: the member (masked name) and the facts at `version`. */
export const memberFactsOfResponse = z.object({
  userId: z.string(),
  maskedName: z.string(),
  memberNumber: z.string(),
  facts: officerFactsSchema,
  version: z.int(),
  /** What the member declared at 入会 and whether an officer confirmed it. */
  declared: declaredFactsSchema,
});
export type MemberFactsOfResponse = z.infer<typeof memberFactsOfResponse>;

/** POST /me/claims → 201 */
export const claimResponse = z.object({ claim: claimSchema });
/** POST /claims/{claimId}/approve, POST /claims/{claimId}/reject */
export const officerClaimResponse = z.object({ claim: officerClaimSchema });

/** A 公示: masked names of the approved claimants, shown within its 公示期 (China dates, both included). */
export const publicitySchema = z.object({
  benefitId: z.string(),
  orgId: z.string(),
  benefitName: z.string(),
  /** The claim year whose approvals are listed. */
  period: z.string(),
  entries: z.array(z.object({ maskedName: z.string(), orgName: z.string(), decidedAt: z.string() })),
  publishedAt: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
});
export type PublicityView = z.infer<typeof publicitySchema>;
/** POST /orgs/{orgId}/benefits/{benefitId}/publicity → 201, and GET of the same path */
export const publicityResponse = z.object({ publicity: publicitySchema });

/** PUT /orgs/{orgId}/claim-delegations/{delegateOrgId} */
export const claimDelegationResponse = z.object({ delegation: claimDelegationSchema });
/** DELETE /orgs/{orgId}/claim-delegations/{delegateOrgId} (idempotent: also when there was none) */
export const claimDelegationRevokedResponse = z.object({ revoked: z.object({ orgId: z.string(), delegateOrgId: z.string() }) });

/** POST /orgs/{orgId}/places → 201 */
export const placeResponse = z.object({ place: placeSchema });

/** GET /places?lat=&lng=&kind= — at most 50: nearest first with the distance in metres, or by name without a position. */
export const placesResponse = z.discriminatedUnion('sortedBy', [
  z.object({ places: z.array(placeSchema), sortedBy: z.literal('name') }),
  z.object({ places: z.array(z.extend(placeSchema, { distanceMeters: z.int() })), sortedBy: z.literal('distance') }),
]);
export type PlacesResponse = z.infer<typeof placesResponse>;

/** GET /orgs/{orgId}/places?cursor=&limit= (officer): the places the org runs, open and closed. */
export const orgPlacesResponse = pageResponse('places', placeSchema);
