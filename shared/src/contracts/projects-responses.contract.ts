import * as z from 'zod/mini';
import { pageResponse } from './page.contract';

/**
 * What the 实事 routes answer (functions/src/http/projects/responses.ts). Not re-exported from the
 * shared index: the tests hold every answer to these schemas, the mini-program takes their types.
 */

export const projectCallSchema = z.object({
  callId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  brief: z.string(),
  year: z.int(),
  opensOn: z.string(),
  closesOn: z.string(),
  phase: z.enum(['notYet', 'open', 'ended']),
  createdAt: z.string(),
});
export type ProjectCallView = z.infer<typeof projectCallSchema>;

export const projectSuggestionSchema = z.object({
  suggestionId: z.string(),
  callId: z.string(),
  title: z.string(),
  content: z.string(),
  targetGroup: z.string(),
  category: z.string(),
  /** Masked (张*明). */
  authorName: z.string(),
  supportCount: z.int(),
  mergedInto: z.nullable(z.string()),
  mergedIntoTitle: z.nullable(z.string()),
  mergedFrom: z.array(z.string()),
  mine: z.boolean(),
  supportedByMe: z.boolean(),
  createdAt: z.string(),
});
export type ProjectSuggestionView = z.infer<typeof projectSuggestionSchema>;

export const projectCandidateSchema = z.object({
  projectId: z.string(),
  projectName: z.string(),
  content: z.string(),
  targetGroup: z.string(),
  target: z.nullable(z.object({ count: z.int(), unit: z.string() })),
  amountYuan: z.nullable(z.number()),
  estimatedCostWanYuan: z.number(),
  department: z.string(),
  suggestionIds: z.array(z.string()),
});

export const projectVoteSchema = z.object({
  voteId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  year: z.int(),
  callId: z.nullable(z.string()),
  opensAt: z.string(),
  closesAt: z.string(),
  maxPicks: z.int(),
  phase: z.enum(['notYet', 'open', 'ended', 'closed']),
  projects: z.array(projectCandidateSchema),
  /** null for a reader who is not a member of the vote's subtree (an officer). */
  hasVoted: z.nullable(z.boolean()),
  adoptedProjectIds: z.nullable(z.array(z.string())),
  planDocumentId: z.nullable(z.string()),
  createdAt: z.string(),
});
export type ProjectVoteView = z.infer<typeof projectVoteSchema>;

const resultsFields = {
  ballots: z.int(),
  /** Active members of the vote's subtree at close (who could vote); null on a vote closed before it was counted. */
  eligible: z.nullable(z.int()),
  /** ballots ÷ eligible, three decimals. */
  turnout: z.nullable(z.number()),
  results: z.array(z.object({ candidateId: z.string(), projectName: z.string(), votes: z.int(), rank: z.int() })),
  closedAt: z.nullable(z.string()),
  closedByName: z.nullable(z.string()),
};

export const planDocumentSchema = z.object({
  orgId: z.string(),
  documentId: z.string(),
  year: z.int(),
  title: z.string(),
  text: z.string(),
});

export const projectResponses = {
  call: z.object({ call: projectCallSchema }),
  callRead: z.object({ call: projectCallSchema, officer: z.boolean() }),
  calls: pageResponse('calls', projectCallSchema),
  myCalls: z.object({ calls: z.array(projectCallSchema) }),
  suggestion: z.object({ suggestion: projectSuggestionSchema }),
  suggestions: pageResponse('suggestions', projectSuggestionSchema),
  supported: z.object({ supported: z.literal(true) }),
  merged: z.object({ merged: z.literal(true) }),
  vote: z.object({ vote: projectVoteSchema }),
  voteRead: z.object({ vote: projectVoteSchema, officer: z.boolean() }),
  votes: pageResponse('votes', projectVoteSchema),
  myVotes: z.object({ votes: z.array(projectVoteSchema) }),
  ballot: z.object({ voteId: z.string(), receiptCode: z.string() }),
  closed: z.object({ vote: projectVoteSchema, ...resultsFields }),
  results: z.object({ voteId: z.string(), title: z.string(), ...resultsFields }),
  receipt: z.object({ receiptCode: z.string(), picks: z.array(z.object({ projectId: z.string(), projectName: z.string() })) }),
  motion: z.object({ motionId: z.string(), sessionId: z.string(), created: z.boolean() }),
  adopted: z.object({ voteId: z.string(), planDocument: planDocumentSchema }),
  planDocument: z.object({
    planDocument: z.extend(planDocumentSchema, {
      voteId: z.nullable(z.string()),
      createdByName: z.string(),
      createdAt: z.string(),
    }),
  }),
};

