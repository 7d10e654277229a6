import { describe, expect, it } from 'vitest';
import { mapBounded } from '../../../shared/src/domain/common/map-bounded';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('mapBounded', () => {
  it('keeps the items’ order and never has more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await mapBounded([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await tick(n * 2);
      inFlight -= 1;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(3);
  });
  it('an empty list calls nothing; a limit below 1 still runs one at a time', async () => {
    expect(await mapBounded([], 4, async () => 1)).toEqual([]);
    let most = 0;
    let inFlight = 0;
    await mapBounded([1, 2, 3], 0, async () => {
      most = Math.max(most, ++inFlight);
      await tick(1);
      inFlight -= 1;
    });
    expect(most).toBe(1);
  });
  it('a rejection rejects the whole', async () => {
    await expect(mapBounded([1, 2, 3], 2, async (n) => (n === 2 ? Promise.reject(new Error('two')) : n))).rejects.toThrow('two');
  });
});
