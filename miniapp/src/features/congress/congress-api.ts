import Taro from '@tarojs/taro';
import type {
  CreateMotionRequest,
  CreateProposalRequest,
  MotionKind,
  MotionResult,
  MotionSpec,
  MotionStatus,
  ProposalDecisionRequest,
  ProposalEventType,
  ProposalStatus,
  RosterLineError,
} from '@union/shared';
import { ApiError, api, apiBase } from '../../lib/api';
import { readReceipt, writeReceipt } from '../../lib/device-store';
import { platform } from '../../lib/platform';
import { randomKey, SecureRandomUnavailable } from '../../lib/secure-random';
import { getSession } from '../../lib/session';

export interface SessionView {
  sessionId: string;
  orgId: string;
  sessionName: string;
  startDate: string;
  endDate: string;
  rosterCount: number;
  signedInCount: number;
  rosterLocked: boolean;
  quorum: number;
  passThreshold: number;
  quorumMet: boolean;
}
export interface SessionDetail {
  session: SessionView;
  me: { officer: boolean; delegate: boolean; signedIn: boolean; delegation: string | null };
  overdueProposals?: number;
}
export interface MotionView {
  motionId: string;
  sessionId: string;
  kind: MotionKind;
  kindLabel: string;
  title: string;
  description: string | null;
  spec: MotionSpec;
  status: MotionStatus;
  delegateCount: number | null;
  openedAt: string | null;
  closedAt: string | null;
  revoteOf: string | null;
  turnout: number;
  hasVoted: boolean;
  result: MotionResult | null;
  verdict: string | null;
}
export interface ProposalSummary {
  proposalId: string;
  title: string;
  proposerName: string;
  status: ProposalStatus;
  statusLabel: string;
  cosignCount: number;
  department: string | null;
  replyDeadline: string | null;
  overdue: boolean;
  mine: boolean;
  createdAt: string;
}
export interface ProposalDetail {
  proposal: ProposalSummary & {
    cause: string;
    suggestion: string;
    decisionReason?: string;
    reply?: string;
    rating?: string;
    sessionId: string;
  };
  cosigners: Array<{ userId: string; displayName: string; at: string }>;
  timeline: Array<{ type: ProposalEventType; note: string; actorName: string; at: string }>;
}
export interface DelegateView {
  userId: string;
  displayName: string;
  memberNumber: string | null;
  delegation: string | null;
  signedInAt: string | null;
}
export interface ResultsView {
  motion: MotionView;
  session: { sessionId: string; sessionName: string; orgId: string };
  result: MotionResult;
  verdict: string;
  receipts: Array<{ receiptCode: string; choice: string }>;
}

const enc = encodeURIComponent;

/**
 * A random Idempotency-Key, kept for the retries of one ballot: from the platform's secure
 * source only; where there is none it rejects with SecureRandomUnavailable (a Chinese message).
 */
export const newRequestKey = (): Promise<string> => randomKey(platform.randomSource());

