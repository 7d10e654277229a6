import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMembership, leaveMembership } from '../../../functions/src/store/membership.repository';
import { fanoutNoteId, getFanout } from '../../../functions/src/store/notification-fanout.repository';
import { createOrg } from '../../../functions/src/store/org.repository';
import { type FanoutAudience, fanoutTx } from '../../../functions/src/store/outbox';
import { runTransaction } from '../../../functions/src/store/transactions';
import { injectFault, WRITE_COMMANDS } from '../../support/faults';
import { type NotifyHarness, notificationsOf, startNotify, unreadOf } from '../../support/notify';
import { activatePlainMember } from '../../support/plain-members';
import { makeMembers, sessionWithRoster, setupOrgs, signInAll } from '../congress/fixtures';

/**
 * A fan-out (one item in the change's transaction) becomes one notification per recipient: exactly
 * the audience, each once, even when the expansion fails part-way and its batch is retried, or runs
 * out of time and hands off.
 */

let notify: NotifyHarness;
beforeAll(async () => {
  notify = await startNotify();
});
afterAll(() => notify.stop());

const writeFanout = async (audience: FanoutAudience): Promise<string> => {
  const t = fanoutTx(
    { event: 'projectCallOpened', facts: { subject: '2026年为职工办实事征集' }, page: '/member/pages/projects/index', audience },
    new Date(),
  );
  const fanoutId = (t.tx.params() as { Put: { Item: { fanoutId: string } } }).Put.Item.fanoutId;
  await runTransaction(async () => [t]);
  return fanoutId;
};

const fanoutBatch = async (fanoutId: string) => {
  const all = await notify.outboxRecords();
  return { Records: all.Records.filter((r) => r.dynamodb?.NewImage?.pk?.S === `FANOUT#${fanoutId}`) };
};

/** Who got a notification of this fan-out, and how many each. */
const recipientsOf = async (fanoutId: string, userIds: readonly string[]) => {
  const out: Record<string, number> = {};
  for (const u of userIds) {
    const n = (await notificationsOf(u)).filter((i) => String(i.noteId).startsWith(`${fanoutId}-`)).length;
    if (n > 0) out[u] = n;
  }
  return out;
};

const member = (userId: string, orgId: string) => activatePlainMember({ userId, name: `会员${userId}`, org: { orgId, name: orgId } });

describe('fan-out to a session’s signed-in delegates', () => {
  it('reaches exactly those who signed in, once each, with the unread count', async () => {
    const { officer } = await setupOrgs();
    const delegates = await makeMembers('c-ent', 'fs', 6);
    const sessionId = await sessionWithRoster(officer, 'c-ent', delegates);
    const signedIn = delegates.slice(0, 4);
    await signInAll(sessionId, signedIn);

    const fanoutId = await writeFanout({ kind: 'sessionSignedIn', sessionId });
    const batch = await fanoutBatch(fanoutId);
    expect(batch.Records).toHaveLength(1);
    await notify.handler(batch);

    const everyone = delegates.map((d) => d.userId);
    expect(await recipientsOf(fanoutId, everyone)).toEqual(Object.fromEntries(signedIn.map((d) => [d.userId, 1])));
    for (const d of signedIn) expect(await unreadOf(d.userId)).toBe(1);
    for (const d of delegates.slice(4)) expect(await unreadOf(d.userId)).toBe(0);
    const n = (await notificationsOf(signedIn[0]!.userId))[0];
    expect(n).toMatchObject({
      noteId: fanoutNoteId(fanoutId, signedIn[0]!.userId),
      event: 'projectCallOpened',
      delivery: 'pending',
      page: '/member/pages/projects/index',
      facts: { subject: '2026年为职工办实事征集' },
    });
    expect(await getFanout(fanoutId)).toMatchObject({ status: 'done', written: 4 });

    // The batch again (a retry, or a second function): nothing more.
    await notify.handler(batch);
    expect(await recipientsOf(fanoutId, everyone)).toEqual(Object.fromEntries(signedIn.map((d) => [d.userId, 1])));
    for (const d of signedIn) expect(await unreadOf(d.userId)).toBe(1);
  });
});

