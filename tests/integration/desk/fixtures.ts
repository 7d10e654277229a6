import { batchGetItems } from '../../../functions/src/store/batch-get';
import { beijingYearMonth, deskCountersOf, deskNowKey, deskYearKey } from '../../../functions/src/store/desk-counters';

/** The org's NOW and this year's counters (absent: none), read strongly consistent. */
export const deskOf = async (orgId: string, at = new Date()) => {
  const [now, year] = await batchGetItems([deskNowKey(orgId), deskYearKey(orgId, beijingYearMonth(at).year)], { consistent: true });
  return { now: deskCountersOf(now), year: deskCountersOf(year) };
};

export const thisMonth = () => beijingYearMonth(new Date()).month;

/** Runs the tasks with at most `limit` in flight; results in order. */
export const inFlight = async <T>(tasks: Array<() => Promise<T>>, limit = 30): Promise<T[]> => {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        out[i] = await (tasks[i] as () => Promise<T>)();
      }
    }),
  );
  return out;
};
