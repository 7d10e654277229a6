import { beforeAll, describe, expect, it } from 'vitest';
import { notifyOverdueReplies } from '../../../functions/src/jobs/reply-overdue';
import { beijingYearMonth } from '../../../functions/src/store/desk-counters';
import { invoke } from '../../support/invoke';
import { congress, makeMembers, type Person, sessionWithRoster, setupOrgs } from '../congress/fixtures';
import { deskOf, inFlight } from './fixtures';

let officer: string;
let sessionId: string;
let people: Person[];
const DAY = 86_400_000;
const beijingDate = (at: number) => new Date(at + 8 * 3600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ({ officer } = await setupOrgs());
  people = await makeMembers('c-ent', 'dp', 3);
  sessionId = await sessionWithRoster(officer, 'c-ent', people);
}, 60_000);

const proposalsOf = (year: Record<string, number>) =>
  Object.fromEntries(Object.entries(year).filter(([k]) => k.startsWith('proposals:') || k.startsWith('replies:')));

describe('desk counters of 提案 at the session’s org', () => {
  const ids: string[] = [];

  it('created, co-signed into review, decided at once: proposals by status and waiting exact', async () => {
    const created = await inFlight(
      Array.from(
        { length: 5 },
        (_, i) => () =>
          invoke(congress, 'POST', `/congress/sessions/${sessionId}/proposals`, {
            token: people[0]?.token,
            body: { title: `关于班车的提案${i}`, cause: '职工反映班车班次太少。', suggestion: '建议在早晚高峰各增加两个班次。' },
          }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(Array(5).fill(201));
    ids.push(...created.map((r) => r.body.proposal.proposalId as string));
    expect(proposalsOf((await deskOf('c-ent')).year)).toEqual({ 'proposals:collecting': 5 });
    for (const p of [people[1], people[2]]) {
      const cosigned = await inFlight(
        ids.map((id) => () => invoke(congress, 'POST', `/congress/proposals/${id}/cosign`, { token: p?.token })),
      );
      expect(cosigned.map((r) => r.status)).toEqual(Array(5).fill(201));
    }
    let desk = await deskOf('c-ent');
    expect(desk.now['waiting:proposals']).toBe(5);
    expect(proposalsOf(desk.year)).toEqual({ 'proposals:collecting': 0, 'proposals:review': 5 });

    const deadline = beijingDate(Date.now() + 10 * DAY);
    const bodies = [
      { decision: 'accept', reason: '符合立案条件', department: '行政部', replyDeadline: deadline },
      { decision: 'accept', reason: '符合立案条件', department: '行政部', replyDeadline: deadline },
      { decision: 'accept', reason: '符合立案条件', department: '行政部', replyDeadline: deadline },
      { decision: 'convert', reason: '属于意见建议' },
    ];
    const decided = await inFlight(
      bodies.map((body, i) => () => invoke(congress, 'POST', `/congress/proposals/${ids[i]}/decision`, { token: officer, body })),
    );
    expect(decided.map((r) => r.status)).toEqual(Array(4).fill(200));
    desk = await deskOf('c-ent');
    expect(desk.now['waiting:proposals']).toBe(1);
    expect(proposalsOf(desk.year)).toEqual({
      'proposals:collecting': 0,
      'proposals:review': 1,
      'proposals:accepted': 3,
      'proposals:converted': 1,
    });
  });

  it('a refused decision (already decided) changes nothing; replies on time, the overdue job marks once and the reply unmarks', async () => {
    const before = await deskOf('c-ent');
    const again = await invoke(congress, 'POST', `/congress/proposals/${ids[3]}/decision`, {
      token: officer,
      body: { decision: 'reject', reason: '重复处理' },
    });
    expect(again.status).toBe(409);
    expect(await deskOf('c-ent')).toEqual(before);

    const reply = (id: string | undefined) =>
      invoke(congress, 'POST', `/congress/proposals/${id}/reply`, { token: officer, body: { reply: '已增加早晚班车各两班。' } });
    expect((await reply(ids[0])).status).toBe(200);
    // Two weeks on, the job tells the officers of the two unanswered ones, once each (run twice).
    const later = new Date(Date.now() + 14 * DAY);
    expect((await notifyOverdueReplies(later)).told).toHaveLength(2);
    expect((await notifyOverdueReplies(later)).told).toHaveLength(0);
    expect((await deskOf('c-ent')).now['overdue:replies']).toBe(2);
    expect((await reply(ids[1])).status).toBe(200);
    const desk = await deskOf('c-ent');
    expect(desk.now['overdue:replies']).toBe(1);
    const { year } = beijingYearMonth(new Date());
    expect(year).toBeGreaterThan(2000);
    // The reply to ids[1] came before its due date by the clock of the request (now): on time too.
    expect(proposalsOf(desk.year)).toMatchObject({ 'proposals:accepted': 1, 'proposals:replied': 2, 'replies:onTime': 2 });
  });
});
