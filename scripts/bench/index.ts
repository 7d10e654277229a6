/**
 * `npm run bench`: every cost against its floor, measured in one run, written to BENCHMARKS.md.
 * Nothing here asserts, and the tests carry no timing thresholds: benchmarks stay out of `npm test`.
 *
 * On a shared machine an absolute time means little; what holds is the ratio to the floor the code
 * stands on, each pair measured alternately in the same run (lib.ts `alternate`), medians. One module
 * per measurement, each returning typed rows; this file runs them and writes the report.
 *
 * BENCH_ONLY=cold,routes,builds,render,importer,desk (any of them) runs those sections alone and prints
 * them without writing BENCHMARKS.md.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../lib/dynamo-local';
import { check, kb, load, machineLine, ms, progress, ratio, renderSection, type Section } from './lib';

/** The targets of issue 14. */
const TARGETS = {
  coldImportRatio: 1.3,
  warmP50Ratio: 1.5,
  h5RenderRatio: 1.5,
  weappMainBytes: 480 * 1024,
  readRoundTrips: 2,
};

const ROUNDS = {
  /** CPU-time ratios settle within ±0.1 in 10 rounds (wall time would need far more). */
  coldImport: 10,
  warmRoutes: 200,
  warmRoutesWarmup: 10,
  voteThroughput: 3,
  voteConcurrency: 50,
  delegates: 300,
  h5Render: 7,
  /** Mini-program builds run side by side, two at a time (each is mostly one core of webpack). */
  buildParallel: 2,
  /** The desk at district scale (200 unions, 50,000 members): requests per route, after warm-up. */
  desk: 60,
  deskWarmup: 5,
};

const only = new Set((process.env.BENCH_ONLY ?? '').split(',').filter(Boolean));
const runs = (section: string) => only.size === 0 || only.has(section);

