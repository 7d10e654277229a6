import { NO_OFFICER_FACTS, type OfficerFacts } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { CardIndexEntity } from './entities/card.entity';
import { MemberFactsEntity } from './entities/member-facts.entity';

const cardIndex = CardIndexEntity.build(EntityRepository);
const memberFacts = MemberFactsEntity.build(EntityRepository);

/** Remembers which account holds a member number (idempotent: a card fetch rewrites the same item). */
export const indexCard = async (memberNumber: string, userId: string, orgId: string): Promise<void> => {
  await cardIndex.put({ memberNumber, userId, orgId });
};

export const findCardHolder = async (memberNumber: string): Promise<{ userId: string; orgId: string } | null> => {
  const { Item } = await cardIndex.get({ memberNumber });
  return Item ? { userId: Item.userId, orgId: Item.orgId } : null;
};

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
