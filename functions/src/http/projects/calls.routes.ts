import { idSchema, pageQuery } from '@union/shared';
import {
  callParams,
  createCallRequest,
  createSuggestionRequest,
  mergeSuggestionsRequest,
  suggestionParams,
  suggestionsQuery,
} from '@union/shared/contracts/projects.contract';
import { beijingDay, requireCallOpen } from '@union/shared/domain/projects/index';
import * as z from 'zod/mini';
import { randomId } from '../../platform/ids';
import { requireOrg } from '../../store/org.repository';
import {
  createCall,
  createSuggestion,
  listLineageCalls,
  mergeSuggestions,
  pageMySuggestions,
  pageOrgCalls,
  pageSuggestions,
  requireCall,
  supportedBy,
  supportSuggestion,
  timeOrderedId,
} from '../../store/project-call.repository';
import { registerStatuses } from '../error-map';
import { readAhead } from '../read-ahead';
import { defineRoute } from '../route';
import { memberAhead, projectViewer, requireMemberIn } from './access';
import { callView, suggestionView } from './views';

registerStatuses({
  CALL_NOT_FOUND: 404,
  CALL_NOT_OPEN: 409,
  SUGGESTION_NOT_FOUND: 404,
  SUGGESTION_NOT_OPEN: 409,
  SUGGESTION_MERGED: 409,
  SUGGESTION_LIMIT: 409,
  ALREADY_SUPPORTED: 409,
  NOT_IN_SUBTREE: 403,
  ID_COLLISION: 409,
});

const orgParams = z.object({ orgId: idSchema });

/** A member sees calls that close within the last 90 days or later. */
const RECENT_DAYS = 90;
const daysBefore = (now: Date, days: number) => beijingDay(new Date(now.getTime() - days * 86_400_000));

export const callRoutes = [
  defineRoute({
    method: 'POST',
    path: '/orgs/{orgId}/project-calls',
    access: ['officer'],
    params: orgParams,
    body: createCallRequest,
    async handle({ params, body, session, now, requireRoleOver }) {
      await requireRoleOver('officer', params.orgId);
      const org = await requireOrg(params.orgId);
      const call = await createCall({ callId: `pc${randomId(12)}`, org, request: body, officer: session, now });
      return { status: 201, body: { call: callView(call, now) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/project-calls',
    access: ['officer'],
    params: orgParams,
    query: pageQuery,
    async handle({ params, query, now, requireRoleOver }) {
      const page = readAhead(pageOrgCalls(params.orgId, query));
      await requireRoleOver('officer', params.orgId);
      const { items, nextCursor } = await page;
      return { body: { calls: items.map((c) => callView(c, now)), nextCursor } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/project-calls',
    access: ['member'],
    async handle({ session, now, requireRoleOver }) {
      const member = await memberAhead({ session, requireRoleOver });
      if (!member) return { body: { calls: [] } };
      const calls = await listLineageCalls(
        member.lineage.map((o) => o.orgId),
        daysBefore(now, RECENT_DAYS),
      );
      return { body: { calls: calls.map((c) => callView(c, now)) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/project-calls/{callId}',
    access: 'signedIn',
    params: callParams,
    async handle({ params, session, now, requireRoleOver }) {
      const member = memberAhead({ session, requireRoleOver });
      const call = await requireCall(params.callId);
      const viewer = await projectViewer({ session, requireRoleOver }, call, member, 'callId');
      return { body: { call: callView(call, now), officer: viewer.officer } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/project-calls/{callId}/suggestions',
    access: 'signedIn',
    params: callParams,
    query: suggestionsQuery,
    async handle({ params, query, session, requireRoleOver }) {
      const member = memberAhead({ session, requireRoleOver });
      const page = readAhead(pageSuggestions(params.callId, query));
      const call = await requireCall(params.callId);
      await projectViewer({ session, requireRoleOver }, call, member, 'callId');
      const { items, nextCursor } = await page;
      const supported = await supportedBy(
        call.callId,
        items.map((s) => s.suggestionId),
        session.userId,
      );
      return { body: { suggestions: items.map((s) => suggestionView(s, session.userId, supported.has(s.suggestionId))), nextCursor } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/project-calls/{callId}/suggestions',
    access: ['member'],
    params: callParams,
    body: createSuggestionRequest,
    async handle({ params, body, session, now, requireRoleOver }) {
      const member = memberAhead({ session, requireRoleOver });
      const call = await requireCall(params.callId);
      const author = await requireMemberIn(call, member, 'callId', '提建议');
      requireCallOpen(call, now);
      const suggestion = await createSuggestion({
        call,
        suggestionId: timeOrderedId(now, randomId(8)),
        author: { userId: session.userId, displayName: author.membership.name },
        request: body,
        now,
      });
      return { status: 201, body: { suggestion: suggestionView(suggestion, session.userId, true) } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/project-calls/{callId}/suggestions/{suggestionId}/support',
    access: ['member'],
    params: suggestionParams,
    async handle({ params, session, now, requireRoleOver }) {
      const member = memberAhead({ session, requireRoleOver });
      const call = await requireCall(params.callId);
      await requireMemberIn(call, member, 'callId', '支持建议');
      requireCallOpen(call, now);
      await supportSuggestion({ call, suggestionId: params.suggestionId, userId: session.userId, now });
      return { status: 201, body: { supported: true } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/project-calls/{callId}/merges',
    access: ['officer'],
    params: callParams,
    body: mergeSuggestionsRequest,
    async handle({ params, body, now, requireRoleOver }) {
      const call = await requireCall(params.callId);
      await requireRoleOver('officer', call.orgId);
      await mergeSuggestions({ callId: call.callId, fromId: body.fromSuggestionId, intoId: body.intoSuggestionId, now });
      return { body: { merged: true } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/project-suggestions',
    access: ['member'],
    query: pageQuery,
    async handle({ query, session }) {
      const { items, nextCursor } = await pageMySuggestions(session.userId, query);
      return { body: { suggestions: items.map((s) => suggestionView(s, session.userId, true)), nextCursor } };
    },
  }),
];
