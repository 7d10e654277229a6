import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { listCatalogVersions } from '../../../functions/src/store/catalog.repository';
import { createOrg } from '../../../functions/src/store/org.repository';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { invoke } from '../../support/invoke';
import { readPages } from '../../support/read-pages';
import { userWithToken } from '../../support/sessions';

const api = AREAS.catalog;
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const document = { issuer: '云溪市总工会', year: 2025, number: null, title: '2025年工作要点' };

/** One entry; `quoteChars` of quoted plan text make the version item as large as a real one. */
const service = (i: number, quoteChars = 20) => {
  const quote = `第${i}项：为困难职工发放帮扶慰问金${'职'.repeat(Math.max(0, quoteChars - 16))}`;
  return {
    name: `帮扶服务${i}`,
    category: '困难帮扶',
    tier: '普惠',
    groups: [],
    eligibility: { member: 'status', op: 'eq', value: 'active' },
    benefit: { amountYuan: 500 },
    source: { clause: `一、${i}`, quote, start: 0, end: quote.length },
  };
};

let officer: string;
let member: string;

const publish = async (orgId: string, services: unknown[]) => {
  const res = await invoke(api, 'POST', `/orgs/${orgId}/catalogs`, { token: officer, body: { document, services } });
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201);
  return res.body.catalog as { version: number };
};

beforeAll(async () => {
  await createOrg({ orgId: 'pg-city', name: '云溪市总工会', kind: 'city', parentId: null, area: null });
  await createOrg({ orgId: 'pg-small', name: '云溪市东城区总工会', kind: 'district', parentId: 'pg-city', area: '东城区' });
  await createOrg({ orgId: 'pg-big', name: '云溪市西城区总工会', kind: 'district', parentId: 'pg-city', area: '西城区' });
  officer = await userWithToken('pg-officer', [{ role: 'officer', orgId: 'pg-city' }], '市总干部');
  member = await userWithToken('pg-member', [{ role: 'member', orgId: 'pg-small' }], '会员');
});

describe('catalog versions are paged with a cursor', () => {
  it('follows nextCursor through every version once, newest first', async () => {
    for (let v = 1; v <= 9; v += 1) await publish('pg-small', [service(v)]);
    const versions = await readPages<{ version: number; entryCount: number }>(api, '/orgs/pg-small/catalogs', 'versions', {
      token: member,
      limit: 2,
    });
    expect(versions.map((v) => v.version)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(versions.every((v) => v.entryCount === 1 && !('entries' in v))).toBe(true);
    // Without a limit: the default page (20) holds them all.
    const all = await invoke(api, 'GET', '/orgs/pg-small/catalogs', { token: member });
    expect(all.body.versions).toHaveLength(9);
    expect(all.body.nextCursor).toBeNull();
  });

  it('reads versions of 300 KB each past DynamoDB’s 1 MB page: pages come back short, with a cursor, and none is lost', async () => {
    const BIG = 6;
    // 20 entries quoting 4,900 characters each: ≈ 300 KB per version item (the item limit is 400 KB).
    for (let v = 1; v <= BIG; v += 1)
      await publish(
        'pg-big',
        Array.from({ length: 20 }, (_, i) => service(v * 100 + i, 4900)),
      );
    const raw = await getDocumentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :v)',
        ExpressionAttributeValues: { ':p': 'CATALOG#pg-big', ':v': 'v' },
        ProjectionExpression: 'version',
      }),
    );
    expect(raw.LastEvaluatedKey).toBeDefined();
    expect(raw.Count).toBeLessThan(BIG);

    let pages = 0;
    const versions = await readPages<{ version: number }>(api, '/orgs/pg-big/catalogs', 'versions', {
      token: member,
      limit: 100,
      onPage: () => {
        pages += 1;
      },
    });
    expect(pages).toBeGreaterThan(1);
    expect(versions.map((v) => v.version)).toEqual([6, 5, 4, 3, 2, 1]);
    // The repository's "all" read follows every page too.
    expect((await listCatalogVersions('pg-big')).map((v) => v.version)).toEqual([6, 5, 4, 3, 2, 1]);
  }, 120_000);

  it('refuses a cursor of another org, outside the versions, or not one of ours with 400 CURSOR_INVALID', async () => {
    for (const cursor of [
      b64({ pk: 'CATALOG#pg-big', sk: 'v00003' }),
      b64({ pk: 'CATALOG#pg-small', sk: 'COUNTER' }),
      b64({ pk: 'CATALOG#pg-small', sk: 'SOURCE#v00001' }),
      b64({ pk: 'CATALOG#pg-small', sk: 'v00003', gsi1pk: 'x' }),
      b64({ pk: 'CATALOG#pg-small' }),
      b64([1, 2]),
      Buffer.from('not json').toString('base64url'),
    ]) {
      const res = await invoke(api, 'GET', `/orgs/pg-small/catalogs?cursor=${cursor}`, { token: member });
      expect(res.status, cursor).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'CURSOR_INVALID', field: 'cursor' });
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('refuses a malformed cursor or limit with 400 VALIDATION_FAILED naming the field', async () => {
    for (const [query, field, label] of [
      ['cursor=%21%21', 'cursor', '分页游标'],
      ['limit=0', 'limit', '数量'],
      ['limit=101', 'limit', '数量'],
      ['limit=2.5', 'limit', '数量'],
      ['limit=ten', 'limit', '数量'],
    ] as const) {
      const res = await invoke(api, 'GET', `/orgs/pg-small/catalogs?${query}`, { token: member });
      expect(res.status, query).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
      expect(res.body.error.message, query).toContain(label);
    }
  });
});
