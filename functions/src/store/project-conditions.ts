import { DomainError } from '@union/shared';
import { userMembershipKey } from './membership-pointer';
import { tableName } from './table';
import type { LabeledTx } from './transactions';
import { rawTx } from './transactions';

/**
 * The check every 实事 act of a member carries inside its transaction: the account's active
 * membership (USER#id / MEMBERSHIP, which exists only while the membership is active) sits in the
 * subtree of `orgId` — its root-first lineage has `orgId` at `depth` (the org's ancestor count).
 */
export const memberInSubtreeCheck = (userId: string, org: { orgId: string; orgDepth: number }, label = 'member'): LabeledTx => ({
  label,
  tx: rawTx({
    ConditionCheck: {
      TableName: tableName(),
      Key: userMembershipKey(userId),
      ConditionExpression: `#lineage[${Math.trunc(org.orgDepth)}].#orgId = :orgId`,
      ExpressionAttributeNames: { '#lineage': 'lineage', '#orgId': 'orgId' },
      ExpressionAttributeValues: { ':orgId': org.orgId },
    },
  }),
});

export const notInSubtree = (field: string, act: string): DomainError =>
  new DomainError('NOT_IN_SUBTREE', `只有本工会及下级工会的在会会员可以${act}`, { field });

/** Whether a member's root-first lineage lies under `org` (the read-side twin of memberInSubtreeCheck). */
export const lineageUnder = (lineage: ReadonlyArray<{ orgId: string }>, org: { orgId: string; orgDepth: number }): boolean =>
  lineage[org.orgDepth]?.orgId === org.orgId;
