import type { NotificationEvent, NotificationFacts } from '@union/shared/domain/notifications/events';
import { randomId } from '../../functions/src/platform/ids';
import { notificationTxs } from '../../functions/src/store/outbox';
import { timeOrderedId } from '../../functions/src/store/project-call.repository';
import { runTransaction } from '../../functions/src/store/transactions';

/**
 * Writes one notification the way a change does (the outbox's items, functions/src/store/outbox.ts: the
 * notification and the unread count's ADD in one transaction), at `at`. Returns its id.
 */
export const writeNotification = async (
  userId: string,
  opts: { event?: NotificationEvent; facts?: NotificationFacts; page?: string; at?: Date } = {},
): Promise<string> => {
  const at = opts.at ?? new Date();
  const noteId = timeOrderedId(at, randomId(6));
  const note = {
    userId,
    event: opts.event ?? 'claimApproved',
    facts: opts.facts ?? { subject: '职工疗休养' },
    page: opts.page ?? '/member/pages/claims/index',
  };
  await runTransaction(async () => notificationTxs(note, at, noteId));
  return noteId;
};
