import type { CreateCallRequest, CreateSuggestionRequest, CreateVoteRequest } from '@union/shared/contracts/projects.contract';
import type {
  CreateSurveyRequest,
  MarkServedRequest,
  RateServiceRequest,
  RecordProgressRequest,
} from '@union/shared/contracts/projects-progress.contract';
import type { progressResponses, projectResponses } from '@union/shared/contracts/projects-responses.contract';
import type * as z from 'zod/mini';
import { ApiError, api, withPage } from '../../lib/api';
import { downloadCsv } from '../../lib/csv-download';

// The answers' types come from the routes' response schemas (types only: no schema is bundled).
export type {
  EntryProgressView,
  OfficerEntryProgressView,
  ProjectCallView,
  ProjectSuggestionView,
  ProjectVoteView,
  RateableView,
  RatingSummaryView,
  SurveyView,
} from '@union/shared/contracts/projects-responses.contract';

type R = typeof projectResponses;
type A<K extends keyof R> = z.infer<R[K]>;
type P = typeof progressResponses;
type B<K extends keyof P> = z.infer<P[K]>;

const enc = encodeURIComponent;

/** 实事: 征集 and 遴选 (functions/src/http/projects). */
export const projectsApi = {
  myCalls: () => api.get<A<'myCalls'>>('/me/project-calls'),
  myVotes: () => api.get<A<'myVotes'>>('/me/project-votes'),
  mySuggestions: (cursor: string | null = null) => api.get<A<'suggestions'>>(withPage('/me/project-suggestions', cursor)),
  call: (callId: string) => api.get<A<'callRead'>>(`/project-calls/${enc(callId)}`),
  suggestions: (callId: string, cursor: string | null = null) =>
    api.get<A<'suggestions'>>(withPage(`/project-calls/${enc(callId)}/suggestions`, cursor, 50)),
  suggest: (callId: string, body: CreateSuggestionRequest) => api.post<A<'suggestion'>>(`/project-calls/${enc(callId)}/suggestions`, body),
  support: (callId: string, suggestionId: string) =>
    api.post<A<'supported'>>(`/project-calls/${enc(callId)}/suggestions/${enc(suggestionId)}/support`),
  vote: (voteId: string) => api.get<A<'voteRead'>>(`/project-votes/${enc(voteId)}`),
  cast: (voteId: string, picks: string[]) => api.post<A<'ballot'>>(`/project-votes/${enc(voteId)}/ballots`, { picks }),
  results: (voteId: string) => api.get<A<'results'>>(`/project-votes/${enc(voteId)}/results`),
  receipt: (voteId: string, code: string) => api.get<A<'receipt'>>(`/project-votes/${enc(voteId)}/receipts/${enc(code)}`),
  // Officers.
  orgCalls: (orgId: string, cursor: string | null = null) => api.get<A<'calls'>>(withPage(`/orgs/${enc(orgId)}/project-calls`, cursor)),
  orgVotes: (orgId: string, cursor: string | null = null) => api.get<A<'votes'>>(withPage(`/orgs/${enc(orgId)}/project-votes`, cursor)),
  openCall: (orgId: string, body: CreateCallRequest) => api.post<A<'call'>>(`/orgs/${enc(orgId)}/project-calls`, body),
  merge: (callId: string, fromSuggestionId: string, intoSuggestionId: string) =>
    api.post<A<'merged'>>(`/project-calls/${enc(callId)}/merges`, { fromSuggestionId, intoSuggestionId }),
  openVote: (orgId: string, body: CreateVoteRequest) => api.post<A<'vote'>>(`/orgs/${enc(orgId)}/project-votes`, body),
  close: (voteId: string) => api.post<A<'closed'>>(`/project-votes/${enc(voteId)}/close`),
  toCongress: (voteId: string, sessionId: string, projectIds: string[]) =>
    api.post<A<'motion'>>(`/project-votes/${enc(voteId)}/motion`, { sessionId, projectIds }),
  adopt: (voteId: string, projectIds: string[]) => api.post<A<'adopted'>>(`/project-votes/${enc(voteId)}/adoption`, { projectIds }),
  planDocument: (orgId: string, documentId: string) => api.get<A<'planDocument'>>(`/orgs/${enc(orgId)}/plan-documents/${enc(documentId)}`),
  // 过程管理 and 绩效评估.
  myProgress: (year?: number) => api.get<B<'myProgress'>>(`/me/project-progress${year ? `?year=${year}` : ''}`),
  myRatings: (year?: number) => api.get<B<'myRatings'>>(`/me/project-ratings${year ? `?year=${year}` : ''}`),
  rate: (orgId: string, year: number, body: RateServiceRequest) =>
    api.post<B<'rated'>>(`/orgs/${enc(orgId)}/project-surveys/${year}/ratings`, body),
  orgProgress: (orgId: string, year?: number) =>
    api.get<B<'orgProgress'>>(`/orgs/${enc(orgId)}/project-progress${year ? `?year=${year}` : ''}`),
  recordProgress: (orgId: string, body: RecordProgressRequest) => api.post<B<'recorded'>>(`/orgs/${enc(orgId)}/project-progress`, body),
  markServed: (orgId: string, body: MarkServedRequest) => api.post<B<'served'>>(`/orgs/${enc(orgId)}/project-served`, body),
  openSurvey: (orgId: string, body: CreateSurveyRequest) => api.post<B<'survey'>>(`/orgs/${enc(orgId)}/project-surveys`, body),
  surveyResults: (orgId: string, year: number) => api.get<B<'surveyResults'>>(`/orgs/${enc(orgId)}/project-surveys/${year}/results`),
};

/** The survey's results as CSV (UTF-8 BOM): downloaded in the browser, opened with the document viewer in WeChat. */
export const downloadRatingsCsv = (orgId: string, year: number, title: string): Promise<void> =>
  downloadCsv(`/orgs/${enc(orgId)}/project-surveys/${year}/results/csv`, `${title}.csv`);

export const RATING_OPTIONS = [
  { value: 'satisfied', label: '满意' },
  { value: 'basic', label: '基本满意' },
  { value: 'unsatisfied', label: '不满意' },
] as const;
export const RATING_TEXT = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' } as const;
export const SURVEY_PHASE_LABELS = { notYet: '未开始', open: '测评中', ended: '已结束' } as const;
/** "83.3%" or "—". */
export const rateText = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** Chinese text for an error: the server's message names the field. */
export const projectsErrorText = (e: unknown): string => (e instanceof ApiError ? e.message : '操作失败，请稍后再试');

export const CALL_PHASE_LABELS = { notYet: '未开始', open: '征集中', ended: '已截止' } as const;
export const VOTE_PHASE_LABELS = { notYet: '未开始', open: '投票中', ended: '已截止', closed: '已公布结果' } as const;

/** A stored time (UTC) as Beijing time, to the minute. */
export const beijingTime = (iso: string): string => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 16);
