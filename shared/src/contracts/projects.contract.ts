import * as z from 'zod/mini';
import { PROJECT_CATEGORIES, TARGET_UNITS } from '../domain/projects/index';
import { PROJECT_VOTE_LIMITS } from '../domain/projects/vote';
import { boundedNumber, dateSchema, datetimeSchema, idSchema, LIMITS } from './common.contract';
import { pageQuery } from './page.contract';

/**
 * 实事 requests: 征集 (calls for suggestions, suggestions, support, merge) and 遴选 (the member vote on
 * a shortlist, and the adoption of its top). Not re-exported from the shared index: the functions
 * import this file, the mini-program its types.
 */

const text = (min: number, max: number) =>
  z.string().check(z.trim(), z.minLength(min, min <= 1 ? '不能为空' : `至少 ${min} 个字`), z.maxLength(max, `不超过 ${max} 个字`));

const year = z.int().check(z.minimum(2000, '年份应在 2000 到 2099 之间'), z.maximum(LIMITS.maxYear, '年份应在 2000 到 2099 之间'));

export const callParams = z.object({ callId: idSchema });
export const suggestionParams = z.object({ callId: idSchema, suggestionId: idSchema });
export const voteParams = z.object({ voteId: idSchema });

/** POST /orgs/{orgId}/project-calls — an officer opens a 实事征集 for the org's subtree. */
export const createCallRequest = z
  .object({ title: text(4, 40), brief: text(10, 1000), year, opensOn: dateSchema, closesOn: dateSchema })
  .check(z.refine((v) => v.closesOn >= v.opensOn, { message: '截止日期：不能早于开始日期', path: ['closesOn'] }));
export type CreateCallRequest = z.infer<typeof createCallRequest>;

/** POST /project-calls/{callId}/suggestions — a member's suggestion. */
export const createSuggestionRequest = z.object({
  title: text(4, 40),
  content: text(10, 1000),
  targetGroup: text(2, 40),
  category: z.enum(PROJECT_CATEGORIES as [string, ...string[]]),
});
export type CreateSuggestionRequest = z.infer<typeof createSuggestionRequest>;

/** POST /project-calls/{callId}/merges — an officer merges one suggestion into another. */
export const mergeSuggestionsRequest = z
  .object({ fromSuggestionId: idSchema, intoSuggestionId: idSchema })
  .check(z.refine((v) => v.fromSuggestionId !== v.intoSuggestionId, { message: '不能合并到自身', path: ['intoSuggestionId'] }));

/** GET /project-calls/{callId}/suggestions?cursor=&limit= */
export const suggestionsQuery = pageQuery;

const target = z.object({
  count: z.int().check(z.minimum(1, '至少为 1'), z.maximum(10_000_000, '超出范围')),
  /** People served, activities held, or (with a facility in the name: 驿站, 书屋…) facilities built. */
  unit: z.enum(TARGET_UNITS),
});

/** One candidate of the shortlist (遴选), with the suggestions behind it. */
export const projectCandidateRequest = z.object({
  projectName: text(4, 30),
  content: text(10, 300),
  targetGroup: text(2, 30),
  target: z.optional(target),
  amountYuan: z.optional(boundedNumber(1, 1_000_000)),
  estimatedCostWanYuan: boundedNumber(0, 1_000_000),
  department: text(2, 30),
  suggestionIds: z.array(idSchema).check(z.maxLength(50, '最多关联 50 条建议')),
});
export type ProjectCandidateRequest = z.infer<typeof projectCandidateRequest>;

/** POST /orgs/{orgId}/project-votes — the shortlist put to the members: choose up to `maxPicks` of the projects. */
export const createVoteRequest = z
  .object({
    title: text(4, 40),
    year,
    callId: z.optional(idSchema),
    opensAt: datetimeSchema,
    closesAt: datetimeSchema,
    maxPicks: z
      .int()
      .check(z.minimum(1, '至少为 1'), z.maximum(PROJECT_VOTE_LIMITS.maxChoices, `不超过 ${PROJECT_VOTE_LIMITS.maxChoices}`)),
    projects: z
      .array(projectCandidateRequest)
      .check(
        z.minLength(PROJECT_VOTE_LIMITS.minCandidates, `至少 ${PROJECT_VOTE_LIMITS.minCandidates} 个候选项目`),
        z.maxLength(PROJECT_VOTE_LIMITS.maxCandidates, `最多 ${PROJECT_VOTE_LIMITS.maxCandidates} 个候选项目`),
      ),
  })
  .check(
    z.refine((v) => Date.parse(v.closesAt) > Date.parse(v.opensAt), { message: '截止时间：应晚于开始时间', path: ['closesAt'] }),
    z.refine((v) => v.maxPicks < v.projects.length, { message: '每人最多可选：应少于候选项目数', path: ['maxPicks'] }),
  );
export type CreateVoteRequest = z.infer<typeof createVoteRequest>;

/** POST /project-votes/{voteId}/ballots — the member's picks (one ballot per member). */
export const castProjectBallotRequest = z.object({
  picks: z.array(idSchema).check(z.minLength(1, '请至少选择 1 项'), z.maxLength(PROJECT_VOTE_LIMITS.maxChoices, '选择过多')),
});

/** POST /project-votes/{voteId}/adoption — the projects the union adopts, in plan order. */
export const adoptProjectsRequest = z.object({
  projectIds: z.array(idSchema).check(z.minLength(1, '至少采纳 1 项'), z.maxLength(PROJECT_VOTE_LIMITS.maxCandidates, '过多')),
});

/** POST /project-votes/{voteId}/motion — the list (in the officer's order) put to the union's 职代会 as a 分项表决. */
export const sendToCongressRequest = z.object({
  sessionId: idSchema,
  projectIds: z.array(idSchema).check(z.minLength(2, '分项表决至少两项'), z.maxLength(30, '最多 30 项')),
});
