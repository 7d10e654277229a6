import * as z from 'zod/mini';
import { DEFAULT_RATING_SCALE, MAX_VOTE_ITEMS } from '../domain/congress/motion';
import { MAX_MOTION_PROPOSALS } from '../domain/congress/motion-proposals';
import { PROPOSAL_DECISIONS, REPLY_RATINGS } from '../domain/congress/proposal';
import { boundedRecord, dateSchema, idSchema } from './common.contract';
import { congressText } from './congress.contract';
import { pageQuery } from './page.contract';

/**
 * The request bodies (and list queries) of the congress routes that the mini-program builds from its own forms and
 * only types (`import type`): sessions, roster, 审查 and 答复, motions and ballots. Not re-exported
 * from the shared index, so the main package does not carry them; the one form the 投票 tab checks
 * on the device (提案) stays in congress.contract.ts, with the field labels.
 */

// ——— list queries ———

/** GET /congress/sessions?orgId=&cursor=&limit= (officer) */
export const orgSessionsQuery = z.extend(pageQuery, { orgId: idSchema });
/** GET /congress/sessions/{sessionId}/proposals?overdue=true (overdue: an officer's worklist) */
export const sessionProposalsQuery = z.extend(pageQuery, { overdue: z.optional(z.enum(['true', 'false'])) });

/** POST /congress/sessions */
export const createSessionRequest = z
  .object({ orgId: idSchema, sessionName: congressText(4, 60), startDate: dateSchema, endDate: dateSchema })
  .check(z.refine((v) => v.endDate >= v.startDate, { message: '结束日期：不能早于开始日期', path: ['endDate'] }));
export type CreateSessionRequest = z.infer<typeof createSessionRequest>;

const delegation = z.optional(z.string().check(z.trim(), z.maxLength(30, '不超过 30 个字')));
const memberNumber = z.string().check(z.trim(), z.regex(/^[A-Za-z0-9_-]{4,80}$/, '格式不正确'));

/** POST /congress/sessions/{sessionId}/roster — officers add delegates by member number. */
export const addDelegatesRequest = z.object({
  delegates: z.array(z.object({ memberNumber, delegation })).check(z.minLength(1, '至少添加一名代表'), z.maxLength(500, '一次最多 500 名')),
});
export type AddDelegatesRequest = z.infer<typeof addDelegatesRequest>;

/** POST /congress/sessions/{sessionId}/roster/import — CSV text: 会员编号[,代表团] per line. */
export const importRosterRequest = z.object({ csv: z.string().check(z.minLength(1, '不能为空'), z.maxLength(100_000, '文件过大')) });

/** POST /congress/proposals/{proposalId}/decision — 立案 | 转为意见建议 | 不予立案, always with a reason. */
export const proposalDecisionRequest = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), reason: congressText(2, 500), department: congressText(2, 40), replyDeadline: dateSchema }),
  z.object({ decision: z.literal('convert'), reason: congressText(2, 500) }),
  z.object({ decision: z.literal('reject'), reason: congressText(2, 500) }),
]);
export type ProposalDecisionRequest = z.infer<typeof proposalDecisionRequest>;
export const PROPOSAL_DECISION_VALUES = PROPOSAL_DECISIONS;

export const proposalReplyRequest = z.object({ reply: congressText(5, 4000) });
export const proposalRatingRequest = z.object({
  rating: z.enum(REPLY_RATINGS),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(500, '不超过 500 个字'))),
});
export type ProposalRatingRequest = z.infer<typeof proposalRatingRequest>;
export const proposalProgressRequest = z.object({ note: congressText(2, 2000), done: z.optional(z.boolean()) });

const namedItem = z.object({ name: congressText(1, 30), note: z.optional(z.string().check(z.trim(), z.maxLength(30, '不超过 30 个字'))) });
const motionBase = {
  title: congressText(2, 80),
  description: z.optional(z.string().check(z.trim(), z.maxLength(1000, '不超过 1000 个字'))),
};
/** What a 表决 or 分项表决 is on: a 议案's text (e.g. a 集体合同草案) and/or 立案 proposals of the session. */
const motionMatter = {
  draftText: z.optional(z.string().check(z.trim(), z.maxLength(20_000, '不超过 20000 个字'))),
  proposalIds: z.optional(z.array(idSchema).check(z.maxLength(MAX_MOTION_PROPOSALS, `最多 ${MAX_MOTION_PROPOSALS} 件`))),
};
/** A 测评 or 选举 is on no 议案 or proposal: either field sent is refused (400 naming it), never silently dropped. */
const NO_MATTER = '只有表决和分项表决可以关联提案或议案';
const noMatter = {
  draftText: z.optional(z.never(NO_MATTER)),
  proposalIds: z.optional(z.never(NO_MATTER)),
};
const voteItem = z.object({ title: congressText(1, 120), proposalId: z.optional(idSchema) });

/**
 * POST /congress/sessions/{sessionId}/motions — 表决, 分项表决 (2–50 items, each voted on its own),
 * 测评 (scale defaults to 满意/基本满意/不满意) or 选举 (K of M).
 */
export const createMotionRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('vote'), ...motionBase, ...motionMatter }),
  z.object({
    kind: z.literal('itemized'),
    ...motionBase,
    ...motionMatter,
    items: z.array(voteItem).check(z.minLength(2, '分项表决至少两项'), z.maxLength(MAX_VOTE_ITEMS, `最多 ${MAX_VOTE_ITEMS} 项`)),
  }),
  z.object({
    kind: z.literal('rating'),
    ...motionBase,
    ...noMatter,
    subjects: z.array(namedItem).check(z.minLength(1, '至少一名'), z.maxLength(50, '最多 50 名')),
    scale: z._default(z.array(congressText(1, 10)).check(z.minLength(2, '至少两个等次'), z.maxLength(7, '最多 7 个等次')), [
      ...DEFAULT_RATING_SCALE,
    ]),
  }),
  z.object({
    kind: z.literal('election'),
    ...motionBase,
    ...noMatter,
    candidates: z.array(namedItem).check(z.minLength(1, '至少一名'), z.maxLength(100, '最多 100 名')),
    maxChoices: z.number().check(z.int('须为整数'), z.minimum(1, '至少 1 人'), z.maximum(100, '最多 100 人')),
  }),
]);
export type CreateMotionRequest = z.infer<typeof createMotionRequest>;

/** POST /congress/motions/{motionId}/ballots — one anonymous ballot; send an Idempotency-Key header to retry safely. */
export const castBallotRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('vote'), option: z.enum(['yes', 'no', 'abstain'], '请选择赞成、反对或弃权') }),
  z.object({
    kind: z.literal('itemized'),
    // Each value is checked against the motion's items by the domain (validateBallot), which names the item.
    options: boundedRecord(z.string().check(z.maxLength(16, '过长')), z.string().check(z.maxLength(10, '过长')), MAX_VOTE_ITEMS),
  }),
  z.object({
    kind: z.literal('election'),
    candidateIds: z.array(z.string().check(z.maxLength(16, '过长'))).check(z.maxLength(100, '过多')),
  }),
  z.object({
    kind: z.literal('rating'),
    ratings: boundedRecord(z.string().check(z.maxLength(16, '过长')), z.string().check(z.maxLength(10, '过长')), 50),
  }),
]);
export type CastBallotRequest = z.infer<typeof castBallotRequest>;

/** Idempotency-Key: the client's random key (a UUID), long enough that nobody can guess it. */
export const idempotencyKeySchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'Idempotency-Key 须为 16–64 位字母数字'));
