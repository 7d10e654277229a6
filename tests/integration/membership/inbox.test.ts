/**
 * The 消息 inbox (issue 12): GET /me/notifications, POST /me/notifications/{noteId}/read and
 * POST /me/notifications/read-all, against DynamoDB Local, with notifications written the way a change
 * writes them (the outbox's transaction items). Answers are held to their response schemas.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { PERSONAL_DATA_RETENTION_DAYS } from '@union/shared';
import { notificationText } from '@union/shared/domain/notifications/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { setLogSink } from '../../../functions/src/platform/logger';
import { READ_ALL_MAX } from '../../../functions/src/store/inbox.repository';
import { inboxKey, notificationKey } from '../../../functions/src/store/outbox';
import { purgeDuePersonalData } from '../../../functions/src/store/personal-data.repository';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { type FaultKind, type FaultPhase, injectFault } from '../../support/faults';
import { type InvokeResult, invoke, templateOf } from '../../support/invoke';
import { writeNotification } from '../../support/notifications';
import { notificationsOf } from '../../support/notify';
import { responseProblems } from '../../support/response-contract';
import { userWithToken } from '../../support/sessions';
import { apply, createInvite, joinForm, newUser, officerToken, seedOrgs } from './fixtures';

const area = AREAS.membership;

/** Runs before each TransactWriteItems of the store's client while set (a write landing in between). */
let racer: ((input: unknown) => Promise<void>) | null = null;
getDocumentClient().middlewareStack.add(
  (next, context) => async (args) => {
    const hook = racer;
    if (hook && (context as { commandName?: string }).commandName === 'TransactWriteItemsCommand')
      await hook((args as { input?: unknown }).input);
    return next(args);
  },
  { step: 'initialize', name: 'inboxRacer' },
);
const T0 = Date.parse('2026-03-02T08:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

/** `invoke`, with a 2xx answer held to its route's declared response. */
const call = async (token: string, method: string, path: string, body?: unknown): Promise<InvokeResult> => {
  const res = await invoke(area, method, path, { token, ...(body === undefined ? {} : { body }) });
  if (res.status < 300) {
    const found = templateOf(area.routes, method, path.split('?')[0] ?? path);
    if (!found) throw new Error(`no route for ${method} ${path}`);
    expect(responseProblems(found.route, res), `${method} ${path}`).toEqual([]);
  }
  return res;
};

const list = (token: string, query = '') => call(token, 'GET', `/me/notifications${query}`);
const read = (token: string, noteId: string) => call(token, 'POST', `/me/notifications/${noteId}/read`);

const storedUnread = async (userId: string): Promise<number | undefined> =>
  (await getDocumentClient().send(new GetCommand({ TableName: tableName(), Key: inboxKey(userId), ConsistentRead: true }))).Item?.unread;

/** A member with `n` notifications, one a minute from T0 (the n-th newest last). */
const memberWith = async (userId: string, n: number): Promise<{ token: string; ids: string[] }> => {
  const token = await userWithToken(userId, [{ role: 'member', orgId: 'enterprise' }], '王小军');
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    ids.push(await writeNotification(userId, { facts: { subject: `福利${i}` }, at: at(i) }));
  }
  return { token, ids };
};

