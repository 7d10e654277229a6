import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError, type RoleGrant } from '@union/shared';
import { batchGetItems } from './batch-get';
import { type ActiveMember, activeMemberFrom } from './membership.repository';
import { pointerFromStored, userMembershipKey } from './membership-pointer';
import { cursorInvalid, decodeCursor, encodeCursor, limitOf, type Page, type PageRequest } from './page';
import { getDocumentClient, tableName } from './table';
import { type LabeledTx, rawTx, runTransaction, TransactionRefused } from './transactions';
import { grantTx } from './user.repository';

/**
 * 商惠 merchants: the merchant aggregate of an org (its staff and the uses recorded there). A merchant
 * links to a 商惠 entry of its org's catalog by the entry's name (what stays the same across
 * versions: `benefitKeyOf`), so no catalog version is ever changed by naming merchants.
 *
 * Items (written with expressions; the counter's attribute names are data, docs/ARCHITECTURE.md "Store"):
 * - MERCHANT#id / META — the merchant; gsi1 ORGMERCHANTS#orgId / createdAt#id (an org's merchants)
 * - MERCHANT#id / STAFF#userId — an account bound as its staff (the use's transaction checks it)
 * - USER#userId / MERCHANTSTAFF — the account's merchant (one per account), a copy of the merchant
 * - MERCHANTUSE#useId / META — a use; its id comes from the staff's device, so a retry is the same
 *   item (put if absent); gsi1 MERCHANTUSES#merchantId / usedAt#useId (the officer's list),
 *   gsi2 MEMBERUSES#userId / usedAt#useId (the member's list)
 * - USER#userId / MERCHANTUSES#<period> — `used:<merchantId>`: the member's uses there in the period,
 *   ADDed in the use's transaction on condition it stays under the merchant's limit
 */

export interface MerchantRecord {
  merchantId: string;
  orgId: string;
  orgName: string;
  name: string;
  address: string;
  benefitKey: string;
  benefitName: string;
  discount: string;
  limitPerPeriod: number | null;
  createdAt: string;
  createdBy: string;
}

export interface UseRecord {
  useId: string;
  merchantId: string;
  merchantName: string;
  merchantOrgId: string;
  benefitName: string;
  discount: string;
  period: string;
  usedAt: string;
  userId: string;
  memberNumberMasked: string;
  memberOrgName: string;
  staffUserId: string;
}

const client = () => getDocumentClient();
const merchantKey = (merchantId: string) => ({ pk: `MERCHANT#${merchantId}`, sk: 'META' });
const staffKey = (merchantId: string, userId: string) => ({ pk: `MERCHANT#${merchantId}`, sk: `STAFF#${userId}` });
const staffPointerKey = (userId: string) => ({ pk: `USER#${userId}`, sk: 'MERCHANTSTAFF' });
const useKey = (useId: string) => ({ pk: `MERCHANTUSE#${useId}`, sk: 'META' });
const counterKey = (userId: string, period: string) => ({ pk: `USER#${userId}`, sk: `MERCHANTUSES#${period}` });
const usedAttr = (merchantId: string) => `used:${merchantId}`;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const merchantOf = (i: Record<string, unknown>): MerchantRecord => ({
  merchantId: str(i.merchantId),
  orgId: str(i.orgId),
  orgName: str(i.orgName),
  name: str(i.name),
  address: str(i.address),
  benefitKey: str(i.benefitKey),
  benefitName: str(i.benefitName),
  discount: str(i.discount),
  limitPerPeriod: typeof i.limitPerPeriod === 'number' ? i.limitPerPeriod : null,
  createdAt: str(i.createdAt),
  createdBy: str(i.createdBy),
});

const useOf = (i: Record<string, unknown>): UseRecord => ({
  useId: str(i.useId),
  merchantId: str(i.merchantId),
  merchantName: str(i.merchantName),
  merchantOrgId: str(i.merchantOrgId),
  benefitName: str(i.benefitName),
  discount: str(i.discount),
  period: str(i.period),
  usedAt: str(i.usedAt),
  userId: str(i.userId),
  memberNumberMasked: str(i.memberNumberMasked),
  memberOrgName: str(i.memberOrgName),
  staffUserId: str(i.staffUserId),
});

export const merchantNotFound = () => new DomainError('MERCHANT_NOT_FOUND', '商户不存在', { field: 'merchantId' });
export const staffForbidden = () =>
  new DomainError('MERCHANT_STAFF_FORBIDDEN', '您不是该商户的店员账号，不能为该商户核验或记录使用', { field: 'merchantId' });

/** Records a merchant of `org` (absent before: ids are random). */
export const createMerchant = async (m: MerchantRecord): Promise<MerchantRecord> => {
  const { limitPerPeriod, ...rest } = m;
  await client().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...merchantKey(m.merchantId),
        ...rest,
        ...(limitPerPeriod === null ? {} : { limitPerPeriod }),
        gsi1pk: `ORGMERCHANTS#${m.orgId}`,
        gsi1sk: `${m.createdAt}#${m.merchantId}`,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return m;
};

