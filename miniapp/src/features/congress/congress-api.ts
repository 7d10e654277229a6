import type { CreateProposalRequest, RosterLineError } from '@union/shared';
import type {
  AddDelegatesRequest,
  CreateMotionRequest,
  CreateSessionRequest,
  ProposalDecisionRequest,
  ProposalRatingRequest,
} from '@union/shared/contracts/congress-requests.contract';
import type {
  addDelegatesResponse,
  ballotResponse,
  importRosterResponse,
  motionDetailResponse,
  motionResponse,
  mySessionsResponse,
  orgSessionsResponse,
  ProposalDetail,
  ResultsView,
  removeDelegateResponse,
  rosterResponse,
  SessionDetail,
  sessionMotionsResponse,
  sessionProposalsResponse,
  sessionResponse,
  signInResponse,
} from '@union/shared/contracts/congress-responses.contract';
import type * as z from 'zod/mini';
import { ApiError, api, withPage } from '../../lib/api';
import { downloadCsv } from '../../lib/csv-download';
import { readReceipt, writeReceipt } from '../../lib/device-store';
import { platform } from '../../lib/platform';
import { randomKey, SecureRandomUnavailable } from '../../lib/secure-random';
import { getSession } from '../../lib/session';

// The answers' types come from the routes' response schemas (types only: no schema is bundled).
export type {
  DelegateView,
  MotionView,
  MySession,
  ProposalDetail,
  ProposalSummary,
  ResultsView,
  SessionDetail,
  SessionView,
} from '@union/shared/contracts/congress-responses.contract';

const enc = encodeURIComponent;

/**
 * A random Idempotency-Key, kept for the retries of one ballot: from the platform's secure
 * source only; where there is none it rejects with SecureRandomUnavailable (a Chinese message).
 */
export const newRequestKey = (): Promise<string> => randomKey(platform.randomSource());

export const congressApi = {
  mySessions: (cursor: string | null = null) => api.get<z.infer<typeof mySessionsResponse>>(withPage('/congress/my-sessions', cursor)),
  session: (id: string) => api.get<SessionDetail>(`/congress/sessions/${enc(id)}`),
  signIn: (id: string) => api.post<z.infer<typeof signInResponse>>(`/congress/sessions/${enc(id)}/sign-in`),
  motions: (id: string, cursor: string | null = null) =>
    api.get<z.infer<typeof sessionMotionsResponse>>(withPage(`/congress/sessions/${enc(id)}/motions`, cursor)),
  motion: (id: string) => api.get<z.infer<typeof motionDetailResponse>>(`/congress/motions/${enc(id)}`),
  vote: (motionId: string, ballot: unknown, key: string) =>
    api.post<z.infer<typeof ballotResponse>>(`/congress/motions/${enc(motionId)}/ballots`, ballot, { 'idempotency-key': key }),
  results: (motionId: string) => api.get<ResultsView>(`/congress/motions/${enc(motionId)}/results`),
  proposals: (id: string, cursor: string | null = null, overdue = false) =>
    api.get<z.infer<typeof sessionProposalsResponse>>(
      withPage(`/congress/sessions/${enc(id)}/proposals${overdue ? '?overdue=true' : ''}`, cursor),
    ),
  submitProposal: (id: string, body: CreateProposalRequest) => api.post<ProposalDetail>(`/congress/sessions/${enc(id)}/proposals`, body),
  proposal: (id: string) => api.get<ProposalDetail>(`/congress/proposals/${enc(id)}`),
  cosign: (id: string) => api.post<ProposalDetail>(`/congress/proposals/${enc(id)}/cosign`),
  rate: (id: string, body: ProposalRatingRequest) => api.post<ProposalDetail>(`/congress/proposals/${enc(id)}/rating`, body),
  // officer
  orgSessions: (orgId: string, cursor: string | null = null) =>
    api.get<z.infer<typeof orgSessionsResponse>>(withPage(`/congress/sessions?orgId=${enc(orgId)}`, cursor)),
  createSession: (body: CreateSessionRequest) => api.post<z.infer<typeof sessionResponse>>('/congress/sessions', body),
  roster: (id: string, cursor: string | null = null) =>
    api.get<z.infer<typeof rosterResponse>>(withPage(`/congress/sessions/${enc(id)}/roster`, cursor)),
  addDelegates: (id: string, delegates: AddDelegatesRequest['delegates']) =>
    api.post<z.infer<typeof addDelegatesResponse>>(`/congress/sessions/${enc(id)}/roster`, { delegates }),
  importRoster: (id: string, csv: string) =>
    api.post<z.infer<typeof importRosterResponse>>(`/congress/sessions/${enc(id)}/roster/import`, { csv }),
  removeDelegate: (id: string, userId: string) =>
    api.delete<z.infer<typeof removeDelegateResponse>>(`/congress/sessions/${enc(id)}/roster/${enc(userId)}`),
  createMotion: (id: string, body: CreateMotionRequest) =>
    api.post<z.infer<typeof motionResponse>>(`/congress/sessions/${enc(id)}/motions`, body),
  openMotion: (id: string) => api.post<z.infer<typeof motionResponse>>(`/congress/motions/${enc(id)}/open`),
  closeMotion: (id: string) => api.post<z.infer<typeof motionResponse>>(`/congress/motions/${enc(id)}/close`),
  revote: (id: string) => api.post<z.infer<typeof motionResponse>>(`/congress/motions/${enc(id)}/revote`),
  decide: (id: string, body: ProposalDecisionRequest) => api.post<ProposalDetail>(`/congress/proposals/${enc(id)}/decision`, body),
  reply: (id: string, reply: string) => api.post<ProposalDetail>(`/congress/proposals/${enc(id)}/reply`, { reply }),
  progress: (id: string, note: string, done: boolean) =>
    api.post<ProposalDetail>(`/congress/proposals/${enc(id)}/progress`, { note, done }),
};

