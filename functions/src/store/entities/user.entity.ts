import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { set } from 'dynamodb-toolbox/schema/set';
import { string } from 'dynamodb-toolbox/schema/string';
import { once } from '../once';
import { UnionTable } from '../table';

/**
 * A person who signs in. Role grants live here and are copied into the session token at
 * sign-in or refresh. Access patterns:
 * - get a user — pk USER#id, sk PROFILE
 * - list demo identities for the development sign-in — gsi1: DEVIDENTITY / order
 */
export const UserEntity = once(
  () =>
    new Entity({
      name: 'User',
      table: UnionTable,
      schema: item({
        userId: string().key(),
        displayName: string(),
        /**
         * Role grants as a string set of `role@orgId`: a set, so that two grants added at once
         * (activation and a congress roster, say) are both kept — ADD and DELETE are atomic.
         */
        grantKeys: set(string()).optional(),
        /** Shown on the development sign-in page only. */
        demoDescription: string().optional(),
        gsi1pk: string().optional(),
        gsi1sk: string().optional(),
      }),
      computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
    }),
);

/**
 * WeChat openid → user. Access pattern: get by openid — pk WXOPENID#openid, sk USER.
 * Created with a condition so two first logins from one openid make one user.
 */
export const WechatIdentityEntity = once(
  () =>
    new Entity({
      name: 'WechatIdentity',
      table: UnionTable,
      schema: item({
        openId: string().key(),
        userId: string(),
      }),
      computeKey: ({ openId }) => ({ pk: `WXOPENID#${openId}`, sk: 'USER' }),
    }),
);

/**
 * An officer of an org, in the org's item collection: a copy of the user's `officer@orgId` grant,
 * written with it (putUser, addGrant), so the officers of one org are a query, not a scan.
 * Access pattern: the officers of an org — pk ORG#orgId, sk begins_with OFFICER#. The user's grant
 * stays the authority: a reader keeps only those whose user item still holds it (`listOfficersOf`).
 */
export const OrgOfficerEntity = once(
  () =>
    new Entity({
      name: 'OrgOfficer',
      table: UnionTable,
      timestamps: false,
      schema: item({
        orgId: string().key(),
        userId: string().key(),
      }),
      computeKey: ({ orgId, userId }) => ({ pk: `ORG#${orgId}`, sk: `OFFICER#${userId}` }),
    }),
);

/**
 * The account → its WeChat openid: where the `notify` function addresses a 订阅消息 (touser).
 * Access pattern: get by user — pk USER#userId, sk WXOPENID. Written with the WechatIdentity item
 * when an account is made at its first WeChat sign-in, and at a later sign-in of an account made
 * before it existed. Accounts that only sign in on h5 have none (they are told in the 消息 inbox).
 */
export const WechatLinkEntity = once(
  () =>
    new Entity({
      name: 'WechatLink',
      table: UnionTable,
      schema: item({
        userId: string().key(),
        openId: string(),
      }),
      computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'WXOPENID' }),
    }),
);
