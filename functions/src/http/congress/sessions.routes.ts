import {
  DomainError,
  delegateParams,
  hasRole,
  isReplyOverdue,
  pageQuery,
  parseRosterCsv,
  passThresholdOf,
  quorumOf,
  type RosterLineError,
  sessionParams,
} from '@union/shared';
import {
  addDelegatesRequest,
  createSessionRequest,
  importRosterRequest,
  orgSessionsQuery,
} from '@union/shared/contracts/congress-requests.contract';
import { randomId } from '../../platform/ids';
import { readCongressActivity } from '../../store/congress-activity';
import { listSessionProposals } from '../../store/congress-proposal.repository';
import {
  addDelegates,
  listRoster,
  pageRoster,
  pageSessionsOfDelegate,
  removeDelegate,
  signIn,
} from '../../store/congress-roster.repository';
import { type CongressSessionRecord, createSession, pageOrgSessions, requireSession } from '../../store/congress-session.repository';
import { findActiveMemberByNumber } from '../../store/member-by-number';
import { registerStatuses } from '../error-map';
import { readAhead } from '../read-ahead';
import { defineRoute } from '../route';
import { requireDelegate, sessionAndViewer } from './access';

registerStatuses({
  ROSTER_INVALID: 400,
  ROSTER_IMPORT_INVALID: 400,
  NOT_A_DELEGATE: 403,
  BALLOT_INVALID: 400,
  IDEMPOTENCY_KEY_INVALID: 400,
  RECEIPT_COLLISION: 503,
  DELEGATE_NOT_MEMBER: 403,
  CURSOR_INVALID: 400,
});

/** Quorum and passing line shown beside every session (第二十条). */
const withRules = (s: CongressSessionRecord) => ({
  ...s,
  quorum: quorumOf(s.rosterCount),
  passThreshold: passThresholdOf(s.rosterCount),
  quorumMet: s.rosterCount > 0 && s.signedInCount >= quorumOf(s.rosterCount),
});

/**
 * Resolves roster lines to active members of the org. Every bad line is reported, and nothing is
 * written unless all lines are good. People already on the roster are an error when added by hand
 * (`already: 'refuse'`); an import lets them through (`'resume'`), so the same file again completes
 * an import that stopped part-way.
 */
