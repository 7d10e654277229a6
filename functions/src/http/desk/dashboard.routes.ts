import { dashboardCsvQuery, dashboardQuery, deskParams } from '@union/shared/contracts/desk.contract';
import { deskYearOf } from '@union/shared/domain/desk/counters';
import { dashboardCsv, dashboardCsvFilenames } from '@union/shared/domain/desk/csv';
import { requireOrg } from '../../store/org.repository';
import { registerStatuses } from '../error-map';
import { readAhead } from '../read-ahead';
import { defineRoute } from '../route';
import { readDashboard } from './dashboard.service';

registerStatuses({ CURSOR_INVALID: 400 });

/** The dashboard an officer of the org (or above) asked for: this Beijing year and the subtree unless said. */
const dashboardFor = async (
  orgId: string,
  query: { year?: number | undefined; scope?: 'org' | 'subtree' | undefined; cursor?: string | undefined },
  now: Date,
  requireRoleOver: (role: 'officer', orgId: string) => Promise<unknown>,
) => {
  const org = readAhead(requireOrg(orgId));
  await requireRoleOver('officer', orgId);
  return readDashboard(await org, { year: query.year ?? deskYearOf(now), scope: query.scope ?? 'subtree', cursor: query.cursor });
};

/**
 * 数据看板 (issue 13): the org's or its subtree's figures for a year, and each table as CSV. Officers of
 * the org or above. A year with no data answers zeros. docs/ARCHITECTURE.md "Dashboard".
 */
export const dashboardRoutes = [
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/desk/dashboard',
    access: ['officer'],
    params: deskParams,
    query: dashboardQuery,
    async handle({ params, query, now, requireRoleOver }) {
      return { body: await dashboardFor(params.orgId, query, now, requireRoleOver) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/desk/dashboard/csv',
    access: ['officer'],
    params: deskParams,
    query: dashboardCsvQuery,
    async handle({ params, query, now, requireRoleOver }) {
      const d = await dashboardFor(params.orgId, query, now, requireRoleOver);
      const names = dashboardCsvFilenames(d, query.table);
      return {
        text: { contentType: 'text/csv; charset=utf-8', data: dashboardCsv(d, query.table) },
        headers: {
          'content-disposition': `attachment; filename="${names.ascii}"; filename*=UTF-8''${encodeURIComponent(names.chinese)}`,
        },
      };
    },
  }),
];
