import { usePagedList } from '../../components/paged-list';
import { congressApi, type MotionView, type ProposalSummary } from './congress-api';

/** A session's motions and proposals, a page at a time (加载更多 keeps its pages; refresh re-reads them). */
export const useSessionLists = (sessionId: string) => {
  const motionList = usePagedList<MotionView>(async (cursor) => {
    const page = await congressApi.motions(sessionId, cursor);
    return { items: page.motions, nextCursor: page.nextCursor };
  });
  const proposalList = usePagedList<ProposalSummary>(async (cursor) => {
    const page = await congressApi.proposals(sessionId, cursor);
    return { items: page.proposals, nextCursor: page.nextCursor };
  });
  return { motionList, proposalList };
};
