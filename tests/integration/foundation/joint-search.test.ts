/**
 * 联合工会 search (issue 15 item 3): by the start of the area and by any part of the name, read from
 * the search keys written with the org (no scan), a page at a time with a cursor, bad input → 400.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { createOrg } from '../../../functions/src/store/org.repository';
import { countDynamoCalls } from '../../support/dynamo-calls';
import { invoke } from '../../support/invoke';

const search = (q: string, extra = '') => invoke(AREAS.orgs, 'GET', `/joint-unions?q=${encodeURIComponent(q)}${extra}`);
const names = (body: { orgs: Array<{ name: string }> }) => body.orgs.map((o) => o.name);

describe('联合工会 search', () => {
  beforeAll(async () => {
    await createOrg({ orgId: 'sc', name: '云溪市总工会', kind: 'city', parentId: null, area: null });
    await createOrg({ orgId: 'sd1', name: '云溪市临江区总工会', kind: 'district', parentId: 'sc', area: '临江区' });
    await createOrg({ orgId: 'sd2', name: '云溪市东湖区总工会', kind: 'district', parentId: 'sc', area: '东湖区' });
    await createOrg({ orgId: 'sj1', name: '临江区快递物流行业联合工会', kind: 'joint', parentId: 'sd1', area: '临江区' });
    await createOrg({ orgId: 'sj2', name: '临江区家政服务联合工会', kind: 'joint', parentId: 'sd1', area: '临江区' });
    await createOrg({ orgId: 'sj3', name: '东湖区快递行业联合工会', kind: 'joint', parentId: 'sd2', area: '东湖区' });
    // Not a joint union: never found, though its name and area match.
    await createOrg({ orgId: 'se1', name: '临江快递有限公司工会', kind: 'grassroots', parentId: 'sd1', area: '临江区' });
    // Its name holds 临江, its area does not begin with it.
    await createOrg({ orgId: 'sj4', name: '东湖区临江路商圈联合工会', kind: 'joint', parentId: 'sd2', area: '东湖区' });
  });

  it('finds by the start of the area: "临江" finds the unions of 临江区 (and a name holding 临江)', async () => {
    const res = await search('临江');
    expect(res.status).toBe(200);
    expect(names(res.body).sort()).toEqual(['东湖区临江路商圈联合工会', '临江区家政服务联合工会', '临江区快递物流行业联合工会'].sort());
    expect(res.body.orgs.find((o: { orgId: string }) => o.orgId === 'sj1')).toMatchObject({
      kind: 'joint',
      area: '临江区',
      parentId: 'sd1',
      ancestors: ['sc', 'sd1'],
      openInviteId: null,
    });
    expect(res.body.nextCursor).toBeNull();
    // The full area name, as the page asked before.
    expect(names((await search('临江区')).body).sort()).toEqual(['临江区家政服务联合工会', '临江区快递物流行业联合工会']);
    expect(names((await invoke(AREAS.orgs, 'GET', `/joint-unions?area=${encodeURIComponent('东湖')}`)).body).sort()).toEqual(
      ['东湖区临江路商圈联合工会', '东湖区快递行业联合工会'].sort(),
    );
  });

  it('finds by any part of the name, across areas', async () => {
    expect(names((await search('快递')).body).sort()).toEqual(['东湖区快递行业联合工会', '临江区快递物流行业联合工会']);
    expect(names((await search('家政服务')).body)).toEqual(['临江区家政服务联合工会']);
    expect(names((await search('物流行业')).body)).toEqual(['临江区快递物流行业联合工会']);
    expect(names((await search(' 快 递 ')).body)).toHaveLength(2);
  });

  it('answers an empty list when nothing matches (a bigram present, the whole text not)', async () => {
    const none = await search('快递家政');
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ orgs: [], nextCursor: null });
    expect((await search('西山')).body).toEqual({ orgs: [], nextCursor: null });
    // The area must BEGIN with the text: "江区" is inside 临江区 but not its start, nor in a name as such.
    expect(names((await search('江区快')).body)).toEqual(['临江区快递物流行业联合工会']);
    expect((await search('湖区临江区')).body.orgs).toEqual([]);
  });

  it('pages with a cursor: every match once, in name order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await search('临江', `&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.orgs.length).toBeLessThanOrEqual(1);
      seen.push(...names(res.body));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual(['东湖区临江路商圈联合工会', '临江区家政服务联合工会', '临江区快递物流行业联合工会']);
  });

  it('reads one partition (a Query), never a Scan, and the invites beside each other', async () => {
    const counter = countDynamoCalls();
    counter.reset();
    expect((await search('快递')).status).toBe(200);
    const calls = counter.snapshot();
    expect(calls.byCommand.ScanCommand ?? 0).toBe(0);
    expect(calls.byCommand.QueryCommand).toBeGreaterThanOrEqual(1);
    expect(calls.roundTrips).toBe(2);
  });

  it('a joint union created before its search keys is found once migrate.ts writes them', async () => {
    const { migrateReadModel } = await import('../../../scripts/seed/migrate');
    const { DeleteCommand, QueryCommand } = await import('@aws-sdk/lib-dynamodb');
    const { getDocumentClient, tableName } = await import('../../../functions/src/store/table');
    const { Items = [] } = await getDocumentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': 'ORG#sj2', ':sk': 'JOINTSEARCH#' },
      }),
    );
    expect(Items.length).toBeGreaterThan(5);
    for (const i of Items) await getDocumentClient().send(new DeleteCommand({ TableName: tableName(), Key: { pk: i.pk, sk: i.sk } }));
    expect((await search('家政')).body.orgs).toEqual([]);
    expect(await migrateReadModel()).toBeGreaterThan(0);
    expect(names((await search('家政')).body)).toEqual(['临江区家政服务联合工会']);
    expect(await migrateReadModel()).toBe(0);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const cases: Array<[string, string, string]> = [
      ['/joint-unions', 'VALIDATION_FAILED', 'q'],
      [`/joint-unions?q=${encodeURIComponent('临')}`, 'VALIDATION_FAILED', 'q'],
      [`/joint-unions?q=${encodeURIComponent('临'.repeat(21))}`, 'VALIDATION_FAILED', 'q'],
      [`/joint-unions?q=${encodeURIComponent('联合工会')}`, 'JOINT_QUERY_TOO_COMMON', 'q'],
      [
        `/joint-unions?q=${encodeURIComponent('临江')}&cursor=${Buffer.from('{"pk":"ORG#x"}').toString('base64url')}`,
        'CURSOR_INVALID',
        'cursor',
      ],
      [`/joint-unions?q=${encodeURIComponent('临江')}&limit=0`, 'VALIDATION_FAILED', 'limit'],
    ];
    for (const [path, code, field] of cases) {
      const res = await invoke(AREAS.orgs, 'GET', path);
      expect(res.status, path).toBe(400);
      expect(res.body.error, path).toMatchObject({ code, field });
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    // A cursor of another search's partition is refused, not read.
    const page = await search('临江', '&limit=1');
    const other = await search('快递', `&cursor=${page.body.nextCursor}`);
    expect(other.status).toBe(400);
    expect(other.body.error.code).toBe('CURSOR_INVALID');
  });
});
