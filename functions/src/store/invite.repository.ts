import { assertInviteUsable, type InviteMode, inviteNotFound } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { InviteEntity } from './entities/invite.entity';
import { isConditionFailure } from './errors';
import { once } from './once';
import { ALL_PAGES, limitOf, nextCursorOf, type Page, type PageRequest, startKeyOf } from './page';

const invites = once(() => InviteEntity().build(EntityRepository));

export interface InviteRecord {
  inviteId: string;
  orgId: string;
  orgName: string;
  mode: InviteMode;
  expiresAt: string;
  maxUses: number;
  uses: number;
  revokedAt: string | null;
  createdBy: string;
  createdAt: string;
}

export type InviteItem = NonNullable<Awaited<ReturnType<ReturnType<typeof invites>['get']>>['Item']>;
export const toInvite = (i: InviteItem): InviteRecord => ({
  inviteId: i.inviteId,
  orgId: i.orgId,
  orgName: i.orgName,
  mode: i.mode,
  expiresAt: i.expiresAt,
  maxUses: i.maxUses,
  uses: i.uses,
  revokedAt: i.revokedAt ?? null,
  createdBy: i.createdBy,
  createdAt: i.createdAt,
});

export const createInvite = async (invite: Omit<InviteRecord, 'uses' | 'revokedAt'>): Promise<InviteRecord> => {
  // ISO in UTC, so the "not expired" condition can compare strings.
  const expiresAt = new Date(invite.expiresAt).toISOString();
  await invites().put(
    { ...invite, expiresAt, uses: 0, gsi1pk: `ORGINVITES#${invite.orgId}`, gsi1sk: `${invite.createdAt}#${invite.inviteId}` },
    { condition: { attr: 'inviteId', exists: false } },
  );
  return { ...invite, expiresAt, uses: 0, revokedAt: null };
};

export const getInvite = async (inviteId: string): Promise<InviteRecord | null> => {
  const { Item } = await invites().get({ inviteId });
  return Item ? toInvite(Item) : null;
};

/** The invite, or INVITE_INVALID (a forged or mistyped code). */
export const requireInvite = async (inviteId: string): Promise<InviteRecord> => {
  const invite = await getInvite(inviteId);
  if (!invite) throw inviteNotFound();
  return invite;
};

/** Every invite of an org, newest first (all pages). */
export const listInvites = async (orgId: string): Promise<InviteRecord[]> => {
  const { Items = [] } = await invites().query({ index: 'gsi1', partition: `ORGINVITES#${orgId}` }, { reverse: true, ...ALL_PAGES });
  return Items.map(toInvite);
};

/** A page of an org's invites, newest first. */
export const listInvitesPage = async (orgId: string, req: PageRequest): Promise<Page<InviteRecord>> => {
  const partition = `ORGINVITES#${orgId}`;
  const { Items = [], LastEvaluatedKey } = await invites().query(
    { index: 'gsi1', partition },
    { reverse: true, limit: limitOf(req), exclusiveStartKey: startKeyOf(req.cursor, 'gsi1', partition) },
  );
  return { items: Items.map(toInvite), nextCursor: nextCursorOf(LastEvaluatedKey) };
};

export const revokeInvite = async (inviteId: string, now: Date): Promise<InviteRecord> => {
  try {
    await invites().update(
      { inviteId, revokedAt: now.toISOString() },
      {
        condition: {
          and: [
            { attr: 'inviteId', exists: true },
            { attr: 'revokedAt', exists: false },
          ],
        },
      },
    );
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    // Absent → INVITE_INVALID; already revoked → idempotent answer below.
  }
  return requireInvite(inviteId);
};

/** One use of the invite, inside a transaction: refused unless still open on `now` with uses left. */
export const useInviteTx = (inviteId: string, now: Date) =>
  InviteEntity()
    .build(UpdateTransaction)
    .item({ inviteId, uses: $add(1) })
    .options({
      condition: {
        and: [
          { attr: 'inviteId', exists: true },
          { attr: 'revokedAt', exists: false },
          { attr: 'expiresAt', gt: now.toISOString() },
          { attr: 'uses', lt: { attr: 'maxUses' } },
        ],
      },
    });

/** After a refused use: the specific reason (revoked / expired / used up / forged). */
export const explainInviteRefusal = async (inviteId: string, now: Date): Promise<never> => {
  const invite = await requireInvite(inviteId);
  assertInviteUsable(invite, now);
  // The condition failed but the invite now looks usable: it was used up at that moment.
  assertInviteUsable({ ...invite, uses: invite.maxUses }, now);
  throw inviteNotFound();
};
