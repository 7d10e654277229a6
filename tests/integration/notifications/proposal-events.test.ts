import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyOverdueReplies } from '../../../functions/src/jobs/reply-overdue';
import { requireProposal } from '../../../functions/src/store/congress-proposal.repository';
import { listDueNotices } from '../../../functions/src/store/due-notice.repository';
import { listOfficersOf, putUser } from '../../../functions/src/store/user.repository';
import { beijingDay } from '../../../shared/src/domain/projects/call';
import { invoke } from '../../support/invoke';
import { userWithToken } from '../../support/sessions';
import { installWriteWatch, watchWrites } from '../../support/write-watch';
import { congress, makeMembers, type Person, sessionWithRoster, setupOrgs } from '../congress/fixtures';
import { breakInbox, expectOneNote, healInbox, notesOf, quietLogs, transactionWriting, unreadOf } from './outbox-fixtures';

/**
 * A proposal's decision, reply and 落实 progress tell its proposer in the change's own transaction
 * (together or not at all); the officers of the org that must reply are told once when the reply
 * falls overdue, by the daily job, from the due notice the 立案 wrote.
 */

let officer: string;
let d: Person[];
let sessionId: string;
let logs: ReturnType<typeof quietLogs>;
// The Beijing day: reply deadlines and their overdue are Beijing dates.
const today = () => beijingDay(new Date());
const page = (id: string) => `/member/pages/congress/proposal?id=${id}`;

beforeAll(async () => {
  logs = quietLogs();
  installWriteWatch();
  ({ officer } = await setupOrgs());
  // A second officer of the enterprise union; one who was an officer there no longer is.
  await userWithToken('c-officer-2', [{ role: 'officer', orgId: 'c-ent' }], '赵干部');
  await putUser({ userId: 'c-officer-gone', displayName: '前干部', grants: [{ role: 'officer', orgId: 'c-ent' }] });
  await putUser({ userId: 'c-officer-gone', displayName: '前干部', grants: [] });
  d = await makeMembers('c-ent', 'np', 3);
  sessionId = await sessionWithRoster(officer, 'c-ent', d);
}, 60_000);
afterAll(() => logs.restore());

