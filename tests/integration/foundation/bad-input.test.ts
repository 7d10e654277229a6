import { claimPeriodOf, ROLE_NAMES } from '@union/shared';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { REQUEST_LIMITS } from '../../../functions/src/http/request-limits';
import { routeKey } from '../../../functions/src/http/route';
import { listCatalogVersions } from '../../../functions/src/store/catalog.repository';
import { createOrg, listChildren } from '../../../functions/src/store/org.repository';
import { invoke } from '../../support/invoke';
import { tokenFor, userWithToken } from '../../support/sessions';

// Issue 10, item 14: the router's own bounds (body size, JSON depth, text, path and query length),
// and a sweep of every route with malformed input that must never answer 500.

let officer: string;
let everyone: string;

beforeAll(async () => {
  await createOrg({ orgId: 'x1', name: '边界市总工会', kind: 'city', parentId: null, area: null });
  officer = await userWithToken('bad-officer', [{ role: 'officer', orgId: 'x1' }], '边界干部');
  everyone = await tokenFor(
    'bad-everyone',
    ROLE_NAMES.map((role) => ({ role, orgId: 'x1' })),
    '全部角色',
  );
});

const createOrgBody = { name: '边界区总工会', kind: 'district', parentId: 'x1' };

/** An event as API Gateway sends it, for the shapes invoke() cannot build (raw paths, base64). */
const rawEvent = (method: string, rawPath: string, opts: { body?: string; base64?: boolean; rawQueryString?: string; token?: string }) =>
  ({
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: opts.rawQueryString ?? '',
    headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
    ...(opts.rawQueryString ? { queryStringParameters: Object.fromEntries(new URLSearchParams(opts.rawQueryString)) } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'local',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'raw',
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    ...(opts.body !== undefined ? { body: opts.body } : {}),
    isBase64Encoded: opts.base64 ?? false,
  }) as APIGatewayProxyEventV2;

const call = async (area: (typeof AREAS)[keyof typeof AREAS], event: APIGatewayProxyEventV2) => {
  const raw = await area.handler(event);
  return { status: raw.statusCode ?? 200, body: JSON.parse(raw.body ?? '{}') };
};

describe('body size', () => {
  it('refuses a body over 1 MB with 413 BODY_TOO_LARGE in Chinese, writing nothing', async () => {
    const body = { ...createOrgBody, area: '区'.repeat(400_000) };
    const res = await invoke(AREAS.orgs, 'POST', '/orgs', { token: officer, body });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'BODY_TOO_LARGE', field: 'body' });
    expect(res.body.error.message).toBe('请求体过大（1172 KB），最多 1024 KB');
    expect(await listChildren('x1')).toEqual([]);
  });

  it('measures a base64-encoded body decoded', async () => {
    const json = JSON.stringify({ ...createOrgBody, area: 'a'.repeat(REQUEST_LIMITS.maxBodyBytes) });
    const res = await call(
      AREAS.orgs,
      rawEvent('POST', '/orgs', { body: Buffer.from(json).toString('base64'), base64: true, token: officer }),
    );
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('BODY_TOO_LARGE');
  });

  it('stays above what a catalog publish needs: a 380 KB plan text and 200 entries', async () => {
    const sentence = '为困难职工发放慰问金每人500元。';
    const sourceText = sentence.repeat(Math.floor(380_000 / Buffer.byteLength(sentence)));
    expect(Buffer.byteLength(sourceText)).toBeGreaterThan(379_000);
    const services = Array.from({ length: 200 }, (_, i) => ({
      name: `困难职工帮扶${i + 1}`,
      category: '帮扶救助',
      tier: '特惠',
      groups: ['truckDriver', 'courier', 'careWorker', 'domesticWorker', 'mallInfo', 'foodDelivery', 'realEstateAgent', 'securityGuard'],
      eligibility: {
        all: [
          { member: 'status', op: 'eq', value: 'active' },
          { member: 'hardship', op: 'eq', value: true },
        ],
      },
      benefit: { amountYuan: 500, quota: { count: 100, unit: '人' } },
      department: '权益保障部',
      period: '全年',
      confidence: 0.9,
      notes: ['金额按每人计'],
      reasons: ['条款写明对象', '写明金额', '写明名额', '动词：发放'],
      source: {
        clause: `二、（三）${i + 1}`,
        quote: sentence,
        start: i * sentence.length,
        end: (i + 1) * sentence.length,
        row: { index: String(i + 1), cells: { 项目名称: '困难职工帮扶', 主要内容: sentence.repeat(20), 牵头部门: '权益保障部' } },
      },
    }));
    const body = {
      document: { issuer: '边界市总工会', year: Number(claimPeriodOf(new Date())), number: '边工发〔2025〕1号', title: '2025年工作要点' },
      services,
      sourceText,
    };
    expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(700_000);
    const res = await invoke(AREAS.catalog, 'POST', '/orgs/x1/catalogs', { token: officer, body });
    expect(res.status).toBe(201);
    expect(res.body.catalog.entryCount).toBe(200);
    expect(await listCatalogVersions('x1')).toHaveLength(1);
  });
});