export const getMerchant = async (merchantId: string): Promise<MerchantRecord | null> => {
  const { Item } = await client().send(new GetCommand({ TableName: tableName(), Key: merchantKey(merchantId), ConsistentRead: true }));
  return Item ? merchantOf(Item) : null;
};

export const requireMerchant = async (merchantId: string): Promise<MerchantRecord> => {
  const m = await getMerchant(merchantId);
  if (!m) throw merchantNotFound();
  return m;
};

/**
 * A page of a partition of an index, newest first; the cursor is the last item's keys, checked to lie
 * in the partition (anything else is CURSOR_INVALID).
 */
const pageIndex = async (index: 'gsi1' | 'gsi2', partition: string, req: PageRequest): Promise<Page<Record<string, unknown>>> => {
  let start: Record<string, string> | undefined;
  if (req.cursor !== undefined) {
    const raw = decodeCursor(req.cursor) as Record<string, unknown>;
    const names = ['pk', 'sk', `${index}pk`, `${index}sk`];
    if (
      !raw ||
      typeof raw !== 'object' ||
      Object.keys(raw).sort().join() !== [...names].sort().join() ||
      names.some((n) => typeof raw[n] !== 'string' || raw[n] === '') ||
      raw[`${index}pk`] !== partition
    ) {
      throw cursorInvalid();
    }
    start = raw as Record<string, string>;
  }
  const { Items = [], LastEvaluatedKey } = await client().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: index,
      KeyConditionExpression: '#p = :p',
      ExpressionAttributeNames: { '#p': `${index}pk` },
      ExpressionAttributeValues: { ':p': partition },
      ScanIndexForward: false,
      Limit: limitOf(req),
      ...(start ? { ExclusiveStartKey: start } : {}),
    }),
  );
  const next = LastEvaluatedKey
    ? encodeCursor(Object.fromEntries(['pk', 'sk', `${index}pk`, `${index}sk`].map((n) => [n, LastEvaluatedKey[n]])))
    : null;
  return { items: Items, nextCursor: next };
};

/** A page of the org's merchants, newest first. */
export const pageOrgMerchants = async (orgId: string, req: PageRequest): Promise<Page<MerchantRecord>> => {
  const page = await pageIndex('gsi1', `ORGMERCHANTS#${orgId}`, req);
  return { items: page.items.map(merchantOf), nextCursor: page.nextCursor };
};

/** A page of the uses recorded at a merchant, newest first. */
export const pageMerchantUses = async (merchantId: string, req: PageRequest): Promise<Page<UseRecord>> => {
  const page = await pageIndex('gsi1', `MERCHANTUSES#${merchantId}`, req);
  return { items: page.items.map(useOf), nextCursor: page.nextCursor };
};

/** Every use of a member (GET /me/data): each page. */
export const listMemberUses = async (userId: string): Promise<UseRecord[]> => {
  const all: UseRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await pageMemberUses(userId, { cursor, limit: 100 });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
};

/** A page of a member's uses, newest first: one query. */
export const pageMemberUses = async (userId: string, req: PageRequest): Promise<Page<UseRecord>> => {
  const page = await pageIndex('gsi2', `MEMBERUSES#${userId}`, req);
  return { items: page.items.map(useOf), nextCursor: page.nextCursor };
};

/**
 * Binds an account as the merchant's staff, in one transaction: the staff item, the account's
 * pointer (absent, or already this merchant's: an account serves one merchant), and the verifier grant
 * over the merchant's org (the route opens to it; the use's transaction checks the staff item).
 */
export const bindMerchantStaff = async (
  merchant: MerchantRecord,
  staff: { userId: string; displayName: string },
  by: string,
  at: string,
): Promise<void> => {
  const grant: RoleGrant = { role: 'verifier', orgId: merchant.orgId };
  try {
    await runTransaction(async () => [
      {
        label: 'pointer',
        tx: rawTx({
          Put: {
            TableName: tableName(),
            Item: { ...staffPointerKey(staff.userId), userId: staff.userId, merchantId: merchant.merchantId, boundAt: at },
            ConditionExpression: 'attribute_not_exists(pk) OR merchantId = :m',
            ExpressionAttributeValues: { ':m': merchant.merchantId },
          },
        }),
      },
      {
        label: 'staff',
        tx: rawTx({
          Put: {
            TableName: tableName(),
            Item: { ...staffKey(merchant.merchantId, staff.userId), ...staff, merchantId: merchant.merchantId, boundAt: at, boundBy: by },
          },
        }),
      },
      grantTx(staff.userId, grant, 'grant'),
    ]);
  } catch (e) {
    if (e instanceof TransactionRefused && e.failed.includes('pointer')) {
      throw new DomainError('STAFF_BOUND_ELSEWHERE', '该账号已是其他商户的店员', { field: 'userId' });
    }
    if (e instanceof TransactionRefused && e.failed.includes('grant')) {
      throw new DomainError('USER_NOT_FOUND', '账号不存在', { field: 'userId' });
    }
    throw e;
  }
};