/** A proposal of d[0] with two 附议, in review; its proposer's inbox emptied of the steps before. */
const inReview = async (title: string) => {
  const created = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/proposals`, {
    token: d[0]!.token,
    body: { title, cause: '食堂座位不足，高峰期排队超过二十分钟。', suggestion: '增设座位并错峰开餐，延长供餐时间。' },
  });
  expect(created.status).toBe(201);
  const id = created.body.proposal.proposalId as string;
  for (const by of [d[1]!, d[2]!])
    expect((await invoke(congress, 'POST', `/congress/proposals/${id}/cosign`, { token: by.token })).status).toBe(201);
  return id;
};
const decide = (id: string, body: object) => invoke(congress, 'POST', `/congress/proposals/${id}/decision`, { token: officer, body });
const accept = (id: string, replyDeadline = '2099-01-01') =>
  decide(id, { decision: 'accept', reason: '事关职工切身利益', department: '后勤保障部', replyDeadline });
const proposerNotes = async () => (await notesOf(d[0]!.userId)).map((n) => n.event);

describe('the proposer is told each step, in its transaction', () => {
  it('立案 (with the reason) and, in the same transaction, the due notice of the reply', async () => {
    const id = await inReview('关于改善职工食堂就餐环境的提案');
    expect(await notesOf(d[0]!.userId)).toEqual([]);
    const { result: res, writes } = await watchWrites(() => accept(id));
    expect(res.status).toBe(200);
    expect((await requireProposal(id, true)).status).toBe('accepted');
    await expectOneNote(d[0]!.userId, {
      event: 'proposalAccepted',
      facts: { subject: '关于改善职工食堂就餐环境的提案', reason: '事关职工切身利益' },
      page: page(id),
    });
    // Co-signers are not told (they follow it in 我的提案与表决).
    expect(await notesOf(d[1]!.userId)).toEqual([]);
    const tx = transactionWriting(writes, `PROPOSAL#${id}|META`);
    expect(tx.keys).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^USER#${d[0]!.userId}\\|NOTE#`)),
        `DUE#replyOverdue#2099-01|2099-01-01T16:00:00.000Z#${id}`,
      ]),
    );

    // The reply: told, and the due notice goes with it.
    const replied = await watchWrites(() =>
      invoke(congress, 'POST', `/congress/proposals/${id}/reply`, {
        token: officer,
        body: { reply: '已增设座位 80 个，午餐延长至 13:30。' },
      }),
    );
    expect(replied.result.status).toBe(200);
    expect(transactionWriting(replied.writes, `PROPOSAL#${id}|META`).keys).toEqual(
      expect.arrayContaining([`DUE#replyOverdue#2099-01|2099-01-01T16:00:00.000Z#${id}`]),
    );
    expect(await listDueNotices('replyOverdue', new Date('2099-01-03T00:00:00Z'))).toEqual([]);
    expect(await proposerNotes()).toEqual(['proposalAccepted', 'proposalReplied']);
    const replyNote = (await notesOf(d[0]!.userId))[1];
    expect(replyNote).toMatchObject({ facts: { subject: '关于改善职工食堂就餐环境的提案' }, page: page(id), delivery: 'pending' });

    // Rating is the proposer's own act: nothing to tell. 落实 progress and 办结 are told.
    await invoke(congress, 'POST', `/congress/proposals/${id}/rating`, { token: d[0]!.token, body: { rating: '满意' } });
    const progress = await watchWrites(() =>
      invoke(congress, 'POST', `/congress/proposals/${id}/progress`, { token: officer, body: { note: '座位已采购到货' } }),
    );
    expect(progress.result.status).toBe(200);
    transactionWriting(progress.writes, `PROPOSAL#${id}|META`);
    await invoke(congress, 'POST', `/congress/proposals/${id}/progress`, { token: officer, body: { note: '全部安装完成', done: true } });
    expect(await proposerNotes()).toEqual(['proposalAccepted', 'proposalReplied', 'proposalProgress', 'proposalProgress']);
    expect(await unreadOf(d[0]!.userId)).toBe(4);
  });

  it.each([
    ['convert', 'converted', 'proposalConverted'],
    ['reject', 'rejected', 'proposalRejected'],
  ] as const)('%s: told with the reason, in the decision’s transaction', async (decision, status, event) => {
    await healInbox(d[0]!.userId);
    const before = (await notesOf(d[0]!.userId)).length;
    const id = await inReview(`提案${decision}`);
    const { result: res, writes } = await watchWrites(() => decide(id, { decision, reason: '不属于职代会职权范围' }));
    expect(res.status).toBe(200);
    expect((await requireProposal(id, true)).status).toBe(status);
    const notes = await notesOf(d[0]!.userId);
    expect(notes).toHaveLength(before + 1);
    expect(notes.at(-1)).toMatchObject({
      event,
      facts: { subject: `提案${decision}`, reason: '不属于职代会职权范围' },
      page: page(id),
      delivery: 'pending',
    });
    expect(await unreadOf(d[0]!.userId)).toBe(1);
    expect(transactionWriting(writes, `PROPOSAL#${id}|META`).keys).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^USER#${d[0]!.userId}\\|NOTE#`))]),
    );
  });

  it.each([
    ['立案', (id: string) => accept(id)],
    ['转为意见建议', (id: string) => decide(id, { decision: 'convert', reason: '作为意见建议转有关部门' })],
    ['不予立案', (id: string) => decide(id, { decision: 'reject', reason: '不属于职代会职权范围' })],
  ])('%s with the notification failing: still in review, no notification, no due notice, an error', async (_what, act) => {
    const id = await inReview('会失败的提案');
    const before = (await notesOf(d[0]!.userId)).length;
    await breakInbox(d[0]!.userId);
    const res = await act(id);
    expect([res.status, res.body.error.code]).toEqual([500, 'INTERNAL']);
    const p = await requireProposal(id, true);
    expect([p.status, p.decisionReason, p.version]).toEqual(['review', undefined, 3]);
    expect(await notesOf(d[0]!.userId)).toHaveLength(before);
    expect(await listDueNotices('replyOverdue', new Date('2099-01-03T00:00:00Z'))).toEqual([]);
  });

  it('reply and progress with the notification failing: unchanged, no notification, an error', async () => {
    await healInbox(d[0]!.userId);
    const id = await inReview('答复会失败的提案');
    expect((await accept(id)).status).toBe(200);
    const before = (await notesOf(d[0]!.userId)).length;
    await breakInbox(d[0]!.userId);
    const reply = await invoke(congress, 'POST', `/congress/proposals/${id}/reply`, {
      token: officer,
      body: { reply: '已安排后勤部处理。' },
    });
    expect([reply.status, reply.body.error.code]).toEqual([500, 'INTERNAL']);
    expect((await requireProposal(id, true)).status).toBe('accepted');
    // The due notice stays with the unanswered proposal.
    expect((await listDueNotices('replyOverdue', new Date('2099-01-03T00:00:00Z'))).map((n) => n.refId)).toEqual([id]);
    await healInbox(d[0]!.userId);
    expect(
      (await invoke(congress, 'POST', `/congress/proposals/${id}/reply`, { token: officer, body: { reply: '已安排后勤部处理。' } })).status,
    ).toBe(200);
    await breakInbox(d[0]!.userId);
    const progress = await invoke(congress, 'POST', `/congress/proposals/${id}/progress`, { token: officer, body: { note: '已开工' } });
    expect([progress.status, progress.body.error.code]).toEqual([500, 'INTERNAL']);
    expect((await requireProposal(id, true)).status).toBe('replied');
    expect(await notesOf(d[0]!.userId)).toHaveLength(before + 1);
    await healInbox(d[0]!.userId);
  });
});

