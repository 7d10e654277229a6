import {
  DomainError,
  describeChoice,
  type MotionResult,
  motionParams,
  pageQuery,
  parseOrThrow,
  passRuleText,
  quorumOf,
  resultsToCsv,
  resultVerdict,
  sessionParams,
  validateBallot,
} from '@union/shared';
import { castBallotRequest, createMotionRequest, idempotencyKeySchema } from '@union/shared/contracts/congress-requests.contract';
import { randomId } from '../../platform/ids';
import { castBallotInStore, getBallotAnswer, listBallots } from '../../store/congress-ballot.repository';
import {
  closeMotionVoting,
  createMotion,
  type MotionRecord,
  openMotion,
  pageSessionMotions,
  requireMotion,
  requireMotionTerms,
  sessionYearOf,
  storeMotionResult,
} from '../../store/congress-motion.repository';
import { requireSession } from '../../store/congress-session.repository';
import { readAhead } from '../read-ahead';
import { defineRoute, type RouteContext } from '../route';
import { requireDelegate, sessionAndViewer, viewerOf } from './access';
import { ballotAnswerExpiry, ballotRequestHash, openAnswer, sealAnswer } from './ballot-answer';
import { proposalsOf, specOf } from './motion-matter';
import { motionView, motionViewWith, requireMotionWithVoting, resultOf, tallyOf } from './motion-views';

type Ctx = RouteContext<unknown, unknown, unknown>;

/** A random receipt code (≈61 bits), grouped for reading aloud: k3m9-x7p2-q8rt. */
const newReceiptCode = () => randomId(12).replace(/(.{4})(?=.)/g, '$1-');

const officerOfMotion = async (ctx: Ctx, motionId: string) => {
  const m = await requireMotion(motionId, true);
  await ctx.requireRoleOver('officer', m.orgId);
  return m;
};

/** The stored result of a closed motion; computed from the ballots once and then never again. */
const ensureResult = async (m: MotionRecord): Promise<MotionResult> => {
  if (m.status !== 'closed') throw new DomainError('MOTION_NOT_CLOSED', '投票结束后才公布结果', { field: 'motionId' });
  if (m.result) return m.result;
  return storeMotionResult(m, tallyOf(m, await listBallots(m.motionId)));
};