describe('JSON shape', () => {
  it('refuses JSON nested deeper than 64 levels with 400 naming the field', async () => {
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
    const res = await invoke(AREAS.orgs, 'POST', '/orgs', { token: officer, rawBody: `{"name":"边界区总工会","area":${deep}}` });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BODY_TOO_DEEP', field: 'area.0.0' });
    expect(res.body.error.message).toBe('所在区域：嵌套超过 64 层');
  });

  it('refuses 20,000 levels without a stack overflow', async () => {
    const res = await invoke(AREAS.congress, 'POST', '/congress/sessions', {
      token: officer,
      rawBody: `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BODY_TOO_DEEP', field: 'body' });
    expect(res.body.error.message).toBe('请求体：嵌套超过 64 层');
  });

  it('refuses text that is not valid Unicode (a lone surrogate) naming the field, writing nothing', async () => {
    const res = await invoke(AREAS.orgs, 'POST', '/orgs', {
      token: officer,
      rawBody: '{"name":"边界区总工会","kind":"district","parentId":"x1","area":"边界\\ud800区"}',
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_TEXT', field: 'area' });
    expect(res.body.error.message).toBe('所在区域：含有无效字符（不成对的代理字符）');
    const key = await invoke(AREAS.orgs, 'POST', '/orgs', { token: officer, rawBody: '{"\\udc00":1}' });
    expect(key.status).toBe(400);
    expect(key.body.error.code).toBe('INVALID_TEXT');
    expect(await listChildren('x1')).toEqual([]);
  });
});

describe('records and coordinates', () => {
  it('refuses a claim with more than 20 facts before reading any of them', async () => {
    const facts = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`fact${i}`, 1]));
    const res = await invoke(AREAS.card, 'POST', '/me/claims', { token: everyone, body: { benefitId: 'x1.v1.1', facts } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'facts', message: '申领信息：最多 20 项' });
  });

  it('refuses a claim fact number beyond any amount', async () => {
    const res = await invoke(AREAS.card, 'POST', '/me/claims', {
      token: everyone,
      body: { benefitId: 'x1.v1.1', facts: { selfPaidMedical: 1e200 } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('facts.selfPaidMedical');
  });

  it('refuses a coordinate written as a long string', async () => {
    const res = await invoke(AREAS.card, 'GET', `/places?lat=${'1'.repeat(40)}&lng=120`, { token: everyone });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'lat' });
  });
});

describe('path and query', () => {
  it('refuses a path over 1024 characters with 414 PATH_TOO_LONG', async () => {
    const res = await call(AREAS.orgs, rawEvent('GET', `/orgs/${'a'.repeat(2000)}`, { token: officer }));
    expect(res.status).toBe(414);
    expect(res.body.error).toMatchObject({ code: 'PATH_TOO_LONG', field: 'path' });
    expect(res.body.error.message).toMatch(/^请求路径过长/);
  });

  it('refuses a query string over 2048 characters with 414 QUERY_TOO_LONG', async () => {
    const res = await invoke(AREAS.orgs, 'GET', `/joint-unions?area=${'a'.repeat(3000)}`, { token: officer });
    expect(res.status).toBe(414);
    expect(res.body.error).toMatchObject({ code: 'QUERY_TOO_LONG', field: 'area' });
  });

  it('answers a malformed percent-encoding in a path with 400, not 500', async () => {
    const res = await call(AREAS.orgs, rawEvent('GET', '/orgs/%E0%A4%A', { token: officer }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_PATH', field: 'orgId' });
    expect(res.body.error.message).toMatch(/组织/);
  });
});

// ---------------------------------------------------------------------------------------------

/** The top-level fields a body or query contract declares (objects, unions, pipes, defaults). */
const keysOf = (schema: unknown): string[] => {
  const keys = new Set<string>();
  const stack = [schema];
  while (stack.length) {
    const s = stack.pop() as { _zod?: { def: Record<string, unknown> } } | undefined;
    const def = s?._zod?.def;
    if (!def) continue;
    if (def.shape) for (const k of Object.keys(def.shape as object)) keys.add(k);
    for (const inner of ['in', 'out', 'innerType']) if (def[inner]) stack.push(def[inner]);
    if (Array.isArray(def.options)) stack.push(...def.options);
  }
  return [...keys];
};

const HOSTILE_VALUES: unknown[] = [
  1e200,
  -1e200,
  -1,
  0.5,
  0,
  '',
  ' ',
  'x'.repeat(5000),
  '=1+1',
  '2025-02-30',
  '2025-13-01',
  '\u0000',
  [],
  Array.from({ length: 2000 }, () => 'a'),
  {},
  Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i])),
  null,
  true,
];
const HOSTILE_BODIES = ['null', '[]', '"text"', '1e400', '{}', '{"__proto__":{"x":1}}', '{"a":', 'not json', '\u0000'];
const HOSTILE_IDS = ['x1', 'a'.repeat(65), 'a.b', '%E4%B8%AD', '..', '-', 'x1.v1.1', 'x1.v999999999.1'];

describe('every route refuses malformed input with a 4xx, never a 500', () => {
  const allRoutes = Object.values(AREAS).flatMap((area) => area.routes.map((route) => ({ area, route })));

  for (const { area, route } of allRoutes) {
    it(routeKey(route), async () => {
      const failures: string[] = [];
      const check = async (what: string, path: string, opts: Parameters<typeof invoke>[3]) => {
        const res = await invoke(area, route.method, path, { token: everyone, ...opts });
        // 503s are named upstream outages (WeChat unreachable from the test machine); a 500 is a bug.
        if (res.status >= 500 && res.status !== 503) failures.push(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        else if (res.status >= 400 && !/[\u4e00-\u9fa5]/.test(res.body?.error?.message ?? '')) {
          failures.push(`${what}: ${res.status} without a Chinese message`);
        }
      };
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const pathWith = (value: string) => route.path.replace(/\{(\w+)\}/g, () => encodeURIComponent(value));
      for (const id of HOSTILE_IDS) if (names.length) await check(`path ${id.slice(0, 12)}`, pathWith(id), { body: {} });
      const path = pathWith('x1');
      for (const raw of HOSTILE_BODIES) await check(`body ${raw}`, path, { rawBody: raw });
      for (const key of keysOf(route.body)) {
        for (const value of HOSTILE_VALUES)
          await check(`body.${key}=${JSON.stringify(value).slice(0, 20)}`, path, { body: { [key]: value } });
      }
      for (const key of keysOf(route.query)) {
        for (const value of ['', 'x'.repeat(1000), '1e400', '-1', 'NaN', '2025-02-30', '%', '\u0000']) {
          await check(`query.${key}=${value.slice(0, 12)}`, path, { query: { [key]: value } });
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
