/**
 * Data from before the read model of issue 14 (kept in .data/ by `npm start`) is brought up to it
 * when the demo is reused: the demo seeded, then everything the new writers add taken away again
 * (as an older checkout wrote it), then `seedDemo` on the existing data — the member's reads answer
 * as before, within two round trips, and a second run writes nothing.
 */
import { DeleteCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PublishServiceInput } from '@union/shared/contracts/catalog-publish.contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { clearReadCaches } from '../../../functions/src/store/benefits-read';
import { listDueNotices } from '../../../functions/src/store/due-notice.repository';
import { MEMBER_CLAIM_PREFIX, QUOTA_TOTAL_PREFIX, QUOTA_USED_PREFIX } from '../../../functions/src/store/entities/claim.entity';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { getUser, listOfficersOf } from '../../../functions/src/store/user.repository';
import { seedDemo } from '../../../scripts/seed/index';
import { migrateReadModel } from '../../../scripts/seed/migrate';
import { countDynamoCalls } from '../../support/dynamo-calls';
import { invoke } from '../../support/invoke';
import { tokenFor } from '../../support/sessions';
import { publish } from '../card/fixtures';

const counter = countDynamoCalls();

const scan = async (kinds: string[]): Promise<Array<Record<string, any>>> => {
  const out: Array<Record<string, any>> = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await getDocumentClient().send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey, ConsistentRead: true }));
    out.push(...(page.Items ?? []).filter((i) => kinds.includes(String(i._et))));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
};

const remove = async (kinds: string[], attributes: string[]) => {
  const items = await scan(kinds);
  for (const i of items) {
    await getDocumentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: i.pk, sk: i.sk },
        UpdateExpression: `REMOVE ${attributes.map((_, n) => `#a${n}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(attributes.map((a, n) => [`#a${n}`, a])),
      }),
    );
  }
  return items.length;
};

const put = (Item: Record<string, unknown>) => getDocumentClient().send(new PutCommand({ TableName: tableName(), Item }));
const drop = (i: Record<string, any>) =>
  getDocumentClient().send(new DeleteCommand({ TableName: tableName(), Key: { pk: i.pk, sk: i.sk } }));

/**
 * Quota counters and claim locks as an older checkout wrote them: one item per benefit and period
 * (QUOTA#benefitKey / PERIOD#period, filed under gsi1 QUOTAS#org#period) and one per benefit, period
 * and member (CLAIMLOCK#benefitKey#period / USER#id) — instead of the org's and the member's items of
 * the period. Returns how many of each.
 */
const writeOldQuotasAndLocks = async (): Promise<{ quotas: number; locks: number }> => {
  let quotas = 0;
  let locks = 0;
  for (const i of await scan(['OrgQuotas'])) {
    const period = String(i.sk).replace('PERIOD#', '');
    for (const [name, used] of Object.entries(i)) {
      if (!name.startsWith(QUOTA_USED_PREFIX)) continue;
      const benefitKey = name.slice(QUOTA_USED_PREFIX.length);
      const [orgId] = benefitKey.split('|');
      await put({
        pk: `QUOTA#${benefitKey}`,
        sk: `PERIOD#${period}`,
        _et: 'Quota',
        benefitKey,
        period,
        used,
        total: i[QUOTA_TOTAL_PREFIX + benefitKey],
        gsi1pk: `QUOTAS#${orgId}#${period}`,
        gsi1sk: benefitKey,
      });
      quotas += 1;
    }
    // The old checkout kept no counters on this item; what a newer one writes beside them (实事 progress,
    // served marks) stays, so only the counters go.
    const counterNames = Object.keys(i).filter((n) => n.startsWith(QUOTA_USED_PREFIX) || n.startsWith(QUOTA_TOTAL_PREFIX));
    const others = Object.keys(i).filter((n) => !['pk', 'sk', '_et', '_ct', '_md', ...counterNames].includes(n));
    if (others.length === 0) await drop(i);
    else if (counterNames.length > 0) {
      await getDocumentClient().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: { pk: i.pk, sk: i.sk },
          UpdateExpression: `REMOVE ${counterNames.map((_, n) => `#c${n}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(counterNames.map((name, n) => [`#c${n}`, name])),
        }),
      );
    }
  }
  for (const i of await scan(['MemberClaims'])) {
    const period = String(i.sk).replace('CLAIMS#', '');
    const userId = String(i.pk).replace('USER#', '');
    for (const [name, mark] of Object.entries(i)) {
      if (!name.startsWith(MEMBER_CLAIM_PREFIX)) continue;
      const benefitKey = name.slice(MEMBER_CLAIM_PREFIX.length);
      await put({
        pk: `CLAIMLOCK#${benefitKey}#${period}`,
        sk: `USER#${userId}`,
        _et: 'ClaimLock',
        benefitKey,
        period,
        userId,
        claimId: mark.claimId,
      });
      locks += 1;
    }
    await drop(i);
  }
  return { quotas, locks };
};

const tokenOf = async (userId: string) => tokenFor(userId, (await getUser(userId))?.grants ?? [], userId);

const read = async (area: keyof typeof AREAS, path: string, userId: string) => {
  const token = await tokenOf(userId);
  counter.reset();
  const res = await invoke(AREAS[area], 'GET', path, { token });
  expect(res.status, `${path}: ${JSON.stringify(res.body).slice(0, 200)}`).toBe(200);
  return { body: res.body, calls: counter.snapshot() };
};