describe('reply overdue → the officers of the org that must reply, once (the daily job)', () => {
  const officers = ['c-officer', 'c-officer-2'];
  const notesOfOfficers = async () =>
    Promise.all([...officers, 'c-officer-d', 'c-officer-gone'].map(async (u) => (await notesOf(u)).length));

  it('finds the officers of the org through its index: current grants only, not an ancestor’s', async () => {
    expect((await listOfficersOf('c-ent')).sort()).toEqual(officers);
    expect(await listOfficersOf('c-district')).toEqual(['c-officer-d']);
  });

  it('tells each officer once, with the marker on the proposal; a second run tells nobody', async () => {
    const deadline = today();
    const id = await inReview('关于增设职工休息室的提案');
    expect((await accept(id, deadline)).status).toBe(200);
    const dueAt = new Date(Date.parse(`${deadline}T00:00:00+08:00`) + 86_400_000);
    // On the deadline day it is not overdue yet.
    expect(await notifyOverdueReplies(new Date(dueAt.getTime() - 60_000))).toEqual({ told: [], notifications: 0, failed: [] });
    expect(await notesOfOfficers()).toEqual([0, 0, 0, 0]);

    const morning = new Date(dueAt.getTime() + 3_600_000);
    const { result: first, writes } = await watchWrites(() => notifyOverdueReplies(morning));
    expect(first).toEqual({ told: [id], notifications: 2, failed: [] });
    for (const u of officers) {
      await expectOneNote(u, {
        event: 'proposalReplyOverdue',
        facts: { subject: '关于增设职工休息室的提案' },
        page: `/officer/pages/congress/proposal?id=${id}`,
      });
    }
    expect(await notesOfOfficers()).toEqual([1, 1, 0, 0]);
    expect((await requireProposal(id, true)).replyOverdueNotifiedAt).toBe(morning.toISOString());
    // The notifications, the marker and the notice's removal: one transaction.
    const tx = transactionWriting(writes, `PROPOSAL#${id}|META`);
    expect(tx.keys.filter((k) => k.includes('|NOTE#'))).toHaveLength(2);
    expect(tx.keys).toContain(`DUE#replyOverdue#${dueAt.toISOString().slice(0, 7)}|${dueAt.toISOString()}#${id}`);

    // The next day's run, and two at once after that: nobody is told again.
    expect(await notifyOverdueReplies(new Date(morning.getTime() + 86_400_000))).toEqual({ told: [], notifications: 0, failed: [] });
    const together = await Promise.all([notifyOverdueReplies(morning), notifyOverdueReplies(morning)]);
    expect(together.map((r) => r.notifications)).toEqual([0, 0]);
    expect(await notesOfOfficers()).toEqual([1, 1, 0, 0]);
  });

  it('a transaction failing (one officer’s inbox) tells nobody and leaves it for the next run', async () => {
    const deadline = today();
    const id = await inReview('关于延长午休时间的提案');
    expect((await accept(id, deadline)).status).toBe(200);
    const morning = new Date(Date.parse(`${deadline}T00:00:00+08:00`) + 86_400_000 + 3_600_000);
    await breakInbox('c-officer-2');
    const failed = await notifyOverdueReplies(morning);
    expect(failed).toEqual({ told: [], notifications: 0, failed: [id] });
    expect(await notesOfOfficers()).toEqual([1, 1, 0, 0]);
    expect((await requireProposal(id, true)).replyOverdueNotifiedAt).toBeUndefined();
    await healInbox('c-officer-2');
    expect(await notifyOverdueReplies(morning)).toEqual({ told: [id], notifications: 2, failed: [] });
    expect(await notesOfOfficers()).toEqual([2, 2, 0, 0]);
  });

  it('a proposal answered in time is never reported', async () => {
    const id = await inReview('按期答复的提案');
    expect((await accept(id, today())).status).toBe(200);
    expect(
      (await invoke(congress, 'POST', `/congress/proposals/${id}/reply`, { token: officer, body: { reply: '已按期答复。' } })).status,
    ).toBe(200);
    const run = await notifyOverdueReplies(new Date(Date.now() + 3 * 86_400_000));
    expect(run.told).not.toContain(id);
  });
});
