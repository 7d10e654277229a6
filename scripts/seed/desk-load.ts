/**
 * A district of 200 grassroots unions and 50,000 members for the desk's bench (issue 13): not part of
 * `npm start`'s demo. Written on a fresh table fast: the orgs through `createOrg` (16 at a time), then
 * the membership items and each union's desk counters with BatchWriteItem (25 items a call, at most
 * 8 calls in flight), in the shapes the store writes — `MembershipEntity` for the memberships (its
 * keys and index attributes: ORGMEMBERS#<orgId>), `deskItemKey` for `DESK#<orgId> / NOW` and
 * `/ YEAR#<yyyy>` with the attributes of docs/ARCHITECTURE.md "Dashboard".
 *
 *   npx tsx scripts/seed/desk-load.ts          (against the table of TABLE_NAME / DYNAMODB_ENDPOINT)
 */
import { BatchWriteCommand, type BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { JOIN_CHANNELS } from '@union/shared/contracts/desk.contract';
import { PROPOSAL_STATUSES } from '@union/shared/domain/congress/proposal';
import { REVIEW_HOUR_BOUNDS } from '@union/shared/domain/desk/counters';
import { BatchPutRequest } from 'dynamodb-toolbox/entity/actions/batchPut';
import { getRuntime } from '../../functions/src/http/runtime';
import { deskItemKey } from '../../functions/src/store/desk-read.repository';
import { MembershipEntity } from '../../functions/src/store/entities/membership.entity';
import { memberPii } from '../../functions/src/store/membership.repository';
import { createOrg, getOrg } from '../../functions/src/store/org.repository';
import { getDocumentClient, tableName } from '../../functions/src/store/table';

export const DESK_LOAD = { cityId: 'city', districtId: 'district', unions: 200, members: 50_000 };

const BATCH_WRITE_MAX = 25;
const WRITES_IN_FLIGHT = 8;

type PutRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** BatchWriteItem of `requests`, 25 a call, `WRITES_IN_FLIGHT` calls at once; unprocessed items sent again. */
const writeAll = async (requests: readonly PutRequest[]): Promise<void> => {
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      let pending = requests.slice(next, next + BATCH_WRITE_MAX);
      next += BATCH_WRITE_MAX;
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        if (attempt > 8) throw new Error('BatchWriteItem left items unprocessed');
        if (attempt > 0) await pause(20 * 2 ** attempt);
        const out = await getDocumentClient().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
        pending = (out.UnprocessedItems?.[tableName()] ?? []) as PutRequest[];
      }
    }
  };
  await Promise.all(Array.from({ length: WRITES_IN_FLIGHT }, worker));
};

const mapBounded = async <T>(items: readonly T[], limit: number, fn: (t: T) => Promise<unknown>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
};

const unionId = (i: number) => `load-union-${String(i + 1).padStart(3, '0')}`;

/** A made-up 身份证号 of the right shape (never a real one: region 320199, a sequence). */
const fakeIdNumber = (n: number) => `320199${1970 + (n % 30)}0${1 + (n % 9)}1${n % 10}${String(n % 1000).padStart(3, '0')}X`;

export interface DeskLoadResult {
  orgs: number;
  members: number;
  items: number;
  seconds: number;
}

