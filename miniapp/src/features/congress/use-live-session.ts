import { useCallback, useState } from 'react';
import { usePagedList } from '../../components/paged-list';
import { usePolling } from '../../components/use-polling';
import { congressApi, congressErrorText, type MotionView, type ProposalSummary } from './congress-api';

/**
 * One session as a screen keeps it: its motions and proposals a page at a time (加载更多 keeps its
 * pages), read again with what else the screen shows (`also`: the roster, the session) — every
 * `everyMs` while a motion is open (live turnout) — and the acts on it: `act(fn, done)` runs one,
 * shows `done` or the error in Chinese, and reads everything again.
 */
export const useLiveSession = (
  sessionId: string,
  opts: {
    /** Read with the lists; stable (useCallback). */
    also: () => Promise<void>;
    everyMs: number;
    /** Told of an act's failure besides the message (e.g. a roster file's line errors). */
    onFailure?: (e: unknown) => void;
  },
) => {
  const motionList = usePagedList<MotionView>(async (cursor) => {
    const page = await congressApi.motions(sessionId, cursor);
    return { items: page.motions, nextCursor: page.nextCursor };
  });
  const proposalList = usePagedList<ProposalSummary>(async (cursor) => {
    const page = await congressApi.proposals(sessionId, cursor);
    return { items: page.proposals, nextCursor: page.nextCursor };
  });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const { also, everyMs, onFailure } = opts;
  const refreshMotions = motionList.refresh;
  const refreshProposals = proposalList.refresh;
  const load = useCallback(async () => {
    try {
      await Promise.all([also(), refreshMotions(), refreshProposals()]);
    } catch (e) {
      setError(congressErrorText(e));
    }
  }, [also, refreshMotions, refreshProposals]);
  usePolling(
    load,
    motionList.items.some((m) => m.status === 'open'),
    everyMs,
  );

  const act = async (fn: () => Promise<unknown>, done: string): Promise<void> => {
    setError(null);
    setNotice(null);
    try {
      await fn();
      setNotice(done);
    } catch (e) {
      setError(congressErrorText(e));
      onFailure?.(e);
    }
    await load();
  };
  /** 加载更多 of one list, its failure shown like any other. */
  const more = (fn: () => Promise<void>) => () => {
    fn().catch((e) => setError(congressErrorText(e)));
  };

  return { motionList, proposalList, error, notice, act, more, load };
};
