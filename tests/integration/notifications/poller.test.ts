import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNotifyHandler } from '../../../functions/src/notify/index';
import { createOrg } from '../../../functions/src/store/org.repository';
import { fanoutTx } from '../../../functions/src/store/outbox';
import { runTransaction } from '../../../functions/src/store/transactions';
import { linkOpenId, putUser } from '../../../functions/src/store/user.repository';
import { startStreamPoller, streamSettingsOf } from '../../../scripts/lib/stream-poller';
import { accountWith, type NotifyHarness, readNotification, startNotify, unreadOf, writeNotification } from '../../support/notify';
import { activatePlainMember } from '../../support/plain-members';

/**
 * The local stream poller (scripts/lib/stream-poller.ts) runs the notify function as Lambda runs it in
 * AWS: real DynamoDBStreamEvent records from DynamoDB Local's stream, serverless.yml's filter, batch
 * size, bisect and bounded retries, then the dead-letter list.
 */

let notify: NotifyHarness;
beforeAll(async () => {
  notify = await startNotify();
});
afterAll(() => notify.stop());
beforeEach(() => notify.wechat.reset());

const endpoint = () => process.env.DYNAMODB_ENDPOINT as string;

describe('the local stream poller', () => {
  it('delivers an inserted notification end to end, and hands the function nothing but outbox inserts', async () => {
    const seen: DynamoDBStreamEvent[] = [];
    const poller = await startStreamPoller({
      endpoint: endpoint(),
      tableName: process.env.TABLE_NAME as string,
      handler: async (event) => {
        seen.push(event);
        await notify.handler(event);
      },
      intervalMs: 50,
    });
    try {
      await accountWith('p-user', 'o-p-user');
      const noteId = await writeNotification({
        userId: 'p-user',
        event: 'claimApproved',
        facts: { subject: '困难职工春节慰问' },
        page: '/member/pages/claims/index',
      });
      await poller.idle();
      expect(await readNotification('p-user', noteId)).toMatchObject({ delivery: 'sent', deliveryCode: 0 });
      expect(notify.wechat.delivered()).toEqual([
        expect.objectContaining({ touser: 'o-p-user', template_id: 'local-template-claim', page: 'member/pages/claims/index' }),
      ]);
      // The user, the openid link, the unread count and the delivery's own updates were on the stream too.
      const records = seen.flatMap((e) => e.Records);
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({
        eventName: 'INSERT',
        eventSource: 'aws:dynamodb',
        eventSourceARN: poller.streamArn,
        dynamodb: {
          StreamViewType: 'NEW_IMAGE',
          NewImage: { _et: { S: 'Notification' }, noteId: { S: noteId }, delivery: { S: 'pending' } },
        },
      });
      expect(typeof records[0]?.dynamodb?.ApproximateCreationDateTime).toBe('number');
      expect(await unreadOf('p-user')).toBe(1);
    } finally {
      await poller.stop();
    }
  });

  it('two pollers racing on the same stream: each notification sent once', async () => {
    const a = await notify.startPoller();
    const b = await notify.startPoller();
    const users = Array.from({ length: 10 }, (_, i) => `race-${i}`);
    for (const u of users) await accountWith(u, `o-${u}`);
    await Promise.all(
      users.map((u) =>
        writeNotification({ userId: u, event: 'motionOpened', facts: { subject: '集体合同草案' }, page: 'pages/vote/index' }),
      ),
    );
    await Promise.all([a.idle(), b.idle()]);
    expect(
      notify.wechat
        .delivered()
        .map((m) => m.touser)
        .sort(),
    ).toEqual(users.map((u) => `o-${u}`).sort());
    // Both read every record: the second of each pair found it claimed.
    expect(a.invocations + b.invocations).toBeGreaterThanOrEqual(2);
    await a.stop();
    await b.stop();
  });

  it('a fan-out written by a change reaches its audience’s phones through the stream', async () => {
    await createOrg({ orgId: 'p-city', name: '测试市总工会', kind: 'city', parentId: null, area: null });
    await createOrg({ orgId: 'p-ent', name: '测试公司工会', kind: 'grassroots', parentId: 'p-city', area: null });
    for (const u of ['p-m1', 'p-m2', 'p-m3']) {
      await activatePlainMember({ userId: u, name: u, org: { orgId: 'p-ent', name: '测试公司工会' } });
    }
    await linkOpenId('p-m1', 'o-p-m1');
    await linkOpenId('p-m2', 'o-p-m2');
    const poller = await notify.startPoller();
    const t = fanoutTx(
      {
        event: 'projectVoteOpened',
        facts: { subject: '2027年实事投票' },
        page: 'member/pages/projects/vote',
        audience: { kind: 'subtreeMembers', orgId: 'p-city' },
      },
      new Date(),
    );
    await runTransaction(async () => [t]);
    await poller.idle();
    // p-m3 signs in on h5 only: told in the inbox, no message.
    expect(
      notify.wechat
        .delivered()
        .map((m) => m.touser)
        .sort(),
    ).toEqual(['o-p-m1', 'o-p-m2']);
    expect(await unreadOf('p-m3')).toBe(1);
    await poller.stop();
  });

  it('a batch the function keeps failing: bisected and retried as serverless.yml says, then to the dead-letter list', async () => {
    const settings = streamSettingsOf();
    expect(settings).toMatchObject({ bisectBatchOnFunctionError: true });
    await putUser({ userId: 'p-busy', displayName: '测试用户', grants: [] });
    await linkOpenId('p-busy', 'o-p-busy');
    notify.wechat.failFor('o-p-busy', 45009);
    const calls: number[] = [];
    const handler = createNotifyHandler({ backoffMs: [1] });
    const poller = await startStreamPoller({
      endpoint: endpoint(),
      tableName: process.env.TABLE_NAME as string,
      handler: async (event) => {
        const mine = event.Records.filter((r) => r.dynamodb?.NewImage?.userId?.S === 'p-busy');
        if (mine.length > 0) calls.push(event.Records.length);
        await handler(event);
      },
      intervalMs: 50,
      retryDelayMs: 1,
    });
    try {
      const noteId = await writeNotification({
        userId: 'p-busy',
        event: 'claimRejected',
        facts: { subject: '助学', reason: '不符合条件' },
        page: 'pages/me/index',
      });
      await poller.idle(60_000);
      // The first attempt and maximumRetryAttempts retries, each with the function's own two attempts.
      expect(calls).toHaveLength(settings.maximumRetryAttempts + 1);
      expect(notify.wechat.messages.filter((m) => m.touser === 'o-p-busy')).toHaveLength(2 * (settings.maximumRetryAttempts + 1));
      expect(poller.deadLetters).toHaveLength(1);
      expect(poller.deadLetters[0]?.DDBStreamBatchInfo).toMatchObject({ batchSize: 1, streamArn: poller.streamArn });
      // It waits, pending, for whoever redrives the dead letter.
      expect(await readNotification('p-busy', noteId)).toMatchObject({
        delivery: 'pending',
        deliveryCode: 45009,
        deliveryAttempts: settings.maximumRetryAttempts + 1,
      });
    } finally {
      await poller.stop();
      notify.wechat.failFor('o-p-busy', null);
    }
  });
});
