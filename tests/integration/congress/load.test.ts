import { VOTE_OPTIONS } from '@union/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDocumentClient } from '../../../functions/src/store/table';
import { invoke } from '../../support/invoke';
import { congress, makeMembers, mapLimit, type Person, setupOrgs, signInAll } from './fixtures';

const DELEGATES = 300;
const CONCURRENCY = 50;

let officer: string;
let d: Person[];
let sessionId: string;

beforeAll(async () => {
  ({ officer } = await setupOrgs());
  d = await makeMembers('c-ent', 'load', DELEGATES);
  const created = await invoke(congress, 'POST', '/congress/sessions', {
    token: officer,
    body: { orgId: 'c-ent', sessionName: '第三届第二次职工代表大会（压力测试）', startDate: '2025-03-10', endDate: '2025-03-11' },
  });
  sessionId = created.body.session.sessionId;
  const csv = d.map((p, i) => `${p.memberNumber},第${(i % 6) + 1}代表团`).join('\n');
  const imported = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/roster/import`, { token: officer, body: { csv } });
  expect(imported.body.added).toBe(DELEGATES);
  await signInAll(sessionId, d);
}, 600_000);

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

describe('load: 300 delegates each vote twice at once', () => {
  it('counts exactly the first ballots and refuses every second attempt', async () => {
    const m = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/motions`, {
      token: officer,
      body: { kind: 'vote', title: '关于职工代表大会决议的表决' },
    });
    const motionId = m.body.motion.motionId;
    expect((await invoke(congress, 'POST', `/congress/motions/${motionId}/open`, { token: officer })).status).toBe(200);

    // Each delegate's intended choice; both attempts are in flight together (interleaved in the queue).
    const intent = d.map((_, i) => VOTE_OPTIONS[i % 3]!);
    const attempts = d.flatMap((p, i) => [
      { p, i, option: intent[i]! },
      { p, i, option: VOTE_OPTIONS[(i + 1) % 3]! },
    ]);
    // Counts transactions DynamoDB cancelled because another one held the same item (retried by the store).
    let conflicts = 0;
    getDocumentClient().middlewareStack.add(
      (next) => async (args) => {
        try {
          return await next(args);
        } catch (e) {
          if (String((e as Error).message).includes('TransactionConflict')) conflicts += 1;
          throw e;
        }
      },
      { step: 'initialize', name: 'countConflicts' },
    );
    const latencies: number[] = [];
    const t0 = performance.now();
    const results = await mapLimit(attempts, CONCURRENCY, async (a) => {
      const s = performance.now();
      const res = await invoke(congress, 'POST', `/congress/motions/${motionId}/ballots`, {
        token: a.p.token,
        body: { kind: 'vote', option: a.option },
      });
      latencies.push(performance.now() - s);
      return {
        ...a,
        status: res.status,
        code: res.body?.error?.code as string | undefined,
        receipt: res.body?.receiptCode as string | undefined,
      };
    });
    const elapsed = (performance.now() - t0) / 1000;

    const accepted = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    expect(accepted).toHaveLength(DELEGATES);
    expect(new Set(accepted.map((r) => r.i)).size).toBe(DELEGATES); // one per delegate
    expect(refused).toHaveLength(DELEGATES);
    expect(new Set(refused.map((r) => r.code))).toEqual(new Set(['VOTE_ALREADY_CAST']));
    expect(refused.every((r) => r.status === 409)).toBe(true);

    const closed = await invoke(congress, 'POST', `/congress/motions/${motionId}/close`, { token: officer });
    const expected = { yes: 0, no: 0, abstain: 0 };
    for (const r of accepted) expected[r.option] += 1;
    expect(closed.body.motion.result.counts).toEqual(expected);
    expect(closed.body.motion.result.castCount).toBe(DELEGATES);

    // Every accepted receipt is published with the choice that request carried.
    const published = await invoke(congress, 'GET', `/congress/motions/${motionId}/results`, { token: officer });
    const byReceipt = new Map(published.body.receipts.map((r: { receiptCode: string; choice: string }) => [r.receiptCode, r.choice]));
    const label = { yes: '赞成', no: '反对', abstain: '弃权' } as const;
    for (const r of accepted) expect(byReceipt.get(r.receipt!)).toBe(label[r.option]);

    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `[congress load] ${attempts.length} ballot requests (${DELEGATES} delegates × 2) at concurrency ${CONCURRENCY}: ` +
        `${elapsed.toFixed(2)} s, ${(attempts.length / elapsed).toFixed(1)} req/s, ` +
        `p50 ${pct(sorted, 50).toFixed(0)} ms, p95 ${pct(sorted, 95).toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms; ` +
        `${conflicts} transaction conflicts retried; tally ${JSON.stringify(expected)}`,
    );
  }, 600_000);
});
