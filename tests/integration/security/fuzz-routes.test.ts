/**
 * Every route, fuzzed (issue 10): bodies, queries and path values drawn from the shared contracts
 * and beyond them, sent as a valid user of each role the route admits (and as a plain member).
 * The property: the answer is a 4xx with the error shape (a stable code, a Chinese message), or a
 * success the route's response schema accepts — never a 5xx — and a refused request wrote nothing.
 * The world behind the routes is the demo world, so real ids reach deep into the handlers.
 */

import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { fc, test } from '@fast-check/vitest';
import type { RoleGrant } from '@union/shared';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import type { RouteDef } from '../../../functions/src/http/route';
import { routeKey } from '../../../functions/src/http/route';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { seedDemo } from '../../../scripts/seed/index';
import { invoke, templateOf } from '../../support/invoke';
import { responseProblems } from '../../support/response-contract';
import { anything, contractArb } from '../../support/schema-arbitrary';
import { tokenFor } from '../../support/sessions';
import { startWechatStandInForFunctions, type WechatStandIn } from '../../support/wechat-stand-in';
import { installWriteWatch, watchWrites } from '../../support/write-watch';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const allRoutes = Object.values(AREAS).flatMap((area) => area.routes.map((route) => ({ area, route })));

/** Codes the router answers before any handler runs: such a refusal cannot have written anything. */
const CJK = /[\u4e00-\u9fa5]/;
/** Writes a refused request may make by design: rate-limit counters. */
const ALLOWED_REFUSED_WRITE = /^RATE#/;

const ids: Record<string, string[]> = {};
const tokens: Record<string, string> = {};

// WeChat answers as WeChat does: an unknown login or phone code is 40029, so the routes that
// take one answer a 4xx, never an outage 503.
let wechat: WechatStandIn;

beforeAll(async () => {
  wechat = await startWechatStandInForFunctions();
  await seedDemo();
  installWriteWatch();
  // Real ids for every path parameter, read back from the seeded table.
  const names = new Set(allRoutes.flatMap(({ route }) => [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '')));
  let start: Record<string, unknown> | undefined;
  do {
    const page = await getDocumentClient().send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      for (const n of names) {
        const v = item[n];
        if (typeof v !== 'string' && typeof v !== 'number') continue;
        const known = ids[n] ?? [];
        if (!known.includes(String(v))) known.push(String(v));
        ids[n] = known;
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  // A user of each role over the demo district, and a member of the enterprise union.
  const grants: Record<string, RoleGrant[]> = {
    none: [],
    member: [{ role: 'member', orgId: 'enterprise' }],
    delegate: [
      { role: 'member', orgId: 'enterprise' },
      { role: 'delegate', orgId: 'enterprise' },
    ],
    officer: [{ role: 'officer', orgId: 'district' }],
    verifier: [{ role: 'verifier', orgId: 'district' }],
  };
  const users: Record<string, string> = {
    none: 'newcomer',
    member: 'member-courier',
    delegate: 'delegate-01',
    officer: 'officer-district',
    verifier: 'verifier',
  };
  if (process.env.FUZZ_DEBUG) console.log(JSON.stringify(Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, v.slice(0, 8)]))));
  for (const [role, g] of Object.entries(grants)) tokens[role] = await tokenFor(users[role] ?? role, g);
}, 120_000);

afterAll(async () => {
  if (process.env.FUZZ_DEBUG) console.log(JSON.stringify((globalThis as { __fuzzTally?: unknown }).__fuzzTally, null, 1));
  await wechat.close();
});

const pathArb = (route: RouteDef): fc.Arbitrary<string> => {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  if (names.length === 0) return fc.constant(route.path);
  const value = (n: string) =>
    fc.oneof(
      // Read at generation time: the ids are known only once the world is seeded (beforeAll).
      { weight: 3, arbitrary: fc.nat().map((i) => (ids[n]?.length ? ids[n]![i % ids[n]!.length]! : 'x1')) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }) },
      { weight: 1, arbitrary: fc.constantFrom('.', '..', '%2F', 'a'.repeat(300), '0', '-1', '1e200', '长') },
    );
  return fc.tuple(...names.map(value)).map((vals) => {
    let p = route.path;
    names.forEach((n, i) => {
      p = p.replace(`{${n}}`, encodeURIComponent(vals[i] ?? ''));
    });
    return p;
  });
};

/** Mostly a role the route admits (to reach its handler), sometimes a plain member or nobody. */
const roleArb = (route: RouteDef) => {
  const admitted = route.access === 'public' || route.access === 'signedIn' ? ['member', 'officer'] : [...route.access];
  return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...admitted) }, { weight: 1, arbitrary: fc.constantFrom('member', 'none') });
};

const caseArb = (route: RouteDef) =>
  fc.record({
    path: pathArb(route),
    role: roleArb(route),
    query: fc.oneof(
      { weight: 3, arbitrary: route.query ? contractArb(route.query) : fc.constant({}) },
      { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 40 }), { maxKeys: 3 }) },
    ),
    body: route.bodyContract ? contractArb(route.bodyContract) : route.body ? contractArb(route.body) : anything,
    // Now and then a body that is not JSON at all.
    rawBody: fc.oneof(
      { weight: 12, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom('{', 'not json', '[1,2', '"', '{"a":'.repeat(50)) },
    ),
  });

const asQuery = (q: unknown): Record<string, string> => {
  if (!q || typeof q !== 'object' || Array.isArray(q)) return {};
  return Object.fromEntries(
    Object.entries(q as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')]),
  );
};

describe(`every route, fuzzed (${RUNS} cases each)`, () => {
  for (const { area, route } of allRoutes) {
    const key = routeKey(route);
    test.prop([caseArb(route)], { numRuns: RUNS, timeout: 20_000 })(key, async (c) => {
      const { result: res, writes } = await watchWrites(() =>
        invoke(area, route.method, c.path, {
          token: c.role === 'none' ? undefined : tokens[c.role],
          query: asQuery(c.query),
          ...(c.rawBody !== null ? { rawBody: c.rawBody } : { body: c.body }),
        }),
      );
      if (process.env.FUZZ_DEBUG) {
        const g = globalThis as { __fuzzTally?: Record<string, Record<string, number>> };
        const tally = g.__fuzzTally ?? {};
        g.__fuzzTally = tally;
        const k = `${res.status} ${res.body?.error?.code ?? ''}`;
        const row = tally[key] ?? {};
        row[k] = (row[k] ?? 0) + 1;
        tally[key] = row;
      }
      expect(res.status, `${key} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toBeLessThan(500);
      if (res.status >= 400) {
        expect(res.body?.error?.code, key).toMatch(/^[A-Z][A-Z0-9_]+$/);
        expect(res.body?.error?.message, key).toMatch(CJK);
        const unexpected = writes.flatMap((w) => w.keys).filter((k) => !ALLOWED_REFUSED_WRITE.test(k));
        expect(unexpected, `${key} refused with ${res.body.error.code} but wrote ${unexpected.join(', ')}`).toEqual([]);
      } else {
        // Exactly what the answering route's response schema (or its file media types) declares. That is
        // the fuzzed route unless a path value was a dot segment ("." or ".."), which every HTTP client
        // resolves before sending (WHATWG URL), so another route of the area answers, as it would in use.
        const answering = templateOf(area.routes, route.method, new URL(c.path, 'https://api.example.com').pathname)?.route ?? route;
        expect(responseProblems(answering, res), `${key} (answered by ${routeKey(answering)})`).toEqual([]);
      }
    });
  }
});
