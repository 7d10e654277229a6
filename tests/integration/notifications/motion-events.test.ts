import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireMotion } from '../../../functions/src/store/congress-motion.repository';
import { injectFault, type StoreCall } from '../../support/faults';
import { invoke } from '../../support/invoke';
import { installWriteWatch, watchWrites } from '../../support/write-watch';
import { congress, makeMembers, type Person, sessionWithRoster, setupOrgs, signInAll } from '../congress/fixtures';
import { fanouts, quietLogs, transactionWriting } from './outbox-fixtures';

/**
 * A motion opening and its results being published are told to the session's signed-in delegates:
 * a crowd, so one fan-out item (audience sessionSignedIn) goes into the change's own transaction and
 * the stream function expands it. A fault on that transaction leaves neither the change nor the fan-out.
 */

let officer: string;
let d: Person[];
let sessionId: string;
let logs: ReturnType<typeof quietLogs>;

beforeAll(async () => {
  logs = quietLogs();
  installWriteWatch();
  ({ officer } = await setupOrgs());
  d = await makeMembers('c-ent', 'nm', 3);
  sessionId = await sessionWithRoster(officer, 'c-ent', d);
  await signInAll(sessionId, d);
}, 60_000);
afterAll(() => logs.restore());

const newMotion = async (title: string) => {
  const res = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/motions`, { token: officer, body: { kind: 'vote', title } });
  expect(res.status).toBe(201);
  return res.body.motion.motionId as string;
};
const open = (id: string) => invoke(congress, 'POST', `/congress/motions/${id}/open`, { token: officer });
const close = (id: string) => invoke(congress, 'POST', `/congress/motions/${id}/close`, { token: officer });
const fanoutsOf = async (event: string, subject: string) =>
  (await fanouts()).filter((f) => f.event === event && (f.facts as { subject: string }).subject === subject);
/** The transaction that writes a fan-out: thrown at before it reaches DynamoDB. */
const writesFanout = (c: StoreCall) =>
  /TransactWrite/.test(c.command) && (c.input?.TransactItems ?? []).some((t: any) => String(t.Put?.Item?.pk ?? '').startsWith('FANOUT#'));

describe('motion opened → the signed-in delegates (one fan-out)', () => {
  it('the open and the fan-out in one transaction', async () => {
    const id = await newMotion('关于《2025年度集体合同（草案）》的表决');
    const { result: res, writes } = await watchWrites(() => open(id));
    expect(res.status).toBe(200);
    const [fanout, ...more] = await fanoutsOf('motionOpened', '关于《2025年度集体合同（草案）》的表决');
    expect(more).toEqual([]);
    expect(fanout).toMatchObject({
      _et: 'NotificationFanout',
      event: 'motionOpened',
      facts: { subject: '关于《2025年度集体合同（草案）》的表决' },
      page: '/pages/vote/index',
      audience: { kind: 'sessionSignedIn', sessionId },
      status: 'pending',
    });
    expect(transactionWriting(writes, `FANOUT#`)).toBe(transactionWriting(writes, `MOTION#${id}|META`));
  });

  it('with its transaction failing: still a draft, no fan-out, an error; the same request again opens it, told once', async () => {
    const id = await newMotion('关于职工福利费使用方案的表决');
    const fault = injectFault({ kind: 'throttle', when: writesFanout });
    const res = await open(id);
    fault.disarm();
    expect(fault.fired).toHaveLength(1);
    expect([res.status, res.body.error.code]).toEqual([500, 'INTERNAL']);
    expect((await requireMotion(id, true)).status).toBe('draft');
    expect(await fanoutsOf('motionOpened', '关于职工福利费使用方案的表决')).toEqual([]);
    expect((await open(id)).status).toBe(200);
    expect(await fanoutsOf('motionOpened', '关于职工福利费使用方案的表决')).toHaveLength(1);
  });
});

describe('results published → the signed-in delegates (one fan-out)', () => {
  it('the result and the fan-out in one transaction', async () => {
    const id = await newMotion('关于职工疗休养方案的表决');
    expect((await open(id)).status).toBe(200);
    for (const p of d)
      await invoke(congress, 'POST', `/congress/motions/${id}/ballots`, { token: p.token, body: { kind: 'vote', option: 'yes' } });
    const { result: res, writes } = await watchWrites(() => close(id));
    expect(res.status).toBe(200);
    expect((await requireMotion(id, true)).result).not.toBeNull();
    const published = await fanoutsOf('motionResults', '关于职工疗休养方案的表决');
    expect(published).toEqual([
      expect.objectContaining({
        facts: { subject: '关于职工疗休养方案的表决' },
        page: `/member/pages/congress/results?id=${id}`,
        audience: { kind: 'sessionSignedIn', sessionId },
        status: 'pending',
      }),
    ]);
    // The close (status, with the desk's open-motions count) is a transaction of its own before it; the
    // result is written with the fan-out.
    const fanout = transactionWriting(writes, 'FANOUT#');
    expect(fanout.keys.filter((k) => k.startsWith(`MOTION#${id}|META`))).toHaveLength(1);
  });

  it('with its transaction failing: closed without a result or fan-out, an error; the same request again publishes once', async () => {
    const id = await newMotion('关于食堂承包方案的表决');
    expect((await open(id)).status).toBe(200);
    const fault = injectFault({ kind: 'throttle', when: writesFanout });
    const res = await close(id);
    fault.disarm();
    expect([res.status, res.body.error.code]).toEqual([500, 'INTERNAL']);
    const cut = await requireMotion(id, true);
    expect([cut.status, cut.result]).toEqual(['closed', null]);
    expect(await fanoutsOf('motionResults', '关于食堂承包方案的表决')).toEqual([]);
    expect((await close(id)).status).toBe(200);
    expect((await requireMotion(id, true)).result).not.toBeNull();
    expect(await fanoutsOf('motionResults', '关于食堂承包方案的表决')).toHaveLength(1);
    // Closing once more is refused, and tells nobody again.
    expect((await close(id)).body.error.code).toBe('MOTION_NOT_OPEN');
    expect(await fanoutsOf('motionResults', '关于食堂承包方案的表决')).toHaveLength(1);
  });
});
