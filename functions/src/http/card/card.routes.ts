import {
  BENEFIT_TIERS,
  type BenefitView,
  benefitKeyOf,
  CLAIM_STATUS_LABELS,
  chinaDateOf,
  claimPeriodOf,
  DomainError,
  declaredFactsView,
  idSchema,
  MEMBER_STATUS_TEXT,
  type MemberFactsRow,
  maskMemberNumber,
  maskName,
  memberFactsQuery,
  NO_OFFICER_FACTS,
  OFFICER_FACT_KEYS,
  officerFactsRequest,
  preparedBenefitView,
  refuseOwnFacts,
  VERIFY_VERDICTS,
  type VerifyResponse,
  verifyRequest,
} from '@union/shared';
import type { MemberBenefit } from '@union/shared/contracts/card-responses.contract';
import { describeProgress, progressDone, progressPercent, progressTargetOf } from '@union/shared/domain/projects/progress';
import * as z from 'zod/mini';
import { signCardToken, verifyCardToken } from '../../platform/card-token';
import { factsStale, getVersionedOfficerFacts, putOfficerFacts } from '../../store/card.repository';
import { confirmDeclaredFactsTx, getActiveMember, getActiveMembershipRecord, orgMembersQueue } from '../../store/membership.repository';
import { requireOrg } from '../../store/org.repository';
import { pageSubtreeQueue } from '../../store/subtree-page';
import { registerStatuses } from '../error-map';
import { defineRoute } from '../route';
import { loadMemberBenefits, requireActiveMember } from './member-context';
import { preparedBenefit } from './prepared-benefits';

registerStatuses({
  MEMBERSHIP_NOT_FOUND: 404,
  NOT_ELIGIBLE: 422,
  QUOTA_EXHAUSTED: 409,
  CLAIM_DUPLICATE: 409,
  CLAIM_NOT_PENDING: 409,
  FACTS_STALE: 409,
  FACTS_SELF_FORBIDDEN: 403,
  CURSOR_INVALID: 400,
});

const memberFactsParams = z.object({ orgId: idSchema, userId: idSchema });

/** An entry's 实事 progress on the card (null for one that counts nothing): max(recorded, approved), docs/ARCHITECTURE.md. */
const progressOf = (benefit: Parameters<typeof progressTargetOf>[0], recorded: number, approved: number): MemberBenefit['progress'] => {
  const target = progressTargetOf(benefit);
  if (!target) return null;
  const done = progressDone(recorded, approved);
  return {
    done,
    target: target.count,
    unit: target.unit,
    percent: progressPercent(done, target.count),
    text: describeProgress(done, target),
  };
};