/** The merchant the account is staff of, or null (one GetItem, then the merchant). */
export const getStaffMerchant = async (userId: string): Promise<MerchantRecord | null> => {
  const { Item } = await client().send(new GetCommand({ TableName: tableName(), Key: staffPointerKey(userId), ConsistentRead: true }));
  return Item ? getMerchant(str(Item.merchantId)) : null;
};

export interface ScanContext {
  merchant: MerchantRecord;
  isStaff: boolean;
  member: ActiveMember | null;
  usedInPeriod: number;
  /** The use with the request's id, when one was recorded before (a retry). */
  earlier: UseRecord | null;
}

/**
 * Everything a staff scan decides on, in one BatchGetItem: the merchant, the staff binding, the
 * member's active membership (its copy carries the lineage), the member's uses of the period, and
 * the use of this id if any. Courtesy reads: the use's transaction enforces what they show.
 */
export const readScanContext = async (q: {
  merchantId: string;
  staffUserId: string;
  memberUserId: string;
  period: string;
  useId?: string;
}): Promise<ScanContext> => {
  const keys = [
    merchantKey(q.merchantId),
    staffKey(q.merchantId, q.staffUserId),
    userMembershipKey(q.memberUserId),
    counterKey(q.memberUserId, q.period),
    ...(q.useId ? [useKey(q.useId)] : []),
  ];
  const [m, staff, pointer, counter, use] = await batchGetItems(keys, { consistent: true });
  if (!m) throw merchantNotFound();
  const member = pointer ? await activeMemberFrom(pointerFromStored(pointer)) : null;
  const used = counter?.[usedAttr(q.merchantId)];
  return {
    merchant: merchantOf(m),
    isStaff: Boolean(staff),
    member,
    usedInPeriod: typeof used === 'number' ? used : 0,
    earlier: use ? useOf(use) : null,
  };
};

export const limitReached = (limit: number) =>
  new DomainError('USE_LIMIT_REACHED', `该会员本年度在本商户的优惠已用满 ${limit} 次`, { field: 'token', details: { limit } });

/**
 * Records a use in one transaction: the use (absent: a retry with the same id finds it), the staff
 * binding (present), the member's active membership (still the one read, so its org's lineage — orgs
 * never move — is the one checked), and the member's count at this merchant for the period (under
 * the limit, when there is one). Refusals come back as TransactionRefused with the labels
 * 'use' | 'staff' | 'member' | 'limit'.
 */
export const recordUseTx = async (use: UseRecord, membershipId: string, limitPerPeriod: number | null): Promise<void> => {
  const items: LabeledTx[] = [
    {
      label: 'use',
      tx: rawTx({
        Put: {
          TableName: tableName(),
          Item: {
            ...useKey(use.useId),
            ...use,
            gsi1pk: `MERCHANTUSES#${use.merchantId}`,
            gsi1sk: `${use.usedAt}#${use.useId}`,
            gsi2pk: `MEMBERUSES#${use.userId}`,
            gsi2sk: `${use.usedAt}#${use.useId}`,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      }),
    },
    {
      label: 'staff',
      tx: rawTx({
        ConditionCheck: {
          TableName: tableName(),
          Key: staffKey(use.merchantId, use.staffUserId),
          ConditionExpression: 'attribute_exists(pk)',
        },
      }),
    },
    {
      label: 'member',
      tx: rawTx({
        ConditionCheck: {
          TableName: tableName(),
          Key: userMembershipKey(use.userId),
          ConditionExpression: 'membershipId = :ms',
          ExpressionAttributeValues: { ':ms': membershipId },
        },
      }),
    },
    {
      label: 'limit',
      tx: rawTx({
        Update: {
          TableName: tableName(),
          Key: counterKey(use.userId, use.period),
          UpdateExpression: 'ADD #u :one SET userId = :user',
          ExpressionAttributeNames: { '#u': usedAttr(use.merchantId) },
          ExpressionAttributeValues: {
            ':one': 1,
            ':user': use.userId,
            ...(limitPerPeriod === null ? {} : { ':limit': limitPerPeriod }),
          },
          ...(limitPerPeriod === null ? {} : { ConditionExpression: 'attribute_not_exists(#u) OR #u < :limit' }),
        },
      }),
    },
  ];
  await runTransaction(async () => items);
};

export const getUse = async (useId: string): Promise<UseRecord | null> => {
  const { Item } = await client().send(new GetCommand({ TableName: tableName(), Key: useKey(useId), ConsistentRead: true }));
  return Item ? useOf(Item) : null;
};

/** The member's uses at a merchant in a period (after a write: the count the answer shows). */
export const usedInPeriod = async (userId: string, period: string, merchantId: string): Promise<number> => {
  const { Item } = await client().send(new GetCommand({ TableName: tableName(), Key: counterKey(userId, period), ConsistentRead: true }));
  const v = Item?.[usedAttr(merchantId)];
  return typeof v === 'number' ? v : 0;
};
