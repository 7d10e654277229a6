import * as z from 'zod/mini';
import { APPLICATION_STATUSES, TRANSFER_STATUSES } from '../domain/membership/application';
import { ID_NUMBER_MESSAGES, idNumberProblem, isMainlandMobile, normalizeIdNumber } from '../domain/membership/id-number';
import { INVITE_MODES } from '../domain/membership/invite';
import { EMPLOYMENT_TYPES, MEMBER_GROUPS, MEMBERSHIP_STATUSES, PRIVACY_NOTICE_VERSION } from '../domain/membership/member';
import { ORG_KINDS } from '../domain/org/org';
import { datetimeSchema, idSchema } from './common.contract';

/** 身份证号: normalised (spaces out, x → X), then checked as GB 11643 on the day of parsing. */
export const idNumberSchema = z.pipe(
  z.pipe(z.string().check(z.maxLength(40, '应为 18 位身份证号码')), z.transform(normalizeIdNumber)),
  z.string().check(
    z.superRefine((value, ctx) => {
      const problem = idNumberProblem(value, new Date());
      if (problem) ctx.issues.push({ code: 'custom', input: value, message: ID_NUMBER_MESSAGES[problem] });
    }),
  ),
);

export const phoneSchema = z.pipe(
  z.pipe(
    z.string().check(z.maxLength(30, '应为 11 位大陆手机号码')),
    z.transform((s: string) => s.replace(/[\s-]/g, '')),
  ),
  z.string().check(z.refine(isMainlandMobile, '应为 11 位大陆手机号码')),
);

/** The code from the weapp's getPhoneNumber button (e.detail.code), exchanged by the server once. */
export const phoneCodeSchema = z.string().check(z.minLength(1, '不能为空'), z.maxLength(128, '过长'));

const text = (min: number, max: number, what = '字') =>
  z
    .string()
    .check(z.trim(), z.minLength(min, min === 1 ? '不能为空' : `至少 ${min} 个${what}`), z.maxLength(max, `不超过 ${max} 个${what}`));

/** The real-name join form (入会申请). The client validates it inline; the server parses the same. */
export const joinApplicationRequest = z.object({
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(2, '至少 2 个字'),
      z.maxLength(30, '不超过 30 个字'),
      z.regex(/^[\u4e00-\u9fa5·A-Za-z\s]+$/, '只能包含汉字、字母和间隔号'),
    ),
  phone: phoneSchema,
  idNumber: idNumberSchema,
  employer: text(2, 60),
  employmentType: z.enum(EMPLOYMENT_TYPES, '请选择就业形态'),
  group: z.enum(MEMBER_GROUPS, '请选择八大群体类别（或“不属于”）'),
  isMigrantWorker: z.boolean('请选择是否农民工'),
  noticeAccepted: z.literal(true, '请阅读并同意个人信息保护告知书'),
  noticeVersion: z.literal(PRIVACY_NOTICE_VERSION, '告知书已更新，请重新阅读并同意'),
  /** weapp only: proves the phone is the caller's, so a refusal may name the union holding their membership. */
  phoneCode: z.optional(phoneCodeSchema),
});
export type JoinApplicationRequest = z.input<typeof joinApplicationRequest>;
export type JoinApplication = z.infer<typeof joinApplicationRequest>;

/** POST /orgs/{orgId}/invites */
export const createInviteRequest = z.object({
  mode: z.enum(INVITE_MODES, '请选择审核方式'),
  expiresAt: datetimeSchema,
  maxUses: z.number().check(z.int('应为整数'), z.minimum(1, '至少 1 次'), z.maximum(100_000, '不超过 100000 次')),
});

export const inviteSchema = z.object({
  inviteId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  mode: z.enum(INVITE_MODES),
  expiresAt: z.string(),
  maxUses: z.number(),
  uses: z.number(),
  revokedAt: z.nullable(z.string()),
  createdAt: z.string(),
  status: z.enum(['active', 'expired', 'revoked', 'usedUp']),
  joinUrl: z.string(),
});
export type InviteView = z.infer<typeof inviteSchema>;

/** GET /invites/{inviteId} — what a worker sees before filling the form. */
export const publicInviteResponse = z.object({
  invite: z.object({ inviteId: z.string(), mode: z.enum(INVITE_MODES), expiresAt: z.string() }),
  org: z.object({ orgId: z.string(), name: z.string(), kind: z.enum(ORG_KINDS), lineageNames: z.array(z.string()) }),
});
export type PublicInviteResponse = z.infer<typeof publicInviteResponse>;

/** GET /invites/{inviteId}/poster?format=png|svg&payload=url|scene */
export const posterQuery = z.object({
  format: z.optional(z.enum(['png', 'svg'], '应为 png 或 svg')),
  payload: z.optional(z.enum(['url', 'scene'], '应为 url 或 scene')),
});

/**
 * An application as its applicant and officers see it: ID number and phone masked, and nothing
 * beside them that rebuilds a hidden digit — no birth date, no gender; the age in whole years only.
 */
export const applicationSchema = z.object({
  applicationId: z.string(),
  userId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  inviteId: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  name: z.string(),
  phoneMasked: z.string(),
  idNumberMasked: z.string(),
  age: z.int(),
  employer: z.string(),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  group: z.enum(MEMBER_GROUPS),
  isMigrantWorker: z.boolean(),
  noticeVersion: z.string(),
  submittedAt: z.string(),
  decidedAt: z.nullable(z.string()),
  rejectReason: z.nullable(z.string()),
  memberNumber: z.nullable(z.string()),
});
export type ApplicationView = z.infer<typeof applicationSchema>;

export const membershipSchema = z.object({
  membershipId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  memberNumber: z.string(),
  status: z.enum(MEMBERSHIP_STATUSES),
  joinedAt: z.string(),
  endedAt: z.nullable(z.string()),
  name: z.string(),
  phoneMasked: z.string(),
  idNumberMasked: z.string(),
  group: z.enum(MEMBER_GROUPS),
  isMigrantWorker: z.boolean(),
});
export type MembershipView = z.infer<typeof membershipSchema>;

/** POST /applications/{applicationId}/reject */
export const rejectRequest = z.object({ reason: text(2, 200) });

/** POST /me/transfers — 会籍转移 to another org. */
export const transferRequest = z.object({ toOrgId: idSchema, note: z.optional(text(1, 200)) });

export const transferSchema = z.object({
  transferId: z.string(),
  userId: z.string(),
  name: z.string(),
  fromOrgId: z.string(),
  fromOrgName: z.string(),
  toOrgId: z.string(),
  toOrgName: z.string(),
  fromMemberNumber: z.string(),
  status: z.enum(TRANSFER_STATUSES),
  note: z.nullable(z.string()),
  requestedAt: z.string(),
  decidedAt: z.nullable(z.string()),
  rejectReason: z.nullable(z.string()),
  newMemberNumber: z.nullable(z.string()),
});
export type TransferView = z.infer<typeof transferSchema>;
