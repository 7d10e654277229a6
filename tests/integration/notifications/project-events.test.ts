import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceProjectOpenings } from '../../../functions/src/jobs/project-openings';
import { listDueNotices } from '../../../functions/src/store/due-notice.repository';
import { getCall } from '../../../functions/src/store/project-call.repository';
import { getVote } from '../../../functions/src/store/project-vote.repository';
import { injectFault, type StoreCall } from '../../support/faults';
import { installWriteWatch, watchWrites } from '../../support/write-watch';
import { invoke, ok, projects, setupProjectOrgs, shortlist } from '../projects/fixtures';
import { fanouts, quietLogs, transactionWriting } from './outbox-fixtures';

/**
 * A 实事征集 or member vote opening is told to the members of its org's subtree: one fan-out item
 * (audience subtreeMembers). Open when created: in the creating transaction. Opening later: the
 * creating transaction writes a due notice, and the hourly job writes the fan-out when it opens, once.
 */

let w: Awaited<ReturnType<typeof setupProjectOrgs>>;
let logs: ReturnType<typeof quietLogs>;
const beijingDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  logs = quietLogs();
  installWriteWatch();
  w = await setupProjectOrgs('nx');
}, 60_000);
afterAll(() => logs.restore());

const createCall = (title: string, opensOn = beijingDay(), closesOn = beijingDay(30)) =>
  invoke(projects, 'POST', `/orgs/${w.orgs.da}/project-calls`, {
    token: w.officer,
    body: { title, brief: '请会员提出希望工会明年办的实事。', year: 2027, opensOn, closesOn },
  });
const createVote = (title: string, opensAt?: string) =>
  invoke(projects, 'POST', `/orgs/${w.orgs.da}/project-votes`, {
    token: w.officer,
    body: {
      ...shortlist(3, 2),
      title,
      ...(opensAt ? { opensAt, closesAt: new Date(Date.parse(opensAt) + 5 * 86_400_000).toISOString() } : {}),
    },
  });
const fanoutsOf = async (subject: string) => (await fanouts()).filter((f) => (f.facts as { subject: string }).subject === subject);
/** The transaction that writes a fan-out (of `subject`, if given): thrown at before it reaches DynamoDB. */
const writesFanout =
  (subject?: string) =>
  (c: StoreCall): boolean =>
    /TransactWrite/.test(c.command) &&
    (c.input?.TransactItems ?? []).some(
      (t: any) => String(t.Put?.Item?.pk ?? '').startsWith('FANOUT#') && (subject === undefined || t.Put.Item.facts?.subject === subject),
    );

describe('open when created → the subtree’s members, in the creating transaction', () => {
  it('a 征集: the call and its fan-out together', async () => {
    const { result: res, writes } = await watchWrites(() => createCall('2027年实事项目征集'));
    expect(res.status).toBe(201);
    const callId = res.body.call.callId;
    expect(await fanoutsOf('2027年实事项目征集')).toEqual([
      expect.objectContaining({
        event: 'projectCallOpened',
        page: `/member/pages/projects/call?callId=${callId}`,
        audience: { kind: 'subtreeMembers', orgId: w.orgs.da },
        status: 'pending',
        facts: { subject: '2027年实事项目征集' },
      }),
    ]);
    expect(transactionWriting(writes, 'FANOUT#')).toBe(transactionWriting(writes, `PCALL#${callId}|`));
  });

  it('a member vote: the vote, its gates and its fan-out together', async () => {
    const { result: res, writes } = await watchWrites(() => createVote('2027年实事项目投票'));
    expect(res.status).toBe(201);
    const voteId = res.body.vote.voteId;
    expect(await fanoutsOf('2027年实事项目投票')).toEqual([
      expect.objectContaining({
        event: 'projectVoteOpened',
        page: `/member/pages/projects/vote?voteId=${voteId}`,
        audience: { kind: 'subtreeMembers', orgId: w.orgs.da },
        status: 'pending',
      }),
    ]);
    expect(transactionWriting(writes, 'FANOUT#')).toBe(transactionWriting(writes, `PVOTE#${voteId}|META`));
  });

  it.each([
    ['a 征集', () => createCall('不会创建的征集'), '不会创建的征集'],
    ['a member vote', () => createVote('不会创建的投票'), '不会创建的投票'],
  ])('%s with the transaction failing: not created, no fan-out, an error', async (_what, create, title) => {
    const fault = injectFault({ kind: 'throttle', when: writesFanout() });
    const res = await create();
    fault.disarm();
    expect(fault.fired).toHaveLength(1);
    expect([res.status, res.body.error.code]).toEqual([500, 'INTERNAL']);
    expect(await fanoutsOf(title)).toEqual([]);
    const listed = await ok(
      invoke(projects, 'GET', `/orgs/${w.orgs.da}/${title.endsWith('征集') ? 'project-calls' : 'project-votes'}`, { token: w.officer }),
      'list',
    );
    expect(JSON.stringify(listed)).not.toContain(title);
  });
});