/** Seeds the district (ids `city`, `district`) with `unions` grassroots unions and `members` members. */
export const seedDeskLoad = async (opts: { unions?: number; members?: number; year: number }): Promise<DeskLoadResult> => {
  const started = Date.now();
  const unions = opts.unions ?? DESK_LOAD.unions;
  const members = opts.members ?? DESK_LOAD.members;
  if (!(await getOrg(DESK_LOAD.cityId))) {
    await createOrg({ orgId: DESK_LOAD.cityId, name: '江澄市总工会', kind: 'city', parentId: null, area: null });
  }
  if (!(await getOrg(DESK_LOAD.districtId))) {
    await createOrg({
      orgId: DESK_LOAD.districtId,
      name: '江澄市临江区总工会',
      kind: 'district',
      parentId: DESK_LOAD.cityId,
      area: '临江区',
    });
  }
  await mapBounded(
    Array.from({ length: unions }, (_, i) => i),
    16,
    (i) =>
      createOrg({
        orgId: unionId(i),
        name: `临江区第${String(i + 1).padStart(3, '0')}基层工会`,
        kind: 'grassroots',
        parentId: DESK_LOAD.districtId,
        area: '临江区',
      }),
  );

  const pii = (await getRuntime()).pii;
  const requests: PutRequest[] = [];
  const perUnion = Array.from({ length: unions }, () => 0);
  for (let n = 0; n < members; n += 1) {
    const u = n % unions;
    perUnion[u] = (perUnion[u] ?? 0) + 1;
    const orgId = unionId(u);
    const userId = `load-user-${n}`;
    const memberNumber = `${String(u + 1).padStart(3, '0')}${String(perUnion[u]).padStart(6, '0')}`;
    const joinedAt = new Date(Date.UTC(opts.year, n % 12, 1 + (n % 27), 2)).toISOString();
    const sealed = memberPii.seal(pii, userId, { idNumber: fakeIdNumber(n), phone: `170${String(n).padStart(8, '0')}` });
    requests.push(
      MembershipEntity()
        .build(BatchPutRequest)
        .item({
          membershipId: `load-m-${n}`,
          userId,
          orgId,
          orgName: `临江区第${String(u + 1).padStart(3, '0')}基层工会`,
          memberNumber,
          status: 'active',
          joinedAt,
          name: `会员${n}`,
          ...sealed,
          gender: n % 2 === 0 ? 'male' : 'female',
          birthDate: '1990-01-01',
          employer: `临江第${u + 1}公司`,
          employmentType: 'fullTime',
          group: 'none',
          isMigrantWorker: n % 5 === 0,
          noticeVersion: 'load',
          memberNumberHistory: [],
          gsi1pk: `USERMEMBERSHIPS#${userId}`,
          gsi1sk: `${joinedAt}#load-m-${n}`,
          gsi2pk: `ORGMEMBERS#${orgId}`,
          gsi2sk: memberNumber,
        })
        .params(),
    );
  }
  // Each union's counters, consistent with its memberships: all active, joined in the year by month and channel.
  for (let u = 0; u < unions; u += 1) {
    const count = perUnion[u] ?? 0;
    const year: Record<string, number> = {};
    for (let k = 0; k < count; k += 1) {
      const n = u + k * unions;
      const key = `joined:${String((n % 12) + 1).padStart(2, '0')}:${JOIN_CHANNELS[n % 3]}`;
      year[key] = (year[key] ?? 0) + 1;
    }
    year['review:approved'] = Math.round(count * 0.6);
    year['review:rejected'] = Math.round(count * 0.05);
    for (const [i, b] of REVIEW_HOUR_BOUNDS.entries()) year[`review:hours:${b}`] = (u + i) % 7;
    for (const [i, s] of PROPOSAL_STATUSES.entries()) year[`proposals:${s}`] = (u + i) % 3;
    year['replies:onTime'] = u % 4;
    year['replies:late'] = u % 2;
    requests.push(
      {
        PutRequest: {
          Item: {
            ...deskItemKey(unionId(u), 'NOW'),
            'members:active': count,
            'members:total': count,
            'waiting:applications': u % 5,
            'waiting:claims': u % 3,
            'waiting:transfers': u % 2,
          },
        },
      },
      { PutRequest: { Item: { ...deskItemKey(unionId(u), opts.year), ...year } } },
    );
  }
  await writeAll(requests);
  return { orgs: unions + 2, members, items: requests.length, seconds: (Date.now() - started) / 1000 };
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = await seedDeskLoad({ year: new Date().getUTCFullYear() });
  console.log(`desk load: ${out.orgs} orgs, ${out.members} members, ${out.items} items in ${out.seconds.toFixed(1)} s`);
}
