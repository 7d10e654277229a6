import {
  type ClaimStatus,
  DomainError,
  type PublicityEntry,
  type PublicityPeriod,
  type QuotaState,
  storedPublicityPeriod,
} from '@union/shared';
import type { EligibilityReason } from '@union/shared/domain/eligibility/index';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update/symbols';
import {
  ClaimDelegationEntity,
  ClaimEntity,
  ClaimLockEntity,
  PublicityEntity,
  QuotaEntity,
  quotasOfOrgPartition,
} from './entities/claim.entity';
import { once } from './once';
import { ALL_PAGES, limitOf, nextCursorOf, type Page, type PageRequest, startKeyOf } from './page';
import type { OrgQueue } from './subtree-page';
import { type LabeledTx, runTransaction, TransactionRefused } from './transactions';

const claims = once(() => ClaimEntity().build(EntityRepository));
const publicity = once(() => PublicityEntity().build(EntityRepository));
const quotas = once(() => QuotaEntity().build(EntityRepository));
const delegations = once(() => ClaimDelegationEntity().build(EntityRepository));

export type ClaimFactValue = number | boolean | string;

export interface ClaimRecord {
  claimId: string;
  userId: string;
  memberName: string;
  memberNumber: string;
  orgId: string;
  orgName: string;
  benefitId: string;
  benefitKey: string;
  benefitVersion: number;
  benefitName: string;
  benefitOrgId: string;
  period: string;
  status: ClaimStatus;
  facts: Record<string, ClaimFactValue>;
  reasons: EligibilityReason[];
  rejectionReason: string | null;
  /** Why a 免申即享 claim went to review instead of approving at once; null otherwise. */
  reviewReason: string | null;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  automatic: boolean;
}

type ClaimItem = NonNullable<Awaited<ReturnType<ReturnType<typeof claims>['get']>>['Item']>;

const toRecord = (i: ClaimItem): ClaimRecord => ({
  claimId: i.claimId,
  userId: i.userId,
  memberName: i.memberName,
  memberNumber: i.memberNumber,
  orgId: i.orgId,
  orgName: i.orgName,
  benefitId: i.benefitId,
  benefitKey: i.benefitKey,
  benefitVersion: i.benefitVersion,
  benefitName: i.benefitName,
  benefitOrgId: i.benefitOrgId,
  period: i.period,
  status: i.status,
  facts: (i.facts ?? {}) as Record<string, ClaimFactValue>,
  reasons: i.reasons.map((r) => ({ met: (r.met ?? null) as boolean | null, text: r.text })),
  rejectionReason: i.rejectionReason ?? null,
  reviewReason: i.reviewReason ?? null,
  createdAt: i.createdAt,
  decidedAt: i.decidedAt ?? null,
  decidedBy: i.decidedBy ?? null,
  automatic: i.automatic,
});

const queueKey = (orgId: string, status: ClaimStatus) => `CLAIMQ#${orgId}#${status}`;

/** Retries on transaction conflicts are plentiful: 300 members may claim one benefit at once. */
const MAX_ATTEMPTS = 400;

/**
 * One more approval of the claim's benefit in its period, only while `used < total` (the quota is
 * never exceeded); the counter is filed under the benefit's publisher and the period (gsi1).
 */
const consumeQuotaTx = (claim: Pick<ClaimRecord, 'benefitKey' | 'benefitOrgId' | 'period'>, total: number): LabeledTx => ({
  label: 'quota',
  tx: QuotaEntity()
    .build(UpdateTransaction)
    .item({
      benefitKey: claim.benefitKey,
      period: claim.period,
      total,
      used: $add(1),
      gsi1pk: quotasOfOrgPartition(claim.benefitOrgId, claim.period),
      gsi1sk: claim.benefitKey,
    })
    .options({
      condition: {
        or: [
          { attr: 'used', exists: false },
          { attr: 'used', lt: total },
        ],
      },
    }),
});

/**
 * A courtesy read before the transaction: once a quota is full, latecomers are refused without
 * contending for the quota item. The transaction's condition remains what guarantees the limit.
 */
