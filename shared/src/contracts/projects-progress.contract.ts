import * as z from 'zod/mini';
import { RATING_COMMENT_MAX, RATINGS } from '../domain/projects/progress';
import { dateSchema, idSchema, LIMITS } from './common.contract';

/**
 * 实事 过程管理 and 绩效评估 requests (the `projects` function). Answers: projects-responses.contract.ts.
 */

/** Published benefit ids read `${orgId}.v${version}.${n}` (as card.contract.ts's, not imported: that file builds the card's schemas). */
const benefitId = z.string().check(z.minLength(1, '请选择实事项目'), z.maxLength(120, '过长'), z.regex(/^[A-Za-z0-9_.-]+$/, '格式不正确'));

const yearText = z.pipe(
  z.string().check(z.regex(/^20\d\d$/, '年份应在 2000 到 2099 之间')),
  z.transform((v) => Number(v)),
);
const year = z.int().check(z.minimum(2000, '年份应在 2000 到 2099 之间'), z.maximum(LIMITS.maxYear, '年份应在 2000 到 2099 之间'));

/** POST /orgs/{orgId}/project-progress — a progress record: the cumulative count done on a day, with a note. */
export const recordProgressRequest = z.object({
  benefitId,
  doneCount: z.int().check(z.minimum(0, '不能为负数'), z.maximum(10_000_000, '不超过 10,000,000')),
  on: dateSchema,
  note: z._default(z.string().check(z.trim(), z.maxLength(200, '不超过 200 个字')), ''),
});
export type RecordProgressRequest = z.infer<typeof recordProgressRequest>;

/** GET /orgs/{orgId}/project-progress?year= and GET /me/project-progress?year= (this year when absent). */
export const progressQuery = z.object({ year: z.optional(yearText) });

/**
 * POST /orgs/{orgId}/project-served — an officer marks a member served by an entry this year, by the
 * member number on the member's card (what an officer sees at the counter; user ids are internal).
 */
export const markServedRequest = z.object({
  benefitId,
  memberNumber: z.string().check(z.trim(), z.regex(/^[A-Za-z0-9_-]{4,80}$/, '格式不正确')),
});
export type MarkServedRequest = z.infer<typeof markServedRequest>;

/** POST /orgs/{orgId}/project-surveys — the year's satisfaction survey on all of its 实事. */
export const createSurveyRequest = z
  .object({ year, opensOn: dateSchema, closesOn: dateSchema })
  .check(z.refine((v) => v.closesOn >= v.opensOn, { message: '截止日期：不能早于开始日期', path: ['closesOn'] }));
export type CreateSurveyRequest = z.infer<typeof createSurveyRequest>;

export const surveyParams = z.object({ orgId: idSchema, year: yearText });

/** POST /orgs/{orgId}/project-surveys/{year}/ratings — a served member's rating, once. */
export const rateServiceRequest = z.object({
  benefitId,
  rating: z.enum(RATINGS),
  comment: z._default(z.string().check(z.trim(), z.maxLength(RATING_COMMENT_MAX, `不超过 ${RATING_COMMENT_MAX} 个字`)), ''),
});
export type RateServiceRequest = z.infer<typeof rateServiceRequest>;

/** GET /me/project-ratings?year= */
export const myRatingsQuery = progressQuery;
