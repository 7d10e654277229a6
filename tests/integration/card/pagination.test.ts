import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { makeIdNumber } from '@union/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { LOCAL_DEFAULTS } from '../../../functions/src/platform/config';
import { createPiiCipher, memberProfileBinding } from '../../../functions/src/platform/crypto';
import { listOrgMembers } from '../../../functions/src/store/membership.repository';
import { createOrg } from '../../../functions/src/store/org.repository';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { invoke } from '../../support/invoke';
import { HARDSHIP_AID, MOVIE_DISCOUNT, makeMember, officerToken, publish, SERIOUS_ILLNESS, seedOrgs, type TestMember } from './fixtures';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** Follows nextCursor to the end; every page is checked to be at most `limit` long. */
const readAll = async <T>(path: string, key: string, token: string, limit: number): Promise<T[]> => {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: { status: number; body: Record<string, any> } = await invoke(
      AREAS.card,
      'GET',
      `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      { token },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body[key].length).toBeLessThanOrEqual(limit);
    expect(res.body).toHaveProperty('nextCursor');
    items.push(...res.body[key]);
    cursor = res.body.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(200);
  } while (cursor);
  return items;
};

/** More than 100 unions below the district: the subtree walk has to read a second page of children. */
const WIDE = 120;
/** Enough members in one union that their partition is more than DynamoDB's 1 MB page. */
const BIG = 1600;

describe('card lists are paged; queues are read over the whole subtree; "all" reads every page', () => {
  let districtOfficer: string;
  const claimOrg = new Map<string, string>();
  let courier: TestMember;

  beforeAll(async () => {
    await seedOrgs();
    for (let i = 1; i <= WIDE; i += 1) {
      const n = String(i).padStart(3, '0');
      await createOrg({ orgId: `g${n}`, name: `临江第${n}厂工会`, kind: 'grassroots', parentId: 'district', area: '临江区' });
    }
    districtOfficer = await officerToken('officer-district', 'district');
    const ids = await publish('district', [
      SERIOUS_ILLNESS,
      { ...SERIOUS_ILLNESS, name: '住院补助' },
      { ...SERIOUS_ILLNESS, name: '重病帮扶' },
      { ...HARDSHIP_AID, eligibility: { member: 'status', op: 'eq', value: 'active' } },
      { ...MOVIE_DISCOUNT, claimMode: 'review' },
    ]);
    const members = [
      await makeMember('m-enterprise', 'enterprise'),
      await makeMember('m-g050', 'g050'),
      await makeMember('m-g120', 'g120'),
      await makeMember('m-g120b', 'g120', { name: '刘芳' }),
    ];
    courier = await makeMember('m-courier', 'logistics');
    for (const m of members) {
      const res = await invoke(AREAS.card, 'POST', '/me/claims', {
        token: m.token,
        body: { benefitId: ids[0], facts: { selfPaidMedical: 20000 } },
      });
      expect(res.status).toBe(201);
      claimOrg.set(res.body.claim.claimId, m.orgId);
    }
    for (const [i, id] of ids.entries()) {
      const facts = i < 3 ? { selfPaidMedical: 20000 } : {};
      const res = await invoke(AREAS.card, 'POST', '/me/claims', { token: courier.token, body: { benefitId: id, facts } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      claimOrg.set(res.body.claim.claimId, 'logistics');
    }
  });

  it('pages the claim queue over a subtree wider than a page of children, once each', async () => {
    const items = await readAll<{ claimId: string; orgId: string }>('/orgs/district/claims?status=pending', 'claims', districtOfficer, 2);
    expect(items.map((c) => c.claimId).sort()).toEqual([...claimOrg.keys()].sort());
    expect(new Set(items.map((c) => c.orgId))).toEqual(new Set(['enterprise', 'g050', 'g120', 'logistics']));
    // One org's own queue, from its own officer.
    const g120 = await readAll<{ claimId: string }>('/orgs/g120/claims', 'claims', await officerToken('officer-g120', 'g120'), 1);
    expect(g120).toHaveLength(2);
  });

  it('pages a member’s own claims, newest first', async () => {
    const mine = await readAll<{ claimId: string; createdAt: string }>('/me/claims', 'claims', courier.token, 2);
    expect(mine).toHaveLength(5);
    expect(new Set(mine.map((c) => c.claimId)).size).toBe(5);
    expect(mine.map((c) => c.createdAt)).toEqual([...mine.map((c) => c.createdAt)].sort().reverse());
  });

  it(`reads every page of an org of ${BIG} members, where one DynamoDB page stops at 1 MB`, async () => {
    await createOrg({ orgId: 'big', name: '临江大型制造企业工会', kind: 'grassroots', parentId: 'district', area: '临江区' });
    // Members as the join flow stores them: 身份证号 and phone sealed and keyed-hashed with the local keys.
    const pii = createPiiCipher(LOCAL_DEFAULTS.piiKey, LOCAL_DEFAULTS.piiHmacKey);
    for (let i = 0; i < BIG; i += 1) {
      const idNumber = makeIdNumber('320102', '1990-03-07', String(100 + (i % 900)).padStart(3, '0'));
      const phone = `139${String(i).padStart(8, '0')}`;
      await makeMember(`big-${i}`, 'big', {
        name: '赵小明',
        profile: {
          idEnc: pii.encrypt(idNumber, memberProfileBinding(`big-${i}`, 'idNumber')),
          phoneEnc: pii.encrypt(phone, memberProfileBinding(`big-${i}`, 'phone')),
          idHash: pii.hash('id', `${idNumber}#${i}`),
          phoneHash: pii.hash('phone', phone),
          employer: '临江大型制造企业有限公司',
        },
      });
    }
    // The partition really is more than one page.
    const raw = await getDocumentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :p',
        ExpressionAttributeValues: { ':p': 'ORGMEMBERS#big' },
      }),
    );
    expect(raw.LastEvaluatedKey).toBeDefined();
    expect(raw.Count).toBeLessThan(BIG);

    expect(await listOrgMembers('big')).toHaveLength(BIG);
    const rows = await readAll<{ userId: string; version: number }>('/orgs/big/member-facts', 'members', districtOfficer, 100);
    expect(rows).toHaveLength(BIG);
    expect(new Set(rows.map((r) => r.userId)).size).toBe(BIG);
  }, 240_000);

  it('refuses a bad cursor with 400 CURSOR_INVALID', async () => {
    const otherQueue = b64({ o: 'enterprise', k: { pk: 'CLAIM#x', sk: 'META', gsi1pk: 'CLAIMQ#enterprise#approved', gsi1sk: 'x' } });
    const outside = b64({ o: 'city' });
    for (const [path, token] of [
      [`/orgs/district/claims?status=pending&cursor=${otherQueue}`, districtOfficer],
      [`/orgs/district/claims?cursor=${outside}`, districtOfficer],
      [
        `/orgs/district/member-facts?cursor=${b64({ o: 'enterprise', k: { pk: 'a', sk: 'b', gsi1pk: 'c', gsi1sk: 'd' } })}`,
        districtOfficer,
      ],
      [`/me/claims?cursor=${b64({ pk: 'CLAIM#x', sk: 'META', gsi2pk: 'CLAIMUSER#someone-else', gsi2sk: 'x' })}`, courier.token],
      ['/me/claims?cursor=%7B%7D', courier.token],
      [`/orgs/district/claim-delegations?cursor=${b64({ pk: 'ORG#district', sk: 'MEMBERSEQ' })}`, districtOfficer],
      [`/orgs/district/claim-delegations?cursor=${b64({ pk: 'ORG#city', sk: 'CLAIMDELEGATE#district' })}`, districtOfficer],
    ] as const) {
      const res = await invoke(AREAS.card, 'GET', path, { token });
      expect(res.status, path).toBe(400);
      expect(res.body.error.field, path).toBe('cursor');
    }
  });
});
