import {
  assertPublicityOpen,
  benefitIdSchema,
  benefitKeyOf,
  CLAIM_STATUS_LABELS,
  type ClaimView,
  chinaDateOf,
  claimPeriodOf,
  claimStatusQuery,
  createClaimRequest,
  DomainError,
  holdsRoleOver,
  idSchema,
  initialClaimStatus,
  judgeClaim,
  lineageOf,
  nextClaimStatus,
  type OfficerClaimView,
  parseClaimFacts,
  publicityEntries,
  publicityPeriodOf,
  publishPublicityRequest,
  rejectClaimRequest,
  type SessionClaims,
} from '@union/shared';
import * as z from 'zod/mini';
import { randomId } from '../../platform/ids';
import { getBenefit, getLatestCatalog, type PublishedBenefit } from '../../store/catalog.repository';
import {
  approveClaim,
  type ClaimRecord,
  getPublicity,
  listClaimsOfOrgs,
  listClaimsOfUser,
  putPublicity,
  rejectClaim,
  requireClaim,
  submitClaim,
} from '../../store/claim.repository';
import { getActiveMembershipByUser } from '../../store/membership.repository';
import { getLineage, requireOrg } from '../../store/org.repository';
import { registerStatuses } from '../error-map';
import { defineRoute } from '../route';
import { loadMemberContext, subtreeOf } from './member-context';

registerStatuses({
  PUBLICITY_PERIOD_INVALID: 400,
  PUBLICITY_FORBIDDEN: 403,
  PUBLICITY_NOT_STARTED: 403,
  PUBLICITY_ENDED: 410,
});

const toView = (c: ClaimRecord): ClaimView => ({
  claimId: c.claimId,
  benefitId: c.benefitId,
  benefitName: c.benefitName,
  benefitVersion: c.benefitVersion,
  orgId: c.orgId,
  period: c.period,
  status: c.status,
  statusText: CLAIM_STATUS_LABELS[c.status],
  facts: c.facts,
  reasons: c.reasons,
  rejectionReason: c.rejectionReason,
  createdAt: c.createdAt,
  decidedAt: c.decidedAt,
});

/** Officers see who claimed (name and number, to check the claim); never 身份证号 or phone. */
const toOfficerView = (c: ClaimRecord): OfficerClaimView => ({
  ...toView(c),
  memberName: c.memberName,
  memberNumber: c.memberNumber,
  orgName: c.orgName,
});

const requireBenefit = async (benefitId: string): Promise<PublishedBenefit> => {
  const benefit = await getBenefit(benefitId);
  if (!benefit) throw new DomainError('BENEFIT_NOT_FOUND', '福利项目不存在', { field: 'benefitId' });
  return benefit;
};

const quotaTotalOf = (b: PublishedBenefit): number | null => b.benefit.quota?.count ?? null;

/**
 * Who may read a 公示 of `orgId`: an officer over it (of the org or an ancestor), or an active
 * member of the org or of an org below it (from the store, not the session's grants).
 */
const requirePublicityAudience = async (session: SessionClaims, orgId: string): Promise<void> => {
  const org = await requireOrg(orgId);
  if (holdsRoleOver(session, 'officer', lineageOf(org))) return;
  const membership = await getActiveMembershipByUser(session.userId);
  if (membership && (await getLineage(membership.orgId)).some((o) => o.orgId === orgId)) return;
  throw new DomainError('PUBLICITY_FORBIDDEN', '该公示仅向本组织及下级组织的会员展示', { field: 'orgId' });
};

const claimParams = z.object({ claimId: idSchema });
const publicityParams = z.object({ orgId: idSchema, benefitId: benefitIdSchema });

