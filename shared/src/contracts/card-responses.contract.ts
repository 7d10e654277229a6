import * as z from 'zod/mini';
import { CLAIM_STATUSES } from '../domain/card/claim-state';
import { PLACE_KINDS } from '../domain/card/places';
import type { FactInputType } from '../domain/eligibility/facts';
import { claimFactSchema, planDocumentSchema, ruleSchema, tierSchema } from './catalog.contract';
import { claimModeSchema } from './catalog-publish.contract';
import { pageResponse } from './page.contract';

/**
 * What the card routes answer (functions/src/http/card/responses.ts), with the views they are made
 * of. Not re-exported from the package index as values (card.contract re-exports their types): only
 * the tests parse with them, the mini-program only takes their types (`import type`), so these
 * schemas stay out of its main package and out of every function's bundle (docs/ARCHITECTURE.md
 * "Response schemas").
 */

/** GET /me/card */
export const cardResponse = z.object({
  card: z.object({
    maskedName: z.string(),
    memberNumber: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    joinedOn: z.string(),
    /** Only an active membership has a card. */
    status: z.literal('active'),
    statusText: z.string(),
  }),
  token: z.string(),
  tokenExpiresAt: z.string(),
  fetchedAt: z.string(),
});
export type CardResponse = z.infer<typeof cardResponse>;

/** What a verifier learns: never the name, 身份证号 or phone. */
export const verifyResponse = z.object({
  result: z.enum(['有效', '已过期', '无效']),
  reason: z.string(),
  /** What the verifier does next (grant, ask for a fresh code, do not grant). */
  nextStep: z.string(),
  /** 'inactive': a genuine card whose membership ended or moved (null when the QR itself is not valid). */
  memberStatus: z.nullable(z.enum(['active', 'inactive'])),
  memberStatusText: z.nullable(z.string()),
  orgName: z.nullable(z.string()),
  memberNumberMasked: z.nullable(z.string()),
  checkedAt: z.string(),
});
export type VerifyResponse = z.infer<typeof verifyResponse>;

/** What a member declared at 入会 and whether an officer confirmed it (会员认定 shows it beside the facts). */
export const declaredFactsSchema = z.object({
  group: z.string(),
  /** 快递员 … / 不属于八大群体 */
  groupText: z.string(),
  isEightGroups: z.boolean(),
  isMigrantWorker: z.boolean(),
  employmentTypeText: z.string(),
  confirmed: z.boolean(),
  confirmedAt: z.nullable(z.string()),
});
export type DeclaredFactsView = z.infer<typeof declaredFactsSchema>;

export const claimSchema = z.object({
  claimId: z.string(),
  benefitId: z.string(),
  benefitName: z.string(),
  benefitVersion: z.number(),
  orgId: z.string(),
  period: z.string(),
  status: z.enum(CLAIM_STATUSES),
  statusText: z.string(),
  facts: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
  reasons: z.array(z.object({ met: z.nullable(z.boolean()), text: z.string() })),
  rejectionReason: z.nullable(z.string()),
  /** Why a 免申即享 claim went to an officer instead of approving at once ("八大群体身份待工会确认，已转人工审核"). */
  reviewReason: z.nullable(z.string()),
  createdAt: z.string(),
  decidedAt: z.nullable(z.string()),
});
export type ClaimView = z.infer<typeof claimSchema>;

/**
 * A claim as the officer's queue shows it: the claimant's name (officers see names), never PII,
 * and whether this officer may decide it (not their own claim; power over the member and over
 * the benefit's publisher, or a delegation from it).
 */
export const officerClaimSchema = z.extend(claimSchema, {
  memberName: z.string(),
  memberNumber: z.string(),
  orgName: z.string(),
  decidable: z.boolean(),
});
export type OfficerClaimView = z.infer<typeof officerClaimSchema>;

/** GET /me/claims — the member's claims, newest first. */
export const myClaimsResponse = pageResponse('claims', claimSchema);

/** GET /orgs/{orgId}/claims — the queue of the officer's subtree. */
export const officerClaimsResponse = pageResponse('claims', officerClaimSchema);

/** GET /orgs/{orgId}/member-facts?cursor=&limit= — active members of the subtree with their officer-set facts and 入会 declarations. */
export const memberFactsRowSchema = z.object({
  userId: z.string(),
  name: z.string(),
  memberNumber: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  facts: z.object({ hardship: z.boolean(), modelWorker: z.boolean(), frontlineMedical: z.boolean() }),
  updatedAt: z.nullable(z.string()),
  version: z.number(),
  declared: declaredFactsSchema,
});
export type MemberFactsRow = z.infer<typeof memberFactsRowSchema>;

/** GET /orgs/{orgId}/member-facts */
export const memberFactsResponse = pageResponse('members', memberFactsRowSchema);

/** A publisher's 委托审核: officers over `delegateOrgId` decide claims against `orgId`'s benefits below it. */
export const claimDelegationSchema = z.object({
  orgId: z.string(),
  delegateOrgId: z.string(),
  delegateOrgName: z.string(),
  grantedBy: z.string(),
  grantedAt: z.string(),
});
export type ClaimDelegationView = z.infer<typeof claimDelegationSchema>;

/** GET /orgs/{orgId}/claim-delegations */
export const claimDelegationsResponse = pageResponse('delegations', claimDelegationSchema);

export const placeSchema = z.object({
  placeId: z.string(),
  orgId: z.string(),
  kind: z.enum(PLACE_KINDS),
  name: z.string(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  openingHours: z.string(),
  /** closed: members no longer see it (an officer's list still shows it). */
  status: z.enum(['open', 'closed']),
});
export type PlaceView = z.infer<typeof placeSchema> & { distanceMeters?: number };

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
  /** The plan year (the entry's, else its document's). */
  year: z.nullable(z.int()),
  /** 'ended' → 已结束, 'notStarted' → 未开始: not claimable. */
  periodStatus: z.enum(['open', 'notStarted', 'ended']),
  periodText: z.nullable(z.string()),
  department: z.nullable(z.string()),
  sourceText: z.string(),
  quote: z.string(),
});

/** A benefit on the member's card: with its publisher's name and the member's claim of this period, if any. */
export const memberBenefitSchema = z.extend(benefitViewSchema, {
  orgName: z.string(),
  myClaim: z.nullable(z.object({ claimId: z.string(), status: z.enum(CLAIM_STATUSES), statusText: z.string() })),
  /** 实事 progress of an entry with a quota or facilities ("已完成 12/25 名"): max(recorded, approved claims). */
  progress: z.nullable(z.object({ done: z.int(), target: z.int(), unit: z.string(), percent: z.int(), text: z.string() })),
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

/** A 公示 in the member's list: with the name of the union that published it. */
export const memberPublicitySchema = z.extend(publicitySchema, { orgName: z.string() });
export type MemberPublicityView = z.infer<typeof memberPublicitySchema>;
/** GET /me/publicity — one page, ending soonest first. */
export const memberPublicityResponse = pageResponse('publicity', memberPublicitySchema);

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
