import { createOrgRequest, DomainError, idSchema, inviteStatus, jointUnionsQuery, pageQuery } from '@union/shared';
import * as z from 'zod/mini';
import { randomId } from '../../platform/ids';
import { listInvites } from '../../store/invite.repository';
import { createOrg, getLineage, listChildrenPage } from '../../store/org.repository';
import { searchJointUnionsPage } from '../../store/org-search.repository';
import { registerStatuses } from '../error-map';
import { defineRoute } from '../route';

registerStatuses({ CURSOR_INVALID: 400, JOINT_QUERY_TOO_COMMON: 400 });

const orgParams = z.object({ orgId: idSchema });

export const orgRoutes = [
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}',
    access: 'public',
    params: orgParams,
    async handle({ params }) {
      const lineage = await getLineage(params.orgId);
      return { body: { org: lineage.at(-1), lineage } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/children',
    access: 'signedIn',
    params: orgParams,
    query: pageQuery,
    async handle({ params, query }) {
      const page = await listChildrenPage(params.orgId, query);
      return { body: { orgs: page.items, nextCursor: page.nextCursor } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/joint-unions',
    access: 'public',
    query: jointUnionsQuery,
    async handle({ query, now }) {
      const text = query.q ?? query.area;
      if (text === undefined) throw new DomainError('VALIDATION_FAILED', '请输入区域或工会名称中的字词', { field: 'q' });
      // A 联合工会 exists for workers whose employer has no union: its open invite (auto-approve
      // first) is public, so a worker can join from here without a poster.
      const page = await searchJointUnionsPage(text, query);
      const withInvites = await Promise.all(
        page.items.map(async (org) => {
          const open = (await listInvites(org.orgId))
            .filter((i) => inviteStatus(i, now) === 'active')
            .sort((a, b) => (a.mode === b.mode ? 0 : a.mode === 'auto' ? -1 : 1));
          return { ...org, openInviteId: open[0]?.inviteId ?? null };
        }),
      );
      return { body: { orgs: withInvites, nextCursor: page.nextCursor } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/orgs',
    access: ['officer'],
    body: createOrgRequest,
    async handle({ body, requireRoleOver }) {
      await requireRoleOver('officer', body.parentId);
      const org = await createOrg({
        orgId: `o${randomId(11)}`,
        name: body.name,
        kind: body.kind,
        parentId: body.parentId,
        area: body.area ?? null,
      });
      return { status: 201, body: { org } };
    },
  }),
];
