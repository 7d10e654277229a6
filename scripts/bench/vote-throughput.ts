/**
 * Vote throughput: every prepared delegate casts a ballot and, at the same time, a second one that
 * must be refused (as tests/integration/congress/load.test.ts does), all through the ballot handler
 * in process at the same concurrency; against the bare floor: the same number of TransactWriteItems
 * calls of as many items as the ballot's transaction, where each delegate's two attempts write the
 * same "voted" item on condition it is absent (so one is refused), retried on a transaction
 * conflict as the store retries (functions/src/store/transactions.ts), and the other items are
 * fresh Puts of the ballot's item sizes. Wall time of all attempts, alternating rounds, a new
 * motion for each round of the route; ratio of the medians.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { getDocumentClient, tableName } from '../../functions/src/store/table';
import { alternate, median, progress } from './lib';
import { mapLimit, type Prepared } from './prepare';
import { recordCalls } from './warm-routes';
import { AREAS, eventOf, expectOk, send } from './world';

export interface ThroughputRow {
  label: string;
  attempts: number;
  concurrency: number;
  itemsPerTransaction: number;
  rounds: number;
  routeSeconds: number;
  bareSeconds: number;
  /** route wall time ÷ bare wall time (medians). */
  ratio: number;
}

const OPTIONS = ['yes', 'no', 'abstain'] as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const measureVoteThroughput = async (prepared: Prepared, opts: { rounds: number; concurrency: number }): Promise<ThroughputRow> => {
  const { delegates } = prepared;
  // The ballot's transaction, from one real ballot on a motion of its own.
  const probeMotion = await prepared.openMotion('关于吞吐量测量的试投');
  const probe = delegates[0]!;
  const calls = await recordCalls(getDocumentClient(), async () =>
    expectOk(
      'probe ballot',
      await send(
        AREAS.congress,
        eventOf({
          area: AREAS.congress,
          method: 'POST',
          path: `/congress/motions/${probeMotion}/ballots`,
          token: probe.token,
          body: { kind: 'vote', option: 'yes' },
        }),
      ),
    ),
  );
  const tx = calls.find((c) => c.op === 'TransactWriteItems');
  if (!tx) throw new Error('the ballot made no transaction');
  const sizes: number[] = (tx.input.TransactItems as Array<Record<string, unknown>>).map(
    (item) => JSON.stringify(Object.values(item)[0]).length,
  );

  let round = 0;
  const routeRound = async (): Promise<number> => {
    round += 1;
    const motionId = await prepared.openMotion(`关于吞吐量测量的表决（第${round}轮）`);
    const events = delegates.flatMap((d, i) =>
      [OPTIONS[i % 3], OPTIONS[(i + 1) % 3]].map((option) =>
        eventOf({
          area: AREAS.congress,
          method: 'POST',
          path: `/congress/motions/${motionId}/ballots`,
          token: d.token,
          body: { kind: 'vote', option },
        }),
      ),
    );
    const t0 = performance.now();
    const answers = await mapLimit(events, opts.concurrency, (e) => send(AREAS.congress, e));
    const elapsed = performance.now() - t0;
    const accepted = answers.filter((a) => a.status === 201).length;
    const refused = answers.filter((a) => a.status === 409 && a.body?.error?.code === 'VOTE_ALREADY_CAST').length;
    if (accepted !== delegates.length || refused !== delegates.length) {
      throw new Error(`vote throughput: ${accepted} accepted and ${refused} refused of ${delegates.length} delegates × 2`);
    }
    return elapsed;
  };

  const bareRound = async (): Promise<number> => {
    round += 1;
    const r = round;
    const client = getDocumentClient();
    const attempt = async (i: number, a: number): Promise<'accepted' | 'refused'> => {
      for (let k = 1; ; k += 1) {
        try {
          await client.send(
            new TransactWriteCommand({
              TransactItems: sizes.map((size, j) => ({
                Put: {
                  TableName: tableName(),
                  Item:
                    j === 0
                      ? { pk: `BENCHVOTE#${r}#${i}`, sk: 'voted', data: 'x'.repeat(Math.max(0, size - 60)) }
                      : { pk: `BENCHVOTE#${r}#${i}#${a}`, sk: `item#${j}`, data: 'x'.repeat(Math.max(0, size - 60)) },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              })),
            }),
          );
          return 'accepted';
        } catch (e) {
          const reasons = ((e as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? []).map((x) => x.Code);
          if (reasons.includes('ConditionalCheckFailed')) return 'refused';
          if (k >= 60 || (e as Error).name !== 'TransactionCanceledException') throw e;
          await sleep(5 + Math.random() * Math.min(200, 10 * k));
        }
      }
    };
    const jobs = delegates.flatMap((_, i) => [0, 1].map((a) => ({ i, a })));
    const t0 = performance.now();
    const outcomes = await mapLimit(jobs, opts.concurrency, (j) => attempt(j.i, j.a));
    const elapsed = performance.now() - t0;
    const accepted = outcomes.filter((o) => o === 'accepted').length;
    if (accepted !== delegates.length) throw new Error(`bare votes: ${accepted} accepted of ${delegates.length}`);
    return elapsed;
  };

  progress(`vote throughput: ${delegates.length} delegates × 2 at concurrency ${opts.concurrency}, ${opts.rounds} alternating rounds`);
  const samples = await alternate(opts.rounds, { route: routeRound, bare: bareRound });
  const routeMs = median(samples.route);
  const bareMs = median(samples.bare);
  return {
    label: `POST /congress/motions/{motionId}/ballots: ${delegates.length} delegates × 2 at once`,
    attempts: delegates.length * 2,
    concurrency: opts.concurrency,
    itemsPerTransaction: sizes.length,
    rounds: samples.route.length,
    routeSeconds: routeMs / 1000,
    bareSeconds: bareMs / 1000,
    ratio: routeMs / bareMs,
  };
};
