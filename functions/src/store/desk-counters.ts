import { tableName } from './table';
import { type LabeledTx, rawTx } from './transactions';

/**
 * The officer's desk counters (issue 13, docs/ARCHITECTURE.md "Desk counters"): per org, an item of what is
 * true now (`DESK#<orgId> / NOW`) and one per Beijing year (`DESK#<orgId> / YEAR#<yyyy>`). Their attribute
 * names are data (`joined:03:invite`, `paid:<benefitKey>`), so they have no entity schema: each change is an
 * `ADD` in the SAME transaction as the change it counts (`deskTx`), and readers take them raw (`batchGetItems`).
 * An absent attribute is 0.
 */

export const DESK_ENTITY = 'DeskCounters';
export const DESK_NOW = 'NOW';

export const deskNowKey = (orgId: string) => ({ pk: `DESK#${orgId}`, sk: DESK_NOW });
export const deskYearKey = (orgId: string, year: number | string) => ({ pk: `DESK#${orgId}`, sk: `YEAR#${year}` });

/** The Beijing (UTC+8) calendar year and month of an instant: the YEAR item and `joined:<MM>` it counts in. */
export const beijingYearMonth = (at: Date | string): { year: number; month: string } => {
  const shifted = new Date(new Date(at).getTime() + 8 * 3600_000).toISOString();
  return { year: Number(shifted.slice(0, 4)), month: shifted.slice(5, 7) };
};

/** The upper bounds (hours) of the `review:hours:<b>` histogram of 入会 decisions. */
export const REVIEW_HOUR_BOUNDS = [1, 4, 8, 24, 48, 72, 168, 336, 720, 99999] as const;

/** The histogram attribute an application decided `hours` after it was made counts in. */
export const reviewHoursAttr = (hours: number): string =>
  `review:hours:${REVIEW_HOUR_BOUNDS.find((b) => hours <= b) ?? REVIEW_HOUR_BOUNDS[REVIEW_HOUR_BOUNDS.length - 1]}`;

export const hoursBetween = (from: string, to: Date | string): number =>
  Math.max(0, (new Date(to).getTime() - new Date(from).getTime()) / 3600_000);

/**
 * One UpdateItem that ADDs each delta to the org's NOW item or YEAR item of `key` (a year), for a
 * caller's `runTransaction` list. Zero deltas are dropped; with none left the caller should not add it
 * (`deskTxs` does that). Never conditioned: a counter follows the change it is written with.
 */
