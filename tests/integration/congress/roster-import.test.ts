import { quorumOf } from '@union/shared';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CongressDelegateEntity, CongressSessionEntity } from '../../../functions/src/store/entities/congress.entity';
import { getDocumentClient } from '../../../functions/src/store/table';
import { getUser } from '../../../functions/src/store/user.repository';
import { invoke } from '../../support/invoke';
import { readPages } from '../../support/read-pages';
import { congress, makeMembers, mapLimit, type Person, setupOrgs, signInAll } from './fixtures';

let officer: string;
let people: Person[];

beforeAll(async () => {
  ({ officer } = await setupOrgs());
  people = await makeMembers('c-ent', 'ri', 225);
}, 600_000);

const FAULT = 'injectTransactWriteFault';
afterEach(() => {
  getDocumentClient().middlewareStack.remove(FAULT);
});

const newSession = async () => {
  const res = await invoke(congress, 'POST', '/congress/sessions', {
    token: officer,
    body: { orgId: 'c-ent', sessionName: '第四届第一次职工代表大会', startDate: '2025-03-10', endDate: '2025-03-11' },
  });
  return res.body.session.sessionId as string;
};

const csvOf = (ps: Person[]) => ['会员编号,代表团', ...ps.map((p, i) => `${p.memberNumber},第${(i % 5) + 1}代表团`)].join('\n');
const importCsv = (sessionId: string, csv: string) =>
  invoke(congress, 'POST', `/congress/sessions/${sessionId}/roster/import`, { token: officer, body: { csv } });

/** The roster as the officer sees it, N, and which entries lack the delegate grant. */
const rosterState = async (sessionId: string) => {
  let rosterCount = 0;
  const delegates = await readPages<{ userId: string }>(congress, `/congress/sessions/${sessionId}/roster`, 'delegates', {
    token: officer,
    limit: 100,
    onPage: (body) => {
      rosterCount = body.session.rosterCount;
    },
  });
  const ids = delegates.map((d) => d.userId);
  const withoutGrant = (
    await mapLimit(ids, 20, async (id) =>
      (await getUser(id))?.grants.some((g) => g.role === 'delegate' && g.orgId === 'c-ent') ? null : id,
    )
  ).filter((id) => id !== null);
  return { ids: new Set(ids), rosterCount, withoutGrant };
};

/** The 2N/3 quorum can be reached: that many delegates sign in and a motion opens. */
const expectQuorumReachable = async (sessionId: string, roster: Person[]) => {
  await signInAll(sessionId, roster.slice(0, quorumOf(roster.length)));
  const m = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/motions`, {
    token: officer,
    body: { kind: 'vote', title: '关于集体合同草案的表决' },
  });
  const opened = await invoke(congress, 'POST', `/congress/motions/${m.body.motion.motionId}/open`, { token: officer });
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  expect(opened.body.motion.delegateCount).toBe(roster.length);
};

/** Makes the `nth` TransactWriteItems call of this process fail as a dropped connection would. */
const failNthTransaction = (nth: number) => {
  let seen = 0;
  getDocumentClient().middlewareStack.add(
    (next, context) => async (args) => {
      if (/TransactWrite/.test(context.commandName ?? '') && ++seen === nth) {
        throw Object.assign(new Error('simulated: connection reset between batches'), { name: 'NetworkingError' });
      }
      return next(args);
    },
    { step: 'initialize', name: FAULT },
  );
};

describe('roster import is all-or-nothing per batch, resumable and idempotent', () => {
  it('two imports of the same 150-line CSV racing: one roster of 150, each with the grant; the same CSV again completes nothing new; quorum is reachable', async () => {
    const sessionId = await newSession();
    const roster = people.slice(0, 150);
    const csv = csvOf(roster);
    const [a, b] = await Promise.all([importCsv(sessionId, csv), importCsv(sessionId, csv)]);
    expect([a.status, b.status], JSON.stringify([a.body, b.body])).toEqual([201, 201]);
    expect(a.body.added + b.body.added).toBe(150);

    const again = await importCsv(sessionId, csv);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body).toMatchObject({ added: 0, alreadyOnRoster: 150, session: { rosterCount: 150 } });

    const state = await rosterState(sessionId);
    expect(state.ids).toEqual(new Set(roster.map((p) => p.userId)));
    expect(state.rosterCount).toBe(150);
    expect(state.withoutGrant).toEqual([]);
    await expectQuorumReachable(sessionId, roster);
  });

  it('overlapping imports racing (lines 1–150 and 76–225) leave all 225 on the roster exactly once, each with the grant', async () => {
    const sessionId = await newSession();
    const [a, b] = await Promise.all([importCsv(sessionId, csvOf(people.slice(0, 150))), importCsv(sessionId, csvOf(people.slice(75)))]);
    expect([a.status, b.status], JSON.stringify([a.body, b.body])).toEqual([201, 201]);
    expect(a.body.added + b.body.added).toBe(225);
    const state = await rosterState(sessionId);
    expect(state.ids.size).toBe(225);
    expect(state.rosterCount).toBe(225);
    expect(state.withoutGrant).toEqual([]);
  });

  it('a failure between batches leaves whole batches only (each entry with its grant), and the same CSV again completes the job', async () => {
    const sessionId = await newSession();
    const roster = people.slice(0, 150);
    const csv = csvOf(roster);
    failNthTransaction(2);
    const broken = await importCsv(sessionId, csv);
    expect(broken.status).toBe(500);
    getDocumentClient().middlewareStack.remove(FAULT);

    const partial = await rosterState(sessionId);
    expect(partial.ids.size).toBeGreaterThan(0);
    expect(partial.ids.size).toBeLessThan(150);
    expect(partial.rosterCount).toBe(partial.ids.size);
    expect(partial.withoutGrant).toEqual([]);

    const resumed = await importCsv(sessionId, csv);
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(201);
    expect(resumed.body).toMatchObject({ added: 150 - partial.ids.size, alreadyOnRoster: partial.ids.size, session: { rosterCount: 150 } });
    const done = await rosterState(sessionId);
    expect(done.ids).toEqual(new Set(roster.map((p) => p.userId)));
    expect(done.withoutGrant).toEqual([]);
    await expectQuorumReachable(sessionId, roster);
  });

  it('an entry left on the roster without its grant (the old two-step write) gets it when the CSV is imported again', async () => {
    const sessionId = await newSession();
    const [p] = (await makeMembers('c-ent', 'rl', 1)) as [Person];
    await CongressDelegateEntity()
      .build(EntityRepository)
      .put({
        sessionId,
        userId: p.userId,
        displayName: p.name,
        memberNumber: p.memberNumber,
        gsi1pk: `DELEGATEOF#${p.userId}`,
        gsi1sk: sessionId,
      });
    await CongressSessionEntity()
      .build(EntityRepository)
      .update({ sessionId, rosterCount: $add(1) });
    expect((await rosterState(sessionId)).withoutGrant).toEqual([p.userId]);

    const res = await importCsv(sessionId, csvOf([p]));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ added: 0, alreadyOnRoster: 1, session: { rosterCount: 1 } });
    expect((await rosterState(sessionId)).withoutGrant).toEqual([]);
  });
});
