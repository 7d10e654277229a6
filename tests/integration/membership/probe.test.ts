import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { RATE_LIMITS } from '@union/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getActiveMembershipByUser } from '../../../functions/src/store/membership.repository';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { invoke } from '../../support/invoke';
import { startWechatStandInForFunctions, type WechatStandIn } from '../../support/wechat-stand-in';
import { apply, area, createInvite, joinForm, newUser, officerToken, person, seedOrgs } from './fixtures';

let wechat: WechatStandIn;
let autoInvite: string;
let reviewInvite: string;
let enterpriseOfficer: string;
beforeAll(async () => {
  wechat = await startWechatStandInForFunctions();
  await seedOrgs();
  enterpriseOfficer = await officerToken('enterprise');
  autoInvite = await createInvite(await officerToken('logistics'), 'logistics', { mode: 'auto' });
  reviewInvite = await createInvite(enterpriseOfficer, 'enterprise', { mode: 'review' });
});
afterAll(() => wechat.close());

const HOLDER = '临江区快递物流行业联合工会';

/** Runs `tasks` with at most `width` at a time. */
const bounded = async <T>(tasks: Array<() => Promise<T>>, width: number): Promise<T[]> => {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const i = next++;
        out[i] = await (tasks[i] as () => Promise<T>)();
      }
    }),
  );
  return out;
};