describe('opening later → told when it opens (the hourly job), once', () => {
  it('a 征集 and a vote opening tomorrow: a due notice now, the fan-out when the job runs after they open', async () => {
    const call = (await ok(createCall('明天开始的征集', beijingDay(1), beijingDay(20)), 'call')).call;
    // Midnight in Beijing of the call's first day, taken from the call (a day computed again here is the
    // next one if Beijing's midnight passed in between), and the vote an hour later, whatever the hour now.
    // (The vote opened 24 h from now before: in the first minute after Beijing's midnight that is before
    // the job's run a minute into the call's day, and the vote was announced with the call.)
    const callOpens = new Date(`${call.opensOn}T00:00:00+08:00`);
    const opensAt = new Date(callOpens.getTime() + 3_600_000).toISOString();
    const vote = (await ok(createVote('明天开始的投票', opensAt), 'vote')).vote;
    expect(await fanoutsOf('明天开始的征集')).toEqual([]);
    expect(await fanoutsOf('明天开始的投票')).toEqual([]);

    // Before they open: nothing.
    expect(await announceProjectOpenings(new Date(callOpens.getTime() - 60_000))).toEqual({ announced: [], failed: [] });
    // A minute into the call's first day; the vote's hour.
    expect((await announceProjectOpenings(new Date(callOpens.getTime() + 60_000))).announced).toEqual([call.callId]);
    const later = new Date(Date.parse(opensAt) + 30 * 60_000);
    const { result: run, writes } = await watchWrites(() => announceProjectOpenings(later));
    expect(run).toEqual({ announced: [vote.voteId], failed: [] });
    // The fan-out and the notice's removal, with the vote still open: one transaction.
    expect(transactionWriting(writes, 'FANOUT#').keys).toEqual(
      expect.arrayContaining([`DUE#projectVoteOpens#${opensAt.slice(0, 7)}|${opensAt}#${vote.voteId}`]),
    );
    expect(await fanoutsOf('明天开始的征集')).toEqual([
      expect.objectContaining({ event: 'projectCallOpened', audience: { kind: 'subtreeMembers', orgId: w.orgs.da } }),
    ]);
    expect(await fanoutsOf('明天开始的投票')).toEqual([expect.objectContaining({ event: 'projectVoteOpened' })]);

    // Again, and twice at once: nobody is told twice.
    expect(await announceProjectOpenings(later)).toEqual({ announced: [], failed: [] });
    await Promise.all([announceProjectOpenings(later), announceProjectOpenings(later)]);
    expect(await fanoutsOf('明天开始的征集')).toHaveLength(1);
    expect(await fanoutsOf('明天开始的投票')).toHaveLength(1);
  });

  it('the job’s transaction failing: not announced, the notice kept; the next run announces it', async () => {
    const call = (await ok(createCall('后天开始的征集', beijingDay(2), beijingDay(20)), 'call')).call;
    const after = new Date(Date.now() + 3 * 86_400_000);
    const fault = injectFault({ kind: 'throttle', when: writesFanout('后天开始的征集') });
    expect((await announceProjectOpenings(after)).failed).toEqual([call.callId]);
    fault.disarm();
    expect(await fanoutsOf('后天开始的征集')).toEqual([]);
    expect((await listDueNotices('projectCallOpens', after)).map((n) => n.refId)).toEqual([call.callId]);
    expect((await announceProjectOpenings(after)).announced).toEqual([call.callId]);
    expect(await fanoutsOf('后天开始的征集')).toHaveLength(1);
    expect(await getCall(call.callId)).not.toBeNull();
  });

  it('a vote closed before it opened is never announced', async () => {
    const opensAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const vote = (await ok(createVote('提前结束的投票', opensAt), 'vote')).vote;
    expect((await invoke(projects, 'POST', `/project-votes/${vote.voteId}/close`, { token: w.officer })).status).toBe(200);
    expect((await getVote(vote.voteId, true))?.status).toBe('closed');
    const after = new Date(Date.parse(opensAt) + 60_000);
    expect((await announceProjectOpenings(after)).announced).not.toContain(vote.voteId);
    expect(await fanoutsOf('提前结束的投票')).toEqual([]);
    expect(await listDueNotices('projectVoteOpens', after)).toEqual([]);
  });
});
