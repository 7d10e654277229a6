import { maskName } from '@union/shared';
import { projectCallPhase, projectVotePhase } from '@union/shared/domain/projects/index';
import type { CallRecord, SuggestionRecord } from '../../store/project-call.repository';
import type { VoteRecord } from '../../store/project-vote.repository';

/** What members and officers see of a 征集. */
export const callView = (c: CallRecord, now: Date) => ({
  callId: c.callId,
  orgId: c.orgId,
  orgName: c.orgName,
  title: c.title,
  brief: c.brief,
  year: c.year,
  opensOn: c.opensOn,
  closesOn: c.closesOn,
  phase: projectCallPhase(c, now),
  createdAt: c.createdAt,
});

/** A suggestion as members see it: the author's name masked (张*明), never their id. */
export const suggestionView = (s: SuggestionRecord, me: string, supported: boolean) => ({
  suggestionId: s.suggestionId,
  callId: s.callId,
  title: s.title,
  content: s.content,
  targetGroup: s.targetGroup,
  category: s.category,
  authorName: maskName(s.authorName),
  supportCount: s.supportCount,
  mergedInto: s.mergedInto,
  mergedIntoTitle: s.mergedIntoTitle,
  mergedFrom: s.mergedFrom,
  mine: s.authorId === me,
  supportedByMe: supported,
  createdAt: s.createdAt,
});

/** A vote with its candidates; the count only once closed (results are hidden while it runs). */
export const voteView = (v: VoteRecord, now: Date, hasVoted: boolean | null) => ({
  voteId: v.voteId,
  orgId: v.orgId,
  orgName: v.orgName,
  title: v.title,
  year: v.year,
  callId: v.callId,
  opensAt: v.opensAt,
  closesAt: v.closesAt,
  maxPicks: v.maxPicks,
  phase: projectVotePhase(v, now),
  projects: v.projects,
  hasVoted,
  adoptedProjectIds: v.adoptedProjectIds,
  planDocumentId: v.planDocumentId,
  createdAt: v.createdAt,
});
