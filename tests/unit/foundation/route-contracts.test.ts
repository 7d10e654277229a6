/**
 * Every route declares its contracts (docs/ARCHITECTURE.md "Response schemas"): the shape of a
 * successful answer (in its area's `responses.ts`: a schema, or `{ mediaTypes }` for a file), a `params` schema naming
 * exactly the path's parameters, a `body` on every write that takes one, and a page-shaped answer
 * on every route that takes a cursor. The route fuzz test and response-schemas.test.ts hold the
 * real answers to these declarations; this test makes sure there is one to hold them to.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BenefitView } from '@union/shared';
import type { benefitViewSchema } from '@union/shared/contracts/card-responses.contract';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod/mini';
import { AREA_RESPONSES, responseOf } from '../../../functions/src/http/area-responses';
import { AREAS } from '../../../functions/src/http/areas';
import { type RouteDef, routeKey } from '../../../functions/src/http/route';

/** Writes that act on the resource their path names and take no body (the router ignores one). */
const WRITES_WITHOUT_BODY = new Set([
  'POST /auth/refresh',
  'POST /invites/{inviteId}/revoke',
  'POST /applications/{applicationId}/approve',
  'POST /transfers/{transferId}/approve',
  'POST /claims/{claimId}/approve',
  'PUT /orgs/{orgId}/claim-delegations/{delegateOrgId}',
  'POST /congress/sessions/{sessionId}/sign-in',
  'POST /congress/proposals/{proposalId}/cosign',
  'POST /congress/motions/{motionId}/open',
  'POST /congress/motions/{motionId}/close',
  'POST /congress/motions/{motionId}/revote',
  'POST /places/{placeId}/close',
  'POST /project-calls/{callId}/suggestions/{suggestionId}/support',
  'POST /project-votes/{voteId}/close',
  'POST /me/notifications/{noteId}/read',
]);

const areas = Object.entries(AREAS) as Array<[string, { routes: readonly RouteDef[] }]>;
const everyRoute = areas.flatMap(([area, m]) => m.routes.map((route) => ({ area, route, key: routeKey(route) })));
const declaring = everyRoute;

/** The keys of a zod/mini object schema (also through z.extend); null for anything else. */
const shapeKeys = (schema: z.ZodMiniType | undefined): string[] | null => {
  const shape = (schema as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape) : null;
};

const pathParams = (route: RouteDef): string[] => [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');

describe('route contracts', () => {
  it('covers every area', () => {
    expect(areas.length).toBeGreaterThan(0);
    for (const [area, m] of areas) expect(m.routes.length, area).toBeGreaterThan(0);
  });

  it('every route declares the shape of its answer in its area responses.ts: a response schema, or the media types of the file it sends', () => {
    expect(Object.keys(AREA_RESPONSES).sort()).toEqual(Object.keys(AREAS).sort());
    for (const [area, m] of areas) {
      const declared = AREA_RESPONSES[area as keyof typeof AREA_RESPONSES];
      // Exactly the area's routes: none missing, none left over from a route that is gone or moved.
      expect(Object.keys(declared).sort(), area).toEqual(m.routes.map(routeKey).sort());
    }
    for (const { key } of declaring) {
      const declared = responseOf(key);
      if (declared && 'mediaTypes' in declared) {
        expect(declared.mediaTypes.length, key).toBeGreaterThan(0);
        for (const type of declared.mediaTypes) expect(type, key).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
      } else expect(typeof declared?.safeParse, key).toBe('function');
    }
  });

  it('no function imports the response declarations: they stay out of the bundles', () => {
    const imports = filesUnder(path.join(root, 'functions/src')).filter((file) =>
      /(?:from|import)\s+'[^']*(?:\/responses|area-responses)'/.test(readFileSync(file, 'utf8')),
    );
    expect(imports.map((file) => path.relative(root, file))).toEqual(['functions/src/http/area-responses.ts']);
  });

  it('every route with path parameters validates exactly those', () => {
    for (const { route, key } of everyRoute) {
      const names = pathParams(route);
      if (names.length === 0) {
        expect(route.params, `${key} has no path parameters`).toBeUndefined();
        continue;
      }
      expect(shapeKeys(route.params)?.sort(), key).toEqual([...names].sort());
    }
  });

  it('every write takes a declared body, unless it is a listed action on its path; reads take none', () => {
    const declares = (route: RouteDef) => route.body !== undefined || route.bodyContract !== undefined;
    const reads = everyRoute.filter(({ route }) => route.method === 'GET' || route.method === 'DELETE');
    const writes = everyRoute.filter(({ route }) => route.method !== 'GET' && route.method !== 'DELETE');
    expect(reads.filter(({ route }) => declares(route)).map((r) => r.key)).toEqual([]);
    const bodiless = writes.filter(({ route }) => !declares(route)).map((r) => r.key);
    expect(bodiless.sort()).toEqual([...WRITES_WITHOUT_BODY].sort());
    for (const { route, key } of everyRoute) {
      if (route.bodyContract) expect(route.body, `${key}: bodyContract goes with the body validated in the handler`).toBeDefined();
    }
  });

  it('every route that takes a cursor answers a page: its items and nextCursor (and, on a listed route, the record the list belongs to)', () => {
    const pagedWithParent: Record<string, string> = {
      'GET /congress/sessions/{sessionId}/roster': 'session',
      // The inbox's page carries the unread count (the tab's badge) beside it.
      'GET /me/notifications': 'unread',
    };
    // Answers whose cursor pages a list inside them (the 数据看板's next level down): where the list and its cursor are.
    const pagedInside: Record<string, { at: string; list: string; cursor: string }> = {
      'GET /orgs/{orgId}/desk/dashboard': { at: 'members', list: 'byChild', cursor: 'byChildNextCursor' },
    };
    for (const { route, key } of declaring) {
      if (!shapeKeys(route.query)?.includes('cursor')) continue;
      const declared = responseOf(key);
      const inside = pagedInside[key];
      if (inside) {
        const outer = (declared as { _zod?: { def?: { shape?: Record<string, z.ZodMiniType> } } })._zod?.def?.shape?.[inside.at];
        expect(shapeKeys(outer), key).toEqual(expect.arrayContaining([inside.list, inside.cursor]));
        continue;
      }
      const keys = shapeKeys(declared && !('mediaTypes' in declared) ? declared : undefined);
      expect(keys, key).not.toBeNull();
      expect(keys, key).toContain('nextCursor');
      const parent = pagedWithParent[key];
      expect(keys, key).toHaveLength(parent ? 3 : 2);
      if (parent) expect(keys, key).toContain(parent);
    }
  });

  it('the response schemas describe the domain views the handlers build', () => {
    expectTypeOf<z.infer<typeof benefitViewSchema>>().toEqualTypeOf<BenefitView>();
  });
});

const root = path.resolve(__dirname, '../../..');
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.tsx?$/.test(name) ? [p] : [];
  });

describe('response schemas stay out of the mini-program bundle', () => {
  it('the *-responses contracts are not re-exported from the shared index', () => {
    expect(readFileSync(path.join(root, 'shared/src/index.ts'), 'utf8')).not.toMatch(/-responses\.contract/);
  });

  it('the mini-program imports them only as types', () => {
    const valueImports = filesUnder(path.join(root, 'miniapp/src')).flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      return [...source.matchAll(/import\s+(type\s+)?[^;]*?from\s+'([^']*-responses\.contract)'/g)]
        .filter((m) => !m[1])
        .map((m) => `${path.relative(root, file)}: ${m[2]}`);
    });
    expect(valueImports).toEqual([]);
  });
});