// ——— 过程管理 and 绩效评估 ———

/** An entry's progress: the target, the recorded count, the approved claims and what is shown (max of the two). */
export const entryProgressSchema = z.object({
  benefitId: z.string(),
  benefitKey: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  category: z.string(),
  department: z.nullable(z.string()),
  target: z.int(),
  unit: z.string(),
  recorded: z.int(),
  approved: z.int(),
  done: z.int(),
  percent: z.int(),
  text: z.string(),
  lastOn: z.nullable(z.string()),
});
export type EntryProgressView = z.infer<typeof entryProgressSchema>;

export const progressRecordSchema = z.object({
  benefitId: z.string(),
  seq: z.int(),
  done: z.int(),
  on: z.string(),
  note: z.string(),
  byName: z.string(),
  at: z.string(),
});
export type ProgressRecordView = z.infer<typeof progressRecordSchema>;

export const officerEntryProgressSchema = z.extend(entryProgressSchema, {
  behind: z.boolean(),
  marked: z.int(),
  records: z.array(progressRecordSchema),
});
export type OfficerEntryProgressView = z.infer<typeof officerEntryProgressSchema>;

export const surveySchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  year: z.int(),
  opensOn: z.string(),
  closesOn: z.string(),
  phase: z.enum(['notYet', 'open', 'ended']),
  entries: z.array(z.object({ benefitId: z.string(), name: z.string(), unit: z.string() })),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type SurveyView = z.infer<typeof surveySchema>;

export const ratingSummarySchema = z.object({
  benefitId: z.string(),
  name: z.string(),
  satisfied: z.int(),
  basic: z.int(),
  unsatisfied: z.int(),
  responses: z.int(),
  served: z.int(),
  satisfactionRate: z.nullable(z.number()),
  responseRate: z.nullable(z.number()),
  comments: z.array(z.object({ rating: z.enum(['satisfied', 'basic', 'unsatisfied']), comment: z.string() })),
});
export type RatingSummaryView = z.infer<typeof ratingSummarySchema>;

/** A service the member may rate (or has rated) in an open survey. */
export const rateableSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  year: z.int(),
  benefitId: z.string(),
  name: z.string(),
  servedBy: z.enum(['claim', 'mark']),
  /** Whether the member rated it; what they answered is not linked to them (the rating is stored without the member). */
  rated: z.boolean(),
});
export type RateableView = z.infer<typeof rateableSchema>;

export const progressResponses = {
  recorded: z.object({ record: progressRecordSchema, progress: entryProgressSchema }),
  orgProgress: z.object({ year: z.int(), today: z.string(), entries: z.array(officerEntryProgressSchema) }),
  myProgress: z.object({ year: z.int(), entries: z.array(entryProgressSchema) }),
  /** The member marked, masked (张*明), so the officer sees whom the number named. */
  served: z.object({ served: z.literal(true), memberName: z.string() }),
  survey: z.object({ survey: surveySchema }),
  surveyResults: z.object({
    survey: surveySchema,
    entries: z.array(ratingSummarySchema),
    totals: z.object({
      responses: z.int(),
      served: z.int(),
      satisfactionRate: z.nullable(z.number()),
      responseRate: z.nullable(z.number()),
    }),
  }),
  myRatings: z.object({ year: z.int(), surveys: z.array(surveySchema), services: z.array(rateableSchema) }),
  rated: z.object({ rated: z.literal(true) }),
};
