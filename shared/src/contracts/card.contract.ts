import * as z from 'zod/mini';
import '../domain/common/zod-locale';
import { CLAIM_STATUSES } from '../domain/card/claim-state';
import { PLACE_KINDS } from '../domain/card/places';
import { boundedNumber, boundedRecord } from './common.contract';
import { pageQuery } from './page.contract';

/** The answers' schemas are in card-responses.contract.ts (only the tests parse with them); their types from here. */
export type {
  CardResponse,
  ClaimDelegationView,
  ClaimView,
  claimDelegationsResponse,
  DeclaredFactsView,
  MemberFactsRow,
  memberFactsResponse,
  myClaimsResponse,
  OfficerClaimView,
  officerClaimsResponse,
  PlaceView,
  VerifyResponse,
} from './card-responses.contract';

const text = (min: number, max: number) =>
  z.string().check(z.trim(), z.minLength(min, min <= 1 ? '请填写' : `至少 ${min} 个字`), z.maxLength(max, `不超过 ${max} 个字`));

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

/** GET /me/publicity?cursor=&limit= — the 公示 on show that the member's lineage published, ending soonest first. */
export const memberPublicityQuery = pageQuery;

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

/** GET /me/claims?cursor=&limit= — the member's claims, newest first. */
export const myClaimsQuery = pageQuery;

/** GET /orgs/{orgId}/claims?status=&cursor=&limit= — the queue of the officer's subtree, org by org, oldest first. */
export const claimStatusQuery = z.extend(pageQuery, { status: z.optional(z.enum(CLAIM_STATUSES)) });

export const memberFactsQuery = pageQuery;

export const claimDelegationsQuery = pageQuery;

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

/** PUT /places/{placeId}: the place's fields, all of them (as created). */
export const updatePlaceRequest = createPlaceRequest;
