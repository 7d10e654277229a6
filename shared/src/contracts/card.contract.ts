import * as z from 'zod/mini';
import '../domain/common/zod-locale';
import { CLAIM_STATUSES } from '../domain/card/claim-state';
import { PLACE_KINDS } from '../domain/card/places';
import { boundedNumber, boundedRecord } from './common.contract';
import { pageQuery, pageResponse } from './page.contract';

const text = (min: number, max: number) =>
  z.string().check(z.trim(), z.minLength(min, min <= 1 ? '请填写' : `至少 ${min} 个字`), z.maxLength(max, `不超过 ${max} 个字`));

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

/** POST /verify: the QR payload as scanned. */
export const verifyRequest = z.object({
  token: z.string().check(z.trim(), z.minLength(1, '请扫描或粘贴会员卡二维码'), z.maxLength(2000, '内容过长')),
});

const isoDate = z.string().check(z.trim(), z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'));

/**
 * POST /orgs/{orgId}/benefits/{benefitId}/publicity: the 公示期 (China dates, both included).
 * Omitted: from today for 7 days. Bounds are checked in the domain (publicityPeriodOf).
 */
export const publishPublicityRequest = z.object({
  startsOn: z.optional(isoDate),
  endsOn: z.optional(isoDate),
});
export type PublishPublicityRequest = z.infer<typeof publishPublicityRequest>;

/** What a verifier learns: never the name, 身份证号 or phone. */
export const verifyResponse = z.object({
  result: z.enum(['有效', '已过期', '无效']),
  reason: z.string(),
  /** 'inactive': a genuine card whose membership ended or moved (null when the QR itself is not valid). */
  memberStatus: z.nullable(z.enum(['active', 'inactive'])),
  memberStatusText: z.nullable(z.string()),
  orgName: z.nullable(z.string()),
  memberNumberMasked: z.nullable(z.string()),
  checkedAt: z.string(),
});
export type VerifyResponse = z.infer<typeof verifyResponse>;

/**
 * PUT /orgs/{orgId}/members/{userId}/facts: officer-set facts; an omitted one keeps its value.
 * `confirmDeclared: true` confirms what the member declared at 入会 (八大群体, 农民工, 用工形式), so
 * 免申即享 may rest on it. `version` is the one the editor read (GET answers it; 0 before any fact
 * was set): an edit made from an older version is refused (409 FACTS_STALE), never merged over a
 * newer one.
 */
export const officerFactsRequest = z
  .object({
    hardship: z.optional(z.boolean()),
    modelWorker: z.optional(z.boolean()),
    frontlineMedical: z.optional(z.boolean()),
    confirmDeclared: z.optional(z.literal(true, '只能确认（true）')),
    version: z.int({ error: '请提供读取时的版本号（整数）' }).check(z.gte(0, '版本号不能小于 0')),
  })
  .check(
    z.refine(
      (v) => v.hardship !== undefined || v.modelWorker !== undefined || v.frontlineMedical !== undefined || v.confirmDeclared === true,
      { message: '请至少设置一项', path: ['facts'] },
    ),
  );
export type OfficerFactsRequest = z.infer<typeof officerFactsRequest>;

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

/** Published benefit ids read `${orgId}.v${version}.${n}`. */
export const benefitIdSchema = z
  .string()
  .check(z.minLength(1, '请选择福利项目'), z.maxLength(120, '过长'), z.regex(/^[A-Za-z0-9_.-]+$/, '格式不正确'));

/** POST /me/claims: the benefit and the claim facts its rule asks for. */
export const createClaimRequest = z.object({
  benefitId: benefitIdSchema,
  facts: z._default(
    // Each fact's own range is the rule's to check (parseClaimFacts); this only keeps numbers sane.
    boundedRecord(
      z.string().check(z.maxLength(40)),
      z.union([boundedNumber(-1e9, 1e9), z.boolean(), z.string().check(z.maxLength(200))]),
      20,
    ),
    {},
  ),
});
export type CreateClaimRequest = z.infer<typeof createClaimRequest>;

export const rejectClaimRequest = z.object({ reason: text(2, 200) });

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

/** GET /me/claims?cursor=&limit= — the member's claims, newest first. */
export const myClaimsQuery = pageQuery;
export const myClaimsResponse = pageResponse('claims', claimSchema);

/** GET /orgs/{orgId}/claims?status=&cursor=&limit= — the queue of the officer's subtree, org by org, oldest first. */
export const claimStatusQuery = z.extend(pageQuery, { status: z.optional(z.enum(CLAIM_STATUSES)) });
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
export const memberFactsQuery = pageQuery;
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
export const claimDelegationsQuery = pageQuery;
export const claimDelegationsResponse = pageResponse('delegations', claimDelegationSchema);

const coordinate = (min: number, max: number) =>
  z.pipe(
    z.union([z.number(), z.string().check(z.trim(), z.minLength(1, '请填写'), z.maxLength(30, '应为数字'))]),
    z.transform((v, ctx) => {
      const n = typeof v === 'number' ? v : Number(v);
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.issues.push({ code: 'custom', message: `应在 ${min} 到 ${max} 之间`, input: v });
        return z.NEVER;
      }
      // Six decimals of a degree are about 0.1 m; more is noise, and 5e-324 is not storable.
      return Math.round(n * 1e6) / 1e6 || 0;
    }),
  );

export const createPlaceRequest = z.object({
  kind: z.enum(PLACE_KINDS),
  name: text(2, 60),
  address: text(4, 120),
  lat: coordinate(-90, 90),
  lng: coordinate(-180, 180),
  openingHours: text(1, 60),
});
export type CreatePlaceRequest = z.infer<typeof createPlaceRequest>;

export const placesQuery = z.object({ lat: coordinate(-90, 90), lng: coordinate(-180, 180) });

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
/** PUT /places/{placeId}: the place's fields, all of them (as created). */
export const updatePlaceRequest = createPlaceRequest;
export type PlaceView = z.infer<typeof placeSchema> & { distanceMeters?: number };