const started = Date.now();
const loadAtStart = load();
const lap = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
  const t0 = Date.now();
  const out = await fn();
  progress(`${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return out;
};

const summary: string[][] = [];
const sections: Section[] = [];

// 1. The importer (absolute times: it has no floor), and zod vs zod/mini.
const importerSections: Section[] = [];
if (runs('importer')) {
  const { measureImporter, measureAdversarial } = await import('./importer');
  const { measureZod } = await import('./zod');
  const plans = await lap('plan importer', measureImporter);
  const hostile = await lap('plan importer on adversarial text', measureAdversarial);
  const zod = await lap('zod vs zod/mini', measureZod);
  importerSections.push(
    {
      title: 'Plan importer (median of 20 runs, after 3 warm-up runs)',
      header: ['documents', 'characters', 'total ms', 'services found'],
      rows: plans.map((r) => [`${r.label}: ${r.documents}`, String(r.characters), ms(r.medianMs), String(r.services)]),
    },
    {
      title: 'Plan importer on 1 MB of adversarial text (median of 3 runs)',
      header: ['text', 'UTF-8 bytes', 'ms', 'ms per MB', 'services'],
      rows: hostile.map((r) => [r.label, String(r.bytes), ms(r.medianMs, 0), ms(r.msPerMb, 0), String(r.services)]),
    },
    {
      title: 'zod vs zod/mini in a Lambda bundle (esbuild, minified, node20)',
      header: ['flavour', 'bundle'],
      rows: zod.map((r) => [r.flavour, kb(r.bytes)]),
    },
  );
}

// 2. Cold import of each function's bundle ÷ a bare DocumentClient GetCommand handler.
if (runs('cold')) {
  const { measureColdImport, BARE_FUNCTION } = await import('./cold-import');
  const rows = await lap('cold import', () => measureColdImport({ rounds: ROUNDS.coldImport }));
  const fns = rows.filter((r) => r.fn !== BARE_FUNCTION);
  const worst = fns.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  summary.push([
    'cold import (CPU) ÷ bare DocumentClient bundle, each function',
    `worst ${worst.fn} ${ratio(worst.ratio)}; ${fns.filter((r) => r.ratio > TARGETS.coldImportRatio).length} of ${fns.length} over`,
    `≤ ${TARGETS.coldImportRatio}×`,
    check(worst.ratio, TARGETS.coldImportRatio),
  ]);
  sections.push({
    title: `Cold import (fresh Node process each, ${rows[0]?.samples ?? 0} alternating rounds, medians)`,
    intro: [
      'Each bundle is built as `serverless package --stage prod` builds it (serverless.yml `custom.esbuild`: minified, node20, cjs,',
      'the AWS SDK bundled; byte-identical to the packaged `.cjs`), and so is the bare handler: a `DynamoDBDocumentClient`',
      "and one `GetCommand`. Measured inside the fresh process around `require(bundle)`, which leaves Node's own start out. The ratio",
      'is of CPU time (user + system): on this oversubscribed machine wall time waits for a core at random (its ratios moved by ±0.5',
      'between runs, CPU ratios by ±0.1), and a 512 MB Lambda has about a third of a vCPU, so its init lasts about the CPU it needs.',
    ],
    header: ['function', 'bundle', 'import CPU ms', '÷ bare', `≤ ${TARGETS.coldImportRatio}×`, 'import wall ms', 'wall ÷ bare'],
    rows: rows.map((r) => [
      r.fn,
      kb(r.bundleBytes),
      ms(r.cpuMs),
      ratio(r.ratio),
      r.fn === BARE_FUNCTION ? '(floor)' : check(r.ratio, TARGETS.coldImportRatio),
      ms(r.wallMs),
      ratio(r.wallRatio),
    ]),
  });
}

// 3–5. In-process handlers against DynamoDB Local: calls per route, warm latency, vote throughput.
// The same DynamoDB Local and demo data serve the h5 first render's API (7).
const { startWorld } = await import('./world');
const world = runs('routes') || runs('render') ? await lap('DynamoDB Local and the demo data', () => startWorld()) : undefined;
const buildSections: Section[] = [];
try {
  if (world && runs('routes')) {
    const { prepare } = await import('./prepare');
    const { hotRoutes } = await import('./hot-routes');
    const { measureRouteCalls } = await import('./route-calls');
    const { measureWarmRoutes } = await import('./warm-routes');
    const { measureProjectVoteThroughput, measureVoteThroughput } = await import('./vote-throughput');
    const need = ROUNDS.warmRoutes + ROUNDS.warmRoutesWarmup + 4;
    const prepared = await lap('preparing delegates and applicants', () =>
      prepare({ delegates: Math.max(ROUNDS.delegates, need), applicants: need }),
    );
    const hot = await hotRoutes(prepared);
    const calls = await lap('DynamoDB calls per route', () => measureRouteCalls(hot));
    const latency = await lap('warm route latency', () =>
      measureWarmRoutes(hot, { rounds: ROUNDS.warmRoutes, warmup: ROUNDS.warmRoutesWarmup }),
    );
    const votes = await lap('vote throughput', () =>
      measureVoteThroughput(
        { ...prepared, delegates: prepared.delegates.slice(0, ROUNDS.delegates) },
        { rounds: ROUNDS.voteThroughput, concurrency: ROUNDS.voteConcurrency },
      ),
    );
    const projectVotes = await lap('实事 vote throughput', () =>
      measureProjectVoteThroughput(
        { ...prepared, delegates: prepared.delegates.slice(0, ROUNDS.delegates) },
        { rounds: ROUNDS.voteThroughput, concurrency: ROUNDS.voteConcurrency },
      ),
    );

    const worstWarm = latency.reduce((a, b) => (b.ratio50 > a.ratio50 ? b : a));
    summary.push([
      'warm p50 ÷ the bare DynamoDB operation, each hot route',
      `worst ${worstWarm.route} ${ratio(worstWarm.ratio50)}; ${latency.filter((r) => r.ratio50 > TARGETS.warmP50Ratio).length} of ${latency.length} over`,
      `≤ ${TARGETS.warmP50Ratio}×`,
      check(worstWarm.ratio50, TARGETS.warmP50Ratio),
    ]);
    const worstOwn = latency.reduce((a, b) => (b.ratioOwn50 > a.ratioOwn50 ? b : a));
    summary.push([
      "warm p50 ÷ the route's own DynamoDB calls replayed bare (what stands in the way of the row above)",
      `worst ${worstOwn.route} ${ratio(worstOwn.ratioOwn50)}; ${latency.filter((r) => r.ratioOwn50 > TARGETS.warmP50Ratio).length} of ${latency.length} over 1.5×`,
      '(no target)',
      '—',
    ]);
    sections.push({
      title: `Warm route latency (in-process handler, DynamoDB Local, ${latency[0]?.rounds ?? 0} alternating rounds after ${ROUNDS.warmRoutesWarmup})`,
      intro: [
        'Each request alternates with the bare DynamoDB operation the route wraps, on the same client and table: for a read, the',
        "route's own first GetItem replayed as sent (the demo member 张德福's card and benefits); for a write, one TransactWriteItems of",
        "as many conditional Puts as the route's transaction has items, each of its item's size. Writes take a person prepared beforehand.",
        "A third subject in the same alternation replays the route's own DynamoDB calls bare, in the same round trips (reads as sent,",
        'a counter update on a fresh key, the transaction as above): `÷ own calls` is what the route adds on top of the store calls it',
        'makes (parsing, deciding, mapping, JSON). Where `÷ bare` is over the target and `÷ own calls` is not, what stands in the way is',
        'the reads and round trips the route needs beyond the one operation (column `own calls`), not its code.',
      ],
      header: [
        'route',
        'bare operation',
        'p50 ms',
        'p95 ms',
        'bare p50',
        'bare p95',
        'p50 ÷ bare',
        'p95 ÷ bare',
        `p50 ≤ ${TARGETS.warmP50Ratio}×`,
        'own calls (round trips →)',
        'own calls p50',
        'p50 ÷ own calls',
      ],
      rows: latency.map((r) => [
        `\`${r.route}\``,
        r.bare,
        ms(r.route50),
        ms(r.route95),
        ms(r.bare50),
        ms(r.bare95),
        ratio(r.ratio50),
        ratio(r.ratio95),
        check(r.ratio50, TARGETS.warmP50Ratio),
        r.own,
        ms(r.own50),
        ratio(r.ratioOwn50),
      ]),
    });

    const reads = calls.filter((c) => c.kind === 'read');
    const over = reads.filter((c) => c.roundTrips > TARGETS.readRoundTrips);
    const worstReads = reads.reduce((a, b) => (b.roundTrips > a.roundTrips ? b : a));
    summary.push([
      'DynamoDB round trips per member read route',
      `worst ${worstReads.route} ${worstReads.roundTrips} (${worstReads.calls} calls); ${over.length} of ${reads.length} routes over`,
      `≤ ${TARGETS.readRoundTrips}`,
      check(worstReads.roundTrips, TARGETS.readRoundTrips),
    ]);
    sections.push({
      title: 'DynamoDB calls per request',
      intro: [
        "Counted by a middleware on the store's client (`tests/support/dynamo-calls.ts`) on the second request of each route (the first",
        'warms in-process caches). Round trips: calls in flight together (`Promise.all`) count once. Reads as the demo member 张德福',
        '(enterprise union: city → district → enterprise) or the demo delegate 07; writes as a prepared person.',
      ],
      header: ['route', 'as', 'status', 'calls', 'round trips', 'by operation', `≤ ${TARGETS.readRoundTrips} round trips`],
      rows: calls.map((c) => [
        `\`${c.route}\``,
        c.as,
        String(c.status),
        String(c.calls),
        String(c.roundTrips),
        Object.entries(c.byCommand)
          .map(([op, n]) => `${op} ×${n}`)
          .join(', '),
        c.kind === 'read' ? check(c.roundTrips, TARGETS.readRoundTrips) : '(write)',
      ]),
    });

    sections.push({
      title: `Vote throughput (${votes.rounds} alternating rounds, medians)`,
      intro: [
        'Every voter casts a ballot and, at the same time, a second one that is refused (VOTE_ALREADY_CAST), at the concurrency of',
        "tests/integration/congress/load.test.ts; against as many bare TransactWriteItems of as many items, where each delegate's two",
        'attempts write the same item on condition it is absent (one is refused), retried on a transaction conflict as the store does.',
      ],
      header: [
        'measure',
        'attempts',
        'concurrency',
        'items per transaction',
        'route s',
        'bare s',
        'route ÷ bare',
        'route req/s',
        'bare req/s',
      ],
      rows: [votes, projectVotes].map((v) => [
        `\`${v.label}\``,
        String(v.attempts),
        String(v.concurrency),
        String(v.itemsPerTransaction),
        ms(v.routeSeconds, 2),
        ms(v.bareSeconds, 2),
        ratio(v.ratio),
        ms(v.attempts / v.routeSeconds, 0),
        ms(v.attempts / v.bareSeconds, 0),
      ]),
      outro: [
        'The 实事 member vote (遴选) counts at close from its ballots, spread over 16 partitions, so a burst of ballots writes no',
        "shared item (docs/capacity.md). Its accepted ballots per second are half the route's req/s (each member also sends a refused",
        'repeat). tests/integration/projects/load.test.ts checks the count exact for 1,000 members × 2 (PROJECT_VOTE_LOAD=5000: 5,000).',
      ],
    });
    summary.push(['vote throughput: wall time ÷ bare TransactWriteItems', ratio(votes.ratio), '(no target)', '—']);
    summary.push(['实事 vote throughput: wall time ÷ bare TransactWriteItems', ratio(projectVotes.ratio), '(no target)', '—']);
  }

  // 6–7. The mini-program: builds, the weapp main package, h5 first render.
  if (runs('builds') || runs('render')) {
    const { measureMiniappBuilds } = await import('./miniapp-builds');
    const builds = await lap('mini-program builds', () => measureMiniappBuilds({ parallel: ROUNDS.buildParallel }));
    const find = (app: 'app' | 'bare', type: 'h5' | 'weapp') => builds.find((b) => b.app === app && b.type === type)!;
    const appWeapp = find('app', 'weapp');
    const bareWeapp = find('bare', 'weapp');
    summary.push([
      'weapp main package',
      `${kb(appWeapp.bytes)} (${ratio(appWeapp.bytes / bareWeapp.bytes)} the bare Taro app's ${kb(bareWeapp.bytes)})`,
      `≤ ${kb(TARGETS.weappMainBytes)}`,
      check(appWeapp.bytes, TARGETS.weappMainBytes),
    ]);
    buildSections.push(
      {
        title: 'weapp main package',
        intro: [
          'The whole weapp output minus every subpackage root of app.json, against the bare Taro 4 app (one page, one `<View>`) built the same way.',
        ],
        header: ['build', 'main package', '÷ bare', `≤ ${kb(TARGETS.weappMainBytes)}`],
        rows: [
          [
            `app (without the subpackages ${appWeapp.subpackages.join(', ')})`,
            kb(appWeapp.bytes),
            ratio(appWeapp.bytes / bareWeapp.bytes),
            check(appWeapp.bytes, TARGETS.weappMainBytes),
          ],
          ['bare Taro 4 app', kb(bareWeapp.bytes), '1.00×', '(floor)'],
        ],
      },
      {
        title: `Mini-program builds (\`taro build\`, ${ROUNDS.buildParallel} at a time)`,
        intro: [
          'A build is kept between runs while its sources, package-lock.json, Node and its environment are unchanged',
          '(miniapp-builds.ts); its time is then the one it took when made. `BENCH_REBUILD=1 npm run bench` builds everything.',
        ],
        header: ['build', 'seconds', 'output'],
        rows: builds.map((b) => [
          `${b.app === 'app' ? 'app' : 'bare Taro app'} ${b.type}`,
          b.keptFrom ? `${ms(b.seconds)} (kept: built ${b.keptFrom} UTC)` : ms(b.seconds),
          b.type === 'weapp' ? `${kb(b.bytes)} main package` : `${kb(b.bytes)} whole output`,
        ]),
      },
    );

    if (world && runs('render')) {
      const { measureH5Render, BARE_PAGE } = await import('./h5-render');
      const render = await lap('h5 first render', () =>
        measureH5Render({ rounds: ROUNDS.h5Render, appDist: find('app', 'h5').dist, bareDist: find('bare', 'h5').dist }),
      );
      for (const r of render.filter((x) => x.page !== BARE_PAGE)) {
        summary.push([
          `h5 first render ÷ bare Taro: ${r.page}`,
          ratio(r.ratio),
          `≤ ${TARGETS.h5RenderRatio}×`,
          check(r.ratio, TARGETS.h5RenderRatio),
        ]);
      }
      buildSections.unshift({
        title: `h5 first render (Chromium, cold cache, ${render[0]?.runs ?? 0} alternating rounds)`,
        intro: [
          'A new browser context per run (empty cache; the demo member 张德福 signed in through localStorage). Both builds are served by',
          "`npm start`'s static server; its /api goes to the functions' handlers in the bench process (DynamoDB Local, demo data) rather",
          'than serverless-offline. First render = from navigation start until the main element is in the DOM with a layout box.',
          "Each round loads home, bare, card (then card, bare, home); ÷ bare is the median of each round's page ÷ the bare page loaded",
          'next to it. JavaScript = the scripts loaded by the first render.',
        ],
        header: ['page', 'URL', 'main element', 'first render ms', '÷ bare', `≤ ${TARGETS.h5RenderRatio}×`, 'JavaScript loaded'],
        rows: render.map((r) => [
          r.page,
          `\`${r.url}\``,
          `\`${r.selector}\``,
          ms(r.medianMs, 0),
          ratio(r.ratio),
          r.page === BARE_PAGE ? '(floor)' : check(r.ratio, TARGETS.h5RenderRatio),
          `${kb(r.jsBytes)} in ${r.jsFiles} files`,
        ]),
      });
    }
  }
  if (world && world.errors.length > 0) progress(`the functions logged ${world.errors.length} errors, e.g. ${world.errors[0]}`);
} finally {
  await world?.stop();
}

