/**
 * Where a hot write's time goes (issue 14): each write route of hot-routes.ts, in process against
 * DynamoDB Local, alternated with its bare TransactWriteItems (as warm-routes.ts builds it), and each
 * request split into its DynamoDB round trips (waves: calls in flight together, from the first one's
 * start to the last one's answer, as the store's client sees them) and the rest — the time Node
 * spends outside any call: session check, zod, sealing and hashing, building the items, the answer.
 * Beside the wall times, Node's own CPU per request (process.cpuUsage; DynamoDB Local is another
 * process), which the machine's load disturbs less.
 *
 *   npx tsx scripts/bench/write-breakdown-probe.ts [--rounds 150] [--only apply,ballot]
 *
 * Prints medians per route: total, each wave, outside the calls, Node CPU; the bare transaction and
 * its Node CPU; the ratios. Self-contained; `npm run bench` (BENCH_ONLY=routes) has the full table.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { alternate, median } from './lib';

// After the .bin loader is registered (the poster function's font): the handlers load with the world.
const { getDocumentClient, tableName } = await import('../../functions/src/store/table');
const { hotRoutes } = await import('./hot-routes');
const { prepare } = await import('./prepare');
const { recordCalls } = await import('./warm-routes');
const { eventOf, expectOk, send, startWorld } = await import('./world');

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const rounds = Number(option('rounds') ?? 150);
const only = option('only')?.split(',');
const WARMUP = 10;

interface Call {
  op: string;
  start: number;
  end: number;
}

/** Times every call on the store's client while armed. */
const callTimer = () => {
  let calls: Call[] | null = null;
  getDocumentClient().middlewareStack.add(
    (next, context) => async (args) => {
      if (!calls) return next(args);
      const mine = calls;
      const call: Call = {
        op: String((context as { commandName?: string }).commandName ?? '').replace(/Command$/, ''),
        start: performance.now(),
        end: 0,
      };
      mine.push(call);
      try {
        return await next(args);
      } finally {
        call.end = performance.now();
      }
    },
    { step: 'initialize', name: 'writeBreakdownTimer', priority: 'high' },
  );
  return {
    async time(fn: () => Promise<unknown>) {
      calls = [];
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await fn();
      const total = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const seen = calls;
      calls = null;
      // Waves: a call that starts after every earlier one has answered begins the next.
      const waves: Array<{ ops: string[]; start: number; end: number }> = [];
      for (const c of seen.sort((a, b) => a.start - b.start)) {
        const last = waves.at(-1);
        if (last && c.start < last.end) {
          last.ops.push(c.op);
          last.end = Math.max(last.end, c.end);
        } else waves.push({ ops: [c.op], start: c.start, end: c.end });
      }
      const inCalls = waves.reduce((s, w) => s + (w.end - w.start), 0);
      return { total, cpu: (cpu.user + cpu.system) / 1000, waves, outside: total - inCalls };
    },
  };
};

const world = await startWorld('union-service-breakdown');
try {
  const need = rounds + WARMUP + 4;
  const prepared = await prepare({ delegates: need, applicants: need });
  const writes = (await hotRoutes(prepared)).filter(
    (r) =>
      r.bare === 'TransactWriteItems' &&
      (!only ||
        only.some((o) =>
          o === 'apply' ? r.label.includes('applications') : o === 'ballot' ? r.label.includes('ballots') : r.label.includes(o),
        )),
  );
  const timer = callTimer();
  for (const route of writes) {
    const probe = route.next();
    const recorded = await recordCalls(getDocumentClient(), async () => expectOk(route.label, await send(probe.area, eventOf(probe))));
    const tx = recorded.filter((c) => c.op === 'TransactWriteItems').at(-1);
    if (!tx) throw new Error(`${route.label}: no transaction`);
    const sizes: number[] = (tx.input.TransactItems as Array<Record<string, unknown>>).map(
      (i) => JSON.stringify(Object.values(i)[0]).length,
    );
    let n = 0;
    const bare = () => {
      n += 1;
      return getDocumentClient().send(
        new TransactWriteCommand({
          TransactItems: sizes.map((size, k) => ({
            Put: {
              TableName: tableName(),
              Item: { pk: `BREAKDOWN#${route.label}#${n}`, sk: `item#${k}`, data: 'x'.repeat(Math.max(0, size - 60)) },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          })),
        }),
      );
    };
    const samples = await alternate(
      rounds,
      {
        route: async () => {
          const req = route.next();
          const event = eventOf(req);
          return timer.time(async () => expectOk(route.label, await send(req.area, event)));
        },
        bare: () => timer.time(bare),
      },
      { warmup: WARMUP },
    );
    const med = (f: (s: (typeof samples.route)[number]) => number, of = samples.route) => median(of.map(f));
    const waveCount = samples.route[0]!.waves.length;
    const lines = [
      `${route.label}  (${rounds} alternating rounds, medians, ms)`,
      `  route total ${med((s) => s.total).toFixed(2)}   bare TransactWriteItems (${sizes.length} items) ${med((s) => s.total, samples.bare).toFixed(2)}   ratio ${(med((s) => s.total) / med((s) => s.total, samples.bare)).toFixed(2)}×`,
      ...Array.from({ length: waveCount }, (_, w) => {
        const ops = samples.route[0]!.waves[w]!.ops.join(' + ');
        return `  wave ${w + 1}: ${ops.padEnd(52)} ${med((s) => (s.waves[w] ? s.waves[w]!.end - s.waves[w]!.start : 0)).toFixed(2)}`;
      }),
      `  outside any call (Node: session, zod, crypto, items, answer) ${med((s) => s.outside).toFixed(2)}`,
      `  Node CPU per request: route ${med((s) => s.cpu).toFixed(2)}, bare ${med((s) => s.cpu, samples.bare).toFixed(2)}`,
    ];
    console.log(lines.join('\n'));
  }
} finally {
  await world.stop();
}
