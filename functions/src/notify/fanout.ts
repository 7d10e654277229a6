import { logger } from '../platform/logger';
import {
  advanceFanout,
  type FanoutRecord,
  getFanout,
  handOffFanout,
  pageAudience,
  writeRecipients,
} from '../store/notification-fanout.repository';

/**
 * Expands a fan-out into its recipients' notifications, page by page from its cursor
 * (store/notification-fanout.repository.ts). Returns how it ended: `done` (the audience read to its
 * end, now or before), `handed-off` (out of time: a HANDOFF item continues it in a fresh
 * invocation), `gone` (no such fan-out).
 */
export const expandFanout = async (
  fanoutId: string,
  deps: { now: () => Date; outOfTime: () => boolean },
): Promise<'done' | 'handed-off' | 'gone'> => {
  let f: FanoutRecord | null = await getFanout(fanoutId);
  let pages = 0;
  while (f && f.status === 'pending') {
    if (pages > 0 && deps.outOfTime()) {
      if (await handOffFanout(f, f.cursor, deps.now())) {
        logger.info('fan-out handed off', { fanoutId, written: f.written, handoff: f.handoffs + 1 });
        return 'handed-off';
      }
      f = await getFanout(fanoutId);
      continue;
    }
    const { userIds, next } = await pageAudience(f.audience, f.cursor);
    const written = await writeRecipients(f, userIds);
    pages += 1;
    if (!(await advanceFanout(fanoutId, f.cursor, next, written, deps.now()))) {
      // Another function moved it meanwhile: go on from where it is now.
      f = await getFanout(fanoutId);
      continue;
    }
    if (next === null) {
      logger.info('fan-out done', { fanoutId, event: f.event, written: f.written + written });
      return 'done';
    }
    f = { ...f, cursor: next, written: f.written + written };
  }
  return f ? 'done' : 'gone';
};
