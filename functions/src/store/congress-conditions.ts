import { DomainError } from '@union/shared';
import { ConditionCheck } from 'dynamodb-toolbox/entity/actions/transactCheck';
import { UserMembershipEntity } from './entities/membership.entity';
import { type LabeledTx, TransactionRefused } from './transactions';

/**
 * What the congress repositories (session, roster, proposal, motion, ballot) share: turning a
 * refused transaction into its domain error, and the "still an active member of the org" check
 * that every delegate's act carries.
 */

/** Turns a refused transaction into the domain error of its first failed condition. */
export const refusal = (e: unknown, errors: Record<string, () => DomainError>): unknown => {
  if (e instanceof TransactionRefused) {
    for (const label of e.failed) {
      const make = errors[label.split(':')[0] ?? label];
      if (make) return make();
    }
  }
  return e;
};

/** The person's active membership is in `orgId` (the account's pointer, moved by a transfer). */
export const memberOfOrgCheck = (userId: string, orgId: string, label: string): LabeledTx => ({
  label,
  tx: UserMembershipEntity().build(ConditionCheck).key({ userId }).condition({ attr: 'orgId', eq: orgId }),
});

export const notMember = (act: string) =>
  new DomainError('DELEGATE_NOT_MEMBER', `您已不是本工会的在册会员，不能${act}`, { field: 'sessionId' });
