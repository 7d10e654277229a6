import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { injectFault } from '../../support/faults';
import { invoke, makeProjectMembers, ok, type ProjectMember, projects, setupProjectOrgs, shortlist } from './fixtures';

let w: Awaited<ReturnType<typeof setupProjectOrgs>>;
let members: ProjectMember[];
let outsider: ProjectMember;

beforeAll(async () => {
  w = await setupProjectOrgs('pv');
  members = await makeProjectMembers(w.orgs.enterprises, 'pv-m', 6);
  outsider = (await makeProjectMembers([w.orgs.eb], 'pv-x', 1))[0] as ProjectMember;
}, 60_000);

const newVote = async (n = 4, maxPicks = 2) =>
  (await ok(invoke(projects, 'POST', `/orgs/${w.orgs.da}/project-votes`, { token: w.officer, body: shortlist(n, maxPicks) }), 'vote')).vote;

describe('实事 member vote (遴选)', () => {
  it('takes one ballot per member of the subtree, hides the count until close, then ranks', async () => {
    const vote = await newVote();
    const cast = (m: ProjectMember, picks: string[]) =>
      invoke(projects, 'POST', `/project-votes/${vote.voteId}/ballots`, { token: m.token, body: { picks } });
    const first = await cast(members[0]!, ['p2', 'p3']);
    expect(first.status).toBe(201);
    expect(first.body.receiptCode).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
    const again = await cast(members[0]!, ['p1']);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('VOTE_ALREADY_CAST');
    const elsewhere = await cast(outsider, ['p1']);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error).toMatchObject({ code: 'NOT_IN_SUBTREE', field: 'voteId' });
    const tooMany = await cast(members[1]!, ['p1', 'p2', 'p3']);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ code: 'BALLOT_INVALID', field: 'picks' });
    const unknown = await cast(members[1]!, ['p9']);
    expect(unknown.status).toBe(400);
    for (const [i, picks] of [
      [1, ['p2']],
      [2, ['p2', 'p1']],
      [3, ['p3', 'p1']],
      [4, ['p3']],
    ] as const) {
      expect((await cast(members[i]!, [...picks])).status).toBe(201);
    }
    const hidden = await invoke(projects, 'GET', `/project-votes/${vote.voteId}/results`, { token: members[0]!.token });
    expect(hidden.status).toBe(409);
    const earlyReceipt = await invoke(projects, 'GET', `/project-votes/${vote.voteId}/receipts/${first.body.receiptCode}`, {
      token: members[0]!.token,
    });
    expect(earlyReceipt.status).toBe(409);
    expect(hidden.body.error.code).toBe('VOTE_NOT_CLOSED');
    const mine = await ok(invoke(projects, 'GET', `/project-votes/${vote.voteId}`, { token: members[0]!.token }), 'read');
    expect(mine.vote.hasVoted).toBe(true);
    expect((await ok(invoke(projects, 'GET', `/project-votes/${vote.voteId}`, { token: members[5]!.token }), 'read')).vote.hasVoted).toBe(
      false,
    );

    const closed = await ok(invoke(projects, 'POST', `/project-votes/${vote.voteId}/close`, { token: w.officer }), 'close');
    expect(closed.ballots).toBe(5);
    // Every member of the district's subtree could vote: the 6 of its enterprises (the other district's one could not).
    expect([closed.eligible, closed.turnout]).toEqual([6, 0.833]);
    expect(closed.results.map((r: any) => [r.candidateId, r.votes, r.rank])).toEqual([
      ['p2', 3, 1],
      ['p3', 3, 1],
      ['p1', 2, 3],
      ['p4', 0, 4],
    ]);
    const late = await cast(members[5]!, ['p1']);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('VOTE_NOT_OPEN');
    const results = await ok(invoke(projects, 'GET', `/project-votes/${vote.voteId}/results`, { token: members[5]!.token }), 'results');
    expect(results.ballots).toBe(5);
    expect(results.results[0]).toMatchObject({ candidateId: 'p2', projectName: '第2项实事项目', votes: 3 });
    // Immutable after close: a second close is refused and changes nothing.
    const reclose = await invoke(projects, 'POST', `/project-votes/${vote.voteId}/close`, { token: w.officer });
    expect(reclose.status).toBe(409);
    expect(reclose.body.error.code).toBe('VOTE_CLOSED');
    const check = await ok(
      invoke(projects, 'GET', `/project-votes/${vote.voteId}/receipts/${first.body.receiptCode}`, { token: members[3]!.token }),
      'receipt',
    );
    expect(check.picks.map((p: any) => p.projectId)).toEqual(['p2', 'p3']);
    const forged = await invoke(projects, 'GET', `/project-votes/${vote.voteId}/receipts/zzzz-zzzz-zzzz`, { token: members[3]!.token });
    expect(forged.status).toBe(404);
    expect(forged.body.error.field).toBe('receiptCode');
    const outsiderRead = await invoke(projects, 'GET', `/project-votes/${vote.voteId}/results`, { token: outsider.token });
    expect(outsiderRead.status).toBe(403);
  });

  it('adopts the top once and writes the plan text the importer reads back', async () => {
    const vote = await newVote(3, 1);
    await ok(invoke(projects, 'POST', `/project-votes/${vote.voteId}/ballots`, { token: members[0]!.token, body: { picks: ['p3'] } }), 'b');
    const early = await invoke(projects, 'POST', `/project-votes/${vote.voteId}/adoption`, {
      token: w.officer,
      body: { projectIds: ['p3'] },
    });
    expect(early.status).toBe(409);
    await ok(invoke(projects, 'POST', `/project-votes/${vote.voteId}/close`, { token: w.officer }), 'close');
    const adopted = await ok(
      invoke(projects, 'POST', `/project-votes/${vote.voteId}/adoption`, { token: w.officer, body: { projectIds: ['p3', 'p1'] } }),
      'adopt',
    );
    expect(adopted.planDocument.text).toContain('2027年为职工办二件实事');
    expect(adopted.planDocument.text).toMatch(/1．第3项实事项目。[^\n]*惠及一线职工300名。（职工服务中心）/);
    const twice = await invoke(projects, 'POST', `/project-votes/${vote.voteId}/adoption`, {
      token: w.officer,
      body: { projectIds: ['p1'] },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('VOTE_ADOPTED');
    const doc = await ok(
      invoke(projects, 'GET', `/orgs/${w.orgs.da}/plan-documents/${adopted.planDocument.documentId}`, { token: w.officer }),
      'doc',
    );
    expect(doc.planDocument.text).toBe(adopted.planDocument.text);
    expect(doc.planDocument.voteId).toBe(vote.voteId);
  });

  it('a close cut short after the gates shut takes no more ballots, and the same close again finishes the count', async () => {
    const vote = await newVote(3, 1);
    await ok(invoke(projects, 'POST', `/project-votes/${vote.voteId}/ballots`, { token: members[0]!.token, body: { picks: ['p2'] } }), 'b');
    // The close's first transaction goes through; the answer is lost before the count is stored.
    const fault = injectFault({ kind: 'timeout', phase: 'after', when: (c) => /TransactWrite/.test(c.command) });
    const cut = await invoke(projects, 'POST', `/project-votes/${vote.voteId}/close`, { token: w.officer });
    expect(cut.status).toBeGreaterThanOrEqual(500);
    fault.disarm();
    expect(fault.fired).toHaveLength(1);
    const late = await invoke(projects, 'POST', `/project-votes/${vote.voteId}/ballots`, {
      token: members[1]!.token,
      body: { picks: ['p1'] },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('VOTE_NOT_OPEN');
    expect((await invoke(projects, 'GET', `/project-votes/${vote.voteId}/results`, { token: members[0]!.token })).status).toBe(409);
    const closed = await ok(invoke(projects, 'POST', `/project-votes/${vote.voteId}/close`, { token: w.officer }), 'close again');
    expect(closed.ballots).toBe(1);
    expect(closed.results[0]).toMatchObject({ candidateId: 'p2', votes: 1, rank: 1 });
  });

  it('sends the list to the union’s own 职代会 as a 分项表决, once', async () => {
    const vote = await newVote(3, 1);
    const session = async (orgId: string, token: string) =>
      (
        await ok(
          invoke(AREAS.congress, 'POST', '/congress/sessions', {
            token,
            body: { orgId, sessionName: '第一届第二次职工代表大会', startDate: '2027-01-10', endDate: '2027-01-11' },
          }),
          'session',
        )
      ).session.sessionId as string;
    const own = await session(w.orgs.da, w.officer);
    const send = (sessionId: string) =>
      invoke(projects, 'POST', `/project-votes/${vote.voteId}/motion`, { token: w.officer, body: { sessionId, projectIds: ['p3', 'p1'] } });
    const early = await send(own);
    expect([early.status, early.body.error.code]).toEqual([409, 'VOTE_NOT_CLOSED']);
    await ok(invoke(projects, 'POST', `/project-votes/${vote.voteId}/close`, { token: w.officer }), 'close');
    const other = await send(await session(w.orgs.city, w.cityOfficer));
    expect([other.status, other.body.error.code, other.body.error.field]).toEqual([409, 'SESSION_OTHER_ORG', 'sessionId']);
    const sent = await send(own);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ sessionId: own, created: true });
    const again = await send(own);
    expect([again.status, again.body]).toEqual([200, { motionId: sent.body.motionId, sessionId: own, created: false }]);
    const motion = await ok(invoke(AREAS.congress, 'GET', `/congress/motions/${sent.body.motionId}`, { token: w.officer }), 'motion');
    expect(motion.motion).toMatchObject({ kind: 'itemized', status: 'draft' });
    expect(motion.motion.spec.items.map((i: { name: string }) => i.name)).toEqual(['第3项实事项目', '第1项实事项目']);
    expect(motion.motion.draftText).toContain('1．第3项实事项目。');
  });
});
