import * as z from 'zod/mini';
import { CLAIM_STATUSES } from '../domain/card/claim-state';
import { PROPOSAL_STATUSES } from '../domain/congress/proposal';
import { APPLICATION_STATUSES } from '../domain/membership/application';
import { EMPLOYMENT_TYPES, MEMBER_GROUPS, MEMBERSHIP_STATUSES } from '../domain/membership/member';
import { roleGrantSchema } from './auth.contract';
import { applicationSchema, inviteSchema, membershipSchema, transferSchema } from './membership.contract';
import { pageResponse } from './page.contract';

/**
 * The responses of the 入会 routes (invites, applications, memberships, transfers). Not re-exported
 * from the package index: the functions and the tests parse with them, the mini-program only takes
 * their types (`import type`), so these schemas stay out of its main package (docs/ARCHITECTURE.md
 * "Response schemas"). The element views (inviteSchema, applicationSchema, …) are in membership.contract.
 */

/** POST /orgs/{orgId}/invites → 201, POST /invites/{inviteId}/revoke */
export const inviteResponse = z.object({ invite: inviteSchema });
/** GET /orgs/{orgId}/invites?cursor=&limit= */
export const invitesResponse = pageResponse('invites', inviteSchema);

/** GET /invites/{inviteId}/poster?format=png|svg answers a file, not JSON: a PNG unless format=svg. */
export const POSTER_MEDIA_TYPES = ['image/png', 'image/svg+xml'] as const;

/**
 * POST /invites/{inviteId}/applications → 201. An auto-approve invite activates at once: then the
 * membership is there and the session must be refreshed (POST /auth/refresh) for the member grant.
 */
export const submitApplicationResponse = z.object({
  application: applicationSchema,
  membership: z.nullable(membershipSchema),
  refreshSession: z.boolean(),
});
export type SubmitApplicationResponse = z.infer<typeof submitApplicationResponse>;

/** GET /me/application — the caller's latest application, or null. */
export const myApplicationResponse = z.object({ application: z.nullable(applicationSchema) });

/** POST /applications/{applicationId}/resubmit, POST /applications/{applicationId}/reject */
export const applicationResponse = z.object({ application: applicationSchema });

/** GET /orgs/{orgId}/applications?cursor=&limit= — the pending queue of the officer's subtree. */
export const applicationsResponse = pageResponse('applications', applicationSchema);

/** POST /applications/{applicationId}/approve: the decision and the membership it activated. */
export const approveApplicationResponse = z.object({ application: applicationSchema, membership: membershipSchema });

/** A member number held before a transfer: where, and from when to when. */
export const memberNumberHistoryEntrySchema = z.object({
  orgName: z.string(),
  memberNumber: z.string(),
  from: z.string(),
  to: z.string(),
});

/** GET /me/membership — the active membership (or null), its number history, every membership held and the transfers. */
export const myMembershipResponse = z.object({
  membership: z.nullable(membershipSchema),
  memberNumberHistory: z.array(memberNumberHistoryEntrySchema),
  history: z.array(membershipSchema),
  transfers: z.array(transferSchema),
});
export type MyMembershipResponse = z.infer<typeof myMembershipResponse>;

/** POST /me/transfers → 201, POST /transfers/{transferId}/reject */
export const transferResponse = z.object({ transfer: transferSchema });

/** GET /orgs/{orgId}/transfers?cursor=&limit= — pending transfers into the officer's subtree. */
export const transfersResponse = pageResponse('transfers', transferSchema);

/** POST /transfers/{transferId}/approve: the decision and the membership in the new org. */
export const approveTransferResponse = z.object({ transfer: transferSchema, membership: membershipSchema });

// 个人信息 (PIPL): GET /me/data, PUT /me/phone, POST /me/membership/leave (requests in privacy.contract.ts).

/** One membership or application as `GET /me/data` shows it to the person alone: 身份证号 and phone in full. */
const myDataProfileShape = {
  name: z.string(),
  /** null once the retention period after 退会 is over and the data was deleted. */
  idNumber: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  birthDate: z.nullable(z.string()),
  gender: z.nullable(z.enum(['male', 'female'])),
  employer: z.nullable(z.string()),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  group: z.enum(MEMBER_GROUPS),
  isMigrantWorker: z.boolean(),
  noticeVersion: z.string(),
};
export const myDataProfileSchema = z.object(myDataProfileShape);
export type MyDataProfile = z.infer<typeof myDataProfileSchema>;