export const cardRoutes = [
  defineRoute({
    method: 'GET',
    path: '/me/card',
    access: ['member'],
    async handle({ session, runtime, now }) {
      // One read: the account's active-membership item carries the membership and its org.
      const { membership, org } = await requireActiveMember(session.userId);
      // Sealed: the QR shows a scanner nothing of the member (POST /verify opens it).
      const { token, expiresAt } = await signCardToken(
        { userId: membership.userId, memberNumber: membership.memberNumber, orgId: membership.orgId },
        runtime.config.sessionSecret,
        now,
      );
      return {
        headers: { 'cache-control': 'no-store' },
        body: {
          card: {
            maskedName: maskName(membership.name),
            memberNumber: membership.memberNumber,
            orgId: org.orgId,
            orgName: org.name,
            joinedOn: chinaDateOf(membership.joinedAt),
            status: membership.status,
            statusText: MEMBER_STATUS_TEXT[membership.status] ?? membership.status,
          },
          token,
          tokenExpiresAt: expiresAt.toISOString(),
          fetchedAt: now.toISOString(),
        },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/verify',
    access: ['verifier'],
    body: verifyRequest,
    async handle({ body, runtime, now }) {
      const checkedAt = now.toISOString();
      const blank = { memberStatus: null, memberStatusText: null, orgName: null, memberNumberMasked: null, checkedAt };
      const check = await verifyCardToken(body.token, runtime.config.sessionSecret, now);
      let answer: VerifyResponse;
      if (check.kind === 'invalid') {
        answer = { ...blank, ...VERIFY_VERDICTS.forged };
      } else if (check.kind === 'expired') {
        answer = { ...blank, ...VERIFY_VERDICTS.expired };
      } else {
        // Two reads: the account's active-membership pointer and the membership (it names its org).
        const { userId, memberNumber, orgId } = check.payload;
        const membership = await getActiveMembershipRecord(userId);
        if (!membership || membership.memberNumber !== memberNumber || membership.orgId !== orgId) {
          answer = {
            ...blank,
            ...VERIFY_VERDICTS.ended,
            memberStatus: 'inactive',
            memberStatusText: '非在会',
            memberNumberMasked: maskMemberNumber(memberNumber),
          };
        } else {
          answer = {
            ...VERIFY_VERDICTS.valid,
            // getActiveMembershipRecord answers active memberships only.
            memberStatus: 'active',
            memberStatusText: MEMBER_STATUS_TEXT[membership.status] ?? membership.status,
            orgName: membership.orgName,
            memberNumberMasked: maskMemberNumber(memberNumber),
            checkedAt,
          };
        }
      }
      return { headers: { 'cache-control': 'no-store' }, body: answer };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/benefits',
    access: ['member'],
    async handle({ session, now }) {
      const period = claimPeriodOf(now);
      const today = chinaDateOf(now.toISOString());
      // One BatchGetItem when this process served the member's org before (two otherwise): the member's
      // own items (membership with its lineage, facts, claims of the period), and per lineage org its
      // latest catalog (the counter, for a version held in memory) and its quota counters.
      const { membership, lineage, facts, catalogs, quota, myClaims, progress } = await loadMemberBenefits(session, period, now);
      const entries = catalogs.flatMap((c) => c.entries);
      const orgNames = new Map(lineage.map((o) => [o.orgId, o.name]));
      const views = entries.map((b): MemberBenefit => {
        const key = benefitKeyOf(b);
        const mine = myClaims.get(key) ?? null;
        const view: BenefitView = preparedBenefitView(
          preparedBenefit(b),
          facts,
          quota.get(key) ?? (b.benefit.quota ? { total: b.benefit.quota.count, used: 0 } : null),
          today,
          { declaredFactsConfirmed: membership.declaredFactsConfirmedBy !== null },
        );
        return {
          ...view,
          orgName: orgNames.get(b.orgId) ?? b.orgId,
          myClaim: mine ? { claimId: mine.claimId, status: mine.status, statusText: CLAIM_STATUS_LABELS[mine.status] } : null,
          progress: progressOf(b.benefit, progress.get(key)?.done ?? 0, quota.get(key)?.used ?? 0),
        };
      });
      return {
        body: {
          period,
          catalogs: catalogs.map((c) => ({
            orgId: c.orgId,
            orgName: orgNames.get(c.orgId) ?? c.orgId,
            version: c.version,
            document: c.document,
          })),
          tiers: BENEFIT_TIERS.map((tier) => ({ tier, benefits: views.filter((v) => v.tier === tier) })),
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/members/{userId}/facts',
    access: ['officer'],
    params: memberFactsParams,
    async handle({ params, requireRoleOver }) {
      await requireRoleOver('officer', params.orgId);
      const membership = await memberWithin(params.userId, params.orgId);
      const { facts, version } = await getVersionedOfficerFacts(params.userId);
      return {
        body: {
          userId: params.userId,
          maskedName: maskName(membership.name),
          memberNumber: membership.memberNumber,
          facts,
          version,
          declared: declaredFactsView(membership),
        },
      };
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/orgs/{orgId}/members/{userId}/facts',
    access: ['officer'],
    params: memberFactsParams,
    body: officerFactsRequest,
    async handle({ params, body, session, now, requireRoleOver }) {
      await requireRoleOver('officer', params.orgId);
      refuseOwnFacts(session, params.userId);
      const membership = await memberWithin(params.userId, params.orgId);
      // The edit applies to the version the officer read: omitted facts keep that version's values,
      // and the write is conditioned on it (a concurrent edit makes this one FACTS_STALE).
      const current = await getVersionedOfficerFacts(params.userId);
      if (current.version !== body.version) throw factsStale();
      const facts = { ...NO_OFFICER_FACTS, ...current.facts };
      for (const key of OFFICER_FACT_KEYS) {
        const value = body[key];
        if (value !== undefined) facts[key] = value;
      }
      const editsFacts = OFFICER_FACT_KEYS.some((key) => body[key] !== undefined);
      // Confirming the 入会 declarations (八大群体, 农民工 …) lets 免申即享 rest on them; one write with the facts.
      const confirmed = body.confirmDeclared ? { by: session.userId, at: now.toISOString() } : null;
      const saved = await putOfficerFacts(
        editsFacts
          ? {
              userId: params.userId,
              orgId: membership.orgId,
              memberName: membership.name,
              ...facts,
              updatedAt: now.toISOString(),
              updatedBy: session.userId,
            }
          : null,
        body.version,
        confirmed ? confirmDeclaredFactsTx(membership, confirmed.by, now) : [],
      );
      return {
        body: {
          userId: params.userId,
          maskedName: maskName(membership.name),
          memberNumber: membership.memberNumber,
          facts,
          version: saved.version,
          declared: declaredFactsView(
            confirmed ? { ...membership, declaredFactsConfirmedBy: confirmed.by, declaredFactsConfirmedAt: confirmed.at } : membership,
          ),
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/orgs/{orgId}/member-facts',
    access: ['officer'],
    params: z.object({ orgId: idSchema }),
    query: memberFactsQuery,
    async handle({ params, query, requireRoleOver }) {
      await requireRoleOver('officer', params.orgId);
      const page = await pageSubtreeQueue(await requireOrg(params.orgId), query, orgMembersQueue);
      const members = page.items.filter((m) => m.status === 'active');
      const facts = await Promise.all(members.map((m) => getVersionedOfficerFacts(m.userId)));
      // Officers see who their members are (name and number), never 身份证号 or phone.
      const rows: MemberFactsRow[] = members.map((m, i) => ({
        userId: m.userId,
        name: m.name,
        memberNumber: m.memberNumber,
        orgId: m.orgId,
        orgName: m.orgName,
        facts: facts[i]?.facts ?? { ...NO_OFFICER_FACTS },
        updatedAt: facts[i]?.updatedAt ?? null,
        version: facts[i]?.version ?? 0,
        declared: declaredFactsView(m),
      }));
      return { body: { members: rows, nextCursor: page.nextCursor } };
    },
  }),
];

/** The member's active membership, refused unless it lies within the officer's org. */
const memberWithin = async (userId: string, orgId: string) => {
  // One read: the account's membership copy carries its org's lineage.
  const member = await getActiveMember(userId);
  if (!member?.lineage.some((o) => o.orgId === orgId)) {
    throw new DomainError('MEMBER_NOT_FOUND', '本组织及下级组织中没有该在会会员', { field: 'userId' });
  }
  return member.membership;
};
