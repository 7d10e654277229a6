import * as z from 'zod/mini';
import type { MotionResult, MotionSpec } from '../domain/congress/motion';
import { MOTION_KINDS, MOTION_STATUSES } from '../domain/congress/motion';
import { PROPOSAL_EVENT_TYPES, PROPOSAL_STATUSES, REPLY_RATINGS } from '../domain/congress/proposal';
import { pageResponse } from './page.contract';

/**
 * What the congress routes answer (functions/src/http/congress/responses.ts). Not re-exported from
 * the shared index: the tests hold every answer to these schemas, the mini-program takes only their
 * types (`import type`), so its main package carries none of it, and no function imports them (the
 * list queries are in congress-requests.contract.ts).
 */

// ——— sessions and roster ———

/** A session with its quorum and passing line (第二十条). */
export const sessionViewSchema = z.object({
  sessionId: z.string(),
  orgId: z.string(),
  sessionName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  rosterCount: z.int(),
  signedInCount: z.int(),
  rosterLocked: z.boolean(),
  createdAt: z.string(),
  quorum: z.int(),
  passThreshold: z.int(),
  quorumMet: z.boolean(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

/** A delegate's session in the 投票 tab, with where they stand. */
export const mySessionSchema = z.extend(sessionViewSchema, {
  me: z.object({ signedIn: z.boolean(), delegation: z.nullable(z.string()) }),
});
export type MySession = z.infer<typeof mySessionSchema>;

export const delegateSchema = z.object({
  sessionId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  memberNumber: z.nullable(z.string()),
  delegation: z.nullable(z.string()),
  signedInAt: z.nullable(z.string()),
});
export type DelegateView = z.infer<typeof delegateSchema>;

/** POST /congress/sessions → 201 */
export const sessionResponse = z.object({ session: sessionViewSchema });
/** GET /congress/sessions?orgId= (newest first) */
export const orgSessionsResponse = pageResponse('sessions', sessionViewSchema);
/** GET /congress/my-sessions */
export const mySessionsResponse = pageResponse('sessions', mySessionSchema);

/**
 * GET /me/congress-activity (我的提案与表决): the caller's own 提案, 附议 and the motions they voted in —
 * that they voted, never how. Nothing in it is sealed: no 身份证号 or phone is read or decrypted for it.
 */
export const myCongressActivityResponse = z.object({
  proposals: z.array(
    z.object({
      proposalId: z.string(),
      sessionId: z.string(),
      title: z.string(),
      status: z.enum(PROPOSAL_STATUSES),
      createdAt: z.string(),
    }),
  ),
  cosigned: z.array(z.object({ proposalId: z.string(), title: z.string(), at: z.string() })),
  votedIn: z.array(z.object({ motionId: z.string(), title: z.string() })),
});
export type MyCongressActivity = z.infer<typeof myCongressActivityResponse>;
/** GET /congress/sessions/{sessionId}: `overdueProposals` (counted over every proposal) only for officers. */
export const sessionDetailResponse = z.object({
  session: sessionViewSchema,
  me: z.object({ officer: z.boolean(), delegate: z.boolean(), signedIn: z.boolean(), delegation: z.nullable(z.string()) }),
  overdueProposals: z.optional(z.int()),
});
export type SessionDetail = z.infer<typeof sessionDetailResponse>;
/** GET /congress/sessions/{sessionId}/roster: a page of the roster, with the session (N, signed in). */
export const rosterResponse = z.extend(pageResponse('delegates', delegateSchema), { session: sessionViewSchema });
/** POST /congress/sessions/{sessionId}/roster → 201 */
export const addDelegatesResponse = z.object({ session: sessionViewSchema, added: z.int() });
/** POST /congress/sessions/{sessionId}/roster/import → 201 */
export const importRosterResponse = z.object({ session: sessionViewSchema, added: z.int(), alreadyOnRoster: z.int() });
/** DELETE /congress/sessions/{sessionId}/roster/{userId} */
export const removeDelegateResponse = z.object({ session: sessionViewSchema, removed: z.string() });
/** POST /congress/sessions/{sessionId}/sign-in → 201 (or 200 when already signed in) */
export const signInResponse = z.object({ signedIn: z.literal(true), already: z.boolean(), session: sessionViewSchema });

// ——— proposals ———

export const proposalSummarySchema = z.object({
  proposalId: z.string(),
  title: z.string(),
  proposerName: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  statusLabel: z.string(),
  cosignCount: z.int(),
  department: z.nullable(z.string()),
  replyDeadline: z.nullable(z.string()),
  overdue: z.boolean(),
  mine: z.boolean(),
  createdAt: z.string(),
});
export type ProposalSummary = z.infer<typeof proposalSummarySchema>;

/** The proposal with its 附议 and the whole timeline (件件有回音). */
export const proposalDetailResponse = z.object({
  proposal: z.extend(proposalSummarySchema, {
    sessionId: z.string(),
    orgId: z.string(),
    proposerId: z.string(),
    cause: z.string(),
    suggestion: z.string(),
    version: z.int(),
    updatedAt: z.string(),
    decisionReason: z.optional(z.string()),
    reply: z.optional(z.string()),
    repliedAt: z.optional(z.string()),
    rating: z.optional(z.enum(REPLY_RATINGS)),
  }),
  cosigners: z.array(z.object({ userId: z.string(), displayName: z.string(), at: z.string() })),
  /** Each step; a motion's (提请表决, 表决结果) names it, so the result can be opened. */
  timeline: z.array(
    z.object({
      type: z.enum(PROPOSAL_EVENT_TYPES),
      note: z.string(),
      actorName: z.string(),
      at: z.string(),
      motionId: z.optional(z.string()),
    }),
  ),
});
export type ProposalDetail = z.infer<typeof proposalDetailResponse>;
/** GET /congress/sessions/{sessionId}/proposals (oldest first) */
export const sessionProposalsResponse = pageResponse('proposals', proposalSummarySchema);

// ——— motions and ballots ———

const namedItemSchema = z.object({ id: z.string(), name: z.string(), note: z.optional(z.string()) });

const voteItemSchema = z.object({ id: z.string(), name: z.string(), proposalId: z.optional(z.string()) });
const voteCountsSchema = z.object({ yes: z.int(), no: z.int(), abstain: z.int() });

export const motionSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('vote') }),
  z.object({ kind: z.literal('itemized'), items: z.array(voteItemSchema) }),
  z.object({ kind: z.literal('rating'), subjects: z.array(namedItemSchema), scale: z.array(z.string()) }),
  z.object({ kind: z.literal('election'), candidates: z.array(namedItemSchema), maxChoices: z.int() }),
]);