export const congressApi = {
  mySessions: () =>
    api.get<{ sessions: Array<SessionView & { me: { signedIn: boolean; delegation: string | null } }> }>('/congress/my-sessions'),
  session: (id: string) => api.get<SessionDetail>(`/congress/sessions/${enc(id)}`),
  signIn: (id: string) => api.post<{ session: SessionView }>(`/congress/sessions/${enc(id)}/sign-in`),
  motions: (id: string) => api.get<{ motions: MotionView[] }>(`/congress/sessions/${enc(id)}/motions`),
  motion: (id: string) => api.get<{ motion: MotionView }>(`/congress/motions/${enc(id)}`),
  vote: (motionId: string, ballot: unknown, key: string) =>
    api.post<{ motionId: string; receiptCode: string }>(`/congress/motions/${enc(motionId)}/ballots`, ballot, { 'idempotency-key': key }),
  results: (motionId: string) => api.get<ResultsView>(`/congress/motions/${enc(motionId)}/results`),
  proposals: (id: string, overdue = false) =>
    api.get<{ proposals: ProposalSummary[]; overdueCount: number }>(
      `/congress/sessions/${enc(id)}/proposals${overdue ? '?overdue=true' : ''}`,
    ),
  submitProposal: (id: string, body: CreateProposalRequest) => api.post<ProposalDetail>(`/congress/sessions/${enc(id)}/proposals`, body),
  proposal: (id: string) => api.get<ProposalDetail>(`/congress/proposals/${enc(id)}`),
  cosign: (id: string) => api.post<ProposalDetail>(`/congress/proposals/${enc(id)}/cosign`),
  rate: (id: string, rating: string, comment: string) =>
    api.post<ProposalDetail>(`/congress/proposals/${enc(id)}/rating`, { rating, comment }),
  // officer
  orgSessions: (orgId: string) => api.get<{ sessions: SessionView[] }>(`/congress/sessions?orgId=${enc(orgId)}`),
  createSession: (body: { orgId: string; sessionName: string; startDate: string; endDate: string }) =>
    api.post<{ session: SessionView }>('/congress/sessions', body),
  roster: (id: string) => api.get<{ session: SessionView; delegates: DelegateView[] }>(`/congress/sessions/${enc(id)}/roster`),
  addDelegates: (id: string, delegates: Array<{ memberNumber: string; delegation?: string }>) =>
    api.post<{ added: number }>(`/congress/sessions/${enc(id)}/roster`, { delegates }),
  importRoster: (id: string, csv: string) =>
    api.post<{ added: number; alreadyOnRoster: number }>(`/congress/sessions/${enc(id)}/roster/import`, { csv }),
  removeDelegate: (id: string, userId: string) =>
    api.delete<{ session: SessionView }>(`/congress/sessions/${enc(id)}/roster/${enc(userId)}`),
  createMotion: (id: string, body: CreateMotionRequest) => api.post<{ motion: MotionView }>(`/congress/sessions/${enc(id)}/motions`, body),
  openMotion: (id: string) => api.post<{ motion: MotionView }>(`/congress/motions/${enc(id)}/open`),
  closeMotion: (id: string) => api.post<{ motion: MotionView }>(`/congress/motions/${enc(id)}/close`),
  revote: (id: string) => api.post<{ motion: MotionView }>(`/congress/motions/${enc(id)}/revote`),
  decide: (id: string, body: ProposalDecisionRequest) => api.post<ProposalDetail>(`/congress/proposals/${enc(id)}/decision`, body),
  reply: (id: string, reply: string) => api.post<ProposalDetail>(`/congress/proposals/${enc(id)}/reply`, { reply }),
  progress: (id: string, note: string, done: boolean) =>
    api.post<ProposalDetail>(`/congress/proposals/${enc(id)}/progress`, { note, done }),
};

/** The CSV export: a file download on h5, the document viewer on weapp. */
export const downloadResultsCsv = async (motionId: string, title: string): Promise<void> => {
  const url = `${apiBase()}/congress/motions/${enc(motionId)}/results/csv`;
  const header = { authorization: `Bearer ${getSession()?.token ?? ''}` };
  if (platform.kind === 'h5') {
    const res = await fetch(url, { headers: header });
    if (!res.ok) throw new ApiError(res.status, 'HTTP_ERROR', '导出失败');
    const blob = new Blob([await res.arrayBuffer()], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${title}-表决结果.csv`;
    a.click();
    return;
  }
  const file = await Taro.downloadFile({ url, header });
  await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx' as never, showMenu: true });
};

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
  QUORUM_NOT_MET: '签到人数未达到全体代表的三分之二，不能开始表决',
  VOTE_ALREADY_CAST: '您已投过票，每位代表只能投一票',
  NOT_SIGNED_IN: '请先签到，签到后才能投票',
  MOTION_NOT_OPEN: '该事项不在投票时间内',
  NOT_A_DELEGATE: '您不是本次会议的代表',
  DELEGATE_NOT_FOUND: '该代表已不在名单中',
  ALREADY_COSIGNED: '您已附议过该提案',
  COSIGN_OWN_PROPOSAL: '不能附议自己的提案',
  ROSTER_LOCKED: '已有表决开始，代表名单不能再修改',
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

export const formatTime = (iso: string): string => iso.replace('T', ' ').slice(0, 16);
