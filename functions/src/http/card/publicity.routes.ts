import {
  assertPublicityOpen,
  benefitIdSchema,
  benefitKeyOf,
  chinaDateOf,
  claimPeriodOf,
  DomainError,
  holdsRoleOver,
  idSchema,
  lineageOf,
  memberPublicityQuery,
  publicityEntries,
  publicityPeriodOf,
  publishPublicityRequest,
  type SessionClaims,
} from '@union/shared';
import type { PublicityView } from '@union/shared/contracts/card-responses.contract';
import * as z from 'zod/mini';
import { listClaimsOfOrgs } from '../../store/claim.repository';
import { getActiveMember } from '../../store/membership.repository';
import { requireOrg, subtreeOf } from '../../store/org.repository';
import { getPublicity, type PublicityRecord, pageOpenPublicity, putPublicity } from '../../store/publicity.repository';
import { registerStatuses } from '../error-map';
import { defineRoute } from '../route';
import { requireBenefit } from './claims.routes';
import { requireActiveMember } from './member-context';

registerStatuses({
  PUBLICITY_PERIOD_INVALID: 400,
  PUBLICITY_FORBIDDEN: 403,
  PUBLICITY_NOT_STARTED: 403,
  PUBLICITY_ENDED: 410,
  CURSOR_INVALID: 400,
});

/** A 公示 as members and officers read it: the masked list and its period (not who published it). */
const toPublicityView = (p: PublicityRecord): PublicityView => ({
  benefitId: p.benefitId,
  orgId: p.orgId,
  benefitName: p.benefitName,
  period: p.period,
  entries: p.entries.map((e) => ({ maskedName: e.maskedName, orgName: e.orgName, decidedAt: e.decidedAt })),
  publishedAt: p.publishedAt,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
});

/**
 * Who may read a 公示 of `orgId`: an officer over it (of the org or an ancestor), or an active
 * member of the org or of an org below it (from the store, not the session's grants). The org and
 * the caller's active membership (which carries its lineage) are read at once.
 */
const requirePublicityAudience = async (session: SessionClaims, orgId: string): Promise<void> => {
  const [org, member] = await Promise.all([requireOrg(orgId), getActiveMember(session.userId)]);
  if (holdsRoleOver(session, 'officer', lineageOf(org))) return;
  if (member?.lineage.some((o) => o.orgId === orgId)) return;
  throw new DomainError('PUBLICITY_FORBIDDEN', '该公示仅向本组织及下级组织的会员展示', { field: 'orgId' });
};

const publicityParams = z.object({ orgId: idSchema, benefitId: benefitIdSchema });

export const publicityRoutes = [
  defineRoute({
    method: 'POST',
    path: '/orgs/{orgId}/benefits/{benefitId}/publicity',
    access: ['officer'],
    params: publicityParams,
    body: publishPublicityRequest,
    async handle({ params, body, session, now, requireRoleOver }) {
      await requireRoleOver('officer', params.orgId);
      const shownFor = publicityPeriodOf(body, chinaDateOf(now.toISOString()));
      const benefit = await requireBenefit(params.benefitId);
      const period = claimPeriodOf(now);
      const key = benefitKeyOf(benefit);
      const approved = (await listClaimsOfOrgs(await subtreeOf(params.orgId), 'approved')).filter(
        (c) => c.benefitKey === key && c.period === period,
      );
      const record: PublicityRecord = {
        benefitId: benefit.benefitId,
        orgId: params.orgId,
        benefitName: benefit.name,
        period,
        entries: publicityEntries(approved.map((c) => ({ name: c.memberName, orgName: c.orgName, decidedAt: c.decidedAt ?? c.createdAt }))),
        publishedAt: now.toISOString(),
        publishedBy: session.userId,
        ...shownFor,
      };
      await putPublicity(record);
      return { status: 201, body: { publicity: toPublicityView(record) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/benefits/{benefitId}/publicity',
    // A 公示 of 大病 benefits is health information: only the publishing org's own people see it.
    access: ['member', 'officer'],
    params: publicityParams,
    async handle({ params, session, now }) {
      // One round trip: who may read it, and the 公示 itself (answered only to them).
      const [, record] = await Promise.all([requirePublicityAudience(session, params.orgId), getPublicity(params.benefitId, params.orgId)]);
      if (!record) throw new DomainError('PUBLICITY_NOT_FOUND', '该项福利尚未公示', { field: 'benefitId' });
      assertPublicityOpen(record, chinaDateOf(now.toISOString()));
      return { body: { publicity: toPublicityView(record) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/publicity',
    // The 公示 the member's own unions published (their org and every org above it), on show today.
    access: ['member'],
    query: memberPublicityQuery,
    async handle({ session, query, now }) {
      // Two round trips: the membership (with its lineage, from the store, not the token), then each
      // lineage org's 公示 at once. A member elsewhere never reads another subtree's.
      const { lineage } = await requireActiveMember(session.userId);
      const names = new Map(lineage.map((o) => [o.orgId, o.name]));
      const page = await pageOpenPublicity(
        lineage.map((o) => o.orgId),
        chinaDateOf(now.toISOString()),
        query,
      );
      return {
        body: {
          publicity: page.items.map((p) => ({ ...toPublicityView(p), orgName: names.get(p.orgId) ?? p.orgId })),
          nextCursor: page.nextCursor,
        },
      };
    },
  }),
];
