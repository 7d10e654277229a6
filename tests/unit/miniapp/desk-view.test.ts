import { type Dashboard, type DeskWaiting, dashboardSchema, deskWaitingSchema } from '@union/shared/contracts/desk.contract';
import { describe, expect, it } from 'vitest';
import {
  benefitsChart,
  channelChart,
  deskTiles,
  medianText,
  monthOf,
  newMembersChart,
  percentText,
  pickableYears,
  proposalRows,
  turnoutChart,
  waitingText,
} from '../../../miniapp/src/features/desk/desk-view';
import { appConfig, declaredPages } from '../../support/app-config';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const ago = (hours: number) => new Date(NOW - hours * 3_600_000).toISOString();

const waiting: DeskWaiting = deskWaitingSchema.parse({
  orgId: 'org-d',
  orgName: '某区总工会',
  orgCount: 3,
  applications: {
    count: 12,
    oldestAt: ago(3 * 24 + 5),
    orgs: [
      { orgId: 'u-7', orgName: '某厂工会', count: 9 },
      { orgId: 'u-2', orgName: '某店工会', count: 3 },
    ],
    orgsHolding: 2,
  },
  transfers: { count: 1, oldestAt: ago(5.5), orgs: [{ orgId: 'u 2', orgName: '某店工会', count: 1 }], orgsHolding: 1 },
  claims: { count: 0, oldestAt: null, orgs: [], orgsHolding: 0 },
  proposals: { count: 2, oldestAt: ago(0.2), orgs: [{ orgId: 'org-d', orgName: '某区总工会', count: 2 }], orgsHolding: 1 },
  repliesOverdue: 4,
  motionsOpen: 1,
  suggestions: 7,
});

const dashboard: Dashboard = dashboardSchema.parse({
  orgId: 'org-d',
  orgName: '某区总工会',
  year: 2026,
  scope: 'subtree',
  members: {
    total: 30,
    active: 25,
    newByMonth: Array.from({ length: 12 }, (_, i) => ({
      month: `2026-${String(i + 1).padStart(2, '0')}`,
      count: i === 2 ? 5 : i === 10 ? 3 : 0,
    })),
    byChannel: { invite: 6, joint: 1, transferIn: 1 },
    byChild: [],
    byChildNextCursor: null,
  },
  review: { approved: 8, rejected: 2, medianHoursToDecision: 24 },
  benefits: [
    { benefitId: 'b1', name: '生日慰问', orgName: '某区总工会', quota: 100, approved: 9, amountYuan: 1800, automatic: 6, reviewed: 3 },
    { benefitId: 'b2', name: '困难帮扶', orgName: '某区总工会', quota: null, approved: 2, amountYuan: 0, automatic: 0, reviewed: 2 },
  ],
  congress: {
    motions: [
      { motionId: 'm1', title: '表决一', orgName: '某区总工会', voted: 45, eligible: 60, turnout: 0.75 },
      { motionId: 'm2', title: '表决二', orgName: '某厂工会', voted: 9, eligible: 10, turnout: 0.9 },
    ],
    proposalsByStatus: [
      { status: 'review', count: 2 },
      { status: 'accepted', count: 0 },
      { status: 'replied', count: 3 },
    ],
    repliesOnTime: 3,
    repliesLate: 1,
  },
  places: [{ kind: '职工书屋', count: 2 }],
});

describe('the 等待 text', () => {
  it('says days from a day on, hours below, and nothing when none waits', () => {
    expect(waitingText(ago(3 * 24 + 5), NOW)).toBe('等待最久 3 天');
    expect(waitingText(ago(24), NOW)).toBe('等待最久 1 天');
    expect(waitingText(ago(23.9), NOW)).toBe('等待最久 23 小时');
    expect(waitingText(ago(0.5), NOW)).toBe('等待最久 不到 1 小时');
    expect(waitingText(null, NOW)).toBe('');
    expect(waitingText('not a time', NOW)).toBe('');
    // A clock a little behind the server's never says a negative time.
    expect(waitingText(ago(-1), NOW)).toBe('等待最久 不到 1 小时');
  });
});

describe('the 待办 tiles', () => {
  it('one per queue with its count and oldest wait, each opening a declared officer page', () => {
    const tiles = deskTiles(waiting, NOW);
    expect(tiles.map((t) => [t.key, t.count, t.note])).toEqual([
      ['applications', 12, '等待最久 3 天 · 某厂工会等 2 个工会'],
      ['transfers', 1, '等待最久 5 小时 · 某店工会'],
      ['claims', 0, ''],
      ['proposals', 2, '等待最久 不到 1 小时 · 某区总工会'],
      ['repliesOverdue', 4, ''],
      ['motionsOpen', 1, ''],
      ['suggestions', 7, ''],
    ]);
    const { sub } = declaredPages(appConfig());
    for (const t of tiles) expect(sub, t.url).toContain(t.url.slice(1).split('?')[0]);
    expect(tiles.find((t) => t.key === 'proposals')?.url).toBe('/officer/pages/congress/index?org=org-d');
    // A count opens the queue of the org holding most of it (its id encoded); none waiting: the page alone.
    expect(tiles.find((t) => t.key === 'applications')?.url).toBe('/officer/pages/review/index?orgId=u-7');
    expect(tiles.find((t) => t.key === 'transfers')?.url).toBe('/officer/pages/review/index?orgId=u%202');
    expect(tiles.find((t) => t.key === 'claims')?.url).toBe('/officer/pages/claims/index');
  });
});

describe('chart series from the dashboard answer', () => {
  it('new members per month: twelve labelled months in order', () => {
    const c = newMembersChart(dashboard);
    expect(c.categories).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']);
    expect(c.series).toEqual([{ name: '新入会', data: [0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 3, 0] }]);
  });
  it('by channel, benefits stacked, turnout in percent', () => {
    expect(channelChart(dashboard)).toEqual({
      categories: ['扫码入会', '联合工会', '会籍转入'],
      series: [{ name: '入会人数', data: [6, 1, 1] }],
    });
    expect(benefitsChart(dashboard)).toEqual({
      categories: ['生日慰问', '困难帮扶'],
      series: [
        { name: '免申即享', data: [6, 0] },
        { name: '审核', data: [3, 2] },
      ],
    });
    // A union's motion in a district's list names the union.
    expect(turnoutChart(dashboard)).toEqual({
      categories: ['表决一', '表决二（某厂工会）'],
      series: [{ name: '投票率（%）', data: [75, 90] }],
    });
  });
  it('proposals by status with labels, empty statuses left out', () => {
    expect(proposalRows(dashboard)).toEqual([
      { status: 'review', label: '待审查', count: 2 },
      { status: 'replied', label: '已答复', count: 3 },
    ]);
  });
});

describe('figures as text', () => {
  it('median as its bucket bound, percentages, years, the month of a 月报', () => {
    expect(medianText(24)).toBe('≤ 24 小时');
    expect(medianText(null)).toBe('—');
    expect(medianText(99999)).toBe('超过 720 小时');
    expect(percentText(3, 4)).toBe('75%');
    expect(percentText(1, 3)).toBe('33.3%');
    expect(percentText(0, 0)).toBe('—');
    expect(pickableYears(Date.parse('2026-12-31T17:00:00Z'))).toEqual([2027, 2026, 2025, 2024, 2023]);
    expect(monthOf(dashboard, 11)).toEqual({ label: '2026年11月', joined: 3, joinedToDate: 8 });
    expect(monthOf(dashboard, 2)).toEqual({ label: '2026年2月', joined: 0, joinedToDate: 0 });
  });
});
