import { readFileSync } from 'node:fs';
import { PLAN_DRAFT_MAX_SERVICES } from '@union/shared/contracts/catalog-publish.contract';
import type { PlanDraft } from '@union/shared/domain/plan-import/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { getCatalogVersion } from '../../../functions/src/store/catalog.repository';
import { createOrg } from '../../../functions/src/store/org.repository';
import { invoke } from '../../support/invoke';
import { userWithToken } from '../../support/sessions';

const api = AREAS.catalogDrafts;
const catalog = AREAS.catalog;
const TAB_PLAN = readFileSync('catalog/plans/chengxi-county-shishi-tab-2026.txt', 'utf8');
let officer: string;

beforeAll(async () => {
  await createOrg({ orgId: 'county', name: '澄溪县总工会', kind: 'city', parentId: null, area: '澄溪县' });
  officer = await userWithToken('officer-county', [{ role: 'officer', orgId: 'county' }], '县总干部');
});

const draftOf = (text: string) => invoke(api, 'POST', '/orgs/county/catalog-drafts', { token: officer, body: { text } });

describe('catalog drafts from a pasted table', () => {
  it('gives one draft per row with the row, its name and department, and the reasons it was kept', async () => {
    const res = await draftOf(TAB_PLAN);
    expect(res.status).toBe(200);
    const draft = res.body.draft as PlanDraft;
    const rows = draft.services.filter((s) => s.source.row);
    expect(new Set(rows.map((s) => s.source.row?.index)).size).toBeGreaterThanOrEqual(11);
    for (const s of rows) {
      expect(s.name).toBe(s.source.row?.cells.项目名称?.replace(/[“”"]/g, '').slice(0, 12));
      expect(s.department).toBe(s.source.row?.cells.牵头部门);
      expect(s.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^实事项目表中的一行/)]));
      expect(TAB_PLAN.slice(s.source.start, s.source.end)).toBe(s.source.quote);
    }
  });

  it('publishes a draft without the review-only reasons and rows', async () => {
    const draft = (await draftOf(TAB_PLAN)).body.draft as PlanDraft;
    const res = await invoke(catalog, 'POST', '/orgs/county/catalogs', {
      token: officer,
      body: { document: draft.document, services: draft.services, sourceText: TAB_PLAN },
    });
    expect(res.status).toBe(201);
    const stored = await getCatalogVersion('county', res.body.catalog.version);
    expect(stored?.entries.length).toBe(draft.services.length);
    expect(JSON.stringify(stored)).not.toContain('reasons');
    expect(JSON.stringify(stored)).not.toContain('"row"');
  });
});

describe('catalog drafts on hostile text', () => {
  it(`refuses a text that yields more than ${PLAN_DRAFT_MAX_SERVICES} services with a 413 naming the field`, async () => {
    const rows = Array.from({ length: PLAN_DRAFT_MAX_SERVICES + 50 }, (_, i) => `${i + 1}\t体检\t组织职工体检${i + 1}名\t部`).join('\n');
    const res = await draftOf(`序号\t项目名称\t主要内容\t牵头部门\n${rows}`);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'PLAN_TOO_MANY_SERVICES', field: 'text' });
    expect(res.body.error.message).toMatch(/分段/);
  });

  it.each([
    ['numerals', '１２３４５６７８９０一二三四五六七八九十百千万'.repeat(5000)],
    ['one long line', '职工'.repeat(60_000)],
    ['brackets and quotes', '（“【'.repeat(30_000)],
    ['lone surrogates', '\ud800职工\udc00'.repeat(20_000)],
    ['a table header alone', '序号\t项目名称\t主要内容\n'.repeat(5000)],
  ])('%s: a 200 or a 4xx, never a 5xx', async (_name, text) => {
    const res = await draftOf(text);
    expect(res.status === 200 || (res.status >= 400 && res.status < 500)).toBe(true);
    if (res.status !== 200) expect(res.body.error.code).toBeTruthy();
  });
});