export const claimRoutes = [
  defineRoute({
    method: 'POST',
    path: '/me/claims',
    access: ['member'],
    body: createClaimRequest,
    async handle({ body, session, now }) {
      const { membership, lineage, org, facts } = await loadMemberContext(session.userId, now);
      const benefit = await requireBenefit(body.benefitId);
      // Only benefits of the member's own lineage, and only as the latest version publishes them.
      if (!lineage.some((o) => o.orgId === benefit.orgId)) {
        throw new DomainError('BENEFIT_NOT_FOUND', '该福利项目不适用于您所在的工会', { field: 'benefitId' });
      }
      const latest = await getLatestCatalog(benefit.orgId);
      if (latest && latest.version !== benefit.version) {
        throw new DomainError('BENEFIT_SUPERSEDED', '服务目录已更新，请刷新后按最新目录申领', { field: 'benefitId' });
      }
      const period = claimPeriodOf(now);
      const claimFacts = parseClaimFacts(benefit.eligibility, body.facts);
      const decision = judgeClaim(benefit.eligibility, facts, claimFacts, Number(period));
      const status = initialClaimStatus(benefit.claimMode);
      const createdAt = now.toISOString();
      const claim: ClaimRecord = {
        claimId: `c${randomId(15)}`,
        userId: session.userId,
        memberName: membership.name,
        memberNumber: membership.memberNumber,
        orgId: org.orgId,
        orgName: org.name,
        benefitId: benefit.benefitId,
        benefitKey: benefitKeyOf(benefit),
        benefitVersion: benefit.version,
        benefitName: benefit.name,
        benefitOrgId: benefit.orgId,
        period,
        status,
        facts: claimFacts as Record<string, number | boolean | string>,
        reasons: decision.reasons,
        rejectionReason: null,
        createdAt,
        decidedAt: status === 'approved' ? createdAt : null,
        decidedBy: status === 'approved' ? 'automatic' : null,
        automatic: status === 'approved',
      };
      await submitClaim(claim, quotaTotalOf(benefit));
      return { status: 201, body: { claim: toView(claim) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/claims',
    access: ['member'],
    async handle({ session }) {
      return { body: { claims: (await listClaimsOfUser(session.userId)).map(toView) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/claims',
    access: ['officer'],
    params: z.object({ orgId: idSchema }),
    query: claimStatusQuery,
    async handle({ params, query, requireRoleOver }) {
      await requireRoleOver('officer', params.orgId);
      const claims = await listClaimsOfOrgs(await subtreeOf(params.orgId), query.status ?? 'pending');
      return { body: { claims: claims.map(toOfficerView) } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/claims/{claimId}/approve',
    access: ['officer'],
    params: claimParams,
    async handle({ params, session, now, requireRoleOver }) {
      const claim = await requireClaim(params.claimId);
      await requireRoleOver('officer', claim.orgId);
      nextClaimStatus(claim.status, 'approve');
      const benefit = await requireBenefit(claim.benefitId);
      const approved = await approveClaim(claim, session.userId, now, quotaTotalOf(benefit));
      return { body: { claim: toOfficerView(approved) } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/claims/{claimId}/reject',
    access: ['officer'],
    params: claimParams,
    body: rejectClaimRequest,
    async handle({ params, body, session, now, requireRoleOver }) {
      const claim = await requireClaim(params.claimId);
      await requireRoleOver('officer', claim.orgId);
      nextClaimStatus(claim.status, 'reject');
      const rejected = await rejectClaim(claim, body.reason, session.userId, now);
      return { body: { claim: toOfficerView(rejected) } };
    },
  }),
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
      const record = {
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
      return { status: 201, body: { publicity: record } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/benefits/{benefitId}/publicity',
    // A 公示 of 大病 benefits is health information: only the publishing org's own people see it.
    access: ['member', 'officer'],
    params: publicityParams,
    async handle({ params, session, now }) {
      await requirePublicityAudience(session, params.orgId);
      const record = await getPublicity(params.benefitId, params.orgId);
      if (!record) throw new DomainError('PUBLICITY_NOT_FOUND', '该项福利尚未公示', { field: 'benefitId' });
      assertPublicityOpen(record, chinaDateOf(now.toISOString()));
      return { body: { publicity: record } };
    },
  }),
];
