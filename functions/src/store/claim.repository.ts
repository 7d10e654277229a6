import { type ClaimStatus, DomainError, type QuotaState } from '@union/shared';
import type { EligibilityReason } from '@union/shared/domain/eligibility/index';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { batchGetItems } from './batch-get';
import { claimDeskTxs } from './desk-counters';
import {
  ClaimEntity,
  MEMBER_CLAIM_PREFIX,
  MEMBER_CLAIMS_ENTITY,
  memberClaimsKey,
  ORG_QUOTAS_ENTITY,
  orgQuotasKey,
  QUOTA_TOTAL_PREFIX,
  QUOTA_USED_PREFIX,
} from './entities/claim.entity';
import { memberServiceKey, SERVED_PREFIX } from './entities/project-progress.entity';
import { once } from './once';
import { ALL_PAGES, limitOf, nextCursorOf, type Page, type PageRequest, startKeyOf } from './page';
import type { OrgQueue } from './subtree-page';
import { tableName } from './table';
import { type LabeledTx, rawTx, runTransaction, TransactionRefused } from './transactions';

const claims = once(() => ClaimEntity().build(EntityRepository));

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
 * never exceeded): on the publisher's counters of the period (claim.entity.ts, OrgQuotas).
 */
const consumeQuotaTx = (claim: Pick<ClaimRecord, 'benefitKey' | 'benefitOrgId' | 'period'>, total: number): LabeledTx => ({
  label: 'quota',
  tx: rawTx({
    Update: {
      TableName: tableName(),
      Key: orgQuotasKey(claim.benefitOrgId, claim.period),
      UpdateExpression: 'SET #total = :total, #et = :et ADD #used :one',
      ConditionExpression: 'attribute_not_exists(#used) OR #used < :total',
      ExpressionAttributeNames: {
        '#used': QUOTA_USED_PREFIX + claim.benefitKey,
        '#total': QUOTA_TOTAL_PREFIX + claim.benefitKey,
        '#et': '_et',
      },
      ExpressionAttributeValues: { ':total': total, ':one': 1, ':et': ORG_QUOTAS_ENTITY },
    },
  }),
});

/** A member's claim of a benefit in a period, as their claims of the period hold it. */
export interface MemberClaimMark {
  claimId: string;
  status: ClaimStatus;
}

type ClaimKeys = Pick<ClaimRecord, 'userId' | 'benefitKey' | 'period' | 'claimId'>;

const memberClaimNames = (claim: ClaimKeys) => ({ '#claim': MEMBER_CLAIM_PREFIX + claim.benefitKey });

/** The once-per-period lock: the member's claims of the period gain this claim only if they hold none of the benefit. */
const lockTx = (claim: ClaimKeys & { status: ClaimStatus }): LabeledTx => ({
  label: 'lock',
  tx: rawTx({
    Update: {
      TableName: tableName(),
      Key: memberClaimsKey(claim.userId, claim.period),
      UpdateExpression: 'SET #claim = :claim, #et = :et',
      ConditionExpression: 'attribute_not_exists(#claim)',
      ExpressionAttributeNames: { ...memberClaimNames(claim), '#et': '_et' },
      ExpressionAttributeValues: { ':claim': { claimId: claim.claimId, status: claim.status }, ':et': MEMBER_CLAIMS_ENTITY },
    },
  }),
});

/**
 * The member's claims of the period show the decision: approved (the attribute set to this claim),
 * or, rejected, no claim of the benefit (the attribute removed: the member may claim again). Only
 * while the attribute is this claim's — a pending claim holds the lock, so it is, unless the item is
 * older than the claim (then absent).
 */
const markTx = (claim: ClaimKeys, status: 'approved' | 'rejected'): LabeledTx => {
  const stillThis = {
    TableName: tableName(),
    Key: memberClaimsKey(claim.userId, claim.period),
    ConditionExpression: 'attribute_not_exists(#claim) OR #claim.claimId = :id',
  };
  return {
    label: 'mark',
    tx: rawTx({
      Update:
        status === 'rejected'
          ? {
              ...stillThis,
              UpdateExpression: 'REMOVE #claim',
              ExpressionAttributeNames: memberClaimNames(claim),
              ExpressionAttributeValues: { ':id': claim.claimId },
            }
          : {
              ...stillThis,
              UpdateExpression: 'SET #claim = :claim, #et = :et',
              ExpressionAttributeNames: { ...memberClaimNames(claim), '#et': '_et' },
              ExpressionAttributeValues: {
                ':claim': { claimId: claim.claimId, status },
                ':et': MEMBER_CLAIMS_ENTITY,
                ':id': claim.claimId,
              },
            },
    }),
  };
};

/**
 * The member was not marked served by this 实事 in the period (an officer's mark, project-progress.entity.ts):
 * served once, counted once — a mark is refused over an approved claim, and a claim over a mark.
 */
const notServedTx = (claim: ClaimKeys): LabeledTx => ({
  label: 'served',
  tx: rawTx({
    ConditionCheck: {
      TableName: tableName(),
      Key: memberServiceKey(claim.userId, claim.period),
      ConditionExpression: 'attribute_not_exists(#served)',
      ExpressionAttributeNames: { '#served': SERVED_PREFIX + claim.benefitKey },
    },
  }),
});

