/**
 * Round trips of the hot writes (issue 14): 入会 through an invite reads what it decides on in two
 * waves before its one transaction (three round trips); a ballot is its one transaction, after a read
 * of its motion's terms the first time a function takes a ballot on that motion (they never change). Counted on the store's own client against DynamoDB Local
 * (tests/support/dynamo-calls.ts): calls issued together count as one round trip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDynamoCalls, type DynamoCallSnapshot, describeCalls } from '../../support/dynamo-calls';
import { invoke } from '../../support/invoke';
import { congress, makeMembers, type Person, sessionWithRoster, setupOrgs, signInAll } from '../congress/fixtures';
import { apply, createInvite, joinForm, newUser, officerToken, seedOrgs } from '../membership/fixtures';

const counter = countDynamoCalls();
afterAll(() => counter.detach());

const counted = async <T>(fn: () => Promise<T>): Promise<{ out: T; calls: DynamoCallSnapshot }> => {
  counter.reset();
  const out = await fn();
  return { out, calls: counter.snapshot() };
};

describe('入会 through an invite: three round trips', () => {
  let officer: string;
  beforeAll(async () => {
    await seedOrgs();
    officer = await officerToken('district');
  });

  it('an auto invite (activation at once): the keys the request names, then the org, then the one transaction', async () => {
    const inviteId = await createInvite(officer, 'logistics', { mode: 'auto' });
    const token = await newUser('wrt-auto');
    const { out: res, calls } = await counted(() => apply(token, inviteId, joinForm(901)));
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201);
    expect(res.body.membership.memberNumber).toMatch(/^LOGISTICS-\d{6}$/);
    // Was 11 calls in 9 round trips (GetItem ×8, UpdateItem ×2, TransactWriteItems ×1).
    expect(calls.roundTrips, describeCalls(calls)).toBe(3);
    expect(calls.byCommand, describeCalls(calls)).toEqual({
      BatchGetItemCommand: 2,
      UpdateItemCommand: 2,
      TransactWriteItemsCommand: 1,
    });
  });

  it('a review invite (queued): the same three', async () => {
    const inviteId = await createInvite(officer, 'enterprise', { mode: 'review' });
    const token = await newUser('wrt-review');
    const { out: res, calls } = await counted(() => apply(token, inviteId, joinForm(902)));
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201);
    expect(res.body.application.status).toBe('pending');
    expect(calls.roundTrips, describeCalls(calls)).toBe(3);
    expect(calls.byCommand, describeCalls(calls)).toEqual({
      BatchGetItemCommand: 2,
      UpdateItemCommand: 2,
      TransactWriteItemsCommand: 1,
    });
  });
});

describe('a ballot: the transaction alone once a function has read the motion’s terms', () => {
  let delegates: Person[];
  let motionId: string;
  let itemizedId: string;
  beforeAll(async () => {
    const { officer } = await setupOrgs();
    // Four on the roster, three of them signed in (the quorum of four); the fifth a member with a
    // delegate grant (of another session) who is not on this roster.
    delegates = await makeMembers('c-ent', 'wrt', 5);
    const sessionId = await sessionWithRoster(officer, 'c-ent', delegates.slice(0, 4));
    await signInAll(sessionId, delegates.slice(0, 3));
    const created = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/motions`, {
      token: officer,
      body: { kind: 'vote', title: '关于食堂改造方案的表决' },
    });
    motionId = created.body.motion.motionId;
    expect((await invoke(congress, 'POST', `/congress/motions/${motionId}/open`, { token: officer })).status).toBe(200);
    const itemized = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/motions`, {
      token: officer,
      body: {
        kind: 'itemized',
        title: '关于集体合同草案的分项表决',
        items: [{ title: '第一条' }, { title: '第二条' }, { title: '第三条' }],
      },
    });
    itemizedId = itemized.body.motion.motionId;
    expect((await invoke(congress, 'POST', `/congress/motions/${itemizedId}/open`, { token: officer })).status).toBe(200);
  });

  const YES = { kind: 'vote', option: 'yes' };
  /** A well-formed ballot of the wrong kind for this motion: refused by the motion's spec, not by the contract. */
  const WRONG_KIND = { kind: 'election', candidateIds: [] };
  const cast = (p: Person, headers?: Record<string, string>, body: object = YES) =>
    invoke(congress, 'POST', `/congress/motions/${motionId}/ballots`, {
      token: p.token,
      body,
      ...(headers ? { headers } : {}),
    });

  it('the first ballot a function takes on a motion: its terms, then the transaction (two round trips)', async () => {
    const { out: res, calls } = await counted(() => cast(delegates[0]!));
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201);
    // Was three: the motion, the roster entry, the transaction (four with an Idempotency-Key: its earlier answer).
    expect(calls.roundTrips, describeCalls(calls)).toBe(2);
    expect(calls.byCommand, describeCalls(calls)).toEqual({ GetItemCommand: 1, TransactWriteItemsCommand: 1 });
  });

  it('every later ballot on it, with an Idempotency-Key (as the mini-program sends) or without: the transaction alone', async () => {
    const headers = { 'idempotency-key': 'wrt-key-0123456789abcdef' };
    const { out: res, calls } = await counted(() => cast(delegates[1]!, headers));
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201);
    expect(calls.roundTrips, describeCalls(calls)).toBe(1);
    expect(calls.byCommand, describeCalls(calls)).toEqual({ TransactWriteItemsCommand: 1 });
    const { out: plain, calls: plainCalls } = await counted(() => cast(delegates[2]!));
    expect(plain.status, JSON.stringify(plain.body).slice(0, 300)).toBe(201);
    expect(plainCalls.byCommand, describeCalls(plainCalls)).toEqual({ TransactWriteItemsCommand: 1 });

    // The same request again: the transaction refuses it (one ballot per delegate, one answer per
    // key), and the first answer is read and given again.
    const { out: again, calls: replay } = await counted(() => cast(delegates[1]!, headers));
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(res.body);
    expect(replay.byCommand, describeCalls(replay)).toEqual({ TransactWriteItemsCommand: 1, GetItemCommand: 1 });
    const results = await invoke(congress, 'GET', `/congress/motions/${motionId}`, { token: delegates[1]!.token });
    expect(results.body.motion.turnout).toBe(3);
  });

  it('a 分项表决 ballot (an option per item) is the same: its terms once, then the transaction alone', async () => {
    const itemizedBallot = { kind: 'itemized', options: { i1: 'yes', i2: 'no', i3: 'abstain' } };
    const castItemized = (p: Person, headers?: Record<string, string>) =>
      invoke(congress, 'POST', `/congress/motions/${itemizedId}/ballots`, {
        token: p.token,
        body: itemizedBallot,
        ...(headers ? { headers } : {}),
      });
    const { out: first, calls: firstCalls } = await counted(() => castItemized(delegates[0]!));
    expect(first.status, JSON.stringify(first.body).slice(0, 300)).toBe(201);
    expect(firstCalls.byCommand, describeCalls(firstCalls)).toEqual({ GetItemCommand: 1, TransactWriteItemsCommand: 1 });
    const { out: later, calls } = await counted(() => castItemized(delegates[1]!, { 'idempotency-key': 'wrt-itemized-0123456789ab' }));
    expect(later.status, JSON.stringify(later.body).slice(0, 300)).toBe(201);
    expect(calls.roundTrips, describeCalls(calls)).toBe(1);
    expect(calls.byCommand, describeCalls(calls)).toEqual({ TransactWriteItemsCommand: 1 });
  });

  it('the roster is read only to explain a refusal: who is not on it is told so first, who has not signed in is told that', async () => {
    const stranger = delegates[4]!;
    for (const [headers, body] of [
      [undefined, YES],
      [undefined, WRONG_KIND],
      [{ 'idempotency-key': 'wrt-stranger-0123456789' }, YES],
    ] as const) {
      const { out: res, calls } = await counted(() => cast(stranger, headers, body));
      expect([res.status, res.body.error?.code], `${JSON.stringify(body)} ${JSON.stringify(res.body)}`).toEqual([403, 'NOT_A_DELEGATE']);
      // The roster entry, read after the refusal (the transaction's, or the ballot's own).
      expect(calls.byCommand.GetItemCommand, describeCalls(calls)).toBe(1);
    }
    const notSignedIn = await cast(delegates[3]!);
    expect([notSignedIn.status, notSignedIn.body.error?.code]).toEqual([409, 'NOT_SIGNED_IN']);
    const wrongKind = await cast(delegates[3]!, undefined, WRONG_KIND);
    expect([wrongKind.status, wrongKind.body.error?.code]).toEqual([400, 'BALLOT_INVALID']);
  });
});
