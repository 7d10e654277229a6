import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { forgetTokensInMemory } from '../../../functions/src/store/wechat-token.repository';
import { accountWith, type NotifyHarness, readNotification, startNotify, writeNotification } from '../../support/notify';

/**
 * The notify function's delivery of one notification, against DynamoDB Local and the WeChat stand-in:
 * each answer WeChat gives takes its path, a batch delivered twice (or to two functions at once) sends
 * each message once, and the message carries no reason and no person.
 */

let notify: NotifyHarness;
beforeAll(async () => {
  notify = await startNotify();
});
afterAll(() => notify.stop());
beforeEach(() => notify.wechat.reset());

let seq = 0;
/** A fresh account with an openid and one pending notification to it; returns ids. */
const pendingNote = async (opts: { openId?: string | null; reason?: string; subject?: string } = {}) => {
  seq += 1;
  const userId = `d-user-${seq}`;
  const openId = opts.openId === undefined ? `o-d-${seq}` : opts.openId;
  await accountWith(userId, openId);
  const noteId = await writeNotification({
    userId,
    event: opts.reason ? 'applicationRejected' : 'applicationApproved',
    facts: { subject: opts.subject ?? '临江精密机械有限公司工会', ...(opts.reason ? { reason: opts.reason } : {}) },
    page: '/member/pages/application/index?from=notice',
  });
  return { userId, openId, noteId };
};

/** The stream's outbox records of these notes only, as Lambda would batch them. */
const batchOf = async (...noteIds: string[]) => {
  const all = await notify.outboxRecords();
  return { Records: all.Records.filter((r) => noteIds.includes(r.dynamodb?.NewImage?.noteId?.S as string)) };
};

