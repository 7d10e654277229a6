import {
  cosignProposal,
  createProposalRequest,
  DomainError,
  decideProposal,
  hasRole,
  isReplyOverdue,
  PROPOSAL_STATUS_LABELS,
  proposalParams,
  rateProposalReply,
  recordProposalProgress,
  replyToProposal,
  sessionParams,
} from '@union/shared';
import {
  proposalDecisionRequest,
  proposalProgressRequest,
  proposalRatingRequest,
  proposalReplyRequest,
  sessionProposalsQuery,
} from '@union/shared/contracts/congress-requests.contract';
import { randomId } from '../../platform/ids';
import {
  changeProposal,
  cosignProposalInStore,
  createProposal,
  getProposalThread,
  listProposalCosigners,
  listProposalTimeline,
  type ProposalRecord,
  type ProposalThread,
  pageSessionProposals,
  requireProposal,
} from '../../store/congress-proposal.repository';
import { requireSession } from '../../store/congress-session.repository';
import { readAhead } from '../read-ahead';
import { defineRoute, type RouteContext } from '../route';
import { requireDelegate, sessionAndViewer, viewerOf } from './access';
import { decisionNotices, progressNotices, replyNotices } from './proposal-notices';

const summary = (p: ProposalRecord, now: Date, me: string) => ({
  proposalId: p.proposalId,
  title: p.title,
  proposerName: p.proposerName,
  status: p.status,
  statusLabel: PROPOSAL_STATUS_LABELS[p.status],
  cosignCount: p.cosignCount,
  department: p.department ?? null,
  replyDeadline: p.replyDeadline ?? null,
  overdue: isReplyOverdue(p, now),
  mine: p.proposerId === me,
  createdAt: p.createdAt,
});

/** What is set only once the proposal gets there (审查, 答复, 评价). */
const later = (p: ProposalRecord) => ({
  ...(p.decisionReason !== undefined ? { decisionReason: p.decisionReason } : {}),
  ...(p.reply !== undefined ? { reply: p.reply } : {}),
  ...(p.repliedAt !== undefined ? { repliedAt: p.repliedAt } : {}),
  ...(p.rating !== undefined ? { rating: p.rating } : {}),
});

/** The proposal with its 附议 and the whole timeline (件件有回音). */
const detailOf = ({ proposal: p, cosigners, timeline }: ProposalThread, now: Date, me: string) => ({
  proposal: {
    ...summary(p, now, me),
    sessionId: p.sessionId,
    orgId: p.orgId,
    proposerId: p.proposerId,
    cause: p.cause,
    suggestion: p.suggestion,
    version: p.version,
    updatedAt: p.updatedAt,
    ...later(p),
  },
  cosigners,
  timeline,
});

/** The detail after a change: the proposal as changed, its 附议 and timeline read (at once). */
const detail = async (proposal: ProposalRecord, now: Date, me: string) => {
  const [cosigners, timeline] = await Promise.all([listProposalCosigners(proposal.proposalId), listProposalTimeline(proposal.proposalId)]);
  return detailOf({ proposal, cosigners, timeline }, now, me);
};

type Ctx = RouteContext<unknown, unknown, unknown>;
const officerOfProposal = async (ctx: Ctx, proposalId: string) => {
  const p = await requireProposal(proposalId);
  await ctx.requireRoleOver('officer', p.orgId);
  return p;
};

