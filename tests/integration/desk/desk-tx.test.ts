import { describe, expect, it } from 'vitest';
import { batchGetItems } from '../../../functions/src/store/batch-get';
import {
  beijingYearMonth,
  DeskDeltas,
  deskCountersOf,
  deskNowKey,
  deskTx,
  deskYearKey,
  proposalDeskTxs,
  reviewHoursAttr,
} from '../../../functions/src/store/desk-counters';
import { runTransaction } from '../../../functions/src/store/transactions';

describe('deskTx', () => {
  it('ADDs several counters in one item; 30 concurrent transactions leave the exact sums', async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        runTransaction(async () => [
          deskTx('u1', 'NOW', { 'waiting:applications': 1, 'members:active': i % 2 === 0 ? 1 : -1 }),
          deskTx('u1', 2026, { 'joined:03:invite': 2 }),
        ]),
      ),
    );
    const [now, year] = await batchGetItems([deskNowKey('u1'), deskYearKey('u1', 2026)], { consistent: true });
    expect(deskCountersOf(now)).toEqual({ 'waiting:applications': 30, 'members:active': 0 });
    expect(deskCountersOf(year)).toEqual({ 'joined:03:invite': 60 });
    expect(now?._et).toBe('DeskCounters');
  });

  it('DeskDeltas merges the deltas of one item and drops zeros', () => {
    const txs = new DeskDeltas().add('a', 'NOW', { x: 1 }).add('a', 'NOW', { x: -1, y: 2 }).add('b', 2026, { z: 0 }).txs();
    expect(txs).toHaveLength(1);
    const item = (
      (txs[0] as (typeof txs)[number]).tx.params() as {
        Update: { ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> };
      }
    ).Update;
    expect(Object.values(item.ExpressionAttributeNames)).toEqual(['_et', 'y']);
    expect(item.ExpressionAttributeValues[':a0']).toBe(2);
  });

  it('Beijing year and month; the review histogram bounds', () => {
    expect(beijingYearMonth('2025-12-31T16:30:00Z')).toEqual({ year: 2026, month: '01' });
    expect(beijingYearMonth('2026-03-10T10:00:00Z')).toEqual({ year: 2026, month: '03' });
    expect(reviewHoursAttr(0.5)).toBe('review:hours:1');
    expect(reviewHoursAttr(1)).toBe('review:hours:1');
    expect(reviewHoursAttr(25)).toBe('review:hours:48');
    expect(reviewHoursAttr(100_000)).toBe('review:hours:99999');
  });

  it('a reply after its due date (Beijing day) counts late and unmarks an overdue one; the same status moves nothing', () => {
    const names = (txs: ReturnType<typeof proposalDeskTxs>) =>
      txs.map((t) => {
        const u = (
          t.tx.params() as {
            Update: { ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> };
          }
        ).Update;
        return Object.entries(u.ExpressionAttributeNames)
          .filter(([k]) => k.startsWith('#a'))
          .map(([k, n]) => `${n}=${u.ExpressionAttributeValues[`:${k.slice(1)}`]}`);
      });
    const before = {
      orgId: 'o',
      status: 'accepted',
      createdAt: '2026-01-05T00:00:00Z',
      replyDeadline: '2026-02-01',
      replyOverdueNotifiedAt: '2026-02-02T00:00:00Z',
    };
    const after = { ...before, status: 'replied' };
    // 2026-02-01T16:30Z is 2026-02-02 00:30 in Beijing: a day late.
    expect(names(proposalDeskTxs(before, after, new Date('2026-02-01T16:30:00Z')))).toEqual([
      ['proposals:replied=1', 'proposals:accepted=-1', 'replies:late=1'],
      ['overdue:replies=-1'],
    ]);
    expect(names(proposalDeskTxs({ ...before, replyOverdueNotifiedAt: undefined }, after, new Date('2026-02-01T15:30:00Z')))).toEqual([
      ['proposals:replied=1', 'proposals:accepted=-1', 'replies:onTime=1'],
    ]);
    expect(proposalDeskTxs(before, before, new Date())).toEqual([]);
  });
});
