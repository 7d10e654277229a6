import { getRuntime } from '../http/runtime';
import { logger } from '../platform/logger';
import { dueNoticeMootTx, listDueNotices } from '../store/due-notice.repository';
import { getCall } from '../store/project-call.repository';
import { openedTxs } from '../store/project-openings';
import { getVote } from '../store/project-vote.repository';
import { runTransaction, TransactionRefused } from '../store/transactions';

/**
 * The hourly announcement of 实事征集 and member votes that open now (serverless.yml: function
 * `projectOpenings`). One created to open later put a due notice (store/project-openings.ts); this
 * reads those due by now — a query per month partition — and for each writes the fan-out to the
 * subtree's members with the notice's removal, in one transaction conditioned on the notice still
 * being there (and a vote still open): told once, at most an hour after it opens.
 */
export interface OpeningsRun {
  announced: string[];
  failed: string[];
}

export const announceProjectOpenings = async (now: Date): Promise<OpeningsRun> => {
  const run: OpeningsRun = { announced: [], failed: [] };
  const due = [...(await listDueNotices('projectCallOpens', now)), ...(await listDueNotices('projectVoteOpens', now))];
  for (const notice of due) {
    const subject =
      notice.kind === 'projectCallOpens'
        ? await getCall(notice.refId)
        : await getVote(notice.refId, true).then((v) => (v?.status === 'open' ? v : null));
    try {
      // Gone, or a vote closed before it opened: nothing to announce.
      await runTransaction(async () => (subject ? openedTxs(notice, subject.title, now) : [dueNoticeMootTx(notice)]));
      if (subject) run.announced.push(notice.refId);
    } catch (e) {
      if (e instanceof TransactionRefused) continue;
      logger.error('project opening: not announced', { kind: notice.kind, refId: notice.refId, error: e });
      run.failed.push(notice.refId);
    }
  }
  return run;
};

export const handler = async (): Promise<OpeningsRun> => {
  await getRuntime();
  const run = await announceProjectOpenings(new Date());
  logger.info('project openings', { announced: run.announced.length, failed: run.failed.length });
  if (run.failed.length > 0) throw new Error(`project openings: ${run.failed.length} not announced`);
  return run;
};