const refuseIfQuotaFull = async (benefitKey: string, period: string, total: number | null): Promise<void> => {
  if (total === null) return;
  const { Item } = await quotas().get({ benefitKey, period }, { consistent: true });
  if (Item && Item.used >= total) throw new DomainError('QUOTA_EXHAUSTED', '该项福利名额已满', { field: 'benefitId' });
};

const refusal = (e: unknown): never => {
  if (e instanceof TransactionRefused) {
    if (e.failed.includes('lock')) throw new DomainError('CLAIM_DUPLICATE', '本期已申领过该项福利，不能重复申领', { field: 'benefitId' });
    if (e.failed.includes('quota')) throw new DomainError('QUOTA_EXHAUSTED', '该项福利名额已满', { field: 'benefitId' });
    if (e.failed.includes('claim')) throw new DomainError('CLAIM_NOT_PENDING', '该申领已审核，不能重复审核', { field: 'claimId' });
  }
  throw e;
};

/**
 * Records a claim in one transaction with its uniqueness item (one per member, benefit and
 * period). An automatic (免申即享) claim is approved in the same transaction, consuming quota.
 * Refusals: CLAIM_DUPLICATE, QUOTA_EXHAUSTED — and then nothing is written.
 */
export const submitClaim = async (claim: ClaimRecord, quotaTotal: number | null): Promise<ClaimRecord> => {
  const { facts, reasons, rejectionReason: _r, reviewReason, decidedAt, decidedBy, ...rest } = claim;
  if (claim.status === 'approved') await refuseIfQuotaFull(claim.benefitKey, claim.period, quotaTotal);
  try {
    await runTransaction(
      async () => [
        {
          label: 'claim',
          tx: ClaimEntity()
            .build(PutTransaction)
            .item({
              ...rest,
              facts,
              reasons,
              ...(decidedAt ? { decidedAt } : {}),
              ...(decidedBy ? { decidedBy } : {}),
              ...(reviewReason ? { reviewReason } : {}),
              gsi1pk: queueKey(claim.orgId, claim.status),
              gsi1sk: `${claim.createdAt}#${claim.claimId}`,
              gsi2pk: `CLAIMUSER#${claim.userId}`,
              gsi2sk: `${claim.createdAt}#${claim.claimId}`,
            })
            .options({ condition: { attr: 'claimId', exists: false } }),
        },
        {
          label: 'lock',
          tx: ClaimLockEntity()
            .build(PutTransaction)
            .item({ benefitKey: claim.benefitKey, period: claim.period, userId: claim.userId, claimId: claim.claimId })
            .options({ condition: { attr: 'claimId', exists: false } }),
        },
        ...(claim.status === 'approved' && quotaTotal !== null ? [consumeQuotaTx(claim, quotaTotal)] : []),
      ],
      [],
      MAX_ATTEMPTS,
    );
  } catch (e) {
    refusal(e);
  }
  return claim;
};

export const getClaim = async (claimId: string): Promise<ClaimRecord | null> => {
  const { Item } = await claims().get({ claimId }, { consistent: true });
  return Item ? toRecord(Item) : null;
};

export const requireClaim = async (claimId: string): Promise<ClaimRecord> => {
  const claim = await getClaim(claimId);
  if (!claim) throw new DomainError('CLAIM_NOT_FOUND', '申领不存在', { field: 'claimId' });
  return claim;
};

/**
 * 审核通过: the claim moves pending → approved and the quota grows by one in ONE transaction,
 * conditioned on the claim still pending and `used < total`. Refusals: CLAIM_NOT_PENDING, QUOTA_EXHAUSTED.
 */
