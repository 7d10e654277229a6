import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { once } from '../once';
import { UnionTable } from '../table';

/**
 * Attempts in one fixed window (rate limits): `count` grows by ADD 1 only while it is below the
 * limit (a condition, never read-then-write). `ttl` (epoch seconds) is the table's TTL
 * attribute (infra/table.yml): DynamoDB deletes the counter a day after its window ended.
 * Access pattern: get/update — pk RATE#scope#subject, sk WINDOW#start.
 */
export const RateCounterEntity = once(
  () =>
    new Entity({
      name: 'RateCounter',
      table: UnionTable,
      timestamps: false,
      schema: item({
        scope: string().key(),
        subject: string().key(),
        windowStart: number().key(),
        count: number(),
        ttl: number(),
      }),
      computeKey: ({ scope, subject, windowStart }) => ({ pk: `RATE#${scope}#${subject}`, sk: `WINDOW#${windowStart}` }),
    }),
);
