import type { NotificationEvent } from '@union/shared/domain/notifications/events';
import { NOTIFICATION_PAGES } from '@union/shared/domain/notifications/pages';
import { type DueNotice, dueNoticePutTx, dueNoticeToldTx } from './due-notice.repository';
import { fanoutTx } from './outbox';
import { tableName } from './table';
import { type LabeledTx, rawTx } from './transactions';

/**
 * A 实事征集 or member vote opening is told to every member of its org's subtree (one fan-out item,
 * audience `subtreeMembers`; docs/ARCHITECTURE.md, Notifications). Open when created: the fan-out goes
 * in the creating transaction. Opening later: the creating transaction puts a due notice instead, and
 * the hourly job (functions/src/jobs/project-openings.ts) writes the fan-out when it opens, in one
 * transaction with the notice's removal (on condition that it is still there: told once).
 */

interface Opening {
  kind: 'projectCallOpens' | 'projectVoteOpens';
  id: string;
  orgId: string;
  title: string;
  /** When it opens (ISO 8601). */
  opensAt: string;
}

const SPEC = {
  projectCallOpens: { event: 'projectCallOpened', page: NOTIFICATION_PAGES.projectCall },
  projectVoteOpens: { event: 'projectVoteOpened', page: NOTIFICATION_PAGES.projectVote },
} as const satisfies Record<Opening['kind'], { event: NotificationEvent; page: (id: string) => string }>;

/** A call opens at 00:00 Beijing time of its first day. */
export const callOpensAt = (opensOn: string): string => new Date(`${opensOn}T00:00:00+08:00`).toISOString();

const announceTx = (o: Pick<Opening, 'kind' | 'id' | 'orgId' | 'title'>, now: Date): LabeledTx =>
  fanoutTx(
    {
      event: SPEC[o.kind].event,
      facts: { subject: o.title },
      page: SPEC[o.kind].page(o.id),
      audience: { kind: 'subtreeMembers', orgId: o.orgId },
    },
    now,
  );

const noticeOf = (o: Pick<Opening, 'kind' | 'id' | 'orgId' | 'opensAt'>): DueNotice => ({
  kind: o.kind,
  refId: o.id,
  dueAt: new Date(o.opensAt).toISOString(),
  orgId: o.orgId,
});

/** For the creating transaction: the fan-out now if it is open already, else the due notice of its opening. */
export const openingTxs = (o: Opening, now: Date): LabeledTx[] =>
  Date.parse(o.opensAt) <= now.getTime() ? [announceTx(o, now)] : [dueNoticePutTx(noticeOf(o))];

/** A vote is still open (an officer may close it before it opens): checked in the job's transaction. */
const voteStillOpenTx = (voteId: string): LabeledTx => ({
  label: 'vote',
  tx: rawTx({
    ConditionCheck: {
      TableName: tableName(),
      Key: { pk: `PVOTE#${voteId}`, sk: 'META' },
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':open': 'open' },
    },
  }),
});

/** For the job: the due notice removed (once) and the fan-out written, in one transaction. */
export const openedTxs = (notice: DueNotice, title: string, now: Date): LabeledTx[] => [
  dueNoticeToldTx(notice),
  ...(notice.kind === 'projectVoteOpens' ? [voteStillOpenTx(notice.refId)] : []),
  announceTx({ kind: notice.kind as Opening['kind'], id: notice.refId, orgId: notice.orgId, title }, now),
];
