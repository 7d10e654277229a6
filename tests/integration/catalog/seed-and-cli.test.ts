import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { getEffectiveCatalogs, listCatalogVersions } from '../../../functions/src/store/catalog.repository';
import { seedDemo } from '../../../scripts/seed/index';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');

describe('demo catalogs and the catalog CLI', () => {
  it('seeds the city catalog and an enterprise catalog with a 商惠 item, by importing plan texts', async () => {
    expect(await seedDemo()).toBe('seeded');
    const [city, enterprise] = await getEffectiveCatalogs(['city', 'district', 'enterprise']);
    expect(city?.orgId).toBe('city');
    const insurance = city?.entries.find((e) => e.name.includes('意外伤害互助保险'));
    expect(insurance?.groups).toHaveLength(8);
    expect(city?.entries.some((e) => e.name.includes('大病住院慰问') && e.benefit.amountYuan === 500)).toBe(true);
    expect(city?.sourceChars).toBeGreaterThan(0);
    expect(enterprise?.orgId).toBe('enterprise');
    expect(enterprise?.entries.some((e) => e.tier === '商惠')).toBe(true);
  });

  it('imports with the CLI and publishes the draft to the store as the next version', async () => {
    const plan = 'catalog/plans/yunxi-city-2025.txt';
    const imported = await run(tsx, ['scripts/catalog.ts', 'import', plan], { maxBuffer: 10_000_000 });
    const draft = JSON.parse(imported.stdout);
    expect(draft.services.length).toBeGreaterThan(0);
    const draftFile = path.join(tmpdir(), `draft-${process.pid}.json`);
    writeFileSync(draftFile, imported.stdout);

    const published = await run(tsx, ['scripts/catalog.ts', 'publish', draftFile, '--org', 'district', '--text', plan], {
      env: process.env,
    });
    expect(JSON.parse(published.stdout)).toMatchObject({ orgId: 'district', version: 1, entryCount: draft.services.length });
    expect(published.stderr).toContain('第 1 版');
    const versions = await listCatalogVersions('district');
    expect(versions.map((v) => v.version)).toEqual([1]);
    expect(versions[0]?.sourceChars).toBeGreaterThan(0);

    // A draft the contract refuses: exit 1, the field named, nothing written.
    writeFileSync(draftFile, JSON.stringify({ ...draft, services: [{ ...draft.services[0], tier: '优惠' }] }));
    const refused = await run(tsx, ['scripts/catalog.ts', 'publish', draftFile, '--org', 'district'], { env: process.env }).catch((e) => e);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('第 1 项服务的惠及类型');
    expect((await listCatalogVersions('district')).length).toBe(1);
  });
});
