import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { MembershipEntity } from './entities/membership.entity';
import { once } from './once';
import { ALL_PAGES } from './page';

const memberships = once(() => MembershipEntity().build(EntityRepository));

/** The active member with this number in `orgId` (members come from the 入会 journey's memberships). */
export const findActiveMemberByNumber = async (
  orgId: string,
  memberNumber: string,
): Promise<{ userId: string; name: string; memberNumber: string } | null> => {
  const { Items = [] } = await memberships().query(
    { index: 'gsi2', partition: `ORGMEMBERS#${orgId}`, range: { eq: memberNumber } },
    ALL_PAGES,
  );
  const m = Items.find((i) => i.status === 'active');
  return m ? { userId: m.userId, name: m.name, memberNumber: m.memberNumber } : null;
};
