/**
 * The officer's desk at district scale (issue 13): a fresh table on its own DynamoDB Local, seeded by
 * scripts/seed/desk-load.ts with a district of 200 grassroots unions and 50,000 members, then
 * `GET /orgs/district/desk/dashboard` and `GET /orgs/district/desk/waiting` (when the build has it)
 * through their handlers, warm, as the district's officer: p50 and p95 over the rounds, each request
 * alternated with a bare GetItem of the district's org item (the floor: ÷ bare), and the DynamoDB
 * calls and round trips of one request.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { resetRuntime } from '../../functions/src/http/runtime';
import { getDocumentClient, tableName } from '../../functions/src/store/table';
import { countDynamoCalls, describeCalls } from '../../tests/support/dynamo-calls';
import { tokenFor } from '../../tests/support/sessions';
import { ensureTable, startDynamoLocal } from '../lib/dynamo-local';
import { DESK_LOAD, seedDeskLoad } from '../seed/desk-load';
import { alternate, pairedRatio, percentile, timed } from './lib';
import { areaOf, eventOf, expectOk, send } from './world';

export interface DeskRow {
  route: string;
  rounds: number;
  p50: number;
  p95: number;
  bare50: number;
  bare95: number;
  ratio50: number;
  ratio95: number;
  calls: number;
  roundTrips: number;
  byCommand: string;
  bytes: number;
}

export interface DeskBench {
  seed: { orgs: number; members: number; items: number; seconds: number };
  rows: DeskRow[];
  /** Routes this build does not have (the other half of issue 13 not merged yet). */
  missing: string[];
}

export const measureDesk = async (opts: { rounds: number; warmup: number }): Promise<DeskBench> => {
  const dynamo = await startDynamoLocal();
  const before = { ...process.env };
  try {
    const table = 'union-service-desk-load';
    await ensureTable(dynamo.endpoint, table);
    Object.assign(process.env, { STAGE: 'local', DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: table, AWS_REGION: 'local' });
    resetRuntime();
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const seed = await seedDeskLoad({ year });
    const token = await tokenFor('officer-district-load', [{ role: 'officer', orgId: DESK_LOAD.districtId }], '区总干部');
    const bare = () =>
      timed(() =>
        getDocumentClient().send(new GetCommand({ TableName: tableName(), Key: { pk: `ORG#${DESK_LOAD.districtId}`, sk: 'META' } })),
      );
    const rows: DeskRow[] = [];
    const missing: string[] = [];
    for (const path of [`/orgs/${DESK_LOAD.districtId}/desk/dashboard?year=${year}`, `/orgs/${DESK_LOAD.districtId}/desk/waiting`]) {
      const area = areaOf('GET', path);
      if (!area) {
        missing.push(`GET ${path}`);
        continue;
      }
      const [pathname, qs] = path.split('?') as [string, string | undefined];
      const event = eventOf({
        area,
        method: 'GET',
        path: pathname,
        token,
        ...(qs ? { query: Object.fromEntries(new URLSearchParams(qs)) } : {}),
      });
      const first = expectOk(`GET ${path}`, await send(area, event));
      const counter = countDynamoCalls();
      counter.reset();
      expectOk(`GET ${path}`, await send(area, event));
      const s = counter.snapshot();
      counter.detach();
      const samples = await alternate(
        opts.rounds,
        { route: () => timed(async () => expectOk(path, await send(area, event))), bare },
        { warmup: opts.warmup },
      );
      rows.push({
        route: `GET ${pathname}`,
        rounds: samples.route.length,
        p50: percentile(samples.route, 50),
        p95: percentile(samples.route, 95),
        bare50: percentile(samples.bare, 50),
        bare95: percentile(samples.bare, 95),
        ratio50: pairedRatio(samples.route, samples.bare),
        ratio95: percentile(samples.route, 95) / percentile(samples.bare, 95),
        calls: s.calls,
        roundTrips: s.roundTrips,
        byCommand: describeCalls(s),
        bytes: JSON.stringify(first.body).length,
      });
    }
    return { seed, rows, missing };
  } finally {
    for (const k of ['STAGE', 'DYNAMODB_ENDPOINT', 'TABLE_NAME', 'AWS_REGION']) {
      if (before[k] === undefined) delete process.env[k];
      else process.env[k] = before[k];
    }
    resetRuntime();
    await dynamo.stop();
  }
};