const refusal = (e: unknown): never => {
  if (e instanceof TransactionRefused) {
    if (e.failed.includes('served'))
      throw new DomainError('ALREADY_SERVED', '工会已登记您享受过该项服务，本期不再申领', { field: 'benefitId' });
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
export const submitClaim = async (
  claim: ClaimRecord,
  quotaTotal: number | null,
  amountYuan: number | null = null,
): Promise<ClaimRecord> => {
  const { facts, reasons, rejectionReason: _r, reviewReason, decidedAt, decidedBy, ...rest } = claim;
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
        lockTx(claim),
        notServedTx(claim),
        ...(claim.status === 'approved' && quotaTotal !== null ? [consumeQuotaTx(claim, quotaTotal)] : []),
        ...claimDeskTxs(
          claim,
          claim.status === 'approved' ? { waiting: 0, approved: 'auto', amountYuan } : { waiting: claim.status === 'pending' ? 1 : 0 },
          new Date(claim.createdAt),
        ),
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
 * conditioned on the claim still pending and `used < total`, with `extra` (the claimant's
 * notification). Refusals: CLAIM_NOT_PENDING, QUOTA_EXHAUSTED.
 */
export const approveClaim = async (
  claim: ClaimRecord,
  by: string,
  now: Date,
  quotaTotal: number | null,
  extra: readonly LabeledTx[] = [],
  amountYuan: number | null = null,
): Promise<ClaimRecord> => {
  const decidedAt = now.toISOString();
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
        markTx(claim, 'approved'),
        notServedTx(claim),
        ...(quotaTotal !== null ? [consumeQuotaTx(claim, quotaTotal)] : []),
        ...claimDeskTxs(claim, { waiting: -1, approved: 'reviewed', amountYuan }, now),
        ...extra,
      ],
      [],
      MAX_ATTEMPTS,
    );
  } catch (e) {
    refusal(e);
  }
  return { ...claim, status: 'approved', decidedAt, decidedBy: by };
};

/**
 * 不予通过 with a reason; the uniqueness item goes in the same transaction, so the member may claim
 * again, with `extra` (the claimant's notification).
 */
export const rejectClaim = async (
  claim: ClaimRecord,
  reason: string,
  by: string,
  now: Date,
  extra: readonly LabeledTx[] = [],
): Promise<ClaimRecord> => {
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
        markTx(claim, 'rejected'),
        ...claimDeskTxs(claim, { waiting: -1 }, now),
        ...extra,
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

/** The counters an org's quota item holds (`used:<benefitKey>`, `total:<benefitKey>`); none for an absent item. */
export const quotaUseOf = (item: Record<string, unknown> | undefined): Array<[string, QuotaState]> => {
  if (!item) return [];
  const out: Array<[string, QuotaState]> = [];
  for (const [name, used] of Object.entries(item)) {
    if (!name.startsWith(QUOTA_USED_PREFIX)) continue;
    const benefitKey = name.slice(QUOTA_USED_PREFIX.length);
    out.push([benefitKey, { total: Number(item[QUOTA_TOTAL_PREFIX + benefitKey] ?? 0), used: Number(used) }]);
  }
  return out;
};

/** The member's claims of a period by benefit key, from their item (claim.entity.ts, MemberClaims). */
export const memberClaimsOf = (item: Record<string, unknown> | undefined): Map<string, MemberClaimMark> => {
  const out = new Map<string, MemberClaimMark>();
  for (const [name, value] of Object.entries(item ?? {})) {
    if (!name.startsWith(MEMBER_CLAIM_PREFIX)) continue;
    const mark = value as MemberClaimMark;
    out.set(name.slice(MEMBER_CLAIM_PREFIX.length), { claimId: mark.claimId, status: mark.status });
  }
  return out;
};

/** The member's claims (pending or approved) of a period, by benefit key: one GetItem, strongly consistent. */
export const getMemberClaims = async (userId: string, period: string): Promise<Map<string, MemberClaimMark>> => {
  const [item] = await batchGetItems([memberClaimsKey(userId, period)], { consistent: true });
  return memberClaimsOf(item);
};

/**
 * Quota use of every counted benefit the orgs published, in a period: their counter items in one
 * BatchGetItem. A benefit without a counter has used none.
 */
export const getQuotaUseOfOrgs = async (orgIds: readonly string[], period: string): Promise<Map<string, QuotaState>> => {
  const items = await batchGetItems(
    orgIds.map((orgId) => orgQuotasKey(orgId, period)),
    { consistent: true },
  );
  return new Map(items.flatMap(quotaUseOf));
};

/** Quota use of some benefits (keys `org|name`) in a period (absent: nothing used yet). */
export const getQuotaUse = async (benefitKeys: readonly string[], period: string): Promise<Map<string, QuotaState>> => {
  const wanted = new Set(benefitKeys);
  const orgIds = [...new Set(benefitKeys.map((k) => k.slice(0, k.indexOf('|'))))];
  const all = await getQuotaUseOfOrgs(orgIds, period);
  return new Map([...all].filter(([k]) => wanted.has(k)));
};
