import * as z from 'zod/mini';
import { phoneCodeSchema, phoneSchema, type TransferView } from './membership.contract';

/**
 * The person's rights under PIPL (查阅、更正、退会). Not re-exported from the package index: only the
 * functions and the mini-program's `member` subpackage import it (by path), so these schemas stay
 * out of the mini-program's main package.
 */

/**
 * PUT /me/phone — 更正手机号. weapp: `phoneCode` from the getPhoneNumber button (the number WeChat
 * verified; `phone`, if sent too, must be the same); h5: `phone`, format-checked only.
 */
export const phoneCorrectionRequest = z.object({ phone: z.optional(phoneSchema), phoneCode: z.optional(phoneCodeSchema) }).check(
  z.refine((b) => b.phone !== undefined || b.phoneCode !== undefined, {
    message: '请填写新的手机号，或在微信中验证手机号',
    path: ['phone'],
  }),
);
export type PhoneCorrectionRequest = z.input<typeof phoneCorrectionRequest>;

/** POST /me/membership/leave — 退会, confirmed by the member. */
export const leaveRequest = z.object({ confirm: z.literal(true, '请确认退会') });

/** One membership or application as `GET /me/data` shows it to the person alone: 身份证号 and phone in full. */
export interface MyDataProfile {
  name: string;
  /** null once the retention period after 退会 is over and the data was deleted. */
  idNumber: string | null;
  phone: string | null;
  birthDate: string | null;
  gender: 'male' | 'female' | null;
  employer: string | null;
  employmentType: string;
  group: string;
  isMigrantWorker: boolean;
  noticeVersion: string;
}

/** GET /me/data — everything stored about the caller (PIPL 查阅权), ballots excepted: they are anonymous. */
export interface MyData {
  generatedAt: string;
  retentionDays: number;
  user: { userId: string; displayName: string; roles: Array<{ role: string; orgId: string }> };
  memberships: Array<
    MyDataProfile & {
      membershipId: string;
      orgId: string;
      orgName: string;
      memberNumber: string;
      status: string;
      joinedAt: string;
      endedAt: string | null;
      anonymisedAt: string | null;
      memberNumberHistory: Array<{ orgName: string; memberNumber: string; from: string; to: string }>;
    }
  >;
  applications: Array<
    MyDataProfile & {
      applicationId: string;
      orgName: string;
      status: string;
      submittedAt: string;
      decidedAt: string | null;
      rejectReason: string | null;
      memberNumber: string | null;
    }
  >;
  transfers: TransferView[];
  claims: Array<{
    claimId: string;
    benefitName: string;
    orgName: string;
    period: string;
    status: string;
    facts: Record<string, number | boolean | string>;
    createdAt: string;
    decidedAt: string | null;
    rejectionReason: string | null;
  }>;
  officerFacts: { orgId: string; hardship: boolean; modelWorker: boolean; frontlineMedical: boolean; updatedAt: string } | null;
  congress: {
    delegateOf: Array<{
      sessionId: string;
      sessionName: string;
      delegation: string | null;
      memberNumber: string | null;
      signedInAt: string | null;
    }>;
    proposals: Array<{ proposalId: string; sessionId: string; title: string; status: string; createdAt: string }>;
    cosigned: Array<{ proposalId: string; title: string; at: string }>;
    /** That the person voted, never how: ballots are stored without any link to the voter. */
    votedIn: Array<{ motionId: string; title: string }>;
  };
  /** 退会 records whose personal data awaits deletion, and when. */
  retention: Array<{ membershipId: string; leftAt: string; purgeAfter: string }>;
}