export const deskTx = (orgId: string, key: typeof DESK_NOW | number, deltas: Record<string, number>, label?: string): LabeledTx => {
  const entries = Object.entries(deltas).filter(([, d]) => d !== 0);
  if (entries.length === 0) throw new Error('deskTx without a delta');
  const names: Record<string, string> = { '#et': '_et' };
  const values: Record<string, unknown> = { ':et': DESK_ENTITY };
  const adds = entries.map(([name, delta], i) => {
    names[`#a${i}`] = name;
    values[`:a${i}`] = delta;
    return `#a${i} :a${i}`;
  });
  return {
    label: label ?? `desk:${orgId}:${key}`,
    tx: rawTx({
      Update: {
        TableName: tableName(),
        Key: key === DESK_NOW ? deskNowKey(orgId) : deskYearKey(orgId, key),
        UpdateExpression: `SET #et = :et ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    }),
  };
};

/** A change's counter writes, as `(orgId, key) → deltas`, merged per item (a transaction may not touch one item twice). */
export class DeskDeltas {
  private readonly items = new Map<string, { orgId: string; key: typeof DESK_NOW | number; deltas: Record<string, number> }>();

  add(orgId: string, key: typeof DESK_NOW | number, deltas: Record<string, number>): this {
    const id = `${orgId}\u0000${key}`;
    const item = this.items.get(id) ?? { orgId, key, deltas: {} };
    for (const [name, d] of Object.entries(deltas)) item.deltas[name] = (item.deltas[name] ?? 0) + d;
    this.items.set(id, item);
    return this;
  }

  /** One `deskTx` per item with a non-zero delta. */
  txs(): LabeledTx[] {
    return [...this.items.values()]
      .filter((i) => Object.values(i.deltas).some((d) => d !== 0))
      .map((i) => deskTx(i.orgId, i.key, i.deltas));
  }
}

/** The desk counter writes a change adds to its transaction, merged per item. */
export const deskTxsOf = (fill: (d: DeskDeltas) => void): LabeledTx[] => {
  const d = new DeskDeltas();
  fill(d);
  return d.txs();
};

/**
 * The desk counters of a claim's change (docs/ARCHITECTURE.md, Desk counters): `waiting:claims` at the org
 * whose queue holds it (the claimant's, `CLAIMQ#<orgId>#pending`), and an approval on the PUBLISHER's
 * YEAR item, like the quota: `claims:auto|reviewed:<benefitKey>` and `paid:<benefitKey>` (+ the entry's
 * amount in 元; nothing without one).
 */
export const claimDeskTxs = (
  claim: { orgId: string; benefitOrgId: string; benefitKey: string },
  change: { waiting: 1 | -1 | 0; approved?: 'auto' | 'reviewed'; amountYuan?: number | null },
  now: Date,
): LabeledTx[] => {
  const d = new DeskDeltas();
  if (change.waiting !== 0) d.add(claim.orgId, DESK_NOW, { 'waiting:claims': change.waiting });
  if (change.approved) {
    d.add(claim.benefitOrgId, beijingYearMonth(now).year, {
      [`claims:${change.approved}:${claim.benefitKey}`]: 1,
      ...(change.amountYuan ? { [`paid:${claim.benefitKey}`]: change.amountYuan } : {}),
    });
  }
  return d.txs();
};

/** The facts of a 提案 its desk counters follow (ProposalRecord's). */
interface ProposalFacts {
  orgId: string;
  status: string;
  createdAt: string;
  replyDeadline?: string | undefined;
  replyOverdueNotifiedAt?: string | undefined;
}

/**
 * The desk counters of a 提案's change from `before` (null: created) to `after`, at the org of its session:
 * `proposals:<status>` on the YEAR item of the year it was made (so a proposal counts in one year whenever
 * it moves), `waiting:proposals` while it is 待审查 (review), and on the reply `replies:onTime|late`
 * (Beijing date against the due date) and, for a reply the overdue job had marked, `overdue:replies` −1.
 */
export const proposalDeskTxs = (before: ProposalFacts | null, after: ProposalFacts, now: Date): LabeledTx[] =>
  deskTxsOf((d) => {
    if (before?.status === after.status) return;
    const year = beijingYearMonth(after.createdAt).year;
    d.add(after.orgId, year, { [`proposals:${after.status}`]: 1, ...(before ? { [`proposals:${before.status}`]: -1 } : {}) });
    const waiting = (after.status === 'review' ? 1 : 0) - (before?.status === 'review' ? 1 : 0);
    if (waiting !== 0) d.add(after.orgId, DESK_NOW, { 'waiting:proposals': waiting });
    if (before?.status === 'accepted' && after.status === 'replied') {
      const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
      const late = before.replyDeadline !== undefined && today > before.replyDeadline;
      d.add(after.orgId, beijingYearMonth(now).year, { [late ? 'replies:late' : 'replies:onTime']: 1 });
      if (before.replyOverdueNotifiedAt) d.add(after.orgId, DESK_NOW, { 'overdue:replies': -1 });
    }
  });

/** The counters of a NOW or YEAR item as numbers (absent item or attribute: none). */
export const deskCountersOf = (item: Record<string, unknown> | undefined): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const [name, v] of Object.entries(item ?? {})) if (typeof v === 'number' && name !== 'ttl') out[name] = v;
  return out;
};
