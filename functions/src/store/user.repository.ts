import { DomainError, ROLE_NAMES, type RoleGrant, type RoleName, type SessionClaims } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add, $delete, $remove } from 'dynamodb-toolbox/entity/actions/update';
import { batchGetItems } from './batch-get';
import { OrgOfficerEntity, UserEntity, WechatIdentityEntity, WechatLinkEntity } from './entities/user.entity';
import { isConditionFailure } from './errors';
import { once } from './once';
import { ALL_PAGES } from './page';
import { type LabeledTx, runTransaction, TransactionRefused } from './transactions';

const users = once(() => UserEntity().build(EntityRepository));

const grantKey = (g: RoleGrant): string => `${g.role}@${g.orgId}`;
const parseGrant = (key: string): RoleGrant | null => {
  const at = key.indexOf('@');
  const role = key.slice(0, at) as RoleName;
  return at > 0 && ROLE_NAMES.includes(role) ? { role, orgId: key.slice(at + 1) } : null;
};
const grantsFrom = (keys: Set<string> | undefined): RoleGrant[] =>
  [...(keys ?? [])]
    .sort()
    .map(parseGrant)
    .filter((g): g is RoleGrant => g !== null);
const wechatIds = once(() => WechatIdentityEntity().build(EntityRepository));
const orgOfficers = once(() => OrgOfficerEntity().build(EntityRepository));

/** The org's officer index item of an officer grant (OrgOfficerEntity), for the transaction that writes the grant. */
const officerIndexTxs = (userId: string, grants: readonly RoleGrant[]): LabeledTx[] =>
  grants
    .filter((g) => g.role === 'officer')
    .map((g) => ({ label: `officer:${g.orgId}`, tx: OrgOfficerEntity().build(PutTransaction).item({ orgId: g.orgId, userId }) }));
const wechatLinks = once(() => WechatLinkEntity().build(EntityRepository));

export interface UserRecord {
  userId: string;
  displayName: string;
  grants: RoleGrant[];
  demoDescription?: string;
}

export const getUser = async (userId: string): Promise<UserRecord | null> => {
  const { Item } = await users().get({ userId });
  if (!Item) return null;
  return {
    userId: Item.userId,
    displayName: Item.displayName,
    grants: grantsFrom(Item.grantKeys),
    ...(Item.demoDescription ? { demoDescription: Item.demoDescription } : {}),
  };
};

/** Puts a user with their grants; each officer grant's org index item in the same transaction. */
export const putUser = async (user: UserRecord & { demoOrder?: number }): Promise<void> => {
  const item = {
    userId: user.userId,
    displayName: user.displayName,
    ...(user.grants.length > 0 ? { grantKeys: new Set(user.grants.map(grantKey)) } : {}),
    ...(user.demoDescription !== undefined
      ? { demoDescription: user.demoDescription, gsi1pk: 'DEVIDENTITY', gsi1sk: String(user.demoOrder ?? 0).padStart(4, '0') }
      : {}),
  };
  const index = officerIndexTxs(user.userId, user.grants);
  if (index.length === 0) {
    await users().put(item);
    return;
  }
  await runTransaction(async () => [{ label: 'user', tx: UserEntity().build(PutTransaction).item(item) }, ...index]);
};

/**
 * Adds a role grant (idempotent, atomic: DynamoDB ADD on a string set); an officer grant with its
 * org index item, in one transaction.
 */
export const addGrant = async (userId: string, grant: RoleGrant): Promise<void> => {
  const update = { userId, grantKeys: $add(new Set([grantKey(grant)])) };
  const userExists = { condition: { attr: 'userId', exists: true } } as const;
  try {
    if (grant.role !== 'officer') {
      await users().update(update, userExists);
      return;
    }
    await runTransaction(async () => [
      { label: 'user', tx: UserEntity().build(UpdateTransaction).item(update).options(userExists) },
      ...officerIndexTxs(userId, [grant]),
    ]);
  } catch (e) {
    if (isConditionFailure(e) || e instanceof TransactionRefused) throw new DomainError('USER_NOT_FOUND', '用户不存在');
    throw e;
  }
};

/**
 * The officers of one org (not of its ancestors): the org's index items, then their user items, of
 * which only those still holding `officer@orgId` count (a grant removed since leaves its index item
 * behind, harmlessly). Two round trips.
 */
export const listOfficersOf = async (orgId: string): Promise<string[]> => {
  const { Items = [] } = await orgOfficers().query({ partition: `ORG#${orgId}`, range: { beginsWith: 'OFFICER#' } }, ALL_PAGES);
  const userIds = Items.map((i) => i.userId);
  const stored = await batchGetItems(
    userIds.map((userId) => ({ pk: `USER#${userId}`, sk: 'PROFILE' })),
    { consistent: true, attributes: ['pk', 'sk', 'grantKeys'] },
  );
  const wanted = grantKey({ role: 'officer', orgId });
  return userIds.filter((_, i) => (stored[i]?.grantKeys as Set<string> | undefined)?.has(wanted) ?? false);
};

/**
 * A grant added inside a caller's transaction (a roster entry and its delegate grant are one
 * write). Conditioned on the user existing, so no stub user item is ever created. Not for an officer
 * grant, which needs its org index item too (addGrant, putUser).
 */
export const grantTx = (userId: string, grant: RoleGrant, label = `grant:${userId}`): LabeledTx => {
  if (grant.role === 'officer') throw new Error('an officer grant is written with its org index item: addGrant or putUser');
  return {
    label,
    tx: UserEntity()
      .build(UpdateTransaction)
      .item({ userId, grantKeys: $add(new Set([grantKey(grant)])) })
      .options({ condition: { attr: 'userId', exists: true } }),
  };
};

