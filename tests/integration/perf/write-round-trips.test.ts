/**
 * Round trips of the hot writes (issue 14): 入会 through an invite reads what it decides on in two
 * waves before its one transaction (three round trips), a ballot reads its motion (and, with the
 * Idempotency-Key the mini-program always sends, its earlier answer beside it) before its one
 * transaction (two). Counted on the store's own client against DynamoDB Local
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

describe('a ballot: two round trips', () => {
  let delegates: Person[];
  let motionId: string;
  beforeAll(async () => {
    const { officer } = await setupOrgs();
    // Three on the roster, two of them signed in (the quorum of three); the fourth a member with a
    // delegate grant (of another session) who is not on this roster.
    delegates = await makeMembers('c-ent', 'wrt', 4);
    const sessionId = await sessionWithRoster(officer, 'c-ent', delegates.slice(0, 3));
    await signInAll(sessionId, delegates.slice(0, 2));
    const created = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/motions`, {
      token: officer,
      body: { kind: 'vote', title: '关于食堂改造方案的表决' },
    });
    motionId = created.body.motion.motionId;
    expect((await invoke(congress, 'POST', `/congress/motions/${motionId}/open`, { token: officer })).status).toBe(200);
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

  it('without an Idempotency-Key: the motion, then the transaction', async () => {
    const { out: res, calls } = await counted(() => cast(delegates[0]!));
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201);
    // Was three: the motion, the roster entry, the transaction.
    expect(calls.roundTrips, describeCalls(calls)).toBe(2);
    expect(calls.byCommand, describeCalls(calls)).toEqual({ GetItemCommand: 1, TransactWriteItemsCommand: 1 });
  });

  it('with an Idempotency-Key (as the mini-program sends): the motion and the earlier answer at once, then the transaction', async () => {
    const headers = { 'idempotency-key': 'wrt-key-0123456789abcdef' };
    const { out: res, calls } = await counted(() => cast(delegates[1]!, headers));
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201);
    // Was four: the motion, the roster entry, the earlier answer, the transaction.
    expect(calls.roundTrips, describeCalls(calls)).toBe(2);
    expect(calls.byCommand, describeCalls(calls)).toEqual({ GetItemCommand: 2, TransactWriteItemsCommand: 1 });

    // The same request again: the first answer, in one round trip, nothing written.
    const { out: again, calls: replay } = await counted(() => cast(delegates[1]!, headers));
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(res.body);
    expect(replay.roundTrips, describeCalls(replay)).toBe(1);
    expect(replay.writes).toBe(0);
  });

  it('the roster is read only to explain a refusal: who is not on it is told so first, who has not signed in is told that', async () => {
    const stranger = delegates[3]!;
    for (const [headers, body] of [
      [undefined, YES],
      [undefined, WRONG_KIND],
      [{ 'idempotency-key': 'wrt-stranger-0123456789' }, YES],
    ] as const) {
      const { out: res, calls } = await counted(() => cast(stranger, headers, body));
      expect([res.status, res.body.error?.code], `${JSON.stringify(body)} ${JSON.stringify(res.body)}`).toEqual([403, 'NOT_A_DELEGATE']);
      // The roster entry is read after the refusal (the transaction's, or the ballot's), not before.
      expect(calls.byCommand.GetItemCommand, describeCalls(calls)).toBe(headers ? 3 : 2);
    }
    const notSignedIn = await cast(delegates[2]!);
    expect([notSignedIn.status, notSignedIn.body.error?.code]).toEqual([409, 'NOT_SIGNED_IN']);
    const wrongKind = await cast(delegates[2]!, undefined, WRONG_KIND);
    expect([wrongKind.status, wrongKind.body.error?.code]).toEqual([400, 'BALLOT_INVALID']);
  });
});
