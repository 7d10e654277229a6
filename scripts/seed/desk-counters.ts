import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
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
import { scanKinds } from '../lib/scan-kinds';

/**
 * The desk counters (docs/ARCHITECTURE.md, Desk counters) of data kept in .data/ from a checkout before
 * them: rebuilt from the items themselves when the table holds no counter at all — once; afterwards every
 * change keeps them. Each counter item is written only if still absent, so a run beside the API, or again,
 * adds nothing twice. Every counter a transaction writes is rebuilt (tests/integration/desk/rebuild.test.ts
 * compares the rebuilt items with the live ones, every attribute): `paid:<benefitKey>` from the amount of the
 * claimed entry in its catalog version, `replies:onTime|late` from the reply's time and due date. The calls'
 * own counts the shortlisting reads (`unmerged`, `shortlistedAt` of a call a vote was made from;
 * project-call-wait.ts) are written where absent.
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
  'CongressSession',
  'ProjectCall',
  'ProjectSuggestion',
  'ProjectVote',
  'CatalogVersion',
];

const scanAll = async (): Promise<Item[]> => {
  const out: Item[] = [];
  await scanKinds(KINDS, (items) => {
    out.push(...items);
  });
  return out;
};

const ofKind = (items: readonly Item[], kind: string) => items.filter((i) => i._et === kind);

/** The Beijing calendar date of an instant. */
const beijingDate = (at: string) => new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Each call's shortlisting (its own mark, else the first vote made from it) and unmerged suggestions. */
export const callStatesOf = (items: readonly Item[]) => {
  const voted = new Map<string, string>();
  for (const v of ofKind(items, 'ProjectVote')) {
    const callId = str(v.callId);
    if (callId && (!voted.has(callId) || str(v.createdAt) < (voted.get(callId) as string))) voted.set(callId, str(v.createdAt));
  }
  const unmerged = new Map<string, number>();
  for (const s of ofKind(items, 'ProjectSuggestion'))
    if (!s.mergedInto) unmerged.set(str(s.callId), (unmerged.get(str(s.callId)) ?? 0) + 1);
  return new Map(
    ofKind(items, 'ProjectCall').map((c) => [
      str(c.callId),
      {
        orgId: str(c.orgId),
        shortlistedAt: str(c.shortlistedAt) || voted.get(str(c.callId)) || null,
        unmerged: unmerged.get(str(c.callId)) ?? 0,
      },
    ]),
  );
};

/** The amount (元) of each published entry, by benefit id (its catalog version). */
const amountsOf = (items: readonly Item[]): Map<string, number> => {
  const out = new Map<string, number>();
  for (const v of ofKind(items, 'CatalogVersion')) {
    for (const e of (Array.isArray(v.entries) ? v.entries : []) as Array<{ benefitId?: unknown; benefit?: { amountYuan?: unknown } }>) {
      const amount = e.benefit?.amountYuan;
      if (typeof e.benefitId === 'string' && typeof amount === 'number') out.set(e.benefitId, amount);
    }
  }
  return out;
};

/** The counters the items imply, as the transactions would have written them. */
export const deskDeltasOf = (items: readonly Item[]): DeskDeltas => {
  const d = new DeskDeltas();
  const kindOf = new Map(ofKind(items, 'Org').map((o) => [str(o.orgId), str(o.kind)]));
  const calls = callStatesOf(items);
  const amounts = amountsOf(items);
  const sessionYear = new Map(ofKind(items, 'CongressSession').map((s) => [str(s.sessionId), Number(str(s.startDate).slice(0, 4))]));
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
          const amount = amounts.get(str(i.benefitId));
          d.add(str(i.benefitOrgId), beijingYearMonth(str(i.decidedAt) || str(i.createdAt)).year, {
            [`claims:${i.automatic ? 'auto' : 'reviewed'}:${str(i.benefitKey)}`]: 1,
            ...(amount ? { [`paid:${str(i.benefitKey)}`]: amount } : {}),
          });
        }
        break;
      case 'CongressProposal':
        d.add(str(i.orgId), beijingYearMonth(str(i.createdAt)).year, { [`proposals:${str(i.status)}`]: 1 });
        if (i.status === 'review') d.add(str(i.orgId), DESK_NOW, { 'waiting:proposals': 1 });
        if (i.status === 'accepted' && i.replyOverdueNotifiedAt) d.add(str(i.orgId), DESK_NOW, { 'overdue:replies': 1 });
        if (i.repliedAt) {
          const late = typeof i.replyDeadline === 'string' && beijingDate(str(i.repliedAt)) > i.replyDeadline;
          d.add(str(i.orgId), beijingYearMonth(str(i.repliedAt)).year, { [late ? 'replies:late' : 'replies:onTime']: 1 });
        }
        break;
      case 'CongressMotion':
        if (i.status === 'open') d.add(str(i.orgId), DESK_NOW, { 'open:motions': 1 });
        if (i.status === 'closed' && sessionYear.has(str(i.sessionId)))
          d.add(str(i.orgId), sessionYear.get(str(i.sessionId)) as number, { 'motions:closed': 1 });
        break;
      case 'ProjectSuggestion': {
        const call = calls.get(str(i.callId));
        if (call && !call.shortlistedAt && !i.mergedInto) d.add(call.orgId, DESK_NOW, { 'waiting:suggestions': 1 });
        break;
      }
    }
  }
  return d;
};

/** The calls' own counts, where absent (data from before them): what their shortlisting will take off the desk. */
const rebuildCallCounts = async (items: readonly Item[]): Promise<void> => {
  for (const [callId, c] of callStatesOf(items)) {
    await getDocumentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: `PCALL#${callId}`, sk: 'META' },
        UpdateExpression: `SET #u = if_not_exists(#u, :n)${c.shortlistedAt ? ', #s = if_not_exists(#s, :at)' : ''}`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#u': 'unmerged', ...(c.shortlistedAt ? { '#s': 'shortlistedAt' } : {}) },
        ExpressionAttributeValues: { ':n': c.unmerged, ...(c.shortlistedAt ? { ':at': c.shortlistedAt } : {}) },
      }),
    );
  }
};

/** Rebuilds the desk counters when the table has none. Returns how many counter items it wrote. */
export const rebuildDeskCounters = async (): Promise<number> => {
  const items = await scanAll();
  if (items.some((i) => i._et === DESK_ENTITY)) return 0;
  await rebuildCallCounts(items);
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