const resolveRoster = async (
  session: CongressSessionRecord,
  rows: Array<{ line: number; memberNumber: string; delegation?: string | undefined }>,
  errors: RosterLineError[],
  already: 'refuse' | 'resume',
) => {
  const onRoster = new Set(already === 'refuse' ? (await listRoster(session.sessionId)).map((d) => d.userId) : []);
  const seenUsers = new Set<string>();
  const resolved: Array<{ userId: string; displayName: string; memberNumber: string; delegation: string | null }> = [];
  for (const row of rows) {
    const member = await findActiveMemberByNumber(session.orgId, row.memberNumber);
    if (!member) {
      errors.push({
        line: row.line,
        memberNumber: row.memberNumber,
        code: 'ROSTER_LINE_NOT_MEMBER',
        message: `第 ${row.line} 行：会员编号 ${row.memberNumber} 不是本工会的在册会员`,
      });
    } else if (onRoster.has(member.userId)) {
      errors.push({
        line: row.line,
        memberNumber: row.memberNumber,
        code: 'ROSTER_LINE_ALREADY',
        message: `第 ${row.line} 行：${member.name} 已在代表名单中`,
      });
    } else if (seenUsers.has(member.userId)) {
      errors.push({
        line: row.line,
        memberNumber: row.memberNumber,
        code: 'ROSTER_LINE_DUPLICATE',
        message: `第 ${row.line} 行：与前面的行是同一名会员`,
      });
    } else {
      seenUsers.add(member.userId);
      resolved.push({
        userId: member.userId,
        displayName: member.name,
        memberNumber: member.memberNumber,
        delegation: row.delegation ?? null,
      });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return resolved;
};

/**
 * Writes the roster entries with their delegate grants (one transaction per batch, see
 * addDelegates). The delegate role lets them open the 投票 tab; their client refreshes its token.
 */
const writeRoster = async (session: CongressSessionRecord, resolved: Awaited<ReturnType<typeof resolveRoster>>) => {
  const outcome = await addDelegates(session, resolved);
  return { ...outcome, session: await requireSession(session.sessionId, true) };
};

export const sessionRoutes = [
  defineRoute({
    method: 'POST',
    path: '/congress/sessions',
    access: ['officer'],
    body: createSessionRequest,
    async handle({ body, now, requireRoleOver }) {
      await requireRoleOver('officer', body.orgId);
      const session = await createSession({
        sessionId: `cs${randomId(12)}`,
        orgId: body.orgId,
        sessionName: body.sessionName,
        startDate: body.startDate,
        endDate: body.endDate,
        createdAt: now.toISOString(),
      });
      return { status: 201, body: { session: withRules(session) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/congress/sessions',
    access: ['officer'],
    query: orgSessionsQuery,
    async handle({ query, requireRoleOver }) {
      await requireRoleOver('officer', query.orgId);
      const page = await pageOrgSessions(query.orgId, query);
      return { body: { sessions: page.items.map(withRules), nextCursor: page.nextCursor } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/congress/my-sessions',
    access: ['delegate'],
    query: pageQuery,
    async handle({ session, query }) {
      const page = await pageSessionsOfDelegate(session.userId, query);
      return {
        body: {
          sessions: page.items.map(({ me, ...s }) => ({
            ...withRules(s),
            me: { signedIn: me.signedInAt !== null, delegation: me.delegation },
          })),
          nextCursor: page.nextCursor,
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/congress-activity',
    // The caller's own 提案, 附议 and votes (我的提案与表决): no parameter, nothing sealed read or opened.
    access: 'signedIn',
    async handle({ session }) {
      const a = await readCongressActivity(session.userId);
      return {
        body: {
          proposals: a.proposals.map(({ proposerName: _n, ...p }) => p),
          cosigned: a.cosigned.map(({ displayName: _n, ...c }) => c),
          votedIn: a.votedIn,
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/congress/sessions/{sessionId}',
    access: ['delegate', 'officer'],
    params: sessionParams,
    async handle(ctx) {
      // Counted over every proposal (all pages): the officer's reminder of overdue replies, read
      // beside the session for a caller with an officer grant, and used only if they are one over it.
      const proposals = hasRole(ctx.session, 'officer') ? readAhead(listSessionProposals(ctx.params.sessionId)) : null;
      const { session: s, viewer } = await sessionAndViewer(ctx, ctx.params.sessionId, true);
      const overdueProposals = viewer.officer && proposals ? (await proposals).filter((p) => isReplyOverdue(p, ctx.now)).length : undefined;
      return {
        body: {
          session: withRules(s),
          me: {
            officer: viewer.officer,
            delegate: viewer.delegate !== null,
            signedIn: viewer.delegate?.signedInAt != null,
            delegation: viewer.delegate?.delegation ?? null,
          },
          ...(overdueProposals !== undefined ? { overdueProposals } : {}),
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/congress/sessions/{sessionId}/roster',
    access: ['officer'],
    params: sessionParams,
    query: pageQuery,
    async handle({ params, query, requireRoleOver }) {
      const s = await requireSession(params.sessionId);
      await requireRoleOver('officer', s.orgId);
      const page = await pageRoster(s.sessionId, query);
      return { body: { session: withRules(s), delegates: page.items, nextCursor: page.nextCursor } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/congress/sessions/{sessionId}/roster',
    access: ['officer'],
    params: sessionParams,
    body: addDelegatesRequest,
    async handle({ params, body, requireRoleOver }) {
      const s = await requireSession(params.sessionId);
      await requireRoleOver('officer', s.orgId);
      if (s.rosterLocked) throw new DomainError('ROSTER_LOCKED', '已有表决事项开始，代表名单不能再修改', { field: 'sessionId' });
      const errors: RosterLineError[] = [];
      const resolved = await resolveRoster(
        s,
        body.delegates.map((d, i) => ({ line: i + 1, memberNumber: d.memberNumber, delegation: d.delegation || undefined })),
        errors,
        'refuse',
      );
      if (errors.length) {
        throw new DomainError('ROSTER_INVALID', errors[0]?.message ?? '代表名单有误', { field: 'delegates', details: { errors } });
      }
      const { session, added } = await writeRoster(s, resolved);
      return { status: 201, body: { session: withRules(session), added } };
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/congress/sessions/{sessionId}/roster/{userId}',
    access: ['officer'],
    params: delegateParams,
    async handle({ params, requireRoleOver }) {
      const s = await requireSession(params.sessionId);
      await requireRoleOver('officer', s.orgId);
      // The entry, N (and the signed-in count) and — on their last roster of the org — the
      // delegate grant go in one transaction; refused once a motion has opened.
      await removeDelegate(s, params.userId);
      return { body: { session: withRules(await requireSession(s.sessionId, true)), removed: params.userId } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/congress/sessions/{sessionId}/roster/import',
    access: ['officer'],
    params: sessionParams,
    body: importRosterRequest,
    async handle({ params, body, requireRoleOver }) {
      const s = await requireSession(params.sessionId);
      await requireRoleOver('officer', s.orgId);
      if (s.rosterLocked) throw new DomainError('ROSTER_LOCKED', '已有表决事项开始，代表名单不能再修改', { field: 'sessionId' });
      const { rows, errors } = parseRosterCsv(body.csv);
      if (rows.length === 0 && errors.length === 0)
        throw new DomainError('ROSTER_IMPORT_INVALID', '名单文件：没有可导入的行', { field: 'csv' });
      const resolved = await resolveRoster(s, rows, errors, 'resume');
      if (errors.length) {
        throw new DomainError('ROSTER_IMPORT_INVALID', `名单文件有 ${errors.length} 行错误，未导入任何代表`, {
          field: 'csv',
          details: { errors },
        });
      }
      const { session, added, alreadyOnRoster } = await writeRoster(s, resolved);
      return { status: 201, body: { session: withRules(session), added, alreadyOnRoster } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/congress/sessions/{sessionId}/sign-in',
    access: ['delegate'],
    params: sessionParams,
    async handle({ params, session, now }) {
      const s = await requireSession(params.sessionId);
      await requireDelegate(session, s.sessionId);
      const outcome = await signIn(s, session.userId, now);
      return {
        status: outcome === 'signed-in' ? 201 : 200,
        body: { signedIn: true, already: outcome === 'already', session: withRules(await requireSession(s.sessionId, true)) },
      };
    },
  }),
];