export const approveClaim = async (claim: ClaimRecord, by: string, now: Date, quotaTotal: number | null): Promise<ClaimRecord> => {
  const decidedAt = now.toISOString();
  await refuseIfQuotaFull(claim.benefitKey, claim.period, quotaTotal);
  try {
    await runTransaction(
      async () => [
        {
          label: 'claim',
          tx: ClaimEntity()
            .build(UpdateTransaction)
            .item({ claimId: claim.claimId, status: 'approved', decidedAt, decidedBy: by, gsi1pk: queueKey(claim.orgId, 'approved') })
            .options({ condition: { attr: 'status', eq: 'pending' } }),
        },
        ...(quotaTotal !== null ? [consumeQuotaTx(claim, quotaTotal)] : []),
      ],
      [],
      MAX_ATTEMPTS,
    );
  } catch (e) {
    refusal(e);
  }
  return { ...claim, status: 'approved', decidedAt, decidedBy: by };
};

/** 不予通过 with a reason; the uniqueness item goes in the same transaction, so the member may claim again. */
export const rejectClaim = async (claim: ClaimRecord, reason: string, by: string, now: Date): Promise<ClaimRecord> => {
  const decidedAt = now.toISOString();
  try {
    await runTransaction(
      async () => [
        {
          label: 'claim',
          tx: ClaimEntity()
            .build(UpdateTransaction)
            .item({
              claimId: claim.claimId,
              status: 'rejected',
              rejectionReason: reason,
              decidedAt,
              decidedBy: by,
              gsi1pk: queueKey(claim.orgId, 'rejected'),
            })
            .options({ condition: { attr: 'status', eq: 'pending' } }),
        },
        {
          label: 'unlock',
          tx: ClaimLockEntity()
            .build(DeleteTransaction)
            .key({ benefitKey: claim.benefitKey, period: claim.period, userId: claim.userId })
            .options({ condition: { attr: 'claimId', eq: claim.claimId } }),
        },
      ],
      [],
      MAX_ATTEMPTS,
    );
  } catch (e) {
    refusal(e);
  }
  return { ...claim, status: 'rejected', rejectionReason: reason, decidedAt, decidedBy: by };
};

/** A member's claims, newest first (every page). */
export const listClaimsOfUser = async (userId: string): Promise<ClaimRecord[]> => {
  const { Items = [] } = await claims().query({ index: 'gsi2', partition: `CLAIMUSER#${userId}` }, { reverse: true, ...ALL_PAGES });
  return Items.map(toRecord);
};

/** A page of a member's claims, newest first. */
export const listClaimsOfUserPage = async (userId: string, req: PageRequest): Promise<Page<ClaimRecord>> => {
  const partition = `CLAIMUSER#${userId}`;
  const { Items = [], LastEvaluatedKey } = await claims().query(
    { index: 'gsi2', partition },
    { reverse: true, limit: limitOf(req), exclusiveStartKey: startKeyOf(req.cursor, 'gsi2', partition) },
  );
  return { items: Items.map(toRecord), nextCursor: nextCursorOf(LastEvaluatedKey) };
};

/** Every claim of the given orgs in a status, oldest first (every page of every org). */
export const listClaimsOfOrgs = async (orgIds: readonly string[], status: ClaimStatus): Promise<ClaimRecord[]> => {
  const pages = await Promise.all(
    orgIds.map((orgId) =>
      claims()
        .query({ index: 'gsi1', partition: queueKey(orgId, status) }, ALL_PAGES)
        .then((r) => r.Items ?? []),
    ),
  );
  return pages
    .flat()
    .map(toRecord)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
};

/** The per-org claim queue in a status, oldest first: read over an officer's subtree by pageSubtreeQueue. */
export const claimQueue = (status: ClaimStatus): OrgQueue<ClaimRecord> => ({
  index: 'gsi1',
  partition: (orgId) => queueKey(orgId, status),
  async read(orgId, exclusiveStartKey, limit) {
    const { Items = [], LastEvaluatedKey } = await claims().query(
      { index: 'gsi1', partition: queueKey(orgId, status) },
      { limit, exclusiveStartKey },
    );
    return { items: Items.map(toRecord), lastKey: LastEvaluatedKey };
  },
});

