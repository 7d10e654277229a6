import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  beijingYearMonth,
  DESK_ENTITY,
  DESK_NOW,
  DeskDeltas,
  hoursBetween,
  reviewHoursAttr,
} from '../../functions/src/store/desk-counters';
import { isConditionFailure } from '../../functions/src/store/errors';
import { getDocumentClient, tableName } from '../../functions/src/store/table';

/**
 * The desk counters (docs/ARCHITECTURE.md, Desk counters) of data kept in .data/ from a checkout before
 * them: rebuilt from the items themselves when the table holds no counter at all — once; afterwards every
 * change keeps them. Each counter item is written only if still absent, so a run beside the API, or again,
 * adds nothing twice. Not rebuilt (no record to rebuild them from): `paid:*` (the catalog entry's amount)
 * and `replies:onTime|late` (when the reply was given).
 */
type Item = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const KINDS = [
  'DeskCounters',
  'Org',
  'Application',
  'Membership',
  'Transfer',
  'Claim',
  'CongressProposal',
  'CongressMotion',
  'ProjectCall',
  'ProjectSuggestion',
];

const scanKinds = async (): Promise<Item[]> => {
  const out: Item[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await getDocumentClient().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: `#et IN (${KINDS.map((_, i) => `:k${i}`).join(', ')})`,
        ExpressionAttributeNames: { '#et': '_et' },
        ExpressionAttributeValues: Object.fromEntries(KINDS.map((k, i) => [`:k${i}`, k])),
        ExclusiveStartKey,
      }),
    );
    out.push(...((page.Items ?? []) as Item[]));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
};

/** The counters the items imply, as the transactions would have written them. */
export const deskDeltasOf = (items: readonly Item[]): DeskDeltas => {
  const d = new DeskDeltas();
  const kindOf = new Map(items.filter((i) => i._et === 'Org').map((o) => [str(o.orgId), str(o.kind)]));
  const callOrg = new Map(items.filter((i) => i._et === 'ProjectCall').map((c) => [str(c.callId), str(c.orgId)]));
  for (const i of items) {
    switch (i._et) {
      case 'Application':
        if (i.status === 'pending') d.add(str(i.orgId), DESK_NOW, { 'waiting:applications': 1 });
        else if ((i.status === 'approved' && i.decidedBy !== 'auto') || i.status === 'rejected') {
          d.add(str(i.orgId), beijingYearMonth(str(i.decidedAt)).year, {
            [`review:${i.status}`]: 1,
            [reviewHoursAttr(hoursBetween(str(i.submittedAt), str(i.decidedAt)))]: 1,
          });
        }
        break;
      case 'Membership': {
        const orgId = str(i.orgId);
        const { year, month } = beijingYearMonth(str(i.joinedAt));
        const channel = i.transferId ? 'transferIn' : kindOf.get(orgId) === 'joint' ? 'joint' : 'invite';
        d.add(orgId, DESK_NOW, { 'members:total': 1, ...(i.status === 'active' ? { 'members:active': 1 } : {}) });
        d.add(orgId, year, { [`joined:${month}:${channel}`]: 1 });
        break;
      }
      case 'Transfer':
        if (i.status === 'pending') d.add(str(i.toOrgId), DESK_NOW, { 'waiting:transfers': 1 });
        break;
      case 'Claim':
        if (i.status === 'pending') d.add(str(i.orgId), DESK_NOW, { 'waiting:claims': 1 });
        if (i.status === 'approved') {
          d.add(str(i.benefitOrgId), beijingYearMonth(str(i.decidedAt) || str(i.createdAt)).year, {
            [`claims:${i.automatic ? 'auto' : 'reviewed'}:${str(i.benefitKey)}`]: 1,
          });
        }
        break;
      case 'CongressProposal':
        d.add(str(i.orgId), beijingYearMonth(str(i.createdAt)).year, { [`proposals:${str(i.status)}`]: 1 });
        if (i.status === 'review') d.add(str(i.orgId), DESK_NOW, { 'waiting:proposals': 1 });
        if (i.status === 'accepted' && i.replyOverdueNotifiedAt) d.add(str(i.orgId), DESK_NOW, { 'overdue:replies': 1 });
        break;
      case 'CongressMotion':
        if (i.status === 'open') d.add(str(i.orgId), DESK_NOW, { 'open:motions': 1 });
        break;
      case 'ProjectSuggestion': {
        const orgId = callOrg.get(str(i.callId));
        if (orgId && !i.mergedInto) d.add(orgId, DESK_NOW, { 'waiting:suggestions': 1 });
        break;
      }
    }
  }
  return d;
};

/** Rebuilds the desk counters when the table has none. Returns how many counter items it wrote. */
export const rebuildDeskCounters = async (): Promise<number> => {
  const items = await scanKinds();
  if (items.some((i) => i._et === DESK_ENTITY)) return 0;
  let written = 0;
  for (const { tx } of deskDeltasOf(items).txs()) {
    const { Update } = tx.params() as { Update: ConstructorParameters<typeof UpdateCommand>[0] };
    try {
      await getDocumentClient().send(new UpdateCommand({ ...Update, ConditionExpression: 'attribute_not_exists(pk)' }));
      written += 1;
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
  }
  return written;
};
