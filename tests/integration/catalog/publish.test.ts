import { readFileSync } from 'node:fs';
import type { PlanDraft } from '@union/shared/domain/plan-import/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import {
  getBenefit,
  getCatalogVersion,
  getEffectiveCatalogs,
  getLatestCatalog,
  listCatalogVersions,
} from '../../../functions/src/store/catalog.repository';
import { createOrg } from '../../../functions/src/store/org.repository';
import { invoke } from '../../support/invoke';
import { userWithToken } from '../../support/sessions';

const PLAN = readFileSync('catalog/plans/yunxi-city-2025.txt', 'utf8');
const api = AREAS.catalog;
const drafts = AREAS.catalogDrafts;

let cityOfficer: string;
let enterpriseOfficer: string;
let member: string;
let draft: PlanDraft;

const publish = (orgId: string, token: string, body: unknown) => invoke(api, 'POST', `/orgs/${orgId}/catalogs`, { token, body });

beforeAll(async () => {
  await createOrg({ orgId: 'city', name: '云溪市总工会', kind: 'city', parentId: null, area: null });
  await createOrg({ orgId: 'district', name: '云溪市东城区总工会', kind: 'district', parentId: 'city', area: '东城区' });
  await createOrg({ orgId: 'enterprise', name: '东城精工有限公司工会', kind: 'grassroots', parentId: 'district', area: '东城区' });
  await createOrg({ orgId: 'race', name: '云溪市西城区总工会', kind: 'district', parentId: 'city', area: '西城区' });
  cityOfficer = await userWithToken('officer-city', [{ role: 'officer', orgId: 'city' }], '市总干部');
  enterpriseOfficer = await userWithToken('officer-ent', [{ role: 'officer', orgId: 'enterprise' }], '企业干部');
  member = await userWithToken('member-ent', [{ role: 'member', orgId: 'enterprise' }], '会员');
});