/** Quota use of several benefits in a period (absent: nothing used yet). A catalog has tens of entries. */
export const getQuotaUse = async (benefitKeys: readonly string[], period: string): Promise<Map<string, QuotaState>> => {
  const unique = [...new Set(benefitKeys)];
  const found = await Promise.all(
    unique.map((benefitKey) =>
      quotas()
        .get({ benefitKey, period }, { consistent: true })
        .then((r) => r.Item),
    ),
  );
  return new Map(found.flatMap((q) => (q ? [[q.benefitKey, { total: q.total, used: q.used }] as const] : [])));
};

/**
 * Quota use of every counted benefit the orgs published, in a period: one query per org (at once),
 * each reading that org's counters (QuotaEntity's gsi1). A benefit without a counter has used none.
 */
export const getQuotaUseOfOrgs = async (orgIds: readonly string[], period: string): Promise<Map<string, QuotaState>> => {
  const pages = await Promise.all(
    orgIds.map((orgId) => quotas().query({ index: 'gsi1', partition: quotasOfOrgPartition(orgId, period) }, ALL_PAGES)),
  );
  return new Map(pages.flatMap((p) => (p.Items ?? []).map((q) => [q.benefitKey, { total: q.total, used: q.used }] as const)));
};

export interface PublicityRecord extends PublicityPeriod {
  benefitId: string;
  orgId: string;
  benefitName: string;
  /** The claim year whose approvals are listed. */
  period: string;
  entries: PublicityEntry[];
  publishedAt: string;
  publishedBy: string;
}

export const putPublicity = async (p: PublicityRecord): Promise<void> => {
  await publicity().put(p);
};

export const getPublicity = async (benefitId: string, orgId: string): Promise<PublicityRecord | null> => {
  const { Item } = await publicity().get({ benefitId, orgId });
  return Item
    ? {
        benefitId: Item.benefitId,
        orgId: Item.orgId,
        benefitName: Item.benefitName,
        period: Item.period,
        entries: Item.entries,
        publishedAt: Item.publishedAt,
        publishedBy: Item.publishedBy,
        ...storedPublicityPeriod(Item),
      }
    : null;
};

export interface ClaimDelegation {
  orgId: string;
  delegateOrgId: string;
  delegateOrgName: string;
  grantedBy: string;
  grantedAt: string;
}

const toDelegation = (i: ClaimDelegation): ClaimDelegation => ({
  orgId: i.orgId,
  delegateOrgId: i.delegateOrgId,
  delegateOrgName: i.delegateOrgName,
  grantedBy: i.grantedBy,
  grantedAt: i.grantedAt,
});

/** Delegates review (idempotent: granting again refreshes who granted it and when). */
export const putDelegation = async (d: ClaimDelegation): Promise<ClaimDelegation> => {
  await delegations().put(d);
  return d;
};

export const deleteDelegation = async (orgId: string, delegateOrgId: string): Promise<void> => {
  await delegations().delete({ orgId, delegateOrgId });
};

/** Which of `delegateOrgIds` the publisher delegated review to (a lineage: a few gets). */
export const findDelegations = async (orgId: string, delegateOrgIds: readonly string[]): Promise<string[]> => {
  const found = await Promise.all(
    delegateOrgIds.map((delegateOrgId) =>
      delegations()
        .get({ orgId, delegateOrgId }, { consistent: true })
        .then((r) => r.Item),
    ),
  );
  return found.flatMap((d) => (d ? [d.delegateOrgId] : []));
};

/** A page of the publisher's delegations. */
export const listDelegationsPage = async (orgId: string, req: PageRequest): Promise<Page<ClaimDelegation>> => {
  const partition = `ORG#${orgId}`;
  const { Items = [], LastEvaluatedKey } = await delegations().query(
    { partition, range: { beginsWith: 'CLAIMDELEGATE#' } },
    { limit: limitOf(req), exclusiveStartKey: startKeyOf(req.cursor, 'table', partition, 'CLAIMDELEGATE#') },
  );
  return { items: Items.map(toDelegation), nextCursor: nextCursorOf(LastEvaluatedKey) };
};
