import { TRANSFER_STATUSES } from '@union/shared';
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { once } from '../once';
import { UnionTable } from '../table';

/**
 * 会籍转移 request. Access patterns:
 * - get by id — pk TRANSFER#id, sk META
 * - a user's transfers — gsi1: USERTRANSFERS#userId / requestedAt#id
 * - pending transfers into an org, oldest first — gsi2: TRANSFERQUEUE#<toOrgId>#pending / <requestedAt>#id
 *   (removed once decided); the receiving officer's queue walks their subtree, one partition per org
 */
export const TransferEntity = once(
  () =>
    new Entity({
      name: 'Transfer',
      table: UnionTable,
      schema: item({
        transferId: string().key(),
        userId: string(),
        name: string(),
        fromMembershipId: string(),
        fromOrgId: string(),
        fromOrgName: string(),
        fromMemberNumber: string(),
        toOrgId: string(),
        toOrgName: string(),
        toOrgPath: string(),
        status: string().enum(...TRANSFER_STATUSES),
        note: string().optional(),
        requestedAt: string(),
        decidedAt: string().optional(),
        decidedBy: string().optional(),
        rejectReason: string().optional(),
        newMembershipId: string().optional(),
        newMemberNumber: string().optional(),
        gsi1pk: string().optional(),
        gsi1sk: string().optional(),
        gsi2pk: string().optional(),
        gsi2sk: string().optional(),
      }),
      computeKey: ({ transferId }) => ({ pk: `TRANSFER#${transferId}`, sk: 'META' }),
    }),
);

/** One pending transfer per user. Access pattern: get — pk USER#userId, sk TRANSFER. */
export const UserTransferEntity = once(
  () =>
    new Entity({
      name: 'UserTransfer',
      table: UnionTable,
      schema: item({
        userId: string().key(),
        transferId: string(),
        status: string().enum(...TRANSFER_STATUSES),
      }),
      computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'TRANSFER' }),
    }),
);
