import type { Dashboard, DashboardTable } from '../../contracts/desk.contract';
import { JOIN_CHANNELS } from '../../contracts/desk.contract';
import { PLACE_KINDS, type PlaceKind } from '../card/places';
import { PROPOSAL_STATUSES } from '../congress/proposal';
import { counterOf, type DeskCounters, medianHoursOf, monthsOf, nonNegative, turnoutOf, yuan } from './counters';

/** A catalog entry of the org's catalog for the year, as the benefits table needs it. */
export interface DashboardBenefitEntry {
  benefitId: string;
  /** `benefitKeyOf` of the entry: the publisher's counters are named by it. */
  benefitKey: string;
  name: string;
  orgName: string;
  quota: number | null;
}

/** A closed motion of the scope's sessions in the year: ballots cast of all delegates. */
export interface DashboardMotion {
  motionId: string;
  title: string;
  /** The org whose 职代会 voted it (a union below, in a subtree's list). */
  orgName: string;
  voted: number;
  eligible: number;
  /** When it closed: the order of the list (not shown). */
  closedAt?: string;
}

export interface DashboardInput {
  orgId: string;
  orgName: string;
  year: number;
  scope: Dashboard['scope'];
  /** The NOW items of the scope, summed. */
  now: DeskCounters;
  /** The YEAR#<year> items of the scope, summed. */
  yearCounters: DeskCounters;
  byChild: Dashboard['members']['byChild'];
  byChildNextCursor: string | null;
  benefits: readonly DashboardBenefitEntry[];
  motions: readonly DashboardMotion[];
  /** The kind of each of the org's open places. */
  placeKinds: readonly PlaceKind[];
}

/** The dashboard answer from what was read: every number from the summed counters or the items read. */
export const buildDashboard = (input: DashboardInput): Dashboard => {
  const y = input.yearCounters;
  const joined = (mm: string, channel: string) => nonNegative(counterOf(y, `joined:${mm}:${channel}`));
  const months = monthsOf(input.year);
  return {
    orgId: input.orgId,
    orgName: input.orgName,
    year: input.year,
    scope: input.scope,
    members: {
      total: nonNegative(counterOf(input.now, 'members:total')),
      active: nonNegative(counterOf(input.now, 'members:active')),
      newByMonth: months.map((month) => ({
        month,
        count: JOIN_CHANNELS.reduce((t, ch) => t + joined(month.slice(5), ch), 0),
      })),
      byChannel: {
        invite: months.reduce((t, m) => t + joined(m.slice(5), 'invite'), 0),
        joint: months.reduce((t, m) => t + joined(m.slice(5), 'joint'), 0),
        transferIn: months.reduce((t, m) => t + joined(m.slice(5), 'transferIn'), 0),
      },
      byChild: input.byChild,
      byChildNextCursor: input.byChildNextCursor,
    },
    review: {
      approved: nonNegative(counterOf(y, 'review:approved')),
      rejected: nonNegative(counterOf(y, 'review:rejected')),
      medianHoursToDecision: medianHoursOf(y),
    },
    benefits: input.benefits.map((b) => {
      const automatic = nonNegative(counterOf(y, `claims:auto:${b.benefitKey}`));
      const reviewed = nonNegative(counterOf(y, `claims:reviewed:${b.benefitKey}`));
      return {
        benefitId: b.benefitId,
        name: b.name,
        orgName: b.orgName,
        quota: b.quota,
        approved: automatic + reviewed,
        amountYuan: yuan(counterOf(y, `paid:${b.benefitKey}`)),
        automatic,
        reviewed,
      };
    }),
    congress: {
      motions: input.motions.map((m) => ({
        motionId: m.motionId,
        title: m.title,
        orgName: m.orgName,
        voted: nonNegative(m.voted),
        eligible: nonNegative(m.eligible),
        turnout: turnoutOf(m.voted, m.eligible),
      })),
      proposalsByStatus: PROPOSAL_STATUSES.map((status) => ({ status, count: nonNegative(counterOf(y, `proposals:${status}`)) })),
      repliesOnTime: nonNegative(counterOf(y, 'replies:onTime')),
      repliesLate: nonNegative(counterOf(y, 'replies:late')),
    },
    places: PLACE_KINDS.map((kind) => ({ kind, count: input.placeKinds.filter((k) => k === kind).length })),
  };
};

export const DASHBOARD_TABLE_LABELS: Record<DashboardTable, string> = {
  members: '会员',
  review: '入会审核',
  benefits: '服务项目',
  congress: '职代会',
  places: '阵地',
};