describe('membership probes get a neutral refusal', () => {
  it('someone else’s 身份证号 and someone else’s phone get the same refusal, naming nothing', async () => {
    expect((await apply(await newUser('holder'), autoInvite, joinForm(500))).status).toBe(201);

    const byId = await apply(await newUser('prober-1'), reviewInvite, joinForm(500, { phone: '13700000500' }));
    const byPhone = await apply(await newUser('prober-2'), reviewInvite, joinForm(501, { phone: person(500).phone }));
    for (const res of [byId, byPhone]) {
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('JOIN_REFUSED');
      expect(res.body.error.field).toBeUndefined();
      expect(JSON.stringify(res.body)).not.toContain(HOLDER);
      expect(JSON.stringify(res.body)).not.toContain('logistics');
    }
    // One code, one message: nothing tells which check failed.
    expect(byId.body).toEqual(byPhone.body);
    expect(await getActiveMembershipByUser('prober-1')).toBeNull();
  });

  it('a phone verified through WeChat that is not the holder’s changes nothing', async () => {
    const before = wechat.calls.phoneNumber;
    const code = wechat.phoneCode('13700000502');
    const res = await apply(await newUser('prober-3'), reviewInvite, joinForm(500, { phone: '13700000502', phoneCode: code }));
    expect([res.status, res.body.error.code]).toEqual([409, 'JOIN_REFUSED']);
    expect(JSON.stringify(res.body)).not.toContain(HOLDER);
    expect(wechat.calls.phoneNumber).toBe(before + 1);
  });

  it('the proved owner (phone from getPhoneNumber matching the membership’s HMAC) is told the union', async () => {
    // The holder, on a new WeChat account, verifies the phone the membership was registered with.
    const code = wechat.phoneCode(person(500).phone);
    const res = await apply(await newUser('holder-new-phone'), reviewInvite, joinForm(500, { phone: '13700000503', phoneCode: code }));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ALREADY_MEMBER');
    expect(res.body.error.details.orgName).toBe(HOLDER);
    expect(res.body.error.message).toContain(HOLDER);
    expect(res.body.error.message).toContain('会籍转移');
    // The code was good once: replaying it is refused by WeChat (40029) and named by field.
    const replay = await apply(await newUser('holder-replay'), reviewInvite, joinForm(500, { phone: '13700000504', phoneCode: code }));
    expect(replay.status).toBe(400);
    expect(replay.body.error).toMatchObject({ code: 'PHONE_CODE_INVALID', field: 'phoneCode', details: { wechatErrcode: 40029 } });
    expect(replay.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('the account holding the membership is told its own union without any proof', async () => {
    const token = await newUser('own-account');
    expect((await apply(token, autoInvite, joinForm(510))).status).toBe(201);
    const again = await apply(token, reviewInvite, joinForm(510));
    expect([again.status, again.body.error.code, again.body.error.details.orgName]).toEqual([409, 'ALREADY_MEMBER', HOLDER]);
  });

  it('a phone is confirmed as taken only to whoever proved it is theirs', async () => {
    const code = wechat.phoneCode(person(500).phone);
    const res = await apply(await newUser('recycled-number'), reviewInvite, joinForm(520, { phone: person(500).phone, phoneCode: code }));
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'PHONE_IN_USE', field: 'phone' });
    expect(JSON.stringify(res.body)).not.toContain(HOLDER);
  });

  it('fetches a new access token when WeChat no longer accepts the cached one', async () => {
    wechat.revokeToken();
    const tokensBefore = wechat.calls.stableToken;
    const code = wechat.phoneCode(person(500).phone);
    const res = await apply(await newUser('after-revoke'), reviewInvite, joinForm(500, { phone: '13700000530', phoneCode: code }));
    expect(res.body.error.code).toBe('ALREADY_MEMBER');
    expect(wechat.calls.stableToken).toBe(tokensBefore + 1);
  });

  it('tells an officer approving such an application only that it cannot be approved', async () => {
    const pending = await apply(await newUser('late-a'), reviewInvite, joinForm(540));
    expect((await apply(await newUser('late-b'), autoInvite, joinForm(540, { phone: '13500000540' }))).status).toBe(201);
    const res = await invoke(area, 'POST', `/applications/${pending.body.application.applicationId}/approve`, { token: enterpriseOfficer });
    expect([res.status, res.body.error.code]).toEqual([409, 'JOIN_REFUSED']);
    expect(JSON.stringify(res.body)).not.toContain(HOLDER);
  });
});

describe('rate limits on applications and probes', () => {
  const limit = RATE_LIMITS.joinPerAccount.limit;
  // The clock stands still in the middle of a window (35 minutes past the hour: 5 minutes into a
  // 10-minute window), so no attempt here falls into the next window however slow the machine.
  beforeAll(() => {
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(hour + 35 * 60_000);
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  it(`the ${limit + 1}th attempt of an account in a window gets 429 with when to try again, resubmissions included`, async () => {
    const token = await newUser('busy-prober');
    // A rejected application of this account: resubmitting it is an attempt too.
    const first = await apply(token, reviewInvite, joinForm(600));
    expect(first.status).toBe(201);
    await invoke(area, 'POST', `/applications/${first.body.application.applicationId}/reject`, {
      token: enterpriseOfficer,
      body: { reason: '请核对信息' },
    });
    for (let i = 1; i < limit; i += 1) {
      const res =
        i % 2 === 0
          ? await invoke(area, 'POST', `/applications/${first.body.application.applicationId}/resubmit`, { token, body: joinForm(500) })
          : await apply(token, autoInvite, joinForm(500));
      expect(res.body.error.code, `attempt ${i + 1}`).toBe('JOIN_REFUSED');
    }
    const over = await apply(token, autoInvite, joinForm(500));
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('RATE_LIMITED');
    expect(over.body.error.message).toMatch(/请 \d+ 分钟后（北京时间 \d{2}:\d{2} 以后）再试/);
    expect(over.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(over.body.error.details.retryAfterSeconds).toBeLessThanOrEqual(RATE_LIMITS.joinPerAccount.windowSeconds);
    const resubmit = await invoke(area, 'POST', `/applications/${first.body.application.applicationId}/resubmit`, {
      token,
      body: joinForm(600),
    });
    expect(resubmit.status).toBe(429);
  });

  it('lets exactly the limit through when one account fires at once', async () => {
    const token = await newUser('burst');
    const results = await Promise.all(Array.from({ length: limit + 6 }, () => apply(token, reviewInvite, joinForm(500))));
    expect(results.filter((r) => r.status === 429)).toHaveLength(6);
    expect(results.filter((r) => r.body.error?.code === 'JOIN_REFUSED')).toHaveLength(limit);
  });

  it('counts per invite across accounts, concurrently, with a TTL on each counter', async () => {
    const inviteLimit = RATE_LIMITS.joinPerInvite.limit;
    const invite = await createInvite(enterpriseOfficer, 'enterprise', { mode: 'review' });
    const accounts = Math.ceil(inviteLimit / limit) + 1;
    const tokens = await Promise.all(Array.from({ length: accounts }, (_, i) => newUser(`crowd-prober-${i}`)));
    const tasks = tokens.flatMap((t) => Array.from({ length: limit }, () => () => apply(t, invite, joinForm(500))));
    expect(tasks.length).toBeGreaterThan(inviteLimit);
    const results = await bounded(tasks, 24);
    expect(results.filter((r) => r.body.error?.code === 'JOIN_REFUSED')).toHaveLength(inviteLimit);
    expect(results.filter((r) => r.status === 429)).toHaveLength(tasks.length - inviteLimit);
    // Another invite is not affected.
    expect((await apply(await newUser('other-invite'), autoInvite, joinForm(500))).body.error.code).toBe('JOIN_REFUSED');

    const { Items = [] } = await getDocumentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `RATE#${RATE_LIMITS.joinPerInvite.scope}#${invite}` },
      }),
    );
    expect(Items).toHaveLength(1);
    const counter = Items[0];
    expect(counter?.count).toBe(inviteLimit);
    expect(counter?.ttl).toBeGreaterThan(Date.now() / 1000 + RATE_LIMITS.joinPerInvite.windowSeconds / 2);
  });
});
