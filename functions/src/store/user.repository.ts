import { DomainError, ROLE_NAMES, type RoleGrant, type RoleName, type SessionClaims } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add, $delete } from 'dynamodb-toolbox/entity/actions/update';
import { UserEntity, WechatIdentityEntity } from './entities/user.entity';
import { isConditionFailure } from './errors';
import type { LabeledTx } from './transactions';

const users = UserEntity.build(EntityRepository);

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
const wechatIds = WechatIdentityEntity.build(EntityRepository);

export interface UserRecord {
  userId: string;
  displayName: string;
  grants: RoleGrant[];
  demoDescription?: string;
}

export const getUser = async (userId: string): Promise<UserRecord | null> => {
  const { Item } = await users.get({ userId });
  if (!Item) return null;
  return {
    userId: Item.userId,
    displayName: Item.displayName,
    grants: grantsFrom(Item.grantKeys),
    ...(Item.demoDescription ? { demoDescription: Item.demoDescription } : {}),
  };
};

export const putUser = async (user: UserRecord & { demoOrder?: number }): Promise<void> => {
  await users.put({
    userId: user.userId,
    displayName: user.displayName,
    ...(user.grants.length > 0 ? { grantKeys: new Set(user.grants.map(grantKey)) } : {}),
    ...(user.demoDescription !== undefined
      ? { demoDescription: user.demoDescription, gsi1pk: 'DEVIDENTITY', gsi1sk: String(user.demoOrder ?? 0).padStart(4, '0') }
      : {}),
  });
};

/** Adds a role grant (idempotent, atomic: DynamoDB ADD on a string set). */
export const addGrant = async (userId: string, grant: RoleGrant): Promise<void> => {
  try {
    await users.update({ userId, grantKeys: $add(new Set([grantKey(grant)])) }, { condition: { attr: 'userId', exists: true } });
  } catch (e) {
    if (isConditionFailure(e)) throw new DomainError('USER_NOT_FOUND', '用户不存在');
    throw e;
  }
};

/**
 * A grant added inside a caller's transaction (a roster entry and its delegate grant are one
 * write). Conditioned on the user existing, so no stub user item is ever created.
 */
export const grantTx = (userId: string, grant: RoleGrant, label = `grant:${userId}`): LabeledTx => ({
  label,
  tx: UserEntity.build(UpdateTransaction)
    .item({ userId, grantKeys: $add(new Set([grantKey(grant)])) })
    .options({ condition: { attr: 'userId', exists: true } }),
});

/** A grant removed inside a caller's transaction (leaving a roster, transferring away). */
export const revokeGrantTx = (userId: string, grant: RoleGrant, label = `revoke:${userId}`): LabeledTx => ({
  label,
  tx: UserEntity.build(UpdateTransaction)
    .item({ userId, grantKeys: $delete(new Set([grantKey(grant)])) })
    .options({ condition: { attr: 'userId', exists: true } }),
});

/** Whether the user holds `grant` now (strongly consistent). */
export const holdsGrant = async (userId: string, grant: RoleGrant): Promise<boolean> => {
  const { Item } = await users.get({ userId }, { consistent: true });
  return Item?.grantKeys?.has(grantKey(grant)) ?? false;
};

/** Removes grants matching `pred` (a transferred member loses the old org's member grant). */
export const removeGrants = async (userId: string, pred: (g: RoleGrant) => boolean): Promise<void> => {
  const user = await getUser(userId);
  const gone = user?.grants.filter(pred) ?? [];
  if (gone.length === 0) return;
  await users.update({ userId, grantKeys: $delete(new Set(gone.map(grantKey))) });
};

export const listDemoIdentities = async (): Promise<UserRecord[]> => {
  const { Items = [] } = await users.query({ index: 'gsi1', partition: 'DEVIDENTITY' }, { maxPages: Number.POSITIVE_INFINITY });
  return Items.map((i) => ({
    userId: i.userId,
    displayName: i.displayName,
    grants: grantsFrom(i.grantKeys),
    demoDescription: i.demoDescription ?? '',
  }));
};

/** The user behind a WeChat openid, created on first login (conditioned, so a race makes one). */
export const userForOpenId = async (openId: string, newUserId: string): Promise<UserRecord> => {
  const existing = await wechatIds.get({ openId });
  if (existing.Item) {
    const user = await getUser(existing.Item.userId);
    if (user) return user;
  }
  try {
    await wechatIds.put({ openId, userId: newUserId }, { condition: { attr: 'openId', exists: false } });
    const user: UserRecord = { userId: newUserId, displayName: '微信用户', grants: [] };
    await putUser(user);
    return user;
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    const again = await wechatIds.get({ openId });
    const user = again.Item ? await getUser(again.Item.userId) : null;
    if (!user) throw new DomainError('USER_NOT_FOUND', '用户不存在');
    return user;
  }
};

export const claimsOf = (u: UserRecord): SessionClaims => ({ userId: u.userId, displayName: u.displayName, roles: u.grants });
