import { NO_OFFICER_FACTS, type OfficerFacts } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { MemberFactsEntity } from './entities/member-facts.entity';

const memberFacts = MemberFactsEntity.build(EntityRepository);

export interface OfficerFactsRecord extends OfficerFacts {
  userId: string;
  orgId: string;
  memberName: string;
  updatedAt: string;
  updatedBy: string;
}

/** Officer-set facts of a member; all false when none were ever set. */
export const getOfficerFacts = async (userId: string): Promise<OfficerFacts> => {
  const { Item } = await memberFacts.get({ userId }, { consistent: true });
  return Item
    ? { hardship: Item.hardship, modelWorker: Item.modelWorker, frontlineMedical: Item.frontlineMedical }
    : { ...NO_OFFICER_FACTS };
};

export const putOfficerFacts = async (r: OfficerFactsRecord): Promise<void> => {
  await memberFacts.put({ ...r, gsi1pk: `FACTSORG#${r.orgId}`, gsi1sk: r.userId });
};

/** Members of an org whose facts an officer has set. */
export const listOfficerFacts = async (orgId: string): Promise<OfficerFactsRecord[]> => {
  const { Items = [] } = await memberFacts.query({ index: 'gsi1', partition: `FACTSORG#${orgId}` }, { maxPages: Number.POSITIVE_INFINITY });
  return Items.map((i) => ({
    userId: i.userId,
    orgId: i.orgId,
    memberName: i.memberName,
    hardship: i.hardship,
    modelWorker: i.modelWorker,
    frontlineMedical: i.frontlineMedical,
    updatedAt: i.updatedAt,
    updatedBy: i.updatedBy,
  }));
};
