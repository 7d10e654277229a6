import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { ClaimDelegationEntity } from './entities/claim.entity';
import { once } from './once';
import { limitOf, nextCursorOf, type Page, type PageRequest, startKeyOf } from './page';

/**
 * 委托审核: a publisher's officer lets an org below it decide claims against its benefits
 * (`ORG#<publisher> / CLAIMDELEGATE#<delegate>`); docs/ARCHITECTURE.md, Separation of duties.
 */

const delegations = once(() => ClaimDelegationEntity().build(EntityRepository));

export interface ClaimDelegation {
  orgId: string;
  delegateOrgId: string;
  delegateOrgName: string;
  grantedBy: string;
  grantedAt: string;
}

const toDelegation = (i: ClaimDelegation): ClaimDelegation => ({
  orgId: i.orgId,
  delegateOrgId: i.delegateOrgId,
  delegateOrgName: i.delegateOrgName,
  grantedBy: i.grantedBy,
  grantedAt: i.grantedAt,
});

/** Delegates review (idempotent: granting again refreshes who granted it and when). */
export const putDelegation = async (d: ClaimDelegation): Promise<ClaimDelegation> => {
  await delegations().put(d);
  return d;
};

export const deleteDelegation = async (orgId: string, delegateOrgId: string): Promise<void> => {
  await delegations().delete({ orgId, delegateOrgId });
};

/** Which of `delegateOrgIds` the publisher delegated review to (a lineage: a few gets). */
export const findDelegations = async (orgId: string, delegateOrgIds: readonly string[]): Promise<string[]> => {
  const found = await Promise.all(
    delegateOrgIds.map((delegateOrgId) =>
      delegations()
        .get({ orgId, delegateOrgId }, { consistent: true })
        .then((r) => r.Item),
    ),
  );
  return found.flatMap((d) => (d ? [d.delegateOrgId] : []));
};

/** A page of the publisher's delegations. */
export const listDelegationsPage = async (orgId: string, req: PageRequest): Promise<Page<ClaimDelegation>> => {
  const partition = `ORG#${orgId}`;
  const { Items = [], LastEvaluatedKey } = await delegations().query(
    { partition, range: { beginsWith: 'CLAIMDELEGATE#' } },
    { limit: limitOf(req), exclusiveStartKey: startKeyOf(req.cursor, 'table', partition, 'CLAIMDELEGATE#') },
  );
  return { items: Items.map(toDelegation), nextCursor: nextCursorOf(LastEvaluatedKey) };
};
