import { CLAIM_STATUSES } from '@union/shared';
import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { once } from '../once';
import { UnionTable } from '../table';

/**
 * 申领. Access patterns:
 * - get a claim — pk CLAIM#id, sk META
 * - an org's claims by status, oldest first (the officer queue) — gsi1: CLAIMQ#orgId#status / createdAt#id
 *   (the queue of an officer is the union over the orgs of their subtree)
 * - a member's claims, newest first — gsi2: CLAIMUSER#userId / createdAt#id
 */
export const ClaimEntity = once(
  () =>
    new Entity({
      name: 'Claim',
      table: UnionTable,
      schema: item({
        claimId: string().key(),
        userId: string(),
        memberName: string(),
        memberNumber: string(),
        orgId: string(),
        orgName: string(),
        benefitId: string(),
        benefitKey: string(),
        benefitVersion: number(),
        benefitName: string(),
        benefitOrgId: string(),
        period: string(),
        status: string().enum(...CLAIM_STATUSES),
        /** Claim facts as given on the form (amounts, yes/no). */
        facts: any(),
        reasons: list(map({ met: any(), text: string() })),
        rejectionReason: string().optional(),
        /** Why a 免申即享 claim waits for review (an unconfirmed 入会 declaration, facts declared with it). */
        reviewReason: string().optional(),
        createdAt: string(),
        decidedAt: string().optional(),
        decidedBy: string().optional(),
        automatic: boolean(),
        gsi1pk: string().optional(),
        gsi1sk: string().optional(),
        gsi2pk: string().optional(),
        gsi2sk: string().optional(),
      }),
      computeKey: ({ claimId }) => ({ pk: `CLAIM#${claimId}`, sk: 'META' }),
    }),
);

/**
 * The member's claims of a period, one item per member and claim year: for each benefit the member
 * holds a claim of (pending or approved; a rejection removes it), an attribute `claim:<benefitKey>` =
 * `{ claimId, status }`. It is the once-per-period lock — the claim's transaction sets the attribute
 * only if absent — and what the member's benefits page shows as "my claim", read by key in its one
 * BatchGetItem (`benefits-read.ts`). Approval sets the status, rejection removes the attribute, each
 * in the decision's transaction. The benefit key (org + name) outlives catalog versions, so
 * republishing a catalog does not open a second claim.
 * Access pattern: get — pk USER#userId, sk CLAIMS#period. Written with expressions (claim.repository.ts):
 * its attribute names are the benefits'.
 */
export const memberClaimsKey = (userId: string, period: string) => ({ pk: `USER#${userId}`, sk: `CLAIMS#${period}` });
export const MEMBER_CLAIMS_ENTITY = 'MemberClaims';
export const MEMBER_CLAIM_PREFIX = 'claim:';

/**
 * 名额 of a publisher in a period, one item per org and claim year, two attributes per counted
 * benefit: `used:<benefitKey>` only grows by ADD 1 inside the approving transaction, conditioned on
 * `used < total`, so the quota is never exceeded; `total:<benefitKey>` is the total it was approved
 * against. A member's benefits page reads the counters of every org of its lineage by key, in its
 * one BatchGetItem. Every approval of the org's benefits in the period writes this one item, each in
 * its own transaction (a conflict is retried).
 * Access pattern: get — pk QUOTAS#orgId, sk PERIOD#period. Written with expressions (claim.repository.ts).
 */
export const orgQuotasKey = (orgId: string, period: string) => ({ pk: `QUOTAS#${orgId}`, sk: `PERIOD#${period}` });
export const ORG_QUOTAS_ENTITY = 'OrgQuotas';
export const QUOTA_USED_PREFIX = 'used:';
export const QUOTA_TOTAL_PREFIX = 'total:';

/**
 * 公示: the approved list of a benefit as published by an officer of an org (masked names only),
 * shown during its 公示期 (startsOn–endsOn, China dates; absent on items published before periods
 * existed, which then last the default days from publishedAt).
 * Access patterns: get — pk PUBLICITY#benefitId, sk ORG#orgId (republishing replaces it);
 * the 公示 of an org still on show, ending soonest first (a member's lineage) —
 * gsi1: PUBLICITYORG#orgId / <endsOn>#<benefitId> (items from before it: scripts/seed/migrate.ts).
 */
export const PublicityEntity = once(
  () =>
    new Entity({
      name: 'Publicity',
      table: UnionTable,
      schema: item({
        benefitId: string().key(),
        orgId: string().key(),
        benefitName: string(),
        period: string(),
        entries: list(map({ maskedName: string(), orgName: string(), decidedAt: string() })),
        publishedAt: string(),
        publishedBy: string(),
        startsOn: string().optional(),
        endsOn: string().optional(),
        gsi1pk: string().optional(),
        gsi1sk: string().optional(),
      }),
      computeKey: ({ benefitId, orgId }) => ({ pk: `PUBLICITY#${benefitId}`, sk: `ORG#${orgId}` }),
    }),
);

/**
 * 委托审核: the publishing org lets officers of an org below it decide claims against its
 * benefits (and so spend its quotas) for members in that org's subtree. Written by an officer of
 * the publisher; without one, only officers over the publisher decide. Access patterns:
 * - get (is the review of publisher P delegated to org D?) — pk ORG#P, sk CLAIMDELEGATE#D
 * - a publisher's delegations — pk ORG#P, sk begins_with CLAIMDELEGATE#
 */
export const ClaimDelegationEntity = once(
  () =>
    new Entity({
      name: 'ClaimDelegation',
      table: UnionTable,
      schema: item({
        orgId: string().key(),
        delegateOrgId: string().key(),
        delegateOrgName: string(),
        grantedBy: string(),
        grantedAt: string(),
      }),
      computeKey: ({ orgId, delegateOrgId }) => ({ pk: `ORG#${orgId}`, sk: `CLAIMDELEGATE#${delegateOrgId}` }),
    }),
);
