import { idSchema } from '@union/shared';
import * as z from 'zod/mini';
import { oldestWaiting, readNowCounters, subtreeLevels, sumCounters, WAITING_QUEUES } from '../../store/desk-waiting';
import { requireOrg } from '../../store/org.repository';
import { defineRoute } from '../route';

// The params of desk.contract.ts (`deskParams`), built here: importing that file would build the
// dashboard's answer schemas at every cold start of this function.
const deskParams = z.object({ orgId: idSchema });

export const deskRoutes = [
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/desk/waiting',
    access: ['officer'],
    params: deskParams,
    /**
     * 待办 of the org's subtree: the NOW counters of every org (kept by the transactions that change the
     * state) summed, and for the queues with items the oldest one (docs/ARCHITECTURE.md, Desk counters).
     */
    async handle({ params, requireRoleOver }) {
      const [org] = await Promise.all([requireOrg(params.orgId), requireRoleOver('officer', params.orgId)]);
      const orgs = await subtreeLevels(org);
      const byOrg = await readNowCounters(orgs.map((o) => o.orgId));
      const sum = sumCounters(byOrg.values());
      const count = (name: string) => Math.max(0, sum[name] ?? 0);
      const [applications, transfers, claims] = await Promise.all(
        [WAITING_QUEUES.applications, WAITING_QUEUES.transfers, WAITING_QUEUES.claims].map((q) => oldestWaiting(q, byOrg)),
      );
      return {
        body: {
          orgId: org.orgId,
          orgName: org.name,
          orgCount: orgs.length,
          applications: { count: count('waiting:applications'), oldestAt: applications ?? null },
          transfers: { count: count('waiting:transfers'), oldestAt: transfers ?? null },
          claims: { count: count('waiting:claims'), oldestAt: claims ?? null },
          // 提案 have no queue by org and status to read the oldest from: the count only.
          proposals: { count: count('waiting:proposals'), oldestAt: null },
          repliesOverdue: count('overdue:replies'),
          motionsOpen: count('open:motions'),
          suggestions: count('waiting:suggestions'),
        },
      };
    },
  }),
];