export const proposalRoutes = [
  defineRoute({
    method: 'POST',
    path: '/congress/sessions/{sessionId}/proposals',
    access: ['delegate'],
    params: sessionParams,
    body: createProposalRequest,
    async handle({ params, body, session, now }) {
      const s = await requireSession(params.sessionId);
      const me = await requireDelegate(session, s.sessionId);
      const p = await createProposal(
        {
          proposalId: `pp${randomId(12)}`,
          sessionId: s.sessionId,
          orgId: s.orgId,
          title: body.title,
          cause: body.cause,
          suggestion: body.suggestion,
          proposerId: me.userId,
          proposerName: me.displayName,
          createdAt: now.toISOString(),
        },
        now,
      );
      return { status: 201, body: await detail(p, now, session.userId) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/congress/sessions/{sessionId}/proposals',
    access: ['delegate', 'officer'],
    params: sessionParams,
    query: sessionProposalsQuery,
    async handle(ctx) {
      // Overdue replies are an officer's worklist (their number: GET /congress/sessions/{sessionId}).
      const worklist = ctx.query.overdue === 'true' && hasRole(ctx.session, 'officer');
      // Everyone else's page does not depend on who they are: it is read with the session and the roster entry.
      const plain = worklist ? null : readAhead(pageSessionProposals(ctx.params.sessionId, ctx.query));
      const { session: s, viewer } = await sessionAndViewer(ctx, ctx.params.sessionId);
      const overdueOnly = worklist && viewer.officer;
      const page =
        (await plain) ?? (await pageSessionProposals(s.sessionId, ctx.query, overdueOnly ? (p) => isReplyOverdue(p, ctx.now) : undefined));
      return {
        body: { proposals: page.items.map((p) => summary(p, ctx.now, ctx.session.userId)), nextCursor: page.nextCursor },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/congress/proposals/{proposalId}',
    access: ['delegate', 'officer'],
    params: proposalParams,
    async handle(ctx) {
      // One query gives the proposal with its 附议 and timeline; then who the caller is to its session.
      const thread = await getProposalThread(ctx.params.proposalId);
      if (!thread) throw new DomainError('PROPOSAL_NOT_FOUND', '提案不存在', { field: 'proposalId' });
      await viewerOf(ctx, thread.proposal);
      return { body: detailOf(thread, ctx.now, ctx.session.userId) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/congress/proposals/{proposalId}/cosign',
    access: ['delegate'],
    params: proposalParams,
    async handle({ params, session, now }) {
      const p0 = await requireProposal(params.proposalId);
      const me = await requireDelegate(session, p0.sessionId);
      const p = await cosignProposalInStore(params.proposalId, me, (p) => cosignProposal(p, me.userId, me.displayName), now);
      return { status: 201, body: await detail(p, now, session.userId) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/congress/proposals/{proposalId}/decision',
    access: ['officer'],
    params: proposalParams,
    body: proposalDecisionRequest,
    async handle(ctx) {
      await officerOfProposal(ctx, ctx.params.proposalId);
      const p = await changeProposal(
        ctx.params.proposalId,
        (p) => decideProposal(p, ctx.body, ctx.now),
        ctx.session.displayName,
        ctx.now,
        decisionNotices(ctx.now),
      );
      return { body: await detail(p, ctx.now, ctx.session.userId) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/congress/proposals/{proposalId}/reply',
    access: ['officer'],
    params: proposalParams,
    body: proposalReplyRequest,
    async handle(ctx) {
      const p0 = await officerOfProposal(ctx, ctx.params.proposalId);
      const actor = p0.department ? `${p0.department}（${ctx.session.displayName}录入）` : ctx.session.displayName;
      const p = await changeProposal(
        ctx.params.proposalId,
        (p) => replyToProposal(p, ctx.body.reply, ctx.now),
        actor,
        ctx.now,
        replyNotices(ctx.now),
      );
      return { body: await detail(p, ctx.now, ctx.session.userId) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/congress/proposals/{proposalId}/rating',
    access: ['delegate'],
    params: proposalParams,
    body: proposalRatingRequest,
    async handle({ params, body, session, now }) {
      const p0 = await requireProposal(params.proposalId);
      if (p0.proposerId !== session.userId) throw new DomainError('PROPOSAL_FORBIDDEN', '只有提案人可以评价答复', { field: 'proposalId' });
      const p = await changeProposal(
        params.proposalId,
        (p) => rateProposalReply(p, session.userId, body.rating, body.comment ?? ''),
        session.displayName,
        now,
      );
      return { body: await detail(p, now, session.userId) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/congress/proposals/{proposalId}/progress',
    access: ['officer'],
    params: proposalParams,
    body: proposalProgressRequest,
    async handle(ctx) {
      await officerOfProposal(ctx, ctx.params.proposalId);
      const p = await changeProposal(
        ctx.params.proposalId,
        (p) => recordProposalProgress(p, ctx.body.note, ctx.body.done ?? false),
        ctx.session.displayName,
        ctx.now,
        progressNotices(ctx.now),
      );
      return { body: await detail(p, ctx.now, ctx.session.userId) };
    },
  }),
];