/** What the member and a delegate read, without the card's fresh token and times. */
const screens = async () => {
  const card = (await read('card', '/me/card', 'member-courier')).body.card;
  const benefits = (await read('card', '/me/benefits', 'member-courier')).body;
  const data = (await read('membership', '/me/data', 'delegate-11')).body;
  const { exportedAt: _t, ...dataStable } = data;
  const publicity = (await read('card', '/me/publicity', 'member-courier')).body;
  return {
    card,
    benefits,
    publicity,
    congress: dataStable.congress,
    lineage: (await read('orgs', '/orgs/enterprise', 'member-courier')).body,
  };
};

const QUOTA: PublishServiceInput = {
  name: '快递员夏季清凉包',
  category: '慰问',
  tier: '普惠',
  groups: [],
  eligibility: { member: 'status', op: 'eq', value: 'active' },
  benefit: { quota: { count: 20, unit: '份' } },
  claimMode: 'automatic',
  source: { clause: '一、1.', quote: '夏季为快递员发放清凉包20份。', start: 0, end: 10 },
};

let before: Awaited<ReturnType<typeof screens>>;

beforeAll(async () => {
  expect(await seedDemo()).toBe('seeded');
  const [benefitId] = await publish('logistics', [QUOTA]);
  const claimed = await invoke(AREAS.card, 'POST', '/me/claims', { token: await tokenOf('member-courier'), body: { benefitId } });
  expect(claimed.body.claim?.status).toBe('approved');
  const officer = await tokenOf('officer-district');
  expect((await invoke(AREAS.card, 'POST', `/orgs/district/benefits/${benefitId}/publicity`, { token: officer, body: {} })).status).toBe(
    201,
  );
  before = await screens();
  expect(before.publicity.publicity).toHaveLength(1);
  expect(before.congress.cosigned).toHaveLength(1);
  expect(before.congress.votedIn).toHaveLength(1);
}, 120_000);

describe('items from before the read model', () => {
  it('are brought up to it by seedDemo on the existing data, and the reads answer as before', async () => {
    // As an older checkout wrote them.
    expect(await remove(['Org'], ['ancestorOrgs'])).toBeGreaterThan(3);
    const copies = ['memberNumber', 'name', 'joinedAt', 'gender', 'birthDate', 'employmentType', 'group', 'isMigrantWorker'];
    expect(
      await remove(['UserMembership'], [...copies, 'declaredFactsConfirmedBy', 'declaredFactsConfirmedAt', 'lineage']),
    ).toBeGreaterThan(30);
    expect(await remove(['CongressCosign', 'CongressVoted'], ['gsi1pk', 'gsi1sk'])).toBeGreaterThan(20);
    expect(await remove(['Publicity'], ['gsi1pk', 'gsi1sk'])).toBe(1);
    const old = await writeOldQuotasAndLocks();
    expect(old.quotas).toBeGreaterThan(0);
    expect(old.locks).toBeGreaterThan(0);
    const latest = await scan(['CatalogLatest']);
    expect(latest.length).toBeGreaterThan(2);
    for (const i of latest) await getDocumentClient().send(new DeleteCommand({ TableName: tableName(), Key: { pk: i.pk, sk: i.sk } }));

    // Without the migration the member would miss their catalogs, quota use and claims (in a process that
    // has not read them before: nothing in memory), and the delegate their 附议 and votes.
    clearReadCaches();
    const stale = (await read('card', '/me/benefits', 'member-courier')).body;
    expect(stale.catalogs).toEqual([]);
    expect((await read('card', '/me/publicity', 'member-courier')).body.publicity).toEqual([]);
    expect((await read('membership', '/me/data', 'delegate-11')).body.congress).toMatchObject({ cosigned: [], votedIn: [] });

    expect(await seedDemo()).toBe('existing');
    expect(await screens()).toEqual(before);
    const benefits = await read('card', '/me/benefits', 'member-courier');
    expect(benefits.calls.roundTrips).toBeLessThanOrEqual(2);
    expect((await read('card', '/me/card', 'member-courier')).calls).toMatchObject({ calls: 1, roundTrips: 1 });
    expect((await read('orgs', '/orgs/enterprise', 'member-courier')).calls).toMatchObject({ calls: 1 });
  }, 120_000);

  it('officer grants get their org index item, and a 立案 proposal awaiting its reply its due notice', async () => {
    const officer = await tokenOf('officer-enterprise');
    const accepted = await invoke(AREAS.congress, 'POST', '/congress/proposals/pp-demo-canteen/decision', {
      token: officer,
      body: { decision: 'accept', reason: '事关职工切身利益', department: '后勤保障部', replyDeadline: '2099-01-01' },
    });
    expect(accepted.status).toBe(200);
    // As an older checkout left them: no officer index, no due notice.
    for (const i of await scan(['OrgOfficer', 'DueNotice'])) await drop(i);
    expect(await listOfficersOf('enterprise')).toEqual([]);
    expect(await listDueNotices('replyOverdue', new Date('2099-01-02T01:00:00Z'))).toEqual([]);

    expect(await migrateReadModel()).toBeGreaterThanOrEqual(3);
    expect(await listOfficersOf('enterprise')).toEqual(['officer-enterprise']);
    expect(await listOfficersOf('district')).toEqual(['officer-district']);
    expect((await listDueNotices('replyOverdue', new Date('2099-01-02T01:00:00Z'))).map((n) => n.refId)).toEqual(['pp-demo-canteen']);
  });

  it('writes nothing on data already up to date', async () => {
    counter.reset();
    expect(await migrateReadModel()).toBe(0);
    expect(counter.snapshot().writes).toBe(0);
  });
});
