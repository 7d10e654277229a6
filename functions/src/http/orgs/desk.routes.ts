import { idSchema } from '@union/shared';
import { WAITING_ORGS_SHOWN } from '@union/shared/domain/desk/counters';
import * as z from 'zod/mini';
import { holdingOrgs, oldestWaiting, readNowCounters, subtreeLevels, sumCounters, WAITING_QUEUES } from '../../store/desk-waiting';
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
      const queue = (name: string, oldestAt: string | null) => ({
        count: count(name),
        oldestAt,
        ...holdingOrgs(name, byOrg, orgs, WAITING_ORGS_SHOWN),
      });
      const [applications, transfers, claims] = await Promise.all(
        [WAITING_QUEUES.applications, WAITING_QUEUES.transfers, WAITING_QUEUES.claims].map((q) => oldestWaiting(q, byOrg)),
      );
      return {
        body: {
          orgId: org.orgId,
          orgName: org.name,
          orgCount: orgs.length,
          applications: queue('waiting:applications', applications ?? null),
          transfers: queue('waiting:transfers', transfers ?? null),
          claims: queue('waiting:claims', claims ?? null),
          // 提案 have no queue by org and status to read the oldest from: the count and where.
          proposals: queue('waiting:proposals', null),
          repliesOverdue: count('overdue:replies'),
          motionsOpen: count('open:motions'),
          suggestions: count('waiting:suggestions'),
        },
      };
    },
  }),
];
