import { INVITE_MODES } from '@union/shared';
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { once } from '../once';
import { UnionTable } from '../table';

/**
 * 入会邀请 (the QR code an officer prints). Access patterns:
 * - get by id (public lookup, apply) — pk INVITE#id, sk META
 * - list an org's invites, newest first — gsi1: ORGINVITES#orgId / createdAt#id
 * Uses are counted with a conditional update (uses < maxUses, not revoked, not expired).
 */
export const InviteEntity = once(
  () =>
    new Entity({
      name: 'Invite',
      table: UnionTable,
      schema: item({
        inviteId: string().key(),
        orgId: string(),
        orgName: string(),
        mode: string().enum(...INVITE_MODES),
        expiresAt: string(),
        maxUses: number(),
        uses: number(),
        revokedAt: string().optional(),
        createdBy: string(),
        createdAt: string(),
        gsi1pk: string().optional(),
        gsi1sk: string().optional(),
      }),
      computeKey: ({ inviteId }) => ({ pk: `INVITE#${inviteId}`, sk: 'META' }),
    }),
);