describe('GET /me/notifications', () => {
  let token: string;
  let ids: string[];
  beforeAll(async () => {
    ({ token, ids } = await memberWith('inbox-lister', 25));
    // Two of a kind with a reason, and a page of a tab (opened with switchTab).
    ids.push(
      await writeNotification('inbox-lister', {
        event: 'applicationRejected',
        facts: { subject: '临江精密机械有限公司工会', reason: '工作单位与邀请的工会不符，请核对后重新提交' },
        page: '/member/pages/membership/index',
        at: at(30),
      }),
    );
  });

  it('pages newest first to the end with a cursor, with the unread count, title and body from notificationText', async () => {
    const seen: Array<{ noteId: string; createdAt: string; title: string; body: string; readAt: string | null; page: string }> = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list(token, `?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.unread).toBe(26);
      expect(res.body.notifications.length).toBeLessThanOrEqual(10);
      seen.push(...res.body.notifications);
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(cursor).toBeNull();
    // Every notification once, newest first: no silent cut.
    expect(seen.map((n) => n.noteId)).toEqual([...ids].reverse());
    expect(seen.map((n) => n.createdAt)).toEqual([...seen.map((n) => n.createdAt)].sort().reverse());
    expect(seen[0]).toEqual({
      noteId: ids[25],
      event: 'applicationRejected',
      ...notificationText('applicationRejected', {
        subject: '临江精密机械有限公司工会',
        reason: '工作单位与邀请的工会不符，请核对后重新提交',
      }),
      page: '/member/pages/membership/index',
      createdAt: at(30).toISOString(),
      readAt: null,
    });
    expect(seen[0]?.body).toBe('《临江精密机械有限公司工会》未通过：工作单位与邀请的工会不符，请核对后重新提交');
    expect(seen.at(-1)).toMatchObject({ title: '申领已通过', body: '《福利0》已通过', readAt: null });
  });

  it('answers 20 by default, and nothing for someone with no notification (count 0)', async () => {
    expect((await list(token)).body.notifications).toHaveLength(20);
    const nobody = await userWithToken('inbox-nobody', [], '新职工');
    expect((await list(nobody)).body).toEqual({ notifications: [], nextCursor: null, unread: 0 });
  });

  it('reads past a notification whose ttl has passed (DynamoDB deletes it up to days late)', async () => {
    const { token: t, ids: mine } = await memberWith('inbox-expiring', 3);
    await getDocumentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: notificationKey('inbox-expiring', mine[1] as string),
        UpdateExpression: 'SET #ttl = :past',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 60 },
      }),
    );
    expect((await list(t)).body.notifications.map((n: { noteId: string }) => n.noteId)).toEqual([mine[2], mine[0]]);
    const gone = await read(t, mine[1] as string);
    expect([gone.status, gone.body.error.code]).toEqual([404, 'NOTIFICATION_NOT_FOUND']);
  });
});

describe('POST /me/notifications/{noteId}/read', () => {
  it('sets readAt and takes the count down by one; reading again changes nothing', async () => {
    const { token, ids } = await memberWith('inbox-reader', 3);
    const first = await read(token, ids[1] as string);
    expect(first.status).toBe(200);
    expect(first.body.unread).toBe(2);
    expect(first.body.notification).toMatchObject({ noteId: ids[1], readAt: expect.any(String), title: '申领已通过' });
    const again = await read(token, ids[1] as string);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await storedUnread('inbox-reader')).toBe(2);
    const listed = (await list(token)).body;
    expect(listed.unread).toBe(2);
    expect(listed.notifications.map((n: { readAt: string | null }) => n.readAt !== null)).toEqual([false, true, false]);
  });

  it('keeps the count exact under 10 concurrent reads of the same notification, and of 10 different ones', async () => {
    const { token, ids } = await memberWith('inbox-racer', 12);
    const same = await Promise.all(Array.from({ length: 10 }, () => read(token, ids[0] as string)));
    expect(same.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(same.map((r) => r.body.notification.readAt)).size).toBe(1);
    expect(await storedUnread('inbox-racer')).toBe(11);

    const different = await Promise.all(ids.slice(1, 11).map((id) => read(token, id)));
    expect(different.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await storedUnread('inbox-racer')).toBe(1);
    const notes = await notificationsOf('inbox-racer');
    expect(notes.filter((n) => n.readAt === undefined).map((n) => n.noteId)).toEqual([ids[11]]);
  });

  it("answers 404 for another member's notification and leaves it (and both counts) alone", async () => {
    const mine = await memberWith('inbox-owner', 1);
    const other = await memberWith('inbox-other', 1);
    const res = await read(other.token, mine.ids[0] as string);
    expect([res.status, res.body.error.code]).toEqual([404, 'NOTIFICATION_NOT_FOUND']);
    expect(res.body.error.message).toContain('消息');
    expect(await storedUnread('inbox-owner')).toBe(1);
    expect(await storedUnread('inbox-other')).toBe(1);
    expect((await notificationsOf('inbox-owner'))[0]?.readAt).toBeUndefined();
    // Nor is it in the other member's list.
    expect((await list(other.token)).body.notifications.map((n: { noteId: string }) => n.noteId)).toEqual(other.ids);
  });

  it('marks it read without taking the count below zero', async () => {
    const { token, ids } = await memberWith('inbox-zero', 1);
    await getDocumentClient().send(
      new PutCommand({ TableName: tableName(), Item: { ...inboxKey('inbox-zero'), _et: 'Inbox', unread: 0 } }),
    );
    const res = await read(token, ids[0] as string);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ unread: 0, notification: { readAt: expect.any(String) } });
    expect(await storedUnread('inbox-zero')).toBe(0);
  });
});

describe('POST /me/notifications/read-all', () => {
  const readAll = (token: string, cursor?: string) =>
    call(token, 'POST', '/me/notifications/read-all', cursor === undefined ? {} : { cursor });

  it(`marks at most ${READ_ALL_MAX} a request and goes on from its cursor until none is left`, async () => {
    const { token } = await memberWith('inbox-all', READ_ALL_MAX + 21);
    const first = await readAll(token);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ marked: READ_ALL_MAX, unread: 21, nextCursor: expect.any(String) });
    const second = await readAll(token, first.body.nextCursor);
    expect(second.body).toEqual({ marked: 21, unread: 0, nextCursor: null });
    expect(await storedUnread('inbox-all')).toBe(0);
    expect((await notificationsOf('inbox-all')).filter((n) => n.readAt === undefined)).toEqual([]);
    // Nothing left: the same request again changes nothing.
    expect((await readAll(token)).body).toEqual({ marked: 0, unread: 0, nextCursor: null });
  });

  it('sets a count left too high (an unread notification deleted by the TTL) back to what is unread', async () => {
    const { token } = await memberWith('inbox-drift', 2);
    await getDocumentClient().send(
      new PutCommand({ TableName: tableName(), Item: { ...inboxKey('inbox-drift'), _et: 'Inbox', unread: 7 } }),
    );
    expect((await readAll(token)).body).toEqual({ marked: 2, unread: 0, nextCursor: null });
    expect(await storedUnread('inbox-drift')).toBe(0);
  });

  it('loses no notification written between its reads and its transaction: it reads again, and the count stays exact', async () => {
    const { token } = await memberWith('inbox-busy', 30);
    // A notification lands after read-all has read the count and the notifications, before its transaction.
    let landed = 0;
    racer = async (input) => {
      if (landed > 0 || !JSON.stringify(input).includes('readAt = :at')) return;
      landed += 1;
      await writeNotification('inbox-busy', { at: at(200) });
    };
    const answer = await readAll(token);
    racer = null;
    expect(landed).toBe(1);
    expect(answer.body).toEqual({ marked: 31, unread: 0, nextCursor: null });
    const notes = await notificationsOf('inbox-busy');
    expect(notes).toHaveLength(31);
    expect(notes.filter((n) => n.readAt === undefined)).toEqual([]);
    expect(await storedUnread('inbox-busy')).toBe(0);

    // Another one while it runs again: whatever the order, the count is what is left unread.
    const [again] = await Promise.all([readAll(token), writeNotification('inbox-busy', { at: at(201) })]);
    expect(again.status).toBe(200);
    const left = (await notificationsOf('inbox-busy')).filter((n) => n.readAt === undefined).length;
    expect(await storedUnread('inbox-busy')).toBe(left);
  });
});

describe('bounds', () => {
  let token: string;
  beforeAll(async () => {
    token = await userWithToken('inbox-bounds', [], '新职工');
  });

  it('answers a malformed id, cursor or limit with 400 naming the field in Chinese', async () => {
    const cases: Array<[string, string, unknown, string]> = [
      ['POST', `/me/notifications/${'x'.repeat(65)}/read`, undefined, 'noteId'],
      ['POST', '/me/notifications/a%20b/read', undefined, 'noteId'],
      ['GET', '/me/notifications?limit=0', undefined, 'limit'],
      ['GET', '/me/notifications?limit=101', undefined, 'limit'],
      ['GET', '/me/notifications?cursor=%2A%2A', undefined, 'cursor'],
      ['POST', '/me/notifications/read-all', { cursor: '**' }, 'cursor'],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await invoke(area, method, path, { token, ...(body === undefined ? {} : { body }) });
      expect([res.status, res.body.error.code, res.body.error.field], path).toEqual([400, 'VALIDATION_FAILED', field]);
      expect(res.body.error.message, path).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("refuses a cursor of another member's inbox (400 CURSOR_INVALID), never reading their partition", async () => {
    const other = await memberWith('inbox-cursor-owner', 3);
    const theirs = (await list(other.token, '?limit=1')).body.nextCursor as string;
    for (const res of [
      await invoke(area, 'GET', `/me/notifications?cursor=${theirs}`, { token }),
      await invoke(area, 'POST', '/me/notifications/read-all', { token, body: { cursor: theirs } }),
    ]) {
      expect([res.status, res.body.error.code, res.body.error.field]).toEqual([400, 'CURSOR_INVALID', 'cursor']);
    }
    expect(await storedUnread('inbox-cursor-owner')).toBe(3);
  });
});

describe('personal data: GET /me/data lists the notifications, the purge after 退会 deletes them', () => {
  it('lists them in 我的数据, and deletes those written before leaving once the retention period is over', async () => {
    await seedOrgs();
    const invite = await createInvite(await officerToken('enterprise'), 'enterprise', { mode: 'auto' });
    let token = await newUser('inbox-leaver');
    expect((await apply(token, invite, joinForm(901))).status).toBe(201);
    token = (await invoke(AREAS.auth, 'POST', '/auth/refresh', { token })).body.token;
    // A minute apart, both before leaving: written back to back they could fall in one millisecond, and
    // then their ids (time, then random) put them in either order.
    const first = new Date(Math.floor(Date.now() / 1000) * 1000 - 120_000);
    const second = new Date(first.getTime() + 60_000);
    const rejected = await writeNotification('inbox-leaver', {
      event: 'claimRejected',
      facts: { subject: '困难职工帮扶', reason: '家庭人均收入高于当地低保标准的 2 倍' },
      at: first,
    });
    const approved = await writeNotification('inbox-leaver', { event: 'claimApproved', facts: { subject: '职工疗休养' }, at: second });
    expect((await read(token, approved)).status).toBe(200);

    const data = await invoke(area, 'GET', '/me/data', { token });
    expect(data.status).toBe(200);
    expect(data.body.notifications).toEqual([
      { noteId: approved, title: '申领已通过', body: '《职工疗休养》已通过', createdAt: second.toISOString(), readAt: expect.any(String) },
      {
        noteId: rejected,
        title: '申领未通过',
        body: '《困难职工帮扶》未通过：家庭人均收入高于当地低保标准的 2 倍',
        createdAt: first.toISOString(),
        readAt: null,
      },
    ]);

    const left = await invoke(area, 'POST', '/me/membership/leave', { token, body: { confirm: true } });
    expect(left.status).toBe(200);
    const leftAt = Date.parse(left.body.membership.endedAt);
    const later = await writeNotification('inbox-leaver', { event: 'claimApproved', at: new Date(leftAt + 60_000) });
    expect(await storedUnread('inbox-leaver')).toBe(2);

    expect(await purgeDuePersonalData(new Date(leftAt + (PERSONAL_DATA_RETENTION_DAYS - 1) * 86_400_000))).toBe(0);
    expect(await notificationsOf('inbox-leaver')).toHaveLength(3);
    expect(await purgeDuePersonalData(new Date(leftAt + (PERSONAL_DATA_RETENTION_DAYS + 1) * 86_400_000))).toBeGreaterThanOrEqual(1);
    expect((await notificationsOf('inbox-leaver')).map((n) => n.noteId)).toEqual([later]);
    // The unread one went with its count; the one written after leaving stays, unread.
    expect(await storedUnread('inbox-leaver')).toBe(1);
  });
});

/**
 * Faults at each store call of a read and of 全部已读 (throttling, a timeout before the call, a timeout after
 * DynamoDB did it): the notification is read exactly when the count went down (never one without the
 * other), and the same request again — which answers 200, both are idempotent — leaves it read and counted once.
 */
describe('faults at each store call', () => {
  const FAULTS: Array<{ kind: FaultKind; phase: FaultPhase }> = [
    { kind: 'throttle', phase: 'before' },
    { kind: 'timeout', phase: 'before' },
    { kind: 'timeout', phase: 'after' },
  ];
  let n = 0;
  // Each fault is logged as the 500 it caused: kept here rather than printed.
  let restore: ReturnType<typeof setLogSink> | undefined;
  beforeAll(() => {
    restore = setLogSink(() => undefined);
  });
  afterAll(() => {
    if (restore) setLogSink(restore);
  });

  /** Unread notes and the count, as the store holds them. */
  const state = async (userId: string) => ({
    unreadNotes: (await notificationsOf(userId)).filter((x) => x.readAt === undefined).length,
    count: (await storedUnread(userId)) ?? 0,
  });

  const walk = async (label: string, notes: number, act: (token: string, ids: string[]) => Promise<InvokeResult>, marks: number) => {
    for (const fault of FAULTS) {
      for (let call = 1; call <= 20; call += 1) {
        n += 1;
        const userId = `inbox-fault-${n}`;
        const { token, ids } = await memberWith(userId, notes);
        const armed = injectFault({ ...fault, when: (c) => c.n === call });
        let res: InvokeResult;
        try {
          res = await act(token, ids);
        } finally {
          armed.disarm();
        }
        const after = await state(userId);
        // All or nothing: as many notes read as the count went down.
        expect(notes - after.unreadNotes, `${label} ${fault.kind}/${fault.phase} at call ${call}`).toBe(notes - after.count);
        if (armed.fired.length === 0) {
          expect(res.status).toBe(200);
          expect(call, `${label}: too few calls to walk`).toBeGreaterThan(1);
          break;
        }
        expect(res.status, `${label} ${fault.kind}/${fault.phase} at call ${call}`).toBe(500);
        expect((await act(token, ids)).status).toBe(200);
        expect(await state(userId), `${label}: after the retry of call ${call}`).toEqual({
          unreadNotes: notes - marks,
          count: notes - marks,
        });
      }
    }
  };

  it('a read: the note and the count together, once', async () => {
    await walk('read', 2, (token, ids) => read(token, ids[0] as string), 1);
  });

  it('全部已读: every note and the count together, once', async () => {
    await walk('read-all', 3, (token) => call(token, 'POST', '/me/notifications/read-all', {}), 3);
  });
});