describe('catalog drafts', () => {
  it('runs the importer server-side on pasted text', async () => {
    const res = await invoke(drafts, 'POST', '/orgs/city/catalog-drafts', { token: cityOfficer, body: { text: PLAN } });
    expect(res.status).toBe(200);
    draft = res.body.draft;
    expect(draft.document.issuer).toBeTruthy();
    const insurance = draft.services.find((s) => s.name.includes('意外伤害互助保险'));
    expect(insurance?.groups.length).toBe(8);
    expect(draft.services.some((s) => s.category === '医疗互助' && s.benefit.amountYuan === 500)).toBe(true);
    for (const s of draft.services) expect(PLAN.slice(s.source.start, s.source.end)).toBe(s.source.quote);
  });

  it('refuses empty and oversized text with the field named', async () => {
    const empty = await invoke(drafts, 'POST', '/orgs/city/catalog-drafts', { token: cityOfficer, body: { text: '' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('text');
    const big = await invoke(drafts, 'POST', '/orgs/city/catalog-drafts', { token: cityOfficer, body: { text: '职工'.repeat(70_000) } });
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: 'SOURCE_TEXT_TOO_LARGE', field: 'text' });
    expect(big.body.error.message).toContain('KB');
  });

  it('is for officers over the org only', async () => {
    const res = await invoke(drafts, 'POST', '/orgs/city/catalog-drafts', { token: enterpriseOfficer, body: { text: PLAN } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN_ORG');
  });
});

describe('publishing', () => {
  it('publishes the reviewed draft as version 1 with the plan text', async () => {
    const services = draft.services.map((s, i) => (i === 0 ? { ...s, name: '困难职工帮扶（编辑后）', claimMode: 'automatic' } : s));
    const res = await publish('city', cityOfficer, { document: draft.document, services, sourceText: PLAN });
    expect(res.status).toBe(201);
    const catalog = res.body.catalog;
    expect(catalog).toMatchObject({ orgId: 'city', version: 1, entryCount: draft.services.length, sourceChars: PLAN.length });
    expect(catalog.publishedBy).toEqual({ userId: 'officer-city', displayName: '市总干部' });
    expect(catalog.entries[0]).toMatchObject({
      benefitId: 'city.v1.1',
      name: '困难职工帮扶（编辑后）',
      claimMode: 'automatic',
      version: 1,
    });
    expect(catalog.entries[1].claimMode).toBe('review');
    expect(catalog.entries[0].source.document).toEqual(draft.document);

    const read = await invoke(api, 'GET', '/orgs/city/catalogs/1', { token: member });
    expect(read.status).toBe(200);
    expect(read.body.catalog).toEqual(catalog);
    const source = await invoke(api, 'GET', '/orgs/city/catalogs/1/source', { token: member });
    expect(source.body).toEqual({ orgId: 'city', version: 1, text: PLAN });
    const e = read.body.catalog.entries[3];
    expect(source.body.text.slice(e.source.start, e.source.end)).toBe(e.source.quote);
  });

  it('numbers the next publish 2 and keeps version 1 unchanged and readable', async () => {
    const before = await getCatalogVersion('city', 1);
    const services = [
      ...draft.services.slice(1),
      {
        name: '职工生日慰问',
        category: '帮扶救助',
        tier: '普惠',
        groups: [],
        eligibility: { member: 'status', op: 'eq', value: 'active' },
        benefit: { amountYuan: 200 },
      },
    ];
    const res = await publish('city', cityOfficer, { document: draft.document, services, sourceText: PLAN });
    expect(res.status).toBe(201);
    expect(res.body.catalog.version).toBe(2);
    const manual = res.body.catalog.entries.at(-1);
    expect(manual).toMatchObject({ name: '职工生日慰问', claimMode: 'review', source: { quote: '', clause: '' } });

    expect(await getCatalogVersion('city', 1)).toEqual(before);
    const list = await invoke(api, 'GET', '/orgs/city/catalogs', { token: member });
    expect(list.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(list.body.versions[0].entryCount).toBe(services.length);
    expect(list.body.versions[0].entries).toBeUndefined();
    expect((await getBenefit('city.v1.1'))?.name).toBe('困难职工帮扶（编辑后）');
    expect((await getBenefit(`city.v2.${services.length}`))?.name).toBe('职工生日慰问');
    expect(await getBenefit('city.v9.1')).toBeNull();
    expect(await getBenefit('nonsense')).toBeNull();
  });

  it('refuses an officer of a child org publishing for the parent, writing nothing', async () => {
    const res = await publish('city', enterpriseOfficer, { document: draft.document, services: draft.services });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN_ORG');
    expect((await listCatalogVersions('city')).length).toBe(2);
  });

  it('lets an officer of an ancestor publish for a child org', async () => {
    const hengda = draft.services.slice(0, 2);
    const res = await publish('enterprise', cityOfficer, {
      document: { issuer: '东城精工有限公司工会', year: 2025, number: null, title: '工会工作计划' },
      services: hengda,
    });
    expect(res.status).toBe(201);
    expect(res.body.catalog).toMatchObject({ orgId: 'enterprise', version: 1, sourceChars: 0 });
  });

  it.each([
    ['a bad tier', (s: any) => ({ ...s, tier: '优惠' }), 'services.0.tier', '第 1 项服务的惠及类型'],
    ['an empty name', (s: any) => ({ ...s, name: '  ' }), 'services.0.name', '第 1 项服务的服务名称'],
    ['a negative amount', (s: any) => ({ ...s, benefit: { amountYuan: -5 } }), 'services.0.benefit.amountYuan', '第 1 项服务的金额（元）'],
    [
      'a malformed rule',
      (s: any) => ({ ...s, eligibility: { member: 'shoeSize', op: 'eq', value: 1 } }),
      'services.0.eligibility',
      '第 1 项服务的享受条件',
    ],
    [
      'a quote that is not in the text',
      (s: any) => ({ ...s, source: { ...s.source, quote: '虚构的承诺' } }),
      'services.0.source.quote',
      '第 1 项服务的原文',
    ],
    [
      'an end before the start',
      (s: any) => ({ ...s, source: { ...s.source, start: 10, end: 5 } }),
      'services.0.source.end',
      '第 1 项服务的原文终点',
    ],
  ])('refuses %s with 400 naming the field', async (_label, edit, field, message) => {
    const services = [edit(draft.services[0]), ...draft.services.slice(1)];
    const res = await publish('district', cityOfficer, { document: draft.document, services, sourceText: PLAN });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.field.startsWith(field)).toBe(true);
    expect(res.body.error.message).toContain(message);
    expect(await listCatalogVersions('district')).toEqual([]);
  });

  it('refuses an empty catalog, a missing document and a non-JSON body', async () => {
    const empty = await publish('district', cityOfficer, { document: draft.document, services: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatchObject({ field: 'services', message: expect.stringContaining('至少保留一项服务') });
    const noDoc = await publish('district', cityOfficer, { services: draft.services });
    expect(noDoc.status).toBe(400);
    expect(noDoc.body.error.field).toBe('document');
    const raw = await invoke(api, 'POST', '/orgs/district/catalogs', { token: cityOfficer, rawBody: '{"document":' });
    expect(raw.status).toBe(400);
    expect(raw.body.error.code).toBe('INVALID_JSON');
    expect(await listCatalogVersions('district')).toEqual([]);
  });

  it('refuses plan text too large to keep with the version (413), writing nothing', async () => {
    const res = await publish('district', cityOfficer, {
      document: draft.document,
      services: draft.services.slice(0, 1),
      sourceText: '服务'.repeat(70_000),
    });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'SOURCE_TEXT_TOO_LARGE', field: 'sourceText' });
    expect(await listCatalogVersions('district')).toEqual([]);
  });

  it('answers 404 for a missing org or version and 400 for a malformed version', async () => {
    expect((await invoke(api, 'GET', '/orgs/city/catalogs/99', { token: member })).body.error.code).toBe('CATALOG_VERSION_NOT_FOUND');
    expect((await invoke(api, 'GET', '/orgs/city/catalogs/99/source', { token: member })).status).toBe(404);
    expect((await invoke(api, 'GET', '/orgs/nowhere/catalogs', { token: member })).status).toBe(404);
    const bad = await invoke(api, 'GET', '/orgs/city/catalogs/v1', { token: member });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('version');
  });
});

describe('numbering under concurrency', () => {
  it('gives 10 concurrent publishes the versions 1..10, no gap, no duplicate', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        publish('race', cityOfficer, {
          document: { issuer: '并发', year: 2025, number: null, title: `第${i}稿` },
          services: [{ ...draft.services[0], name: `服务${i}` }],
          sourceText: PLAN,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    const versions = results.map((r) => r.body.catalog.version).sort((a, b) => a - b);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const stored = await listCatalogVersions('race');
    expect(stored.map((v) => v.version)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    // Each stored version holds the request that was answered with its number: nothing was overwritten.
    for (const r of results) {
      const v = await getCatalogVersion('race', r.body.catalog.version);
      expect(v?.document.title).toBe(r.body.catalog.document.title);
      expect(v?.entries[0]?.name).toBe(r.body.catalog.entries[0].name);
    }
    // The latest copy members read is version 10, whichever publish committed last.
    const tenth = results.find((r) => r.body.catalog.version === 10)?.body.catalog;
    expect(await getLatestCatalog('race')).toEqual(tenth);
    expect(await getEffectiveCatalogs(['race'])).toEqual([tenth]);
  });
});

describe('what members read', () => {
  it('resolves the latest version of the org and every ancestor, root first', async () => {
    const res = await invoke(api, 'GET', '/orgs/enterprise/effective-catalogs', { token: member });
    expect(res.status).toBe(200);
    expect(res.body.lineage.map((o: { orgId: string }) => o.orgId)).toEqual(['city', 'district', 'enterprise']);
    expect(res.body.catalogs.map((c: any) => [c.orgId, c.version, c.orgName])).toEqual([
      ['city', 2, '云溪市总工会'],
      ['enterprise', 1, '东城精工有限公司工会'],
    ]);
    const quoted = res.body.catalogs[0].entries.find((e: any) => e.name.includes('意外伤害互助保险'));
    expect(quoted.source.quote).toContain('意外伤害互助保险');
    expect(quoted.source.document.issuer).toBe(draft.document.issuer);

    const direct = await getEffectiveCatalogs(['city', 'district', 'enterprise']);
    expect(direct.map((c) => `${c.orgId}@${c.version}`)).toEqual(['city@2', 'enterprise@1']);
  });

  it('serves a member their own org through /me/catalogs', async () => {
    const res = await invoke(api, 'GET', '/me/catalogs', { token: member });
    expect(res.status).toBe(200);
    expect(res.body.orgId).toBe('enterprise');
    expect(res.body.catalogs).toHaveLength(2);
    const nobody = await userWithToken('nobody', []);
    const none = await invoke(api, 'GET', '/me/catalogs', { token: nobody });
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('MEMBER_ORG_NOT_FOUND');
  });
});
