import { beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../support/invoke';
import { congress, makeMembers, type Person, sessionWithRoster, setupOrgs, signInAll } from '../congress/fixtures';
import { deskOf, inFlight } from './fixtures';

let officer: string;
let sessionId: string;
let people: Person[];

beforeAll(async () => {
  ({ officer } = await setupOrgs());
  people = await makeMembers('c-ent', 'dm', 3);
  sessionId = await sessionWithRoster(officer, 'c-ent', people);
  await signInAll(sessionId, people);
}, 60_000);

describe('open:motions at the session’s org', () => {
  it('+1 on each open, −1 on each close, exact when opened and closed concurrently; a refused close changes nothing', async () => {
    const created = await inFlight(
      Array.from(
        { length: 6 },
        (_, i) => () =>
          invoke(congress, 'POST', `/congress/sessions/${sessionId}/motions`, {
            token: officer,
            body: { kind: 'vote', title: `表决事项${i}` },
          }),
      ),
    );
    const ids = created.map((r) => r.body.motion.motionId as string);
    expect((await deskOf('c-ent')).now['open:motions']).toBeUndefined();
    const opened = await inFlight(ids.map((id) => () => invoke(congress, 'POST', `/congress/motions/${id}/open`, { token: officer })));
    expect(opened.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect((await deskOf('c-ent')).now['open:motions']).toBe(6);
    const closed = await inFlight(
      ids.slice(0, 4).map((id) => () => invoke(congress, 'POST', `/congress/motions/${id}/close`, { token: officer })),
    );
    expect(closed.map((r) => r.status)).toEqual(Array(4).fill(200));
    expect((await deskOf('c-ent')).now['open:motions']).toBe(2);
    // Opening an open motion again is refused and counts nothing.
    const again = await invoke(congress, 'POST', `/congress/motions/${ids[5]}/open`, { token: officer });
    expect(again.status).toBe(409);
    expect((await deskOf('c-ent')).now).toEqual({ 'open:motions': 2, 'members:active': 3, 'members:total': 3 });
  });
});
