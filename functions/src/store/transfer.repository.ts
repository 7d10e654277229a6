import { DomainError, type TransferStatus } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $remove } from 'dynamodb-toolbox/entity/actions/update';
import { DESK_NOW, type DeskDeltas, deskTx } from './desk-counters';
import { TransferEntity, UserTransferEntity } from './entities/transfer.entity';
import { once } from './once';
import { ALL_PAGES } from './page';
import type { OrgQueue } from './subtree-page';
import type { LabeledTx } from './transactions';

const transfers = once(() => TransferEntity().build(EntityRepository));

/** Pending transfers into an org: one partition per receiving org. */
const queuePartition = (orgId: string) => `TRANSFERQUEUE#${orgId}#pending`;

export interface TransferRecord {
  transferId: string;
  userId: string;
  name: string;
  fromMembershipId: string;
  fromOrgId: string;
  fromOrgName: string;
  fromMemberNumber: string;
  toOrgId: string;
  toOrgName: string;
  toOrgPath: string;
  status: TransferStatus;
  note: string | null;
  requestedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  rejectReason: string | null;
  newMembershipId: string | null;
  newMemberNumber: string | null;
}

type TransferItem = NonNullable<Awaited<ReturnType<ReturnType<typeof transfers>['get']>>['Item']>;
const toRecord = (i: TransferItem): TransferRecord => ({
  transferId: i.transferId,
  userId: i.userId,
  name: i.name,
  fromMembershipId: i.fromMembershipId,
  fromOrgId: i.fromOrgId,
  fromOrgName: i.fromOrgName,
  fromMemberNumber: i.fromMemberNumber,
  toOrgId: i.toOrgId,
  toOrgName: i.toOrgName,
  toOrgPath: i.toOrgPath,
  status: i.status,
  note: i.note ?? null,
  requestedAt: i.requestedAt,
  decidedAt: i.decidedAt ?? null,
  decidedBy: i.decidedBy ?? null,
  rejectReason: i.rejectReason ?? null,
  newMembershipId: i.newMembershipId ?? null,
  newMemberNumber: i.newMemberNumber ?? null,
});

/** A new pending transfer, and the user's "one pending transfer" lock. */
export const requestTransferTxs = (t: TransferRecord): LabeledTx[] => [
  {
    label: 'transfer',
    tx: TransferEntity()
      .build(PutTransaction)
      .item({
        ...t,
        note: t.note ?? undefined,
        decidedAt: undefined,
        decidedBy: undefined,
        rejectReason: undefined,
        newMembershipId: undefined,
        newMemberNumber: undefined,
        gsi1pk: `USERTRANSFERS#${t.userId}`,
        gsi1sk: `${t.requestedAt}#${t.transferId}`,
        gsi2pk: queuePartition(t.toOrgId),
        gsi2sk: `${t.requestedAt}#${t.transferId}`,
      })
      .options({ condition: { attr: 'transferId', exists: false } }),
  },
  {
    label: 'userTransfer',
    tx: UserTransferEntity()
      .build(PutTransaction)
      .item({ userId: t.userId, transferId: t.transferId, status: 'pending' })
      .options({
        condition: {
          or: [
            { attr: 'status', exists: false },
            { attr: 'status', ne: 'pending' },
          ],
        },
      }),
  },
  deskTx(t.toOrgId, DESK_NOW, { 'waiting:transfers': 1 }),
];

/**
 * A decided (or closed) transfer leaves the receiving org's 待办 count — the org whose queue holds it.
 * Not in decideTransferTxs: an approval's move writes that org's NOW item too, and one transaction may
 * touch an item once, so the caller merges it (DeskDeltas).
 */
export const transferDecidedDeltas = (d: DeskDeltas, t: Pick<TransferRecord, 'toOrgId'>): DeskDeltas =>
  d.add(t.toOrgId, DESK_NOW, { 'waiting:transfers': -1 });

/** Decides a pending transfer (inside the move transaction when approved). */
export const decideTransferTxs = (
  t: TransferRecord,
  decision: { status: 'approved'; newMembershipId: string; newMemberNumber: string } | { status: 'rejected'; reason: string },
  by: string,
  now: Date,
): LabeledTx[] => [
  {
    label: 'transfer',
    tx: TransferEntity()
      .build(UpdateTransaction)
      .item({
        transferId: t.transferId,
        status: decision.status,
        decidedAt: now.toISOString(),
        decidedBy: by,
        ...(decision.status === 'approved'
          ? { newMembershipId: decision.newMembershipId, newMemberNumber: decision.newMemberNumber }
          : { rejectReason: decision.reason }),
        gsi2pk: $remove(),
        gsi2sk: $remove(),
      })
      .options({ condition: { attr: 'status', eq: 'pending' } }),
  },
  {
    label: 'userTransfer',
    tx: UserTransferEntity()
      .build(PutTransaction)
      .item({ userId: t.userId, transferId: t.transferId, status: decision.status })
      .options({ condition: { attr: 'transferId', eq: t.transferId } }),
  },
];

export const requireTransfer = async (transferId: string): Promise<TransferRecord> => {
  const { Item } = await transfers().get({ transferId }, { consistent: true });
  if (!Item) throw new DomainError('TRANSFER_NOT_FOUND', '会籍转移申请不存在', { field: 'transferId' });
  return toRecord(Item);
};

/** A user's transfers, newest first (every page). */
export const listUserTransfers = async (userId: string): Promise<TransferRecord[]> => {
  const { Items = [] } = await transfers().query({ index: 'gsi1', partition: `USERTRANSFERS#${userId}` }, { reverse: true, ...ALL_PAGES });
  return Items.map(toRecord);
};

/** Pending transfers per receiving org, oldest first: read over an officer's subtree by pageSubtreeQueue. */
export const pendingTransfersQueue: OrgQueue<TransferRecord> = {
  index: 'gsi2',
  partition: queuePartition,
  async read(orgId, exclusiveStartKey, limit) {
    const { Items = [], LastEvaluatedKey } = await transfers().query(
      { index: 'gsi2', partition: queuePartition(orgId) },
      { limit, exclusiveStartKey },
    );
    return { items: Items.map(toRecord), lastKey: LastEvaluatedKey };
  },
};