describe('fan-out to a subtree’s active members', () => {
  beforeAll(async () => {
    await createOrg({ orgId: 'f-city', name: '测试市总工会', kind: 'city', parentId: null, area: null });
    await createOrg({ orgId: 'f-root', name: '测试区总工会', kind: 'district', parentId: 'f-city', area: '测试区' });
    await createOrg({ orgId: 'f-a', name: '甲公司工会', kind: 'grassroots', parentId: 'f-root', area: '测试区' });
    await createOrg({ orgId: 'f-b', name: '乙公司工会', kind: 'grassroots', parentId: 'f-root', area: '测试区' });
    await createOrg({ orgId: 'f-x', name: '外区公司工会', kind: 'grassroots', parentId: 'f-city', area: '别区' });
  });

  it('reaches every active member below the org, not one outside it nor one who left', async () => {
    for (const [u, o] of [
      ['s-root1', 'f-root'],
      ['s-a1', 'f-a'],
      ['s-a2', 'f-a'],
      ['s-b1', 'f-b'],
      ['s-x1', 'f-x'],
      ['s-left', 'f-a'],
    ] as const)
      await member(u, o);
    // 退会, as the route does it (its placeholder profile does not decrypt, so not through the route).
    const m = await getMembership('ms-s-left');
    await leaveMembership(m!, new Date(), new Date(Date.now() + 86_400_000));
    expect((await getMembership('ms-s-left'))?.status).toBe('left');

    const fanoutId = await writeFanout({ kind: 'subtreeMembers', orgId: 'f-root' });
    await notify.handler(await fanoutBatch(fanoutId));
    const all = ['s-root1', 's-a1', 's-a2', 's-b1', 's-x1', 's-left'];
    expect(await recipientsOf(fanoutId, all)).toEqual({ 's-root1': 1, 's-a1': 1, 's-a2': 1, 's-b1': 1 });
    expect(await getFanout(fanoutId)).toMatchObject({ status: 'done', written: 4 });
  });

  describe('over several pages (50 recipients a transaction)', () => {
    const many: string[] = [];
    beforeAll(async () => {
      await createOrg({ orgId: 'f-big', name: '别区总工会', kind: 'district', parentId: 'f-city', area: '别区' });
      await createOrg({ orgId: 'f-big2', name: '大公司分工会', kind: 'grassroots', parentId: 'f-big', area: '别区' });
      for (let i = 0; i < 112; i += 1) {
        const userId = `m-${String(i).padStart(3, '0')}`;
        await member(userId, i % 3 === 0 ? 'f-big2' : 'f-big');
        many.push(userId);
      }
    }, 120_000);

    it('a failure after a page was written but before the cursor moved: the retried batch resumes, nobody twice', async () => {
      const fanoutId = await writeFanout({ kind: 'subtreeMembers', orgId: 'f-big' });
      const batch = await fanoutBatch(fanoutId);
      // The second page's transaction goes through, and its answer is lost.
      let writes = 0;
      const fault = injectFault({
        kind: 'timeout',
        phase: 'after',
        when: (c) => c.command === 'TransactWriteItemsCommand' && WRITE_COMMANDS.test(c.command) && ++writes === 2,
      });
      await expect(notify.handler(batch)).rejects.toThrow(/fan-out/);
      fault.disarm();
      expect(fault.fired).toHaveLength(1);
      const cut = await getFanout(fanoutId);
      expect(cut).toMatchObject({ status: 'pending', written: 50 });
      expect(cut?.cursor).not.toBeNull();
      expect(Object.keys(await recipientsOf(fanoutId, many))).toHaveLength(100);

      // Lambda retries the batch.
      await notify.handler(batch);
      const got = await recipientsOf(fanoutId, many);
      expect(Object.keys(got).sort()).toEqual([...many].sort());
      expect(Object.values(got).every((n) => n === 1)).toBe(true);
      for (const u of many) expect(await unreadOf(u)).toBe(1);
      // 50 written before the cut, 50 written by the lost transaction (found there on the retry, not counted), 12 after.
      expect(await getFanout(fanoutId)).toMatchObject({ status: 'done', written: 62 });
    });

    it('out of time: hands off to a fresh invocation through the stream, and the poller finishes it', async () => {
      const hurried = await startNotify({ timeLeft: () => 0 });
      const poller = await hurried.startPoller();
      try {
        const fanoutId = await writeFanout({ kind: 'subtreeMembers', orgId: 'f-big' });
        await poller.idle(60_000);
        const f = await getFanout(fanoutId);
        expect(f).toMatchObject({ status: 'done', written: 112 });
        // One page per invocation: 50 + 50 + 12, two hand-offs.
        expect(f?.handoffs).toBe(2);
        const got = await recipientsOf(fanoutId, many);
        expect(Object.keys(got).sort()).toEqual([...many].sort());
        expect(Object.values(got).every((n) => n === 1)).toBe(true);
        expect(poller.deadLetters).toEqual([]);
      } finally {
        await hurried.stop();
      }
    });
  });
});