const resultBase = { delegateCount: z.int(), presentCount: z.int(), castCount: z.int(), threshold: z.int() };
export const motionResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('vote'),
    counts: voteCountsSchema,
    passed: z.boolean(),
    ...resultBase,
  }),
  z.object({
    kind: z.literal('itemized'),
    items: z.array(z.extend(voteItemSchema, { counts: voteCountsSchema, passed: z.boolean() })),
    ...resultBase,
  }),
  z.object({
    kind: z.literal('election'),
    seats: z.int(),
    candidates: z.array(z.object({ id: z.string(), name: z.string(), votes: z.int(), elected: z.boolean() })),
    tiedAtCutoff: z.array(z.string()),
    blankBallots: z.int(),
    ...resultBase,
  }),
  z.object({
    kind: z.literal('rating'),
    scale: z.array(z.string()),
    subjects: z.array(z.object({ id: z.string(), name: z.string(), note: z.optional(z.string()), counts: z.array(z.int()) })),
    ...resultBase,
  }),
]);

/** What a viewer may see of a motion: turnout while open, the result only after close. */
export const motionViewSchema = z.object({
  motionId: z.string(),
  sessionId: z.string(),
  kind: z.enum(MOTION_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  description: z.nullable(z.string()),
  /** The 议案's text as voted on (a 集体合同草案 …), when it was entered. */
  draftText: z.nullable(z.string()),
  /** The 立案 proposals it was put to a vote on, with their text as it was then. */
  proposals: z.array(z.object({ proposalId: z.string(), title: z.string(), cause: z.string(), suggestion: z.string() })),
  spec: motionSpecSchema,
  status: z.enum(MOTION_STATUSES),
  openedAt: z.nullable(z.string()),
  closedAt: z.nullable(z.string()),
  /** The officer who closed the vote (会议纪要). */
  closedByName: z.nullable(z.string()),
  delegateCount: z.nullable(z.int()),
  revoteOf: z.nullable(z.string()),
  turnout: z.int(),
  hasVoted: z.boolean(),
  result: z.nullable(motionResultSchema),
  verdict: z.nullable(z.string()),
});
export type MotionView = z.infer<typeof motionViewSchema>;

/** POST …/motions → 201, POST /congress/motions/{motionId}/open | close, POST …/revote → 201 */
export const motionResponse = z.object({ motion: motionViewSchema });
/** GET /congress/sessions/{sessionId}/motions (oldest first) */
export const sessionMotionsResponse = pageResponse('motions', motionViewSchema);
/** GET /congress/motions/{motionId} */
export const motionDetailResponse = z.object({
  motion: motionViewSchema,
  session: z.object({
    sessionId: z.string(),
    sessionName: z.string(),
    rosterCount: z.int(),
    signedInCount: z.int(),
    quorum: z.int(),
  }),
  me: z.object({ officer: z.boolean(), delegate: z.boolean(), signedIn: z.boolean() }),
});
/** POST /congress/motions/{motionId}/ballots → 201 (a replay with the same Idempotency-Key answers the same). */
export const ballotResponse = z.object({ motionId: z.string(), receiptCode: z.string() });
/** GET /congress/motions/{motionId}/results: the result and every published receipt. */
export const motionResultsResponse = z.object({
  motion: motionViewSchema,
  session: z.object({ sessionId: z.string(), sessionName: z.string(), orgId: z.string(), startDate: z.string(), endDate: z.string() }),
  result: motionResultSchema,
  /** The rule the result was counted under, in words (会议纪要). */
  rule: z.string(),
  verdict: z.string(),
  receipts: z.array(z.object({ receiptCode: z.string(), choice: z.string() })),
});
export type ResultsView = z.infer<typeof motionResultsResponse>;
/** GET /congress/motions/{motionId}/results/csv: a file, UTF-8 with a BOM (csvDocument). */
export const MOTION_RESULTS_CSV_MEDIA_TYPES = ['text/csv'] as const;

// The schemas say what the domain's types say: a type error here when one of them changes alone.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type MotionSpecMatches = Assert<Same<z.infer<typeof motionSpecSchema>, MotionSpec>>;
export type MotionResultMatches = Assert<Same<z.infer<typeof motionResultSchema>, MotionResult>>;
