import { DomainError, idSchema, pageQuery } from '@union/shared';
import { adoptProjectsRequest, castProjectBallotRequest, createVoteRequest, voteParams } from '@union/shared/contracts/projects.contract';
import { projectVotePhase, validateProjectChoices } from '@union/shared/domain/projects/index';
import * as z from 'zod/mini';
import { randomId } from '../../platform/ids';
import { requireOrg } from '../../store/org.repository';
import { adoptProjects, getPlanDocument } from '../../store/project-adoption.repository';
import { requireCall } from '../../store/project-call.repository';
import {
  allVotedIn,
  castProjectBallot,
  closeProjectVote,
  createVote,
  getBallotByReceipt,
  listLineageVotes,
  pageOrgVotes,
  requireVote,
  type VoteRecord,
  votedIn,
} from '../../store/project-vote.repository';
import { registerStatuses } from '../error-map';
import { readAhead } from '../read-ahead';
import { defineRoute } from '../route';
import { memberAhead, projectViewer, requireMemberIn } from './access';
import { chosenProjects } from './chosen-projects';
import { voteView } from './views';

registerStatuses({
  VOTE_NOT_FOUND: 404,
  VOTE_NOT_OPEN: 409,
  VOTE_ALREADY_CAST: 409,
  VOTE_NOT_CLOSED: 409,
  VOTE_CLOSED: 409,
  VOTE_ADOPTED: 409,
  BALLOT_INVALID: 400,
  RECEIPT_COLLISION: 409,
  PLAN_DOCUMENT_NOT_FOUND: 404,
  RECEIPT_NOT_FOUND: 404,
});

const orgParams = z.object({ orgId: idSchema });
const documentParams = z.object({ orgId: idSchema, documentId: idSchema });
const receiptParams = z.object({
  voteId: idSchema,
  receiptCode: z.string().check(z.regex(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/, '格式应为 xxxx-xxxx-xxxx')),
});

/** A random receipt code (≈61 bits), grouped for reading aloud: k3m9-x7p2-q8rt. */
const newReceiptCode = () => randomId(12).replace(/(.{4})(?=.)/g, '$1-');

/** A member sees votes that closed within the last 90 days, or later. */
const RECENT_MS = 90 * 86_400_000;

const results = (v: VoteRecord) => {
  if (v.status !== 'closed' || !v.tally) {
    throw new DomainError('VOTE_NOT_CLOSED', `投票截止后公布结果（截止时间 ${v.closesAt.slice(0, 16).replace('T', ' ')}）`, {
      field: 'voteId',
    });
  }
  const byId = new Map(v.projects.map((p) => [p.projectId, p]));
  const eligible = v.tally.eligible ?? null;
  return {
    ballots: v.tally.ballots,
    eligible,
    turnout: eligible ? Math.round((v.tally.ballots / eligible) * 1000) / 1000 : null,
    results: v.tally.results.map((r) => ({ ...r, projectName: byId.get(r.candidateId)?.projectName ?? '' })),
    closedAt: v.closedAt,
    closedByName: v.closedByName,
  };
};

