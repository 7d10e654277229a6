import { Entity } from 'dynamodb-toolbox/entity';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { once } from '../once';
import { UnionTable } from '../table';

/**
 * Facts only an officer sets (困难职工建档, 劳模, 一线医务人员). `version` counts the edits
 * (absent = 0 on items written before it existed): an edit is a put conditioned on the version
 * the editor read, so two officers never overwrite each other. Access patterns:
 * - a member's facts — pk USER#userId, sk OFFICERFACTS
 * - the members an org's officers have set facts for — gsi1: FACTSORG#orgId / userId
 */
export const MemberFactsEntity = once(
  () =>
    new Entity({
      name: 'MemberFacts',
      table: UnionTable,
      schema: item({
        userId: string().key(),
        orgId: string(),
        memberName: string(),
        hardship: boolean(),
        modelWorker: boolean(),
        frontlineMedical: boolean(),
        updatedAt: string(),
        updatedBy: string(),
        version: number().optional(),
        gsi1pk: string().optional(),
        gsi1sk: string().optional(),
      }),
      computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'OFFICERFACTS' }),
    }),
);
