import { readFileSync } from 'node:fs';
import { ROLE_NAMES, type RoleName } from '@union/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AREAS } from '../../../functions/src/http/areas';
import { routeKey } from '../../../functions/src/http/route';
import { createOrg } from '../../../functions/src/store/org.repository';
import { invoke } from '../../support/invoke';
import { tokenFor } from '../../support/sessions';

const allRoutes = Object.entries(AREAS).flatMap(([fn, area]) => area.routes.map((route) => ({ fn, area, route })));

/** A concrete path for a template: every {param} becomes a well-formed id. */
const concretePath = (template: string) => template.replace(/\{(\w+)\}/g, 'x1');

describe('route access', () => {
  let validToken: string;
  beforeAll(async () => {
    await createOrg({ orgId: 'x1', name: '测试市总工会', kind: 'city', parentId: null, area: null });
    validToken = await tokenFor('someone', [{ role: 'member', orgId: 'x1' }]);
  });

  const guarded = allRoutes.filter(({ route }) => route.access !== 'public');
  it('has guarded routes to check', () => {
    expect(guarded.length).toBeGreaterThan(0);
  });

  for (const { area, route } of guarded) {
    const key = routeKey(route);
    it(`${key} refuses a missing token with 401 AUTH_REQUIRED`, async () => {
      const res = await invoke(area, route.method, concretePath(route.path), { body: {} });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('AUTH_REQUIRED');
    });

    it(`${key} refuses a tampered token with 401 AUTH_INVALID`, async () => {
      // Change one character of the payload: the signature no longer matches.
      const [h, p, s] = validToken.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
      claims.roles = ROLE_NAMES.map((role) => ({ role, orgId: 'x1' }));
      const forged = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
      const res = await invoke(area, route.method, concretePath(route.path), { token: forged, body: {} });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('AUTH_INVALID');
    });

    if (Array.isArray(route.access)) {
      const admitted = route.access as readonly RoleName[];
      const wrong = ROLE_NAMES.filter((r) => !admitted.includes(r));
      it(`${key} refuses roles it does not admit (${wrong.join(', ') || 'none'}) with 403`, async () => {
        for (const role of wrong) {
          const token = await tokenFor(`u-${role}`, [{ role, orgId: 'x1' }]);
          const res = await invoke(area, route.method, concretePath(route.path), { token, body: {} });
          expect(res.status, `${role} on ${key}`).toBe(403);
          expect(res.body.error.code).toBe('FORBIDDEN_ROLE');
        }
        // A session with no roles at all is refused too.
        const none = await tokenFor('u-none', []);
        expect((await invoke(area, route.method, concretePath(route.path), { token: none, body: {} })).status).toBe(403);
      });
    }
  }

  it('serverless.yml declares exactly the routes each area handles', () => {
    const yml = parse(readFileSync('serverless.yml', 'utf8'), { logLevel: 'error' }) as {
      functions: Record<string, { handler: string; role?: string; events?: Array<{ httpApi?: string; schedule?: string }> }>;
    };
    for (const [fn, area] of Object.entries(AREAS)) {
      const declared = (yml.functions[fn]?.events ?? []).map((e) => e.httpApi).sort();
      expect(declared, fn).toEqual(area.routes.map(routeKey).sort());
      expect(yml.functions[fn]?.handler).toBe(`functions/src/http/${fn}/index.handler`);
    }
    // Every other function is a scheduled job or the table stream's notify function, with no HTTP route.
    const http = Object.entries(yml.functions).filter(([, f]) => (f.events ?? []).some((e) => e.httpApi));
    expect(http.map(([fn]) => fn).sort()).toEqual(Object.keys(AREAS).sort());
    for (const [fn, f] of Object.entries(yml.functions).filter(([name]) => !(name in AREAS))) {
      if (fn === 'notify') {
        // Its stream mapping is a resource of its own (serverless.yml: only its role reads the stream).
        expect(f.events ?? []).toEqual([]);
        expect(f.role).toBe('NotifyRole');
        expect(f.handler).toBe('functions/src/notify/index.handler');
        continue;
      }
      expect((f.events ?? []).every((e) => e.schedule) && (f.events ?? []).length > 0, fn).toBe(true);
      expect(f.handler, fn).toMatch(/^functions\/src\/jobs\//);
    }
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND, never 500', async () => {
    const res = await invoke(AREAS.orgs, 'GET', '/nowhere/at/all');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
  });
});
