import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { listCatalogVersions } from '../../../functions/src/store/catalog.repository';
import { createOrg } from '../../../functions/src/store/org.repository';
import { invoke } from '../../support/invoke';
import { userWithToken } from '../../support/sessions';

// Issue 10, item 14: publish requests that gave a 500 (or were stored) are refused with a 4xx
// naming the field, and nothing is written.

const api = AREAS.catalog;
let officer: string;

const leaf = { member: 'status', op: 'eq', value: 'active' };
const entry = (patch: Record<string, unknown> = {}) => ({
  name: '困难职工帮扶',
  category: '帮扶救助',
  tier: '特惠',
  groups: [],
  eligibility: leaf,
  benefit: { amountYuan: 500 },
  ...patch,
});
const document = { issuer: '边界市总工会', year: 2025, number: null, title: '2025 年工作要点' };
const publish = (body: unknown) => invoke(api, 'POST', '/orgs/bounds-city/catalogs', { token: officer, body });

/** `{ not: { not: … leaf } }`, `depth` rule nodes on the path. */
const nested = (depth: number): unknown => {
  let rule: unknown = leaf;
  for (let i = 1; i < depth; i += 1) rule = { not: rule };
  return rule;
};

beforeAll(async () => {
  await createOrg({ orgId: 'bounds-city', name: '边界市总工会', kind: 'city', parentId: null, area: null });
  officer = await userWithToken('bounds-officer', [{ role: 'officer', orgId: 'bounds-city' }], '边界干部');
});

describe('catalog publish bounds', () => {
  it('refuses amountYuan 1e200 with 400 naming the amount, writing nothing', async () => {
    const res = await publish({ document, services: [entry({ benefit: { amountYuan: 1e200 } })] });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'services.0.benefit.amountYuan' });
    expect(res.body.error.message).toContain('第 1 项服务的金额（元）');
    expect(await listCatalogVersions('bounds-city')).toEqual([]);
  });

  it('caps every money amount at 10,000,000 元 and accepts the cap itself', async () => {
    const over = await publish({ document, services: [entry({ benefit: { thresholdYuan: 10_000_001 } })] });
    expect(over.status).toBe(400);
    expect(over.body.error.field).toBe('services.0.benefit.thresholdYuan');
    const cap = await publish({ document, services: [entry({ benefit: { amountYuan: 10_000_000 } })] });
    expect(cap.status).toBe(201);
    expect(cap.body.catalog.entries[0].benefit.amountYuan).toBe(10_000_000);
  });

  it('refuses a fractional quota count and facility count', async () => {
    const quota = await publish({ document, services: [entry({ benefit: { quota: { count: 0.5, unit: '人' } } })] });
    expect(quota.status).toBe(400);
    expect(quota.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'services.0.benefit.quota.count' });
    const facility = await publish({
      document,
      services: [entry({ benefit: { facilities: [{ kind: '职工书屋', count: 1.5, unit: '个' }] } })],
    });
    expect(facility.status).toBe(400);
    expect(facility.body.error.field).toBe('services.0.benefit.facilities.0.count');
    expect(await listCatalogVersions('bounds-city')).toHaveLength(1);
  });

  it('refuses a rule nested 40 deep (DynamoDB allows 32) with 400 naming the rule', async () => {
    const res = await publish({ document, services: [entry(), entry({ eligibility: nested(40) })] });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'services.1.eligibility' });
    expect(res.body.error.message).toBe('第 2 项服务的享受条件：条件最多嵌套 8 层');
  });

  it('accepts a rule 8 deep and refuses one 9 deep', async () => {
    expect((await publish({ document, services: [entry({ eligibility: nested(8) })] })).status).toBe(201);
    const res = await publish({ document, services: [entry({ eligibility: nested(9) })] });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('services.0.eligibility');
  });

  it('refuses a rule with too many conditions', async () => {
    const res = await publish({ document, services: [entry({ eligibility: { any: Array.from({ length: 200 }, () => leaf) } })] });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'services.0.eligibility' });
    expect(res.body.error.message).toBe('第 1 项服务的享受条件：最多 64 个条件');
  });

  it('refuses a rule nested 20,000 deep with a 4xx, not a stack overflow', async () => {
    // Built as text: JSON.stringify itself recurses and would overflow the test's own stack.
    const deep = `${'{"not":'.repeat(19_999)}${JSON.stringify(leaf)}${'}'.repeat(19_999)}`;
    const body = JSON.stringify({ document, services: [entry({ eligibility: '@RULE@' })] }).replace('"@RULE@"', deep);
    const res = await invoke(api, 'POST', '/orgs/bounds-city/catalogs', { token: officer, rawBody: body });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toMatch(/^services\.0\.eligibility/);
    expect(res.body.error.message).toMatch(/嵌套/);
  });

  it('bounds the document, texts, lists and offsets', async () => {
    const cases: Array<[unknown, string]> = [
      [{ document: { ...document, year: 20_250 }, services: [entry()] }, 'document.year'],
      [{ document: { ...document, title: '标'.repeat(201) }, services: [entry()] }, 'document.title'],
      [{ document, services: [entry({ notes: Array.from({ length: 21 }, () => '备注') })] }, 'services.0.notes'],
      [{ document, services: [entry({ confidence: 7 })] }, 'services.0.confidence'],
      [
        { document, services: [entry({ eligibility: { member: 'group', op: 'in', value: ['a'.repeat(41)] } })] },
        'services.0.eligibility.value.0',
      ],
      [{ document, services: [entry({ benefit: { quota: { count: 5, unit: '人'.repeat(11) } } })] }, 'services.0.benefit.quota.unit'],
      [{ document, services: [entry({ source: { clause: '一', quote: '帮扶', start: 0, end: 1e200 } })] }, 'services.0.source.end'],
      [
        {
          document,
          services: [
            entry({
              source: {
                clause: '一',
                quote: '帮扶',
                start: 0,
                end: 2,
                row: { index: '1', cells: Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`列${i}`, 'x'])) },
              },
            }),
          ],
        },
        'services.0.source.row.cells',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await publish(body);
      expect({ field, status: res.status, got: res.body.error?.field }).toEqual({ field, status: 400, got: field });
    }
  });
});