/** The CSV export: a file download on h5, the document viewer on weapp. */
export const downloadResultsCsv = (motionId: string, title: string): Promise<void> =>
  downloadCsv(`/congress/motions/${enc(motionId)}/results/csv`, `${title}-表决结果.csv`);

/** My receipt codes, kept on this device under my user id so I can check them after close (removed at sign-out). */
export const savedReceipt = (motionId: string): string | null => {
  const userId = getSession()?.user.userId;
  return userId ? readReceipt(platform, userId, motionId) : null;
};
export const saveReceipt = (motionId: string, code: string): void => {
  const userId = getSession()?.user.userId;
  if (userId) writeReceipt(platform, userId, motionId, code);
};

const MESSAGES: Record<string, string> = {
  VOTE_ALREADY_CAST: '您已投过票，每位代表只能投一票',
  NOT_SIGNED_IN: '请先签到，签到后才能投票',
  MOTION_NOT_OPEN: '该事项不在投票时间内',
  NOT_A_DELEGATE: '您不是本次会议的代表',
  DELEGATE_NOT_FOUND: '该代表已不在名单中',
  ALREADY_COSIGNED: '您已附议过该提案',
  COSIGN_OWN_PROPOSAL: '不能附议自己的提案',
  ROSTER_LOCKED: '已有表决开始，代表名单不能再修改',
  CURSOR_INVALID: '列表已变化，请刷新后重新加载',
  NETWORK: '网络连接失败，请检查网络后重试',
};

/** Chinese text for an error; the server's message (which names the field) when we have no better one. */
export const congressErrorText = (e: unknown): string => {
  if (e instanceof ApiError) return MESSAGES[e.code] ?? e.message;
  if (e instanceof SecureRandomUnavailable) return e.message;
  return '操作失败，请稍后再试';
};

export const rosterLineErrors = (e: unknown): RosterLineError[] =>
  e instanceof ApiError && Array.isArray(e.details?.errors) ? (e.details.errors as RosterLineError[]) : [];

/** A stored time (UTC) as Beijing time, to the minute: 2026-11-30 14:05. */
export const formatTime = (iso: string): string => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 16);
};
