import {
  assertBenefitInPeriod,
  benefitKeyOf,
  benefitSpanOf,
  CLAIM_STATUS_LABELS,
  type ClaimDecisionScope,
  type ClaimView,
  chinaDateOf,
  claimDelegationsQuery,
  claimPeriodOf,
  claimStatusQuery,
  createClaimRequest,
  DomainError,
  idSchema,
  initialClaimState,
  judgeClaim,
  lineageOf,
  mayDecideClaim,
  myClaimsQuery,
  nextClaimStatus,
  type OfficerClaimView,
  parseClaimFacts,
  refuseDelegationTarget,
  refuseOwnClaim,
  rejectClaimRequest,
  requireBenefitPower,
  type SessionClaims,
} from '@union/shared';
import { parseBenefitId } from '@union/shared/domain/catalog-publish/publish';
import { NOTIFICATION_PAGES } from '@union/shared/domain/notifications/index';
import * as z from 'zod/mini';
import { randomId } from '../../platform/ids';
import { getBenefit, type PublishedBenefit } from '../../store/catalog.repository';
import {
  approveClaim,
  type ClaimRecord,
  claimQueue,
  listClaimsOfUserPage,
  rejectClaim,
  requireClaim,
  submitClaim,
} from '../../store/claim.repository';
import { deleteDelegation, findDelegations, listDelegationsPage, putDelegation } from '../../store/claim-delegation.repository';
import { requireOrg } from '../../store/org.repository';
import { notificationTxs } from '../../store/outbox';
import { pageSubtreeQueue } from '../../store/subtree-page';
import { registerStatuses } from '../error-map';
import { defineRoute } from '../route';
import { loadClaimContext } from './member-context';

registerStatuses({
  CLAIM_SELF_FORBIDDEN: 403,
  CLAIM_BENEFIT_FORBIDDEN: 403,
  DELEGATE_ORG_INVALID: 400,
  CURSOR_INVALID: 400,
});

registerStatuses({
  BENEFIT_ENDED: 409,
  BENEFIT_NOT_STARTED: 409,
  ALREADY_SERVED: 409,
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
  reviewReason: c.reviewReason,
  createdAt: c.createdAt,
  decidedAt: c.decidedAt,
});

/** Officers see who claimed (name and number, to check the claim); never 身份证号 or phone. */
const toOfficerView = (c: ClaimRecord, decidable: boolean): OfficerClaimView => ({
  ...toView(c),
  memberName: c.memberName,
  memberNumber: c.memberNumber,
  orgName: c.orgName,
  decidable,
});

/**
 * Who may decide a claim: the claimant's lineage, the benefit's publisher, and the orgs between
 * them the publisher delegated review to. Cached per request by (claimant org, publisher).
 */
const scopeReader = () => {
  const cache = new Map<string, Promise<ClaimDecisionScope>>();
  return (claim: Pick<ClaimRecord, 'orgId' | 'benefitOrgId'>): Promise<ClaimDecisionScope> => {
    const key = `${claim.orgId}|${claim.benefitOrgId}`;
    let scope = cache.get(key);
    if (!scope) {
      scope = requireOrg(claim.orgId).then(async (org) => {
        const memberLineage = lineageOf(org);
        const below = memberLineage.slice(memberLineage.indexOf(claim.benefitOrgId) + 1);
        const delegateOrgIds = below.length > 0 ? await findDelegations(claim.benefitOrgId, below) : [];
        return { memberLineage, benefitOrgId: claim.benefitOrgId, delegateOrgIds };
      });
      cache.set(key, scope);
    }
    return scope;
  };
};

/**
 * 职责分离 before a decision: officer over the claimant's org (FORBIDDEN_ORG), not the claimant
 * (CLAIM_SELF_FORBIDDEN), and power over the benefit's publisher or its delegate (CLAIM_BENEFIT_FORBIDDEN).
 */
const requireDecisionPower = async (
  claim: ClaimRecord,
  session: SessionClaims,
  requireRoleOver: (role: 'officer', orgId: string) => Promise<void>,
): Promise<void> => {
  await requireRoleOver('officer', claim.orgId);
  refuseOwnClaim(session, claim.userId);
  const scope = await scopeReader()(claim);
  if (!mayDecideClaim(session, claim.userId, scope)) {
    requireBenefitPower(session, scope, (await requireOrg(claim.benefitOrgId)).name);
  }
};

export const requireBenefit = async (benefitId: string): Promise<PublishedBenefit> => {
  const benefit = await getBenefit(benefitId);
  if (!benefit) throw new DomainError('BENEFIT_NOT_FOUND', '福利项目不存在', { field: 'benefitId' });
  return benefit;
};

const quotaTotalOf = (b: PublishedBenefit): number | null => b.benefit.quota?.count ?? null;

const claimParams = z.object({ claimId: idSchema });