// 8. The officer's desk at district scale, on a fresh table of its own (after the demo world is stopped).
if (runs('desk')) {
  const { measureDesk } = await import('./desk');
  const desk = await lap('the desk at district scale', () => measureDesk({ rounds: ROUNDS.desk, warmup: ROUNDS.deskWarmup }));
  for (const r of desk.rows) {
    summary.push([
      `${r.route}: 200 unions, 50,000 members (warm p50 / p95)`,
      `${ms(r.p50)} / ${ms(r.p95)} ms (${ratio(r.ratio50)} a GetItem)`,
      '(no target)',
      '—',
    ]);
  }
  sections.push({
    title: `The officer's desk at district scale (in-process handler, DynamoDB Local, ${desk.rows[0]?.rounds ?? 0} alternating rounds after ${ROUNDS.deskWarmup})`,
    intro: [
      `A fresh table seeded by \`scripts/seed/desk-load.ts\`: a district of ${desk.seed.orgs - 2} grassroots unions and ${desk.seed.members.toLocaleString('en')} members`,
      `(${desk.seed.items.toLocaleString('en')} items by BatchWriteItem in ${desk.seed.seconds.toFixed(1)} s). Each request as the district's officer, warm, alternated`,
      "with a bare GetItem of the district's org item on the same client (÷ bare: the median of each round's ratio for p50).",
      'Calls and round trips of one request (calls in flight together count once). docs/ARCHITECTURE.md "Dashboard".',
    ],
    header: [
      'route',
      'p50 ms',
      'p95 ms',
      'bare p50',
      'bare p95',
      'p50 ÷ bare',
      'p95 ÷ bare',
      'calls',
      'round trips',
      'by operation',
      'answer',
    ],
    rows: desk.rows.map((r) => [
      `\`${r.route}\``,
      ms(r.p50),
      ms(r.p95),
      ms(r.bare50, 2),
      ms(r.bare95, 2),
      ratio(r.ratio50),
      ratio(r.ratio95),
      String(r.calls),
      String(r.roundTrips),
      r.byCommand,
      kb(r.bytes),
    ]),
    ...(desk.missing.length > 0 ? { outro: [`Not in this build: ${desk.missing.map((m) => `\`${m}\``).join(', ')}.`] } : {}),
  });
}

const total = (Date.now() - started) / 1000;
const lines = [
  '# Benchmarks',
  '',
  `Measured by \`npm run bench\` in ${total.toFixed(0)} s on ${machineLine(loadAtStart)}.`,
  '',
  'Each cost is measured against its floor in the same run, the two alternating (A B, B A, …), and reported as a ratio',
  '(of medians, or of p50 and p95; each section says which): on a shared machine the absolute times move with the load,',
  'the ratios much less. The targets are those of issue 14. Absolute times below are of this run and this load only.',
  '',
  ...renderSection({ title: 'Against the targets', header: ['measure', 'figure', 'target', 'met'], rows: summary }),
  ...sections.flatMap(renderSection),
  ...buildSections.flatMap(renderSection),
  ...importerSections.flatMap(renderSection),
];
const report = `${lines.join('\n').trimEnd()}\n`;
console.log(report);
if (only.size === 0) {
  writeFileSync(path.join(repoRoot, 'BENCHMARKS.md'), report);
  progress(`written to BENCHMARKS.md; ${total.toFixed(0)} s in all`);
} else {
  progress(`BENCH_ONLY=${[...only].join(',')}: BENCHMARKS.md left as it was; ${total.toFixed(0)} s`);
}
