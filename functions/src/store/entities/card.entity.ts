import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { UnionTable } from '../table';

/**
 * Member number → account, written when a card is issued, so a verifier's scan (which carries
 * only the member number and org) finds the current membership without listing an org's members.
 * Access pattern: get — pk CARDNO#memberNumber, sk CARD.
 */
export const CardIndexEntity = new Entity({
  name: 'CardIndex',
  table: UnionTable,
  schema: item({
    memberNumber: string().key(),
    userId: string(),
    orgId: string(),
  }),
  computeKey: ({ memberNumber }) => ({ pk: `CARDNO#${memberNumber}`, sk: 'CARD' }),
});
