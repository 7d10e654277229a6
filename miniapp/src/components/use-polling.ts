import { useEffect } from 'react';

/** Calls `load` once, and again every `everyMs` while `active` (live turnout, queues). */
export const usePolling = (load: () => Promise<void>, active: boolean, everyMs: number): void => {
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => void load(), everyMs);
    return () => clearInterval(t);
  }, [active, load, everyMs]);
};
