import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { DueNoticeEntity, type DueNoticeKind, dueNoticePartition } from './entities/due-notice.entity';
import { once } from './once';
import { ALL_PAGES } from './page';
import type { LabeledTx } from './transactions';

export type { DueNoticeKind } from './entities/due-notice.entity';

/**
 * Notices due at a time (entities/due-notice.entity.ts): put in the transaction that sets the time,
 * read by the scheduled jobs (functions/src/jobs/reply-overdue.ts, project-openings.ts), removed in
 * the transaction that tells them — on condition that it is still there, so a notice is told once
 * even when two runs overlap.
 */

const dueNotices = once(() => DueNoticeEntity().build(EntityRepository));

export interface DueNotice {
  kind: DueNoticeKind;
  refId: string;
  dueAt: string;
  orgId: string;
}

/** How far back a job looks: a notice due more than this many months ago (jobs stopped that long) is left to its ttl. */
export const DUE_LOOKBACK_MONTHS = 12;
const TTL_AFTER_DUE_S = 366 * 86_400;

/** The stored notice (with its ttl). */
export const dueNoticeItem = (n: DueNotice) => ({ ...n, ttl: Math.floor(Date.parse(n.dueAt) / 1000) + TTL_AFTER_DUE_S });

/** The notice, put in the transaction that sets its time (the same notice again is the same item). */
export const dueNoticePutTx = (n: DueNotice, label = 'due'): LabeledTx => ({
  label,
  tx: DueNoticeEntity().build(PutTransaction).item(dueNoticeItem(n)),
});

/** The notice removed as it is told: only while it is there (the once-marker of a job's run). */
export const dueNoticeToldTx = (n: Pick<DueNotice, 'kind' | 'refId' | 'dueAt'>, label = 'due'): LabeledTx => ({
  label,
  tx: DueNoticeEntity()
    .build(DeleteTransaction)
    .key({ kind: n.kind, refId: n.refId, dueAt: n.dueAt })
    .options({ condition: { attr: 'refId', exists: true } }),
});

/** The notice removed because nothing is to be told any more (a reply recorded before its deadline), if it is there. */
export const dueNoticeMootTx = (n: Pick<DueNotice, 'kind' | 'refId' | 'dueAt'>, label = 'due'): LabeledTx => ({
  label,
  tx: DueNoticeEntity().build(DeleteTransaction).key({ kind: n.kind, refId: n.refId, dueAt: n.dueAt }),
});

/** The month partitions (yyyy-mm, UTC) from `months` ago to now's. */
const monthsBack = (now: Date, months: number): string[] =>
  Array.from({ length: months + 1 }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    return d.toISOString().slice(0, 7);
  });

/**
 * The notices of a kind due by `now`, oldest first: one query per month partition (every page), all
 * at once. Those due later are in partitions of later months, or past `now` in this month's sort keys.
 */
export const listDueNotices = async (kind: DueNoticeKind, now: Date, lookbackMonths = DUE_LOOKBACK_MONTHS): Promise<DueNotice[]> => {
  // `<dueAt>#<refId>` < `<now>$`: '#' sorts before '$', so a notice due at `now` exactly is in.
  const bound = `${now.toISOString()}$`;
  const parts = await Promise.all(
    monthsBack(now, lookbackMonths).map(async (month) => {
      const { Items = [] } = await dueNotices().query(
        { partition: dueNoticePartition(kind, month), range: { lt: bound } },
        { consistent: true, ...ALL_PAGES },
      );
      return Items;
    }),
  );
  return parts
    .flat()
    .map((i) => ({ kind: i.kind, refId: i.refId, dueAt: i.dueAt, orgId: i.orgId }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
};
