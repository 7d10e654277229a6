/**
 * Vote throughput: every prepared voter casts a ballot and, at the same time, a second one that
 * must be refused (as tests/integration/congress/load.test.ts and projects/load.test.ts do), all through the ballot handler
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

/** One kind of ballot the bench sends: where to vote in a round, and each voter's two attempts there. */
interface BallotKind {
  label: string;
  /** The refusal of a second ballot by the same voter. */
  refusedCode: string;
  /** A new poll (motion or vote) for a round, named by its round. */
  open(round: number): Promise<string>;
  /** Voter `i`'s attempt `a` (0 or 1) in the poll. */
  event(pollId: string, i: number, a: number): ReturnType<typeof eventOf>;
  area: (typeof AREAS)[keyof typeof AREAS];
}

const measureBallotThroughput = async (
  voters: number,
  kind: BallotKind,
  opts: { rounds: number; concurrency: number },
): Promise<ThroughputRow> => {
  // The ballot's transaction, from one real ballot in a poll of its own.
  const probePoll = await kind.open(0);
  const calls = await recordCalls(getDocumentClient(), async () =>
    expectOk('probe ballot', await send(kind.area, kind.event(probePoll, 0, 0))),
  );
  const tx = calls.find((c) => c.op === 'TransactWriteItems');
  if (!tx) throw new Error('the ballot made no transaction');
  const sizes: number[] = (tx.input.TransactItems as Array<Record<string, unknown>>).map(
    (item) => JSON.stringify(Object.values(item)[0]).length,
  );

  let round = 0;
  const routeRound = async (): Promise<number> => {
    round += 1;
    const pollId = await kind.open(round);
    const events = Array.from({ length: voters }, (_, i) => [0, 1].map((a) => kind.event(pollId, i, a))).flat();
    const t0 = performance.now();
    const answers = await mapLimit(events, opts.concurrency, (e) => send(kind.area, e));
    const elapsed = performance.now() - t0;
    const accepted = answers.filter((a) => a.status === 201).length;
    const refused = answers.filter((a) => a.status === 409 && a.body?.error?.code === kind.refusedCode).length;
    if (accepted !== voters || refused !== voters) {
      throw new Error(`${kind.label}: ${accepted} accepted and ${refused} refused of ${voters} voters × 2`);
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
                      ? { pk: `BENCHVOTE#${kind.label}#${r}#${i}`, sk: 'voted', data: 'x'.repeat(Math.max(0, size - 60)) }
                      : { pk: `BENCHVOTE#${kind.label}#${r}#${i}#${a}`, sk: `item#${j}`, data: 'x'.repeat(Math.max(0, size - 60)) },
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
    const jobs = Array.from({ length: voters }, (_, i) => [0, 1].map((a) => ({ i, a }))).flat();
    const t0 = performance.now();
    const outcomes = await mapLimit(jobs, opts.concurrency, (j) => attempt(j.i, j.a));
    const elapsed = performance.now() - t0;
    const accepted = outcomes.filter((o) => o === 'accepted').length;
    if (accepted !== voters) throw new Error(`bare votes: ${accepted} accepted of ${voters}`);
    return elapsed;
  };

  progress(`${kind.label}: ${voters} voters × 2 at concurrency ${opts.concurrency}, ${opts.rounds} alternating rounds`);
  const samples = await alternate(opts.rounds, { route: routeRound, bare: bareRound });
  const routeMs = median(samples.route);
  const bareMs = median(samples.bare);
  return {
    label: `${kind.label}: ${voters} voters × 2 at once`,
    attempts: voters * 2,
    concurrency: opts.concurrency,
    itemsPerTransaction: sizes.length,
    rounds: samples.route.length,
    routeSeconds: routeMs / 1000,
    bareSeconds: bareMs / 1000,
    ratio: routeMs / bareMs,
  };
};

/** 职代会 ballots: every prepared delegate votes in a new motion each round. */
export const measureVoteThroughput = (prepared: Prepared, opts: { rounds: number; concurrency: number }): Promise<ThroughputRow> =>
  measureBallotThroughput(
    prepared.delegates.length,
    {
      label: 'POST /congress/motions/{motionId}/ballots',
      refusedCode: 'VOTE_ALREADY_CAST',
      area: AREAS.congress,
      open: (round) => prepared.openMotion(round === 0 ? '关于吞吐量测量的试投' : `关于吞吐量测量的表决（第${round}轮）`),
      event: (motionId, i, a) =>
        eventOf({
          area: AREAS.congress,
          method: 'POST',
          path: `/congress/motions/${motionId}/ballots`,
          token: prepared.delegates[i]!.token,
          body: { kind: 'vote', option: OPTIONS[(i + a) % 3] },
        }),
    },
    opts,
  );

/**
 * 实事 member-vote ballots (遴选): the same prepared people, as members of the enterprise union,
 * each pick 2 of 6 projects in a new vote of the enterprise each round; the vote is counted at close,
 * so no item is written by every ballot (the floor's "voted" item is per voter, as the route's is).
 */
export const measureProjectVoteThroughput = (prepared: Prepared, opts: { rounds: number; concurrency: number }): Promise<ThroughputRow> =>
  measureBallotThroughput(
    prepared.delegates.length,
    {
      label: 'POST /project-votes/{voteId}/ballots',
      refusedCode: 'VOTE_ALREADY_CAST',
      area: AREAS.projects,
      open: async (round) => {
        const now = Date.now();
        const created = await send(
          AREAS.projects,
          eventOf({
            area: AREAS.projects,
            method: 'POST',
            path: `/orgs/${prepared.orgId}/project-votes`,
            token: prepared.officerToken,
            body: {
              title: `吞吐量测量投票第${round}轮`,
              year: 2027,
              opensAt: new Date(now - 60_000).toISOString(),
              closesAt: new Date(now + 3_600_000).toISOString(),
              maxPicks: 2,
              projects: Array.from({ length: 6 }, (_, k) => ({
                projectName: `第${k + 1}项实事项目`,
                content: `为一线职工办好第${k + 1}件实事`,
                targetGroup: '一线职工',
                estimatedCostWanYuan: 10,
                department: '职工服务中心',
                suggestionIds: [],
              })),
            },
          }),
        );
        expectOk('project vote', created);
        return (created.body as { vote: { voteId: string } }).vote.voteId;
      },
      event: (voteId, i, a) =>
        eventOf({
          area: AREAS.projects,
          method: 'POST',
          path: `/project-votes/${voteId}/ballots`,
          token: prepared.delegates[i]!.token,
          body: { picks: [`p${((i + a) % 6) + 1}`, `p${((i + a + 3) % 6) + 1}`] },
        }),
    },
    opts,
  );