describe('a notification becomes one WeChat 订阅消息', () => {
  it('0: sent, with the template, the page, the facts cut to WeChat’s limits and no reason', async () => {
    const reason = '材料不全：请补充劳动合同复印件及身份证明，另附单位盖章的在职证明，谢谢配合';
    const n = await pendingNote({ reason, subject: '临江区快递物流行业联合工会第一基层工作委员会' });
    await notify.handler(await batchOf(n.noteId));

    const item = await readNotification(n.userId, n.noteId);
    expect(item).toMatchObject({ delivery: 'sent', deliveryCode: 0 });
    expect(notify.wechat.delivered()).toHaveLength(1);
    const m = notify.wechat.delivered()[0]!;
    expect(m).toMatchObject({
      touser: n.openId,
      template_id: 'local-template-review',
      page: 'member/pages/application/index?from=notice',
      miniprogram_state: 'developer',
      lang: 'zh_CN',
    });
    expect(m.data.thing1?.value).toBe('入会申请未通过');
    // 22 characters: cut to 19 and …
    expect(m.data.thing2?.value).toBe('临江区快递物流行业联合工会第一基层工作…');
    expect(Array.from(m.data.thing2?.value ?? '')).toHaveLength(20);
    expect(m.data.phrase3?.value).toBe('未通过');
    expect(m.data.time4?.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect(m.data.thing5?.value).toBe('详情请在小程序内查看');
    expect(JSON.stringify(m)).not.toContain('材料不全');
    // The reason stays in the item, for the inbox.
    expect(item?.facts.reason).toBe(reason);
    // No openid in the function's logs.
    expect(notify.logs.join('\n')).toContain(n.noteId);
    expect(notify.logs.join('\n')).not.toContain(n.openId as string);
  });

  it('43101 (not subscribed): skipped with the code, and not retried', async () => {
    const n = await pendingNote();
    notify.wechat.failFor(n.openId as string, 43101);
    await notify.handler(await batchOf(n.noteId));
    expect(await readNotification(n.userId, n.noteId)).toMatchObject({ delivery: 'skipped', deliveryCode: 43101 });
    // A redelivered batch sends nothing: the item is no longer pending.
    await notify.handler(await batchOf(n.noteId));
    expect(notify.wechat.messages.filter((m) => m.touser === n.openId)).toHaveLength(1);
  });

  it('40001 (token invalid): the token force-refreshed once and the message sent again', async () => {
    const warm = await pendingNote();
    await notify.handler(await batchOf(warm.noteId));
    notify.wechat.reset();
    // Someone else force-refreshed: the token this process and the table hold is no longer valid.
    notify.wechat.revokeToken();
    const n = await pendingNote();
    await notify.handler(await batchOf(n.noteId));
    expect(await readNotification(n.userId, n.noteId)).toMatchObject({ delivery: 'sent', deliveryCode: 0 });
    expect(notify.wechat.messages.map((m) => m.errcode)).toEqual([40001, 0]);
    expect(notify.wechat.calls.stableTokenForced).toBe(1);
  });

  it('42001 (token expired): refreshed once and sent again', async () => {
    const warm = await pendingNote();
    await notify.handler(await batchOf(warm.noteId));
    notify.wechat.reset();
    notify.wechat.expireToken();
    const n = await pendingNote();
    await notify.handler(await batchOf(n.noteId));
    expect(await readNotification(n.userId, n.noteId)).toMatchObject({ delivery: 'sent', deliveryCode: 0 });
    expect(notify.wechat.messages.map((m) => m.errcode)).toEqual([42001, 0]);
    expect(notify.wechat.calls.stableToken).toBe(1);
  });

  it('a token refused again after its refresh: failed with the code, not a loop', async () => {
    const n = await pendingNote();
    notify.wechat.failNext(40001, 2);
    await notify.handler(await batchOf(n.noteId));
    expect(await readNotification(n.userId, n.noteId)).toMatchObject({ delivery: 'failed', deliveryCode: 40001 });
    expect(notify.wechat.messages).toHaveLength(2);
  });

  for (const code of [45009, -1]) {
    it(`${code}: retried with backoff in the function, and sent`, async () => {
      const n = await pendingNote();
      notify.wechat.failNext(code, 2);
      await notify.handler(await batchOf(n.noteId));
      expect(await readNotification(n.userId, n.noteId)).toMatchObject({ delivery: 'sent', deliveryCode: 0 });
      expect(notify.wechat.messages.map((m) => m.errcode)).toEqual([code, code, 0]);
    });

    it(`${code} past the in-function attempts: released to pending, the batch fails, and its retry sends it once`, async () => {
      const sent = await pendingNote();
      const busy = await pendingNote();
      // The first send of the batch goes through; the other's three attempts are refused.
      notify.wechat.failFor(busy.openId as string, code);
      const batch = await batchOf(sent.noteId, busy.noteId);
      await expect(notify.handler(batch)).rejects.toThrow(/1 to retry/);
      expect(await readNotification(busy.userId, busy.noteId)).toMatchObject({
        delivery: 'pending',
        deliveryCode: code,
        deliveryAttempts: 1,
      });
      expect(await readNotification(sent.userId, sent.noteId)).toMatchObject({ delivery: 'sent' });
      expect(notify.wechat.messages.filter((m) => m.touser === busy.openId).map((m) => m.errcode)).toEqual([code, code, code]);

      // Lambda retries the batch: the sent one is skipped, the other goes out now.
      notify.wechat.failFor(busy.openId as string, null);
      await notify.handler(batch);
      expect(await readNotification(busy.userId, busy.noteId)).toMatchObject({ delivery: 'sent', deliveryCode: 0 });
      expect(
        notify.wechat
          .delivered()
          .map((m) => m.touser)
          .sort(),
      ).toEqual([busy.openId, sent.openId].sort());
    });
  }

  it('another code: failed with WeChat’s code kept, not retried', async () => {
    const n = await pendingNote();
    notify.wechat.failFor(n.openId as string, 40003);
    await notify.handler(await batchOf(n.noteId));
    expect(await readNotification(n.userId, n.noteId)).toMatchObject({ delivery: 'failed', deliveryCode: 40003 });
    await notify.handler(await batchOf(n.noteId));
    expect(notify.wechat.messages).toHaveLength(1);
  });

  it('no answer in time: failed (TIMEOUT), never sent twice — WeChat may have delivered it', async () => {
    const n = await pendingNote();
    const timeout: typeof fetch = async (input, init) => {
      if (String(input).includes('/message/subscribe/send')) {
        await fetch(input, init);
        throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
      }
      return fetch(input, init);
    };
    const { createNotifyHandler } = await import('../../../functions/src/notify/index');
    await createNotifyHandler({ fetchImpl: timeout, backoffMs: [5, 5] })(await batchOf(n.noteId));
    expect(await readNotification(n.userId, n.noteId)).toMatchObject({ delivery: 'failed', deliveryCode: 'TIMEOUT' });
    expect(notify.wechat.messages).toHaveLength(1);
  });

  it('an account with no openid (h5 only): skipped, nothing sent', async () => {
    const n = await pendingNote({ openId: null });
    await notify.handler(await batchOf(n.noteId));
    expect(await readNotification(n.userId, n.noteId)).toMatchObject({ delivery: 'skipped', deliveryCode: 'NO_OPENID' });
    expect(notify.wechat.messages).toHaveLength(0);
  });
});

describe('at most once', () => {
  it('the same batch delivered twice, and to two functions at once: one message per notification', async () => {
    const notes = await Promise.all(Array.from({ length: 12 }, () => pendingNote()));
    const batch = await batchOf(...notes.map((n) => n.noteId));
    expect(batch.Records).toHaveLength(12);
    // Two functions at once, then the batch again (a Lambda retry), from a cold start.
    await Promise.all([notify.handler(batch), notify.handler(batch)]);
    forgetTokensInMemory();
    await notify.handler(batch);
    const delivered = notify.wechat.delivered().map((m) => m.touser);
    expect(delivered.sort()).toEqual(notes.map((n) => n.openId).sort());
    for (const n of notes) expect((await readNotification(n.userId, n.noteId))?.delivery).toBe('sent');
  });
});