/** A grant removed inside a caller's transaction (leaving a roster, transferring away). */
export const revokeGrantTx = (userId: string, grant: RoleGrant, label = `revoke:${userId}`): LabeledTx => ({
  label,
  tx: UserEntity()
    .build(UpdateTransaction)
    .item({ userId, grantKeys: $delete(new Set([grantKey(grant)])) })
    .options({ condition: { attr: 'userId', exists: true } }),
});

/** The label of changeGrantsTx's item: pass it in the caller's runTransaction `retryOn`. */
export const GRANTS_LABEL = 'grants';

/**
 * A change of one user's grants inside a caller's transaction that adds some and removes others
 * (DynamoDB refuses ADD and DELETE on one attribute in one update, and a transaction may touch the
 * user item once): the set is read, and the new set written only while the stored one is still the
 * set read. A grant added or removed meanwhile fails that condition (label GRANTS_LABEL), and the
 * caller's runTransaction, given GRANTS_LABEL in `retryOn`, builds again from a fresh read.
 * null when nothing changes (or there is no such user).
 */
export const changeGrantsTx = async (
  userId: string,
  change: { add?: readonly RoleGrant[]; remove?: (g: RoleGrant) => boolean },
): Promise<LabeledTx | null> => {
  const { Item } = await users().get({ userId }, { consistent: true });
  if (!Item) return null;
  const current = Item.grantKeys ?? new Set<string>();
  const next = new Set(
    [...current].filter((key) => {
      const g = parseGrant(key);
      return !(g && change.remove?.(g));
    }),
  );
  for (const g of change.add ?? []) next.add(grantKey(g));
  if (next.size === current.size && [...next].every((k) => current.has(k))) return null;
  return {
    label: GRANTS_LABEL,
    tx: UserEntity()
      .build(UpdateTransaction)
      .item({ userId, grantKeys: next.size > 0 ? next : $remove() })
      .options({
        condition: {
          and: [
            { attr: 'userId', exists: true },
            // Set equality (order-free), which DynamoDB conditions support but the toolbox's types omit.
            current.size > 0
              ? ({ attr: 'grantKeys', eq: current } as unknown as { attr: 'grantKeys'; exists: true })
              : { attr: 'grantKeys', exists: false },
          ],
        },
      }),
  };
};

/** Whether the user holds `grant` now (strongly consistent). */
export const holdsGrant = async (userId: string, grant: RoleGrant): Promise<boolean> => {
  const { Item } = await users().get({ userId }, { consistent: true });
  return Item?.grantKeys?.has(grantKey(grant)) ?? false;
};

/** Removes grants matching `pred` (a transferred member loses the old org's member grant). */
export const removeGrants = async (userId: string, pred: (g: RoleGrant) => boolean): Promise<void> => {
  const user = await getUser(userId);
  const gone = user?.grants.filter(pred) ?? [];
  if (gone.length === 0) return;
  await users().update({ userId, grantKeys: $delete(new Set(gone.map(grantKey))) });
};

export const listDemoIdentities = async (): Promise<UserRecord[]> => {
  const { Items = [] } = await users().query({ index: 'gsi1', partition: 'DEVIDENTITY' }, { maxPages: Number.POSITIVE_INFINITY });
  return Items.map((i) => ({
    userId: i.userId,
    displayName: i.displayName,
    grants: grantsFrom(i.grantKeys),
    demoDescription: i.demoDescription ?? '',
  }));
};

/** The openid a user signs in to the weapp with (the 订阅消息 recipient), or null (h5 only). */
export const openIdOf = async (userId: string): Promise<string | null> =>
  (await wechatLinks().get({ userId }, { consistent: true })).Item?.openId ?? null;

/** Records the account's openid (an account made before the link existed, the demo identities). */
export const linkOpenId = async (userId: string, openId: string): Promise<void> => {
  await wechatLinks().put({ userId, openId });
};

/**
 * The user behind a WeChat openid, created on first login: the openid → user item (absent), the
 * account and its user → openid link in one transaction, so a race makes one account and no
 * account is without its link. An account from before the link gets it at its next sign-in.
 */
export const userForOpenId = async (openId: string, newUserId: string): Promise<UserRecord> => {
  const existing = await wechatIds().get({ openId });
  if (existing.Item) {
    const [user, linked] = await Promise.all([getUser(existing.Item.userId), openIdOf(existing.Item.userId)]);
    if (user) {
      if (linked !== openId) await linkOpenId(user.userId, openId);
      return user;
    }
  }
  try {
    const user: UserRecord = { userId: newUserId, displayName: '微信用户', grants: [] };
    await runTransaction(async () => [
      {
        label: 'identity',
        tx: WechatIdentityEntity()
          .build(PutTransaction)
          .item({ openId, userId: newUserId })
          .options({ condition: { attr: 'openId', exists: false } }),
      },
      { label: 'user', tx: UserEntity().build(PutTransaction).item({ userId: newUserId, displayName: user.displayName }) },
      { label: 'link', tx: WechatLinkEntity().build(PutTransaction).item({ userId: newUserId, openId }) },
    ]);
    return user;
  } catch (e) {
    if (!(e instanceof TransactionRefused) && !isConditionFailure(e)) throw e;
    const again = await wechatIds().get({ openId });
    const user = again.Item ? await getUser(again.Item.userId) : null;
    if (!user) throw new DomainError('USER_NOT_FOUND', '用户不存在');
    return user;
  }
};

export const claimsOf = (u: UserRecord): SessionClaims => ({ userId: u.userId, displayName: u.displayName, roles: u.grants });
