import {
  type BallotChoice,
  DomainError,
  describeChoice,
  MOTION_KIND_LABELS,
  type MotionResult,
  type MotionSpec,
  motionParams,
  pageQuery,
  parseOrThrow,
  quorumOf,
  resultsToCsv,
  resultVerdict,
  sessionParams,
  tallyBallots,
  validateBallot,
  validateMotionSpec,
} from '@union/shared';
import { castBallotRequest, createMotionRequest, idempotencyKeySchema } from '@union/shared/contracts/congress-requests.contract';
import { randomId } from '../../platform/ids';
import { requireSession } from '../../store/congress.repository';
import {
  castBallotInStore,
  closeMotionVoting,
  createMotion,
  getBallotAnswer,
  getMotionWithVoting,
  getVoting,
  listBallots,
  type MotionRecord,
  openMotion,
  pageSessionMotions,
  requireMotion,
  storeMotionResult,
  type Voting,
} from '../../store/congress-motion.repository';
import { readAhead } from '../read-ahead';
import { defineRoute, type RouteContext } from '../route';
import { requireDelegate, sessionAndViewer, viewerOf } from './access';
import { ballotAnswerExpiry, ballotRequestHash, openAnswer, sealAnswer } from './ballot-answer';

type Ctx = RouteContext<unknown, unknown, unknown>;

/** A random receipt code (≈61 bits), grouped for reading aloud: k3m9-x7p2-q8rt. */
const newReceiptCode = () => randomId(12).replace(/(.{4})(?=.)/g, '$1-');

/** Nobody votes on a draft. */
const NO_VOTING: Voting = { turnout: 0, hasVoted: false };

/** What a viewer may see: turnout while open, the result only after close (tallies are hidden until then). */
const motionViewWith = (m: MotionRecord, voting: Voting) => ({
  motionId: m.motionId,
  sessionId: m.sessionId,
  kind: m.kind,
  kindLabel: MOTION_KIND_LABELS[m.kind],
  title: m.title,
  description: m.description,
  spec: m.spec,
  status: m.status,
  openedAt: m.openedAt,
  closedAt: m.closedAt,
  delegateCount: m.delegateCount,
  revoteOf: m.revoteOf,
  turnout: m.status === 'draft' ? 0 : m.result ? m.result.castCount : voting.turnout,
  hasVoted: m.status === 'draft' ? false : voting.hasVoted,
  result: m.status === 'closed' ? m.result : null,
  verdict: m.status === 'closed' && m.result ? resultVerdict(m.result) : null,
});

/** The view of a motion, its voting read (one query; none for a draft). */
const motionView = async (m: MotionRecord, userId: string) =>
  motionViewWith(m, m.status === 'draft' ? NO_VOTING : await getVoting(m.motionId, userId));

/** A motion with how its vote stands for the caller (one query), or MOTION_NOT_FOUND. */
const requireMotionWithVoting = async (motionId: string, userId: string) => {
  const found = await getMotionWithVoting(motionId, userId);
  if (!found) throw new DomainError('MOTION_NOT_FOUND', '表决事项不存在', { field: 'motionId' });
  return found;
};

const officerOfMotion = async (ctx: Ctx, motionId: string) => {
  const m = await requireMotion(motionId, true);
  await ctx.requireRoleOver('officer', m.orgId);
  return m;
};

/** The stored result of a closed motion; computed from the ballots once and then never again. */
const ensureResult = async (m: MotionRecord): Promise<MotionResult> => {
  if (m.status !== 'closed') throw new DomainError('MOTION_NOT_CLOSED', '投票结束后才公布结果', { field: 'motionId' });
  if (m.result) return m.result;
  return storeMotionResult(m.motionId, tallyOf(m, await listBallots(m.motionId)));
};

const tallyOf = (m: MotionRecord, ballots: ReadonlyArray<{ choice: BallotChoice }>): MotionResult =>
  tallyBallots(
    m.spec,
    ballots.map((b) => b.choice),
    m.delegateCount ?? 0,
    m.presentCount ?? 0,
  );

/**
 * The result of a closed motion as a reader sees it, writing nothing: the stored one, or — when the
 * close that stores it was cut short — the tally of the ballots read, which is the same result: no
 * ballot can be cast after the close, so every reader computes what the close would have stored.
 */
const resultOf = (m: MotionRecord, ballots: ReadonlyArray<{ choice: BallotChoice }>): MotionResult => {
  if (m.status !== 'closed') throw new DomainError('MOTION_NOT_CLOSED', '投票结束后才公布结果', { field: 'motionId' });
  return m.result ?? tallyOf(m, ballots);
};

const specOf = (body: (typeof createMotionRequest)['_zod']['output']): MotionSpec => {
  const ids = (prefix: string, items: Array<{ name: string; note?: string | undefined }>) =>
    items.map((it, i) => ({ id: `${prefix}${i + 1}`, name: it.name, ...(it.note ? { note: it.note } : {}) }));
  if (body.kind === 'election')
    return validateMotionSpec({ kind: 'election', candidates: ids('c', body.candidates), maxChoices: body.maxChoices });
  if (body.kind === 'rating') return validateMotionSpec({ kind: 'rating', subjects: ids('s', body.subjects), scale: body.scale });
  return { kind: 'vote' };
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
      const m = await createMotion({
        motionId: `mt${randomId(12)}`,
        sessionId: s.sessionId,
        orgId: s.orgId,
        kind: body.kind,
        title: body.title,
        description: body.description || null,
        spec: specOf(body),
        revoteOf: null,
        createdAt: now.toISOString(),
      });
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
      const s = await requireSession(m0.sessionId, true);
      await closeMotionVoting(m0.motionId, s.signedInCount, ctx.now);
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
      const m = await createMotion({
        motionId: `mt${randomId(12)}`,
        sessionId: old.sessionId,
        orgId: old.orgId,
        kind: old.kind,
        title: old.title.endsWith('（重新表决）') ? old.title : `${old.title}（重新表决）`,
        description: old.description,
        spec: old.spec,
        revoteOf: old.motionId,
        createdAt: ctx.now.toISOString(),
      });
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
      const m = await requireMotion(params.motionId);
      await requireDelegate(session, m.sessionId);
      const secret = runtime.config.sessionSecret;
      const hash = key ? ballotRequestHash(secret, session.userId, m.motionId, key) : undefined;
      const replay = async () => {
        const sealed = hash && key ? await getBallotAnswer(hash, now) : null;
        return sealed && key
          ? openAnswer<{ motionId: string; receiptCode: string }>(sealed, secret, session.userId, m.motionId, key)
          : null;
      };
      const earlier = await replay();
      if (earlier) return { status: 201, body: earlier, headers: { 'idempotent-replayed': 'true' } };

      const choice = validateBallot(m.spec, body);
      const answer = { motionId: m.motionId, receiptCode: newReceiptCode() };
      try {
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
      } catch (e) {
        // The same request raced itself: answer as the first one did.
        if (e instanceof DomainError && (e.code === 'IDEMPOTENT_REPLAY' || e.code === 'VOTE_ALREADY_CAST')) {
          const first = await replay();
          if (first) return { status: 201, body: first, headers: { 'idempotent-replayed': 'true' } };
        }
        throw e;
      }
      return { status: 201, body: answer };
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
          session: { sessionId: s.sessionId, sessionName: s.sessionName, orgId: s.orgId },
          result,
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
