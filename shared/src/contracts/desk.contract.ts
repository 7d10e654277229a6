import * as z from 'zod/mini';
import { PLACE_KINDS } from '../domain/card/places';
import { PROPOSAL_STATUSES } from '../domain/congress/index';
import { WAITING_ORGS_SHOWN } from '../domain/desk/counters';
import { idSchema, LIMITS } from './common.contract';
import { cursorSchema } from './page.contract';

/**
 * The officer's desk (工会干部工作台, issue 13): what is waiting (待办) and how the union is doing (数据看板),
 * for an org and its subtree. Requests and answers; the functions answer exactly these (responses held
 * by the tests), the mini-program infers its types from them.
 */

const count = z.int().check(z.minimum(0));
const yearText = z.pipe(
  z.string().check(z.regex(/^20\d\d$/, '应为 2000 到 2099 之间的年份')),
  z.transform((v) => Number(v)),
);

export const deskParams = z.object({ orgId: idSchema });

/** An org of the subtree holding items of a queue. */
export const waitingOrgSchema = z.object({ orgId: z.string(), orgName: z.string(), count });

/**
 * A queue's count over the subtree, how long its oldest item has waited (null: none waiting), and the orgs
 * holding its items, most first (at most WAITING_ORGS_SHOWN; `orgsHolding` counts them all): the count opens
 * the queue of the first.
 */
export const waitingQueueSchema = z.object({
  count,
  oldestAt: z.nullable(z.string()),
  orgs: z.array(waitingOrgSchema).check(z.maxLength(WAITING_ORGS_SHOWN)),
  orgsHolding: count,
});

/** GET /orgs/{orgId}/desk/waiting — 待办: counts kept by the transactions that change the state, summed over the subtree. */
export const deskWaitingSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  /** Orgs in the subtree whose counters were summed (the org itself included). */
  orgCount: count,
  applications: waitingQueueSchema,
  transfers: waitingQueueSchema,
  claims: waitingQueueSchema,
  /** 提案 waiting for a decision (立案 / 转为意见建议 / 不予立案). */
  proposals: waitingQueueSchema,
  /** 提案 whose reply is past due and not given. */
  repliesOverdue: count,
  /** 表决 open now. */
  motionsOpen: count,
  /** 实事征集 suggestions waiting for an officer: not merged, of calls no vote has been made from yet (not shortlisted). */
  suggestions: count,
});
export type DeskWaiting = z.infer<typeof deskWaitingSchema>;

export const DASHBOARD_SCOPES = ['org', 'subtree'] as const;
export const DASHBOARD_TABLES = ['members', 'review', 'benefits', 'congress', 'places'] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

/** GET /orgs/{orgId}/desk/dashboard?year=&scope= (this year, the subtree when absent). */
export const dashboardQuery = z.object({
  year: z.optional(yearText),
  scope: z.optional(z.enum(DASHBOARD_SCOPES)),
  /** The next page of `members.byChild` (an org with more children than one answer holds). */
  cursor: z.optional(cursorSchema),
});

/** GET /orgs/{orgId}/desk/dashboard/csv?table=&year=&scope= — one table as CSV (UTF-8 BOM, formula-safe). */
export const dashboardCsvQuery = z.object({
  table: z.enum(DASHBOARD_TABLES),
  year: z.optional(yearText),
  scope: z.optional(z.enum(DASHBOARD_SCOPES)),
});

export const JOIN_CHANNELS = ['invite', 'joint', 'transferIn'] as const;

export const dashboardSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  year: z.int().check(z.minimum(2000), z.maximum(LIMITS.maxYear)),
  scope: z.enum(DASHBOARD_SCOPES),
  members: z.object({
    /** Memberships ever begun in the scope (active, transferred out, left). */
    total: count,
    /** Active members now. */
    active: count,
    /** Joined in each month of the year, January first (12 entries, "2026-01"). */
    newByMonth: z.array(z.object({ month: z.string(), count })),
    byChannel: z.object({ invite: count, joint: count, transferIn: count }),
    /** Active members of each org one level down (subtree totals), with a cursor when there are more. */
    byChild: z.array(z.object({ orgId: z.string(), orgName: z.string(), active: count })),
    byChildNextCursor: z.nullable(z.string()),
  }),
  review: z.object({
    approved: count,
    rejected: count,
    /** Median hours from application to decision this year (null: no decision). */
    medianHoursToDecision: z.nullable(z.number()),
  }),
  benefits: z.array(
    z.object({
      benefitId: z.string(),
      name: z.string(),
      orgName: z.string(),
      /** The quota (null: none). */
      quota: z.nullable(count),
      approved: count,
      /** Paid in 元 (approved claims × the entry's amount; 0 without an amount). */
      amountYuan: z.number().check(z.minimum(0)),
      /** 免申即享 approvals and officer-reviewed approvals. */
      automatic: count,
      reviewed: count,
    }),
  ),
  congress: z.object({
    motions: z.array(
      z.object({
        motionId: z.string(),
        title: z.string(),
        orgName: z.string(),
        voted: count,
        eligible: count,
        turnout: z.number().check(z.minimum(0), z.maximum(1)),
      }),
    ),
    proposalsByStatus: z.array(z.object({ status: z.enum(PROPOSAL_STATUSES), count })),
    repliesOnTime: count,
    repliesLate: count,
  }),
  places: z.array(z.object({ kind: z.enum(PLACE_KINDS), count })),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
