import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { once } from '../once';
import { UnionTable } from '../table';

/**
 * What must be told at a time rather than at a change (docs/ARCHITECTURE.md, Notifications): a
 * proposal's reply falling overdue, a 实事征集 or member vote created to open later. Written in the
 * transaction that sets the time (立案 with its reply deadline, the call or vote created), removed in
 * the one that tells it (or that makes it moot: the reply). Access pattern:
 * - what is due by now, of a kind — pk DUE#<kind>#<yyyy-mm of dueAt>, sk begins `<dueAt ISO>#<refId>`:
 *   a query per month partition with sk < now (the scheduled jobs, functions/src/jobs/), never a scan.
 * `ttl` (a year past due) is a safety net only: the job removes each as it tells it.
 */
export const DUE_NOTICE_KINDS = ['replyOverdue', 'projectCallOpens', 'projectVoteOpens'] as const;
export type DueNoticeKind = (typeof DUE_NOTICE_KINDS)[number];

export const dueNoticePartition = (kind: DueNoticeKind, month: string) => `DUE#${kind}#${month}`;

export const DueNoticeEntity = once(
  () =>
    new Entity({
      name: 'DueNotice',
      table: UnionTable,
      timestamps: false,
      schema: item({
        kind: string()
          .enum(...DUE_NOTICE_KINDS)
          .key(),
        /** The proposal, call or vote it is about. */
        refId: string().key(),
        /** When it is due (ISO 8601, UTC). */
        dueAt: string().key(),
        /** The org whose officers or members it goes to. */
        orgId: string(),
        ttl: number(),
      }),
      computeKey: ({ kind, refId, dueAt }) => ({ pk: dueNoticePartition(kind, dueAt.slice(0, 7)), sk: `${dueAt}#${refId}` }),
    }),
);
