import { VOTE_OPTIONS } from '@union/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeMembers, mapLimit, type Person, setupOrgs } from '../integration/congress/fixtures';
import { apiCall, useE2eStore } from '../support/e2e';

/**
 * The 职代会 load test through the real HTTP API: serverless-offline in front of the
 * handlers, DynamoDB Local behind them (the e2e stack). People and memberships are put in
 * the store directly; everything about the congress goes over HTTP.
 */
const DELEGATES = 300;
const CONCURRENCY = 50;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

let officer: string;
let delegates: Person[];
let sessionId: string;

beforeAll(async () => {
  useE2eStore();
  ({ officer } = await setupOrgs());
  delegates = await makeMembers('c-ent', 'http', DELEGATES);
  const created = await apiCall('POST', '/congress/sessions', officer, {
    orgId: 'c-ent',
    sessionName: '第三届第三次职工代表大会（HTTP 压力测试）',
    startDate: '2026-03-10',
    endDate: '2026-03-11',
  });
  expect(created.status).toBe(201);
  sessionId = created.body.session.sessionId;
  const csv = delegates.map((p) => p.memberNumber).join('\n');
  const imported = await apiCall('POST', `/congress/sessions/${sessionId}/roster/import`, officer, { csv });
  expect(imported.body.added).toBe(DELEGATES);
  await mapLimit(delegates, 25, async (p) => {
    const res = await apiCall('POST', `/congress/sessions/${sessionId}/sign-in`, p.token);
    expect(res.status).toBeLessThan(300);
  });
}, 600_000);

describe('职代会 load through the HTTP API (serverless-offline + DynamoDB Local)', () => {
  it('300 delegates each vote twice at once: the tally is the first ballots, every second attempt refused', async () => {
    const m = await apiCall('POST', `/congress/sessions/${sessionId}/motions`, officer, { kind: 'vote', title: '关于集体合同草案的表决' });
    const motionId = m.body.motion.motionId;
    expect((await apiCall('POST', `/congress/motions/${motionId}/open`, officer)).status).toBe(200);

    const attempts = delegates.flatMap((p, i) => [
      { p, i, option: VOTE_OPTIONS[i % 3]! },
      { p, i, option: VOTE_OPTIONS[(i + 1) % 3]! },
    ]);
    const latencies: number[] = [];
    const t0 = performance.now();
    const results = await mapLimit(attempts, CONCURRENCY, async (a) => {
      const s = performance.now();
      const res = await apiCall('POST', `/congress/motions/${motionId}/ballots`, a.p.token, { kind: 'vote', option: a.option });
      latencies.push(performance.now() - s);
      return {
        ...a,
        status: res.status,
        code: res.body?.error?.code as string | undefined,
        receipt: res.body?.receiptCode as string | undefined,
      };
    });
    const elapsed = (performance.now() - t0) / 1000;

    const outcomes: Record<string, number> = {};
    for (const r of results) outcomes[`${r.status} ${r.code ?? ''}`] = (outcomes[`${r.status} ${r.code ?? ''}`] ?? 0) + 1;
    console.log('[congress load over HTTP] outcomes', outcomes);
    const accepted = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    expect(accepted).toHaveLength(DELEGATES);
    expect(new Set(accepted.map((r) => r.i)).size).toBe(DELEGATES);
    expect(refused.map((r) => `${r.status} ${r.code}`)).toEqual(Array(DELEGATES).fill('409 VOTE_ALREADY_CAST'));

    const closed = await apiCall('POST', `/congress/motions/${motionId}/close`, officer);
    const expected = { yes: 0, no: 0, abstain: 0 };
    for (const r of accepted) expected[r.option] += 1;
    expect(closed.body.motion.result.counts).toEqual(expected);
    expect(closed.body.motion.result.castCount).toBe(DELEGATES);

    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `[congress load over HTTP] ${attempts.length} ballot requests (${DELEGATES} delegates × 2) at concurrency ${CONCURRENCY}: ` +
        `${elapsed.toFixed(2)} s, ${(attempts.length / elapsed).toFixed(1)} req/s, p50 ${pct(sorted, 50).toFixed(0)} ms, ` +
        `p95 ${pct(sorted, 95).toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms; tally ${JSON.stringify(expected)}`,
    );
  }, 600_000);
});
