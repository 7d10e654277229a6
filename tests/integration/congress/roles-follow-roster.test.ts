import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { approveTransfer } from '../../../functions/src/http/membership/transfer.service';
import { requireOrg } from '../../../functions/src/store/org.repository';
import { requireTransfer } from '../../../functions/src/store/transfer.repository';
import { getUser } from '../../../functions/src/store/user.repository';
import { invoke } from '../../support/invoke';
import { tokenFor } from '../../support/sessions';
import { congress, makeMembers, mapLimit, type Person, sessionWithRoster, setupOrgs, signInAll } from './fixtures';

let officer: string;
let districtOfficer: string;
let strangerOfficer: string;

beforeAll(async () => {
  ({ officer, districtOfficer, strangerOfficer } = await setupOrgs());
});

const remove = (sessionId: string, userId: string, token = officer) =>
  invoke(congress, 'DELETE', `/congress/sessions/${sessionId}/roster/${userId}`, { token });
const signIn = (sessionId: string, p: Person) => invoke(congress, 'POST', `/congress/sessions/${sessionId}/sign-in`, { token: p.token });
const hasDelegateGrant = async (userId: string) =>
  (await getUser(userId))?.grants.some((g) => g.role === 'delegate' && g.orgId === 'c-ent') ?? false;
const sessionOf = async (sessionId: string) =>
  (await invoke(congress, 'GET', `/congress/sessions/${sessionId}/roster`, { token: officer })).body as {
    session: { rosterCount: number; signedInCount: number };
    delegates: Array<{ userId: string; signedInAt: string | null }>;
  };
const openMotion = async (sessionId: string) => {
  const m = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/motions`, {
    token: officer,
    body: { kind: 'vote', title: '关于职工福利方案的表决' },
  });
  const opened = await invoke(congress, 'POST', `/congress/motions/${m.body.motion.motionId}/open`, { token: officer });
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  return m.body.motion.motionId as string;
};
const vote = (motionId: string, p: Person) =>
  invoke(congress, 'POST', `/congress/motions/${motionId}/ballots`, { token: p.token, body: { kind: 'vote', option: 'yes' } });

describe('removing a delegate from the roster', () => {
  it('takes N (and the signed-in count) down, the grant goes with the entry, and the removed delegate can no longer sign in, propose or vote', async () => {
    const d = await makeMembers('c-ent', 'rm', 6);
    const sessionId = await sessionWithRoster(officer, 'c-ent', d);
    expect(await hasDelegateGrant(d[1]!.userId)).toBe(true);
    expect((await signIn(sessionId, d[1]!)).status).toBe(201);

    const res = await remove(sessionId, d[1]!.userId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.session).toMatchObject({ rosterCount: 5, signedInCount: 0, quorum: 4 });
    expect((await sessionOf(sessionId)).delegates.map((x) => x.userId)).not.toContain(d[1]!.userId);
    expect(await hasDelegateGrant(d[1]!.userId)).toBe(false);

    // The old token still says "delegate": the store decides.
    const again = await signIn(sessionId, d[1]!);
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe('NOT_A_DELEGATE');
    const proposal = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/proposals`, {
      token: d[1]!.token,
      body: { title: '关于食堂的提案', cause: '食堂饭菜品种单一，职工意见较多。', suggestion: '建议增加窗口和菜品，定期征求意见。' },
    });
    expect(proposal.status).toBe(403);

    // Refreshing the token drops the role.
    const refreshed = await invoke(AREAS.auth, 'POST', '/auth/refresh', { token: d[1]!.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user.roles).not.toContainEqual({ role: 'delegate', orgId: 'c-ent' });

    await signInAll(sessionId, [d[0]!, d[2]!, d[3]!, d[4]!]);
    const motionId = await openMotion(sessionId);
    expect((await vote(motionId, d[1]!)).status).toBe(403);
    expect((await vote(motionId, d[0]!)).status).toBe(201);
    // N is fixed under an open vote.
    const locked = await remove(sessionId, d[5]!.userId);
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('ROSTER_LOCKED');
    expect((await sessionOf(sessionId)).session.rosterCount).toBe(5);
  });

  it('keeps the grant while the delegate still sits on another roster of the org', async () => {
    const [p] = await makeMembers('c-ent', 'two', 1);
    const a = await sessionWithRoster(officer, 'c-ent', [p!]);
    const b = await sessionWithRoster(officer, 'c-ent', [p!], '第三届第三次职工代表大会');
    expect((await remove(a, p!.userId)).status).toBe(200);
    expect(await hasDelegateGrant(p!.userId)).toBe(true);
    expect((await signIn(b, p!)).status).toBe(201);
    expect((await remove(b, p!.userId)).status).toBe(200);
    expect(await hasDelegateGrant(p!.userId)).toBe(false);
  });

  it('only an officer over the session’s org removes; someone not on the roster is 404; a bad id is 400', async () => {
    const d = await makeMembers('c-ent', 'acc', 2);
    const sessionId = await sessionWithRoster(officer, 'c-ent', d);
    const stranger = await remove(sessionId, d[0]!.userId, strangerOfficer);
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.code).toBe('FORBIDDEN_ORG');
    const asDelegate = await remove(sessionId, d[0]!.userId, d[1]!.token);
    expect(asDelegate.status).toBe(403);
    expect((await remove(sessionId, d[0]!.userId, districtOfficer)).status).toBe(200);
    const gone = await remove(sessionId, d[0]!.userId);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('DELEGATE_NOT_FOUND');
    expect(gone.body.error.message).toMatch(/代表/);
    const bad = await remove(sessionId, 'not an id!');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('userId');
    const noSession = await remove('cs-nowhere', d[1]!.userId);
    expect(noSession.status).toBe(404);
    expect((await sessionOf(sessionId)).session.rosterCount).toBe(1);
  });

  it('removals racing sign-ins and each other keep N and the signed-in count exact', async () => {
    const d = await makeMembers('c-ent', 'race', 12);
    const sessionId = await sessionWithRoster(officer, 'c-ent', d);
    const leaving = d.slice(0, 6);
    const ops = [
      ...d.map((p) => () => signIn(sessionId, p)),
      ...leaving.flatMap((p) => [() => remove(sessionId, p.userId), () => remove(sessionId, p.userId)]),
    ];
    const results = await mapLimit(
      ops.sort(() => 0.5 - Math.random()),
      12,
      (op) => op(),
    );
    expect(results.every((r) => r.status < 500)).toBe(true);
    const after = await sessionOf(sessionId);
    expect(after.delegates.map((x) => x.userId).sort()).toEqual(d.slice(6).map((p) => p.userId));
    expect(after.session.rosterCount).toBe(6);
    // Every remaining delegate who signed in is counted; nobody removed is.
    expect(after.session.signedInCount).toBe(after.delegates.filter((x) => x.signedInAt !== null).length);
    for (const p of leaving) expect(await hasDelegateGrant(p.userId)).toBe(false);
    for (const p of d.slice(6)) expect(await hasDelegateGrant(p.userId)).toBe(true);
  });
});

