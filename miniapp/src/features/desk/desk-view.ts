import type { Dashboard, DeskWaiting } from '@union/shared/contracts/desk.contract';
import { PROPOSAL_STATUS_LABELS } from '@union/shared/domain/congress/proposal';

/**
 * Pure view logic of the officer's desk (issue 13): the 待办 tiles from `GET /orgs/{orgId}/desk/waiting`,
 * the chart series and table rows from `GET /orgs/{orgId}/desk/dashboard`. No Taro, no requests: unit-tested.
 */

const HOUR = 3_600_000;

/** "等待最久 3 天" / "等待最久 5 小时" / "等待最久 不到 1 小时"; '' when nothing waits. */
export const waitingText = (oldestAt: string | null, now: number): string => {
  if (!oldestAt) return '';
  const at = Date.parse(oldestAt);
  if (Number.isNaN(at)) return '';
  const hours = Math.floor(Math.max(0, now - at) / HOUR);
  if (hours < 1) return '等待最久 不到 1 小时';
  if (hours < 24) return `等待最久 ${hours} 小时`;
  return `等待最久 ${Math.floor(hours / 24)} 天`;
};

export interface DeskTile {
  key: string;
  title: string;
  count: number;
  /** The oldest waiting time, or a note; '' for none. */
  note: string;
  /** The officer page that holds the queue. */
  url: string;
}

type Queue = DeskWaiting['applications'];

/** Where a queue's items are: the org holding them, or the first of several ("临江精密…工会等 3 个工会"). */
export const holdingText = (q: Queue): string => {
  const first = q.orgs[0];
  if (!first) return '';
  return q.orgsHolding > 1 ? `${first.orgName}等 ${q.orgsHolding} 个工会` : first.orgName;
};

const joinNotes = (...notes: string[]) => notes.filter(Boolean).join(' · ');

/** A queue page opened at the org holding most of the queue's items (the page's own org picker otherwise). */
const at = (page: string, q: Queue, param = 'orgId'): string => {
  const first = q.orgs[0];
  return first ? `${page}?${param}=${encodeURIComponent(first.orgId)}` : page;
};

/** The 待办 tiles, in the order an officer works them; each opens its queue. */
export const deskTiles = (w: DeskWaiting, now: number): DeskTile[] => {
  const congress = `/officer/pages/congress/index?org=${encodeURIComponent(w.orgId)}`;
  const queueTile = (key: 'applications' | 'transfers' | 'claims' | 'proposals', title: string, url: string): DeskTile => ({
    key,
    title,
    count: w[key].count,
    note: joinNotes(waitingText(w[key].oldestAt, now), holdingText(w[key])),
    url,
  });
  return [
    queueTile('applications', '入会申请待审核', at('/officer/pages/review/index', w.applications)),
    queueTile('transfers', '会籍转入待审核', at('/officer/pages/review/index', w.transfers)),
    // The claims page lists the officer's org and its whole subtree.
    queueTile('claims', '福利申领待审核', '/officer/pages/claims/index'),
    queueTile('proposals', '提案待审查', w.proposals.orgs[0] ? at('/officer/pages/congress/index', w.proposals, 'org') : congress),
    { key: 'repliesOverdue', title: '提案答复已逾期', count: w.repliesOverdue, note: '', url: congress },
    { key: 'motionsOpen', title: '表决进行中', count: w.motionsOpen, note: '', url: congress },
    { key: 'suggestions', title: '实事建议待处理', count: w.suggestions, note: '', url: '/officer/pages/projects/index' },
  ];
};

/** A chart's data: one label per point, one or more named series of the same length. */
export interface ChartData {
  categories: string[];
  series: Array<{ name: string; data: number[] }>;
}

export const JOIN_CHANNEL_LABELS = { invite: '扫码入会', joint: '联合工会', transferIn: '会籍转入' } as const;

/** New members per month ("1月" … "12月"). */
export const newMembersChart = (d: Dashboard): ChartData => ({
  categories: d.members.newByMonth.map((m) => `${Number(m.month.slice(5, 7))}月`),
  series: [{ name: '新入会', data: d.members.newByMonth.map((m) => m.count) }],
});

/** New members of the year by channel. */
export const channelChart = (d: Dashboard): ChartData => ({
  categories: Object.values(JOIN_CHANNEL_LABELS),
  series: [
    {
      name: '入会人数',
      data: (Object.keys(JOIN_CHANNEL_LABELS) as Array<keyof typeof JOIN_CHANNEL_LABELS>).map((c) => d.members.byChannel[c]),
    },
  ],
});

/** Approved claims per benefit entry, automatic (免申即享) and reviewed stacked. */
export const benefitsChart = (d: Dashboard): ChartData => ({
  categories: d.benefits.map((b) => b.name),
  series: [
    { name: '免申即享', data: d.benefits.map((b) => b.automatic) },
    { name: '审核', data: d.benefits.map((b) => b.reviewed) },
  ],
});

/** A motion's name in the dashboard: its union beside it when it is one below the chosen org. */
export const motionLabel = (d: Pick<Dashboard, 'orgName'>, m: Dashboard['congress']['motions'][number]): string =>
  m.orgName === d.orgName ? m.title : `${m.title}（${m.orgName}）`;

/** Turnout per closed motion, in percent (one decimal). */
export const turnoutChart = (d: Dashboard): ChartData => ({
  categories: d.congress.motions.map((m) => motionLabel(d, m)),
  series: [{ name: '投票率（%）', data: d.congress.motions.map((m) => Math.round(m.turnout * 1000) / 10) }],
});

/** "≤ 24 小时" (the median read from the histogram is its bucket's upper bound), or "—" without a decision. */
export const medianText = (hours: number | null): string => (hours === null ? '—' : hours >= 99999 ? '超过 720 小时' : `≤ ${hours} 小时`);

/** "83.3%" or "—". */
export const percentText = (part: number, whole: number): string => (whole > 0 ? `${Math.round((part / whole) * 1000) / 10}%` : '—');

/** 元 with two decimals at most: 1200 → "1,200", 12.5 → "12.5". */
export const yuanText = (yuan: number): string => yuan.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** Proposals by status, in the contract's order, with their Chinese labels; statuses with none left out. */
export const proposalRows = (d: Dashboard): Array<{ status: string; label: string; count: number }> =>
  d.congress.proposalsByStatus
    .filter((p) => p.count > 0)
    .map((p) => ({ status: p.status, label: PROPOSAL_STATUS_LABELS[p.status], count: p.count }));

/** Years an officer can pick: this one and the four before it (Beijing time). */
export const pickableYears = (now: number): number[] => {
  const y = new Date(now + 8 * HOUR).getUTCFullYear();
  return [y, y - 1, y - 2, y - 3, y - 4];
};

/** A month of a year for the 月报: its new members and the year's figures to date. */
export const monthOf = (d: Dashboard, month: number): { label: string; joined: number; joinedToDate: number } => {
  const upTo = d.members.newByMonth.slice(0, month);
  return {
    label: `${d.year}年${month}月`,
    joined: d.members.newByMonth[month - 1]?.count ?? 0,
    joinedToDate: upTo.reduce((n, m) => n + m.count, 0),
  };
};