export const claimRoutes = [
  defineRoute({
    method: 'POST',
    path: '/me/claims',
    access: ['member'],
    body: createClaimRequest,
    async handle({ body, session, now }) {
      // One round trip before the write (one BatchGetItem): the member's own items, and whether the
      // version the benefit id names (`${orgId}.v${version}.${n}`) is its org's latest — the counter
      // when that version is held in memory, else the latest copy, which holds the benefit.
      const ref = parseBenefitId(body.benefitId);
      const { membership, lineage, org, facts, latestVersion, named } = await loadClaimContext(session.userId, ref, now);
      const current = named?.entries.find((e) => e.benefitId === body.benefitId);
      // Refusals read the id's own version, to say which: no such benefit, or one the latest catalog replaced.
      const benefit = current ?? (await requireBenefit(body.benefitId));
      // Only benefits of the member's own lineage, and only as the latest version publishes them.
      if (!lineage.some((o) => o.orgId === benefit.orgId)) {
        throw new DomainError('BENEFIT_NOT_FOUND', '该福利项目不适用于您所在的工会', { field: 'benefitId' });
      }
      if (!current && latestVersion !== null && latestVersion !== benefit.version) {
        throw new DomainError('BENEFIT_SUPERSEDED', '服务目录已更新，请刷新后按最新目录申领', { field: 'benefitId' });
      }
      // A benefit of a year that ended (or has not begun) is refused from its published entry, which never changes.
      assertBenefitInPeriod(benefitSpanOf(benefit), chinaDateOf(now.toISOString()));
      const period = claimPeriodOf(now);
      const claimFacts = parseClaimFacts(benefit.eligibility, body.facts);
      const decision = judgeClaim(benefit.eligibility, facts, claimFacts, Number(period));
      // 免申即享 approves at once only on facts the union holds: facts declared with the claim, or 入会
      // declarations no officer confirmed that the rule reads, send it to review (and say so).
      const { status, reviewReason } = initialClaimState({
        mode: benefit.claimMode,
        rule: benefit.eligibility,
        claimFacts,
        declaredFactsConfirmed: membership.declaredFactsConfirmedBy !== null,
      });
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
        reviewReason,
        createdAt,
        decidedAt: status === 'approved' ? createdAt : null,
        decidedBy: status === 'approved' ? 'automatic' : null,
        automatic: status === 'approved',
      };
      // No notification for a 免申即享 approval here: the member is looking at its answer (已通过) on
      // this screen; one that went to review is told when an officer decides (docs/ARCHITECTURE.md, Notifications).
      await submitClaim(claim, quotaTotalOf(benefit), benefit.benefit.amountYuan ?? null);
      return { status: 201, body: { claim: toView(claim) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/claims',
    access: ['member'],
    query: myClaimsQuery,
    async handle({ session, query }) {
      const page = await listClaimsOfUserPage(session.userId, query);
      return { body: { claims: page.items.map(toView), nextCursor: page.nextCursor } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/claims',
    access: ['officer'],
    params: z.object({ orgId: idSchema }),
    query: claimStatusQuery,
    async handle({ params, query, session, requireRoleOver }) {
      await requireRoleOver('officer', params.orgId);
      const page = await pageSubtreeQueue(await requireOrg(params.orgId), query, claimQueue(query.status ?? 'pending'));
      const scopeOf = scopeReader();
      const claims = await Promise.all(
        page.items.map(async (c) => toOfficerView(c, c.status === 'pending' && mayDecideClaim(session, c.userId, await scopeOf(c)))),
      );
      return { body: { claims, nextCursor: page.nextCursor } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/claims/{claimId}/approve',
    access: ['officer'],
    params: claimParams,
    async handle({ params, session, now, requireRoleOver }) {
      const claim = await requireClaim(params.claimId);
      await requireDecisionPower(claim, session, requireRoleOver);
      nextClaimStatus(claim.status, 'approve');
      const benefit = await requireBenefit(claim.benefitId);
      const approved = await approveClaim(
        claim,
        session.userId,
        now,
        quotaTotalOf(benefit),
        notificationTxs(
          { userId: claim.userId, event: 'claimApproved', facts: { subject: claim.benefitName }, page: NOTIFICATION_PAGES.myClaims() },
          now,
        ),
        benefit.benefit.amountYuan ?? null,
      );
      return { body: { claim: toOfficerView(approved, false) } };
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
      await requireDecisionPower(claim, session, requireRoleOver);
      nextClaimStatus(claim.status, 'reject');
      const rejected = await rejectClaim(
        claim,
        body.reason,
        session.userId,
        now,
        notificationTxs(
          {
            userId: claim.userId,
            event: 'claimRejected',
            facts: { subject: claim.benefitName, reason: body.reason },
            page: NOTIFICATION_PAGES.myClaims(),
          },
          now,
        ),
      );
      return { body: { claim: toOfficerView(rejected, false) } };
    },
  }),
];

const delegationParams = z.object({ orgId: idSchema, delegateOrgId: idSchema });

/** 委托审核: an officer of the publishing org lets an org below it decide claims against its benefits. */
export const delegationRoutes = [
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/claim-delegations',
    access: ['officer'],
    params: z.object({ orgId: idSchema }),
    query: claimDelegationsQuery,
    async handle({ params, query, requireRoleOver }) {
      await requireRoleOver('officer', params.orgId);
      const page = await listDelegationsPage(params.orgId, query);
      return { body: { delegations: page.items, nextCursor: page.nextCursor } };
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/orgs/{orgId}/claim-delegations/{delegateOrgId}',
    access: ['officer'],
    params: delegationParams,
    async handle({ params, session, now, requireRoleOver }) {
      await requireRoleOver('officer', params.orgId);
      const delegate = await requireOrg(params.delegateOrgId, 'delegateOrgId');
      refuseDelegationTarget(params.orgId, lineageOf(delegate));
      const delegation = await putDelegation({
        orgId: params.orgId,
        delegateOrgId: delegate.orgId,
        delegateOrgName: delegate.name,
        grantedBy: session.userId,
        grantedAt: now.toISOString(),
      });
      return { body: { delegation } };
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/orgs/{orgId}/claim-delegations/{delegateOrgId}',
    access: ['officer'],
    params: delegationParams,
    async handle({ params, requireRoleOver }) {
      await requireRoleOver('officer', params.orgId);
      await deleteDelegation(params.orgId, params.delegateOrgId);
      return { body: { revoked: { orgId: params.orgId, delegateOrgId: params.delegateOrgId } } };
    },
  }),
];
