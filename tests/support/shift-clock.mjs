/**
 * A process clock for hunting date-boundary and same-millisecond flakes, preloaded into vitest and its
 * forks through NODE_OPTIONS (nothing imports it):
 *
 *   SHIFT_NOW=2026-12-31T16:00:10Z NODE_OPTIONS="--import ./tests/support/shift-clock.mjs" \
 *     npx vitest run --project integration <file>
 *
 * SHIFT_NOW: `new Date()` / `Date.now()` start at that instant and keep running (in the test and in the
 * handlers it calls: Beijing midnight is 16:00Z, the Beijing year's end 31 December 16:00Z).
 * SHIFT_FREEZE=1: the clock stands still, so everything written is written in one millisecond (an order
 * that rests on distinct milliseconds shows). Dates built from a value are untouched; vi.useFakeTimers
 * in a test still replaces this clock while it is on.
 */
const target = process.env.SHIFT_NOW;
const freeze = process.env.SHIFT_FREEZE === '1';
if (target || freeze) {
  const RealDate = Date;
  const start = RealDate.now();
  const offset = target ? RealDate.parse(target) - start : 0;
  if (Number.isNaN(offset)) throw new Error(`SHIFT_NOW is not a date: ${target}`);
  const now = () => (freeze ? start + offset : RealDate.now() + offset);
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(now());
      else super(...args);
    }
    static now() {
      return now();
    }
  }
  globalThis.Date = ShiftedDate;
}