describe('a delegate who transfers to another union', () => {
  it('racing the roster import, never ends up holding the delegate grant (8 rounds, the approval a little later each time)', async () => {
    for (let round = 0; round < 8; round += 1) {
      const d = await makeMembers('c-ent', `rt${round}`, 3);
      const mover = d[0]!;
      const created = await invoke(congress, 'POST', '/congress/sessions', {
        token: officer,
        body: { orgId: 'c-ent', sessionName: `第${round + 5}次职工代表大会`, startDate: '2025-03-10', endDate: '2025-03-11' },
      });
      const sessionId = created.body.session.sessionId as string;
      const memberToken = await tokenFor(mover.userId, [{ role: 'member', orgId: 'c-ent' }], mover.name);
      const req = await invoke(AREAS.membership, 'POST', '/me/transfers', { token: memberToken, body: { toOrgId: 'c-other' } });
      const transfer = await requireTransfer(req.body.transfer.transferId);
      const to = await requireOrg('c-other');
      const csv = d.map((p) => p.memberNumber).join('\n');
      const [imported] = await Promise.all([
        invoke(congress, 'POST', `/congress/sessions/${sessionId}/roster/import`, { token: officer, body: { csv } }),
        new Promise((r) => setTimeout(r, round * 12)).then(() => approveTransfer({ transfer, to, by: 'c-officer-other', now: new Date() })),
      ]);
      expect(imported.status, JSON.stringify(imported.body)).toBeLessThan(500);
      expect(await hasDelegateGrant(mover.userId)).toBe(false);
      const after = await sessionOf(sessionId);
      expect(after.session.rosterCount).toBe(after.delegates.length);
      for (const x of after.delegates) expect(await hasDelegateGrant(x.userId), x.userId).toBe(x.userId !== mover.userId);
    }
  });

  it('loses the delegate grant in the transfer’s transaction and can no longer sign in or vote', async () => {
    const d = await makeMembers('c-ent', 'tr', 3);
    const sessionId = await sessionWithRoster(officer, 'c-ent', d);
    const later = await sessionWithRoster(officer, 'c-ent', [d[2]!], '第三届第四次职工代表大会');
    await signInAll(sessionId, d);
    const motionId = await openMotion(sessionId);

    const mover = d[2]!;
    const memberToken = await tokenFor(mover.userId, [{ role: 'member', orgId: 'c-ent' }], mover.name);
    const req = await invoke(AREAS.membership, 'POST', '/me/transfers', { token: memberToken, body: { toOrgId: 'c-other' } });
    expect(req.status, JSON.stringify(req.body)).toBe(201);
    // The receiving officer approves (the service behind POST /transfers/{id}/approve; these
    // fixture members carry placeholder ciphertexts the HTTP view would try to open).
    await approveTransfer({
      transfer: await requireTransfer(req.body.transfer.transferId),
      to: await requireOrg('c-other'),
      by: 'c-officer-other',
      now: new Date(),
    });
    expect(await hasDelegateGrant(mover.userId)).toBe(false);

    // Signed in before the move, the token still says "delegate": the vote is refused all the same.
    const ballot = await vote(motionId, mover);
    expect(ballot.status).toBe(403);
    expect(ballot.body.error.code).toBe('DELEGATE_NOT_MEMBER');
    expect(ballot.body.error.message).toMatch(/会员/);
    const signIn2 = await signIn(later, mover);
    expect(signIn2.status).toBe(403);
    expect(signIn2.body.error.code).toBe('DELEGATE_NOT_MEMBER');
    expect((await vote(motionId, d[0]!)).status).toBe(201);
  });
});
