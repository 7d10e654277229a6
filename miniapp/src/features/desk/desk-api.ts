import type { Dashboard, DashboardTable, DeskWaiting } from '@union/shared/contracts/desk.contract';
import { ApiError, api } from '../../lib/api';
import { downloadCsv } from '../../lib/csv-download';

const enc = encodeURIComponent;
export type DashboardScope = 'org' | 'subtree';

/** The officer's desk (issue 13): 待办 and 数据看板 of an org and its subtree. */
export const deskApi = {
  waiting: (orgId: string) => api.get<DeskWaiting>(`/orgs/${enc(orgId)}/desk/waiting`),
  dashboard: (orgId: string, year: number, scope: DashboardScope) =>
    api.get<Dashboard>(`/orgs/${enc(orgId)}/desk/dashboard?year=${year}&scope=${scope}`),
};

export const DASHBOARD_TABLE_LABELS: Record<DashboardTable, string> = {
  members: '会员',
  review: '入会审核',
  benefits: '福利',
  congress: '职代会',
  places: '阵地',
};

/** One dashboard table as CSV (UTF-8 BOM, from the API): downloaded in the browser, the document viewer in WeChat. */
export const downloadDashboardCsv = (orgId: string, table: DashboardTable, year: number, scope: DashboardScope, title: string) =>
  downloadCsv(`/orgs/${enc(orgId)}/desk/dashboard/csv?table=${table}&year=${year}&scope=${scope}`, `${title}.csv`);

/** Chinese text for an error: the server's message names the field. */
export const deskErrorText = (e: unknown): string => (e instanceof ApiError ? e.message : '加载失败，请稍后再试');