export const voteRoutes = [
  defineRoute({
    method: 'POST',
    path: '/orgs/{orgId}/project-votes',
    access: ['officer'],
    params: orgParams,
    body: createVoteRequest,
    async handle({ params, body, session, now, requireRoleOver }) {
      await requireRoleOver('officer', params.orgId);
      const org = await requireOrg(params.orgId);
      if (body.callId !== undefined) {
        const call = await requireCall(body.callId);
        if (call.orgId !== org.orgId) throw new DomainError('CALL_NOT_FOUND', '该征集不属于本工会', { field: 'callId' });
      }
      const projects = body.projects.map((p, i) => ({
        ...p,
        projectId: `p${i + 1}`,
        target: p.target ?? null,
        amountYuan: p.amountYuan ?? null,
      }));
      const vote = await createVote({ voteId: `pv${randomId(12)}`, org, request: body, projects, officer: session, now });
      return { status: 201, body: { vote: voteView(vote, now, null) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/project-votes',
    access: ['officer'],
    params: orgParams,
    query: pageQuery,
    async handle({ params, query, now, requireRoleOver }) {
      const page = readAhead(pageOrgVotes(params.orgId, query));
      await requireRoleOver('officer', params.orgId);
      const { items, nextCursor } = await page;
      return { body: { votes: items.map((v) => voteView(v, now, null)), nextCursor } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/project-votes',
    access: ['member'],
    async handle({ session, now, requireRoleOver }) {
      // The member's VOTED markers are in their own partition: read beside the membership.
      const votedRead = readAhead(allVotedIn(session.userId));
      const member = await memberAhead({ session, requireRoleOver });
      if (!member) return { body: { votes: [] } };
      const votes = await listLineageVotes(
        member.lineage.map((o) => o.orgId),
        new Date(now.getTime() - RECENT_MS).toISOString(),
      );
      const voted = await votedRead;
      return { body: { votes: votes.map((v) => voteView(v, now, voted.has(v.voteId))) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/project-votes/{voteId}',
    access: 'signedIn',
    params: voteParams,
    async handle({ params, session, now, requireRoleOver }) {
      const member = memberAhead({ session, requireRoleOver });
      const voted = readAhead(votedIn(session.userId, [params.voteId]));
      const vote = await requireVote(params.voteId);
      const viewer = await projectViewer({ session, requireRoleOver }, vote, member, 'voteId');
      const hasVoted = viewer.member ? (await voted).has(vote.voteId) : null;
      return { body: { vote: voteView(vote, now, hasVoted), officer: viewer.officer } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/project-votes/{voteId}/ballots',
    access: ['member'],
    params: voteParams,
    body: castProjectBallotRequest,
    async handle({ params, body, session, now, requireRoleOver }) {
      const member = memberAhead({ session, requireRoleOver });
      const vote = await requireVote(params.voteId);
      await requireMemberIn(vote, member, 'voteId', '参加投票');
      const phase = projectVotePhase(vote, now);
      if (phase === 'notYet') throw new DomainError('VOTE_NOT_OPEN', '投票尚未开始', { field: 'voteId' });
      if (phase !== 'open') throw new DomainError('VOTE_NOT_OPEN', '投票已结束', { field: 'voteId' });
      validateProjectChoices(
        body.picks,
        vote.projects.map((p) => p.projectId),
        vote.maxPicks,
      );
      const receiptCode = newReceiptCode();
      await castProjectBallot({ vote, userId: session.userId, picks: body.picks, receiptCode });
      return { status: 201, body: { voteId: vote.voteId, receiptCode } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/project-votes/{voteId}/close',
    access: ['officer'],
    params: voteParams,
    async handle({ params, session, now, requireRoleOver }) {
      const vote = await requireVote(params.voteId);
      await requireRoleOver('officer', vote.orgId);
      const closed = await closeProjectVote({ voteId: vote.voteId, byName: session.displayName, now });
      return { body: { vote: voteView(closed, now, null), ...results(closed) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/project-votes/{voteId}/results',
    access: 'signedIn',
    params: voteParams,
    async handle({ params, session, requireRoleOver }) {
      const member = memberAhead({ session, requireRoleOver });
      const vote = await requireVote(params.voteId);
      await projectViewer({ session, requireRoleOver }, vote, member, 'voteId');
      return { body: { voteId: vote.voteId, title: vote.title, ...results(vote) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/project-votes/{voteId}/receipts/{receiptCode}',
    access: 'signedIn',
    params: receiptParams,
    async handle({ params, session, requireRoleOver }) {
      const member = memberAhead({ session, requireRoleOver });
      const ballot = readAhead(getBallotByReceipt(params.voteId, params.receiptCode));
      const vote = await requireVote(params.voteId);
      await projectViewer({ session, requireRoleOver }, vote, member, 'voteId');
      results(vote);
      const picks = await ballot;
      if (!picks) throw new DomainError('RECEIPT_NOT_FOUND', '没有找到该回执码的选票，请核对回执码', { field: 'receiptCode' });
      const byId = new Map(vote.projects.map((p) => [p.projectId, p.projectName]));
      return { body: { receiptCode: params.receiptCode, picks: picks.map((id) => ({ projectId: id, projectName: byId.get(id) ?? '' })) } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/project-votes/{voteId}/adoption',
    access: ['officer'],
    params: voteParams,
    body: adoptProjectsRequest,
    async handle({ params, body, session, now, requireRoleOver }) {
      const vote = await requireVote(params.voteId, true);
      await requireRoleOver('officer', vote.orgId);
      if (vote.status !== 'closed') throw new DomainError('VOTE_NOT_CLOSED', '投票结束后才能采纳结果', { field: 'voteId' });
      const { planText: text } = chosenProjects(vote, body.projectIds);
      const document = { documentId: `pd${randomId(12)}`, title: text.split('\n')[0] ?? vote.title, text };
      await adoptProjects({ vote, projectIds: body.projectIds, document, byName: session.displayName, now });
      return { status: 201, body: { voteId: vote.voteId, planDocument: { orgId: vote.orgId, ...document, year: vote.year } } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/plan-documents/{documentId}',
    access: ['officer'],
    params: documentParams,
    async handle({ params, requireRoleOver }) {
      const doc = readAhead(getPlanDocument(params.orgId, params.documentId));
      await requireRoleOver('officer', params.orgId);
      const found = await doc;
      if (!found) throw new DomainError('PLAN_DOCUMENT_NOT_FOUND', '没有找到该计划文本', { field: 'documentId' });
      return { body: { planDocument: found } };
    },
  }),
];