/** GET /me/data — everything stored about the caller (PIPL 查阅权), ballots excepted: they are anonymous. */
export const myDataResponse = z.object({
  generatedAt: z.string(),
  retentionDays: z.int(),
  user: z.object({
    userId: z.string(),
    displayName: z.string(),
    roles: z.array(roleGrantSchema),
    /** The account's WeChat openid, kept to address 订阅消息 (maskOpenId: never in full); null for h5-only accounts. */
    wechatOpenId: z.nullable(z.string()),
  }),
  memberships: z.array(
    z.object({
      ...myDataProfileShape,
      membershipId: z.string(),
      orgId: z.string(),
      orgName: z.string(),
      memberNumber: z.string(),
      status: z.enum(MEMBERSHIP_STATUSES),
      joinedAt: z.string(),
      endedAt: z.nullable(z.string()),
      anonymisedAt: z.nullable(z.string()),
      memberNumberHistory: z.array(z.object({ orgName: z.string(), memberNumber: z.string(), from: z.string(), to: z.string() })),
    }),
  ),
  applications: z.array(
    z.object({
      ...myDataProfileShape,
      applicationId: z.string(),
      orgName: z.string(),
      status: z.enum(APPLICATION_STATUSES),
      submittedAt: z.string(),
      decidedAt: z.nullable(z.string()),
      rejectReason: z.nullable(z.string()),
      memberNumber: z.nullable(z.string()),
    }),
  ),
  transfers: z.array(transferSchema),
  claims: z.array(
    z.object({
      claimId: z.string(),
      benefitName: z.string(),
      orgName: z.string(),
      period: z.string(),
      status: z.enum(CLAIM_STATUSES),
      facts: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
      createdAt: z.string(),
      decidedAt: z.nullable(z.string()),
      rejectionReason: z.nullable(z.string()),
    }),
  ),
  /** 商惠 uses recorded at merchants. */
  merchantUses: z.array(
    z.object({
      useId: z.string(),
      merchantName: z.string(),
      benefitName: z.string(),
      discount: z.string(),
      period: z.string(),
      usedAt: z.string(),
    }),
  ),
  /** 实事 suggestions the member wrote. */
  projectSuggestions: z.array(
    z.object({
      callId: z.string(),
      suggestionId: z.string(),
      title: z.string(),
      content: z.string(),
      targetGroup: z.string(),
      category: z.string(),
      supportCount: z.int(),
      mergedIntoTitle: z.nullable(z.string()),
      createdAt: z.string(),
    }),
  ),
  /** 实事 member votes the member voted in (never how). */
  projectVotedIn: z.array(z.string()),
  /** 实事: services an officer marked them served by, and the ones they rated (the day only; what they answered is stored without them). */
  projectServices: z.array(
    z.object({
      year: z.string(),
      orgId: z.string(),
      benefitName: z.string(),
      servedAt: z.nullable(z.string()),
      servedBy: z.nullable(z.string()),
      ratedOn: z.nullable(z.string()),
    }),
  ),
  /** 消息: the notifications the person was sent, as the inbox shows them (a rejection's reason in full). */
  notifications: z.array(
    z.object({ noteId: z.string(), title: z.string(), body: z.string(), createdAt: z.string(), readAt: z.nullable(z.string()) }),
  ),
  officerFacts: z.nullable(
    z.object({
      orgId: z.string(),
      hardship: z.boolean(),
      modelWorker: z.boolean(),
      frontlineMedical: z.boolean(),
      updatedAt: z.string(),
    }),
  ),
  congress: z.object({
    delegateOf: z.array(
      z.object({
        sessionId: z.string(),
        sessionName: z.string(),
        delegation: z.nullable(z.string()),
        memberNumber: z.nullable(z.string()),
        signedInAt: z.nullable(z.string()),
      }),
    ),
    proposals: z.array(
      z.object({
        proposalId: z.string(),
        sessionId: z.string(),
        title: z.string(),
        status: z.enum(PROPOSAL_STATUSES),
        createdAt: z.string(),
      }),
    ),
    cosigned: z.array(z.object({ proposalId: z.string(), title: z.string(), at: z.string() })),
    /** That the person voted, never how: ballots are stored without any link to the voter. */
    votedIn: z.array(z.object({ motionId: z.string(), title: z.string() })),
  }),
  /** 退会 records whose personal data awaits deletion, and when. */
  retention: z.array(z.object({ membershipId: z.string(), leftAt: z.string(), purgeAfter: z.string() })),
});
export type MyData = z.infer<typeof myDataResponse>;

/** PUT /me/phone: the membership with the new number (masked), and whether WeChat verified it. */
export const phoneCorrectionResponse = z.object({ membership: membershipSchema, verified: z.boolean() });
export type PhoneCorrectionResponse = z.infer<typeof phoneCorrectionResponse>;

/** POST /me/membership/leave: the ended membership, when its data is deleted, and that the grants are gone (refresh). */
export const leaveResponse = z.object({ membership: membershipSchema, purgeAfter: z.string(), refreshSession: z.literal(true) });
export type LeaveResponse = z.infer<typeof leaveResponse>;
