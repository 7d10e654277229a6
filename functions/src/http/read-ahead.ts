/**
 * Starts a read now whose answer is used only after checks that run meanwhile (whether the caller
 * may see it), so the read costs no round trip of its own. Await it after those checks: a refusal
 * of theirs still comes first, and the read's own failure is then no unhandled rejection.
 */
export const readAhead = <T>(read: Promise<T>): Promise<T> => {
  read.catch(() => {});
  return read;
};
