import { type RateLimit, rateLimitedError, rateWindow } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { RateCounterEntity } from './entities/rate-counter.entity';
import { isConditionFailure } from './errors';
import { once } from './once';

const counters = once(() => RateCounterEntity().build(EntityRepository));

/** Counters outlive their window by a day before TTL removes them (TTL deletion lags anyway). */
const KEEP_AFTER_WINDOW_SECONDS = 86_400;

/**
 * Counts one attempt of `subject` under `limit`: ADD 1 on condition "count < limit" (or absent),
 * so N concurrent attempts let exactly `limit` through. Over the limit: 429 RATE_LIMITED.
 */
export const consumeAttempt = async (limit: RateLimit, subject: string, now: Date): Promise<void> => {
  const { start, end } = rateWindow(limit, now);
  try {
    await counters().update(
      { scope: limit.scope, subject, windowStart: start, count: $add(1), ttl: end + KEEP_AFTER_WINDOW_SECONDS },
      {
        condition: {
          or: [
            { attr: 'count', exists: false },
            { attr: 'count', lt: limit.limit },
          ],
        },
      },
    );
  } catch (e) {
    if (isConditionFailure(e)) throw rateLimitedError(limit, now);
    throw e;
  }
};

/** Counts one attempt against every (limit, subject) pair, in order; the first one over refuses. */
export const consumeAttempts = async (pairs: ReadonlyArray<readonly [RateLimit, string]>, now: Date): Promise<void> => {
  for (const [limit, subject] of pairs) await consumeAttempt(limit, subject, now);
};
