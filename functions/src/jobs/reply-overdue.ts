import { isReplyOverdue } from '@union/shared';
import { NOTIFICATION_PAGES } from '@union/shared/domain/notifications/pages';
import { getRuntime } from '../http/runtime';
import { logger } from '../platform/logger';
import { getProposals, replyOverdueToldTx } from '../store/congress-proposal.repository';
import { DESK_NOW, deskTx } from '../store/desk-counters';
import { dueNoticeMootTx, dueNoticeToldTx, listDueNotices } from '../store/due-notice.repository';
import { notificationTxs } from '../store/outbox';
import { runTransaction, TransactionRefused } from '../store/transactions';
import { listOfficersOf } from '../store/user.repository';

/**
 * The daily reminder of overdue proposal replies (serverless.yml: function `replyOverdue`, 09:00
 * Beijing time). No change of state makes a reply overdue, so the 立案 puts a due notice for the day
 * after the deadline (due-notice.repository.ts) and this job reads the notices due by now — a query
 * per month partition, never a scan — and tells each officer of the proposal's org once: one
 * transaction writes a notification per officer, the once-marker on the proposal (set only while it
 * is still 立案 and unmarked) and the notice's removal. A second run finds nothing to tell; two runs
 * at once tell it once (the marker's condition). A notice of a proposal answered meanwhile is removed.
 *
 * Officers are those of the org that must reply (the proposal's session's org), not of its
 * ancestors: the org's officer index (user.repository.ts, `listOfficersOf`). At most
 * MAX_OFFICERS of them (a transaction holds 100 items: two per officer, two more); an org without
 * officers keeps its notice for a later run, when one is appointed.
 */
export const MAX_OFFICERS = 48;

export interface OverdueRun {
  /** Proposals whose officers were told this run. */
  told: string[];
  /** Notifications written. */
  notifications: number;
  /** Proposals whose transaction failed (left for the next run). */
  failed: string[];
}

export const notifyOverdueReplies = async (now: Date): Promise<OverdueRun> => {
  const due = await listDueNotices('replyOverdue', now);
  const proposals = await getProposals(due.map((n) => n.refId));
  const officersByOrg = new Map<string, Promise<string[]>>();
  const officersOf = (orgId: string) => {
    let found = officersByOrg.get(orgId);
    if (!found) {
      found = listOfficersOf(orgId);
      officersByOrg.set(orgId, found);
    }
    return found;
  };
  const run: OverdueRun = { told: [], notifications: 0, failed: [] };
  for (const notice of due) {
    const p = proposals.get(notice.refId);
    if (p?.status !== 'accepted' || p.replyOverdueNotifiedAt) {
      // Answered (or gone) since: nothing to tell.
      await runTransaction(async () => [dueNoticeMootTx(notice)]);
      continue;
    }
    if (!isReplyOverdue(p, now)) continue;
    const officers = (await officersOf(p.orgId)).slice(0, MAX_OFFICERS);
    if (officers.length === 0) {
      logger.warn('reply overdue: the org has no officer to tell', { proposalId: p.proposalId, orgId: p.orgId });
      continue;
    }
    try {
      await runTransaction(async () => [
        replyOverdueToldTx(p.proposalId, now),
        // 待办: one more reply overdue at the session's org, marked once with the proposal (Desk counters).
        deskTx(p.orgId, DESK_NOW, { 'overdue:replies': 1 }),
        dueNoticeToldTx(notice),
        ...officers.flatMap((userId) =>
          notificationTxs(
            {
              userId,
              event: 'proposalReplyOverdue',
              facts: { subject: p.title },
              page: NOTIFICATION_PAGES.officerProposal(p.proposalId),
            },
            now,
          ),
        ),
      ]);
      run.told.push(p.proposalId);
      run.notifications += officers.length;
    } catch (e) {
      // Refused: another run told it, or the reply landed meanwhile. Anything else: next run.
      if (e instanceof TransactionRefused) continue;
      logger.error('reply overdue: not told', { proposalId: p.proposalId, error: e });
      run.failed.push(p.proposalId);
    }
  }
  return run;
};

export const handler = async (): Promise<OverdueRun> => {
  await getRuntime();
  const run = await notifyOverdueReplies(new Date());
  logger.info('reply overdue', { told: run.told.length, notifications: run.notifications, failed: run.failed.length });
  // A failure is reported (the scheduled invocation's error and its retries), after the others were told.
  if (run.failed.length > 0) throw new Error(`reply overdue: ${run.failed.length} proposal(s) not told`);
  return run;
};