export const motionRoutes = [
  defineRoute({
    method: 'POST',
    path: '/congress/sessions/{sessionId}/motions',
    access: ['officer'],
    params: sessionParams,
    body: createMotionRequest,
    async handle({ params, body, session, now, requireRoleOver }) {
      const s = await requireSession(params.sessionId);
      await requireRoleOver('officer', s.orgId);
      const spec = specOf(body);
      const m = await createMotion(
        {
          motionId: `mt${randomId(12)}`,
          sessionId: s.sessionId,
          orgId: s.orgId,
          kind: body.kind,
          title: body.title,
          description: body.description || null,
          draftText: ('draftText' in body && body.draftText) || null,
          proposals: await proposalsOf(s.sessionId, body, spec),
          spec,
          revoteOf: null,
          createdAt: now.toISOString(),
        },
        session.displayName,
      );
      return { status: 201, body: { motion: await motionView(m, session.userId) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/congress/sessions/{sessionId}/motions',
    access: ['delegate', 'officer'],
    params: sessionParams,
    query: pageQuery,
    async handle(ctx) {
      // The page and its motions' voting do not depend on who reads them: read beside the access check.
      const listed = readAhead(
        pageSessionMotions(ctx.params.sessionId, ctx.query).then(async ({ items, nextCursor }) => ({
          motions: await Promise.all(items.map((m) => motionView(m, ctx.session.userId))),
          nextCursor,
        })),
      );
      await sessionAndViewer(ctx, ctx.params.sessionId);
      return { body: await listed };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/congress/motions/{motionId}',
    access: ['delegate', 'officer'],
    params: motionParams,
    async handle(ctx) {
      // The motion with its voting (one query), then its session and who the caller is to it (at once).
      const { motion: m, voting } = await requireMotionWithVoting(ctx.params.motionId, ctx.session.userId);
      const [s, viewer] = await Promise.all([requireSession(m.sessionId, true), viewerOf(ctx, m)]);
      return {
        body: {
          motion: motionViewWith(m, voting),
          session: {
            sessionId: s.sessionId,
            sessionName: s.sessionName,
            rosterCount: s.rosterCount,
            signedInCount: s.signedInCount,
            quorum: quorumOf(s.rosterCount),
          },
          me: { officer: viewer.officer, delegate: viewer.delegate !== null, signedIn: viewer.delegate?.signedInAt != null },
        },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/congress/motions/{motionId}/open',
    access: ['officer'],
    params: motionParams,
    async handle(ctx) {
      await officerOfMotion(ctx, ctx.params.motionId);
      const m = await openMotion(ctx.params.motionId, ctx.now);
      return { body: { motion: await motionView(m, ctx.session.userId) } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/congress/motions/{motionId}/close',
    access: ['officer'],
    params: motionParams,
    async handle(ctx) {
      const m0 = await officerOfMotion(ctx, ctx.params.motionId);
      // A close cut short after the status changed and before the result was stored is completed
      // by the same request again: the result (and the proposals' timeline steps) written once.
      if (!(m0.status === 'closed' && m0.result === null)) {
        const s = await requireSession(m0.sessionId, true);
        await closeMotionVoting(m0.motionId, s.signedInCount, { userId: ctx.session.userId, name: ctx.session.displayName }, ctx.now, {
          orgId: m0.orgId,
          sessionYear: sessionYearOf(s.startDate),
        });
      }
      await ensureResult(await requireMotion(m0.motionId, true));
      const m = await requireMotion(m0.motionId, true);
      return { body: { motion: await motionView(m, ctx.session.userId) } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/congress/motions/{motionId}/revote',
    access: ['officer'],
    params: motionParams,
    async handle(ctx) {
      const old = await officerOfMotion(ctx, ctx.params.motionId);
      if (old.status !== 'closed') throw new DomainError('MOTION_NOT_CLOSED', '原事项结束后才能重新表决', { field: 'motionId' });
      // A re-vote is a new motion; the old one and its result stay as they were.
      const m = await createMotion(
        {
          motionId: `mt${randomId(12)}`,
          sessionId: old.sessionId,
          orgId: old.orgId,
          kind: old.kind,
          title: old.title.endsWith('（重新表决）') ? old.title : `${old.title}（重新表决）`,
          description: old.description,
          draftText: old.draftText,
          proposals: old.proposals,
          spec: old.spec,
          revoteOf: old.motionId,
          createdAt: ctx.now.toISOString(),
        },
        ctx.session.displayName,
      );
      return { status: 201, body: { motion: await motionView(m, ctx.session.userId) } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/congress/motions/{motionId}/ballots',
    access: ['delegate'],
    params: motionParams,
    body: castBallotRequest,
    async handle({ params, body, session, headers, runtime, now }) {
      const rawKey = headers['idempotency-key'];
      const key = rawKey === undefined ? undefined : parseIdempotencyKey(rawKey);
      const secret = runtime.config.sessionSecret;
      // The motion's terms (kept by a warm function: one read per function, not per ballot), then
      // the one transaction: its conditions hold the caller to the roster and signed in, to active
      // membership of the org, to one ballot per delegate, the motion to being open, and a repeated
      // request (its Idempotency-Key) to its first answer. Everything else is read only to explain
      // a refusal: the earlier answer to replay it, the roster entry so that whoever is not on the
      // roster is told so before anything else.
      const m = await requireMotionTerms(params.motionId);
      const hash = key ? ballotRequestHash(secret, session.userId, m.motionId, key) : undefined;
      const earlier = async () => {
        const sealed = hash && key ? await getBallotAnswer(hash, now) : null;
        return sealed && key
          ? openAnswer<{ motionId: string; receiptCode: string }>(sealed, secret, session.userId, m.motionId, key)
          : null;
      };
      const notOnRosterFirst = async (e: unknown): Promise<never> => {
        if (e instanceof DomainError) await requireDelegate(session, m.sessionId);
        throw e;
      };
      try {
        const choice = validateBallot(m.spec, body);
        const answer = { motionId: m.motionId, receiptCode: newReceiptCode() };
        await castBallotInStore({
          motion: m,
          userId: session.userId,
          choice,
          receiptCode: answer.receiptCode,
          answer:
            hash && key
              ? {
                  requestHash: hash,
                  sealed: sealAnswer(answer, secret, session.userId, m.motionId, key),
                  ttl: ballotAnswerExpiry(now),
                  now,
                }
              : undefined,
        });
        return { status: 201, body: answer };
      } catch (e) {
        // The same request again (a retry after a lost answer, or racing itself): answer as the first one did.
        if (e instanceof DomainError && (e.code === 'IDEMPOTENT_REPLAY' || e.code === 'VOTE_ALREADY_CAST')) {
          const first = await earlier();
          if (first) return { status: 201, body: first, headers: { 'idempotent-replayed': 'true' } };
        }
        return notOnRosterFirst(e);
      }
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/congress/motions/{motionId}/results',
    access: ['delegate', 'officer'],
    params: motionParams,
    async handle(ctx) {
      // The motion with its voting and its ballots (at once), then its session and the caller's standing.
      const ballots = readAhead(listBallots(ctx.params.motionId));
      const { motion: m, voting } = await requireMotionWithVoting(ctx.params.motionId, ctx.session.userId);
      const [s] = await Promise.all([requireSession(m.sessionId), viewerOf(ctx, m)]);
      const cast = await ballots;
      const result = resultOf(m, cast);
      const receipts = cast.map((b) => ({
        receiptCode: b.receiptCode,
        choice: describeChoice(m.spec, b.choice),
      }));
      return {
        body: {
          motion: motionViewWith({ ...m, result }, voting),
          session: { sessionId: s.sessionId, sessionName: s.sessionName, orgId: s.orgId, startDate: s.startDate, endDate: s.endDate },
          result,
          rule: passRuleText(result),
          verdict: resultVerdict(result),
          receipts,
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/congress/motions/{motionId}/results/csv',
    access: ['delegate', 'officer'],
    params: motionParams,
    // A file: the router sends `text` as the body with its content type.
    async handle(ctx) {
      // The motion and its ballots (at once), then its session and the caller's standing (at once).
      const ballots = readAhead(listBallots(ctx.params.motionId));
      const m = await requireMotion(ctx.params.motionId, true);
      await Promise.all([requireSession(m.sessionId), viewerOf(ctx, m)]);
      const cast = await ballots;
      const csv = resultsToCsv(m, resultOf(m, cast), cast);
      return {
        text: { contentType: 'text/csv; charset=utf-8', data: csv },
        headers: {
          'content-disposition': `attachment; filename="motion-${m.motionId}.csv"; filename*=UTF-8''${encodeURIComponent(`${m.title}-结果.csv`)}`,
        },
      };
    },
  }),
];

const parseIdempotencyKey = (raw: string): string => {
  try {
    return parseOrThrow(idempotencyKeySchema, raw);
  } catch {
    throw new DomainError('IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key：须为 16–64 位字母、数字、- 或 _', { field: 'Idempotency-Key' });
  }
};
