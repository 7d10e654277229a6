import { DeleteCommand, GetCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { notifyOverdueReplies } from '../../../functions/src/jobs/reply-overdue';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { getUser } from '../../../functions/src/store/user.repository';
import { rebuildDeskCounters } from '../../../scripts/seed/desk-counters';
import { invoke } from '../../support/invoke';
import { userWithToken } from '../../support/sessions';
import { officerToken as cardOfficer, makeMember, publish, quotaService } from '../card/fixtures';
import { congress, makeMembers, sessionWithRoster, setupOrgs as setupCongressOrgs, signInAll } from '../congress/fixtures';
import { apply, area, createInvite, joinForm, newUser, officerToken, seedOrgs } from '../membership/fixtures';
import { makeProjectMembers, ok, projects, setupProjectOrgs, shortlist } from '../projects/fixtures';

/**
 * The rebuild (scripts/seed/desk-counters.ts) against what the transactions wrote: a scenario touching every
 * counter a `deskTx` writes — 入会 approved / rejected / waiting / joint, transfers approved / rejected /
 * waiting, 退会, claims automatic and reviewed with amounts, 提案 decided and replied on time and late (one
 * still overdue), 表决 open and closed, 实事 suggestions merged and shortlisted — then every counter item
 * deleted and rebuilt: the rebuilt NOW and YEAR items equal the live ones, every attribute (absent = 0).
 */

const memberToken = async (userId: string) => userWithToken(userId, (await getUser(userId))?.grants ?? [], '会员');
const DAY = 86_400_000;
const beijingDate = (at: number) => new Date(at + 8 * 3600_000).toISOString().slice(0, 10);

const scanOf = async (et: string) => {
  const out: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await getDocumentClient().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: '#et = :d',
        ExpressionAttributeNames: { '#et': '_et' },
        ExpressionAttributeValues: { ':d': et },
        ExclusiveStartKey,
      }),
    );
    out.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
};

/** Every counter item by key, each attribute as stored, zeros left out (the layout's absent = 0). */
const deskItems = async () => {
  const out: Record<string, Record<string, unknown>> = {};
  for (const i of await scanOf('DeskCounters')) {
    const attrs = Object.fromEntries(Object.entries(i).filter(([, v]) => v !== 0));
    if (Object.keys(attrs).some((k) => !['pk', 'sk', '_et'].includes(k))) out[`${i.pk}|${i.sk}`] = attrs;
  }
  return out;
};

const ok200 = async (p: Promise<{ status: number; body: any }>, status = 200) => {
  const res = await p;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
};

/** 入会, transfers and 退会 (membership fixtures' orgs: enterprise, logistics). */
const membershipScenario = async () => {
  await seedOrgs();
  const officer = await officerToken('enterprise');
  const logisticsOfficer = await officerToken('logistics');
  const review = await createInvite(officer, 'enterprise', { mode: 'review' });
  const joint = await createInvite(logisticsOfficer, 'logistics', { mode: 'auto' });
  const ids: string[] = [];
  for (let i = 0; i < 6; i += 1)
    ids.push((await apply(await newUser(`rb-${i}`), review, joinForm(800 + i))).body.application.applicationId);
  for (const id of ids.slice(0, 4)) await ok200(invoke(area, 'POST', `/applications/${id}/approve`, { token: officer }));
  await ok200(invoke(area, 'POST', `/applications/${ids[4]}/reject`, { token: officer, body: { reason: '请填写单位全称' } }));
  for (let i = 0; i < 3; i += 1) expect((await apply(await newUser(`rbj-${i}`), joint, joinForm(900 + i))).status).toBe(201);
  const transfer = async (u: string) =>
    (await ok200(invoke(area, 'POST', '/me/transfers', { token: await memberToken(u), body: { toOrgId: 'logistics' } }), 201)).transfer
      .transferId as string;
  const [t0, t1] = [await transfer('rb-0'), await transfer('rb-1')];
  await transfer('rb-2');
  await ok200(invoke(area, 'POST', `/transfers/${t0}/approve`, { token: logisticsOfficer }));
  await ok200(invoke(area, 'POST', `/transfers/${t1}/reject`, { token: logisticsOfficer, body: { reason: '查无此人' } }));
  await ok200(invoke(area, 'POST', '/me/membership/leave', { token: await memberToken('rbj-0'), body: { confirm: true } }));
};

/** Claims on the district's catalog: automatic and reviewed, with amounts; approved, rejected, waiting. */
const claimScenario = async () => {
  const members = [];
  for (let i = 0; i < 4; i += 1) members.push(await makeMember(`rbc-${i}`, 'logistics'));
  const auto = quotaService(10, '职工疗休养', 'automatic');
  const review = quotaService(10, '健康体检', 'review');
  const [autoId, reviewId] = await publish('district', [
    { ...auto, benefit: { ...auto.benefit, amountYuan: 50 } },
    { ...review, benefit: { ...review.benefit, amountYuan: 300 } },
  ]);
  const officer = await cardOfficer('officer-district', 'district');
  for (const m of members.slice(0, 2))
    await ok200(invoke(AREAS.card, 'POST', '/me/claims', { token: m.token, body: { benefitId: autoId } }), 201);
  const claimIds: string[] = [];
  for (const m of members.slice(0, 3))
    claimIds.push(
      (await ok200(invoke(AREAS.card, 'POST', '/me/claims', { token: m.token, body: { benefitId: reviewId } }), 201)).claim.claimId,
    );
  await ok200(invoke(AREAS.card, 'POST', `/claims/${claimIds[0]}/approve`, { token: officer }));
  await ok200(invoke(AREAS.card, 'POST', `/claims/${claimIds[1]}/reject`, { token: officer, body: { reason: '材料不全' } }));
};

/** 提案 created, in review, decided three ways, replied on time and (two weeks on) late, one still overdue; 表决 open and closed. */
const congressScenario = async () => {
  const { officer } = await setupCongressOrgs();
  const people = await makeMembers('c-ent', 'rbp', 3);
  const sessionId = await sessionWithRoster(officer, 'c-ent', people);
  const ids: string[] = [];
  for (let i = 0; i < 6; i += 1)
    ids.push(
      (
        await ok200(
          invoke(congress, 'POST', `/congress/sessions/${sessionId}/proposals`, {
            token: people[0]?.token,
            body: { title: `关于班车的提案${i}`, cause: '职工反映班车班次太少。', suggestion: '建议在早晚高峰各增加两个班次。' },
          }),
          201,
        )
      ).proposal.proposalId,
    );
  for (const p of [people[1], people[2]])
    for (const id of ids.slice(0, 5)) await ok200(invoke(congress, 'POST', `/congress/proposals/${id}/cosign`, { token: p?.token }), 201);
  const accept = { decision: 'accept', reason: '符合立案条件', department: '行政部', replyDeadline: beijingDate(Date.now() + 3 * DAY) };
  for (const [i, body] of [accept, accept, accept, { decision: 'reject', reason: '不属于提案范围' }].entries())
    await ok200(invoke(congress, 'POST', `/congress/proposals/${ids[i]}/decision`, { token: officer, body }));
  const reply = (id: string | undefined, token: string) =>
    ok200(invoke(congress, 'POST', `/congress/proposals/${id}/reply`, { token, body: { reply: '已增加早晚班车各两班。' } }));
  await reply(ids[0], officer);
  // Two weeks on: the job marks the two unanswered, one of them is answered (late; a session of that day).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + 14 * DAY);
  expect((await notifyOverdueReplies(new Date())).told).toHaveLength(2);
  await reply(ids[1], (await setupCongressOrgs()).officer);
  vi.useRealTimers();

  await signInAll(sessionId, people);
  const motionIds: string[] = [];
  for (let i = 0; i < 2; i += 1)
    motionIds.push(
      (
        await ok200(
          invoke(congress, 'POST', `/congress/sessions/${sessionId}/motions`, {
            token: officer,
            body: { kind: 'vote', title: `表决事项${i}` },
          }),
          201,
        )
      ).motion.motionId,
    );
  for (const id of motionIds) await ok200(invoke(congress, 'POST', `/congress/motions/${id}/open`, { token: officer }));
  await ok200(invoke(congress, 'POST', `/congress/motions/${motionIds[0]}/close`, { token: officer }));
};

/** 实事: a call with a merge still waiting, and a call shortlisted (a vote made from it) with a suggestion and a merge after. */
const projectScenario = async () => {
  const w = await setupProjectOrgs('rbq');
  const members = await makeProjectMembers(w.orgs.enterprises, 'rbq-m', 4);
  const day = (d: number) => beijingDate(Date.now() + d * DAY);
  const call = async (title: string) =>
    (
      await ok(
        invoke(projects, 'POST', `/orgs/${w.orgs.da}/project-calls`, {
          token: w.officer,
          body: { title, brief: '请会员提出希望工会明年办的实事。', year: 2027, opensOn: day(0), closesOn: day(30) },
        }),
        'call',
      )
    ).call.callId as string;
  const suggest = async (callId: string, i: number) =>
    (
      await ok(
        invoke(projects, 'POST', `/project-calls/${callId}/suggestions`, {
          token: members[i]?.token,
          body: { title: `实事建议${i}号`, content: '希望为一线职工组织免费体检，每年一次。', targetGroup: '一线职工', category: '体检' },
        }),
        'suggest',
      )
    ).suggestion.suggestionId as string;
  const merge = (callId: string, from: string, into: string) =>
    ok(
      invoke(projects, 'POST', `/project-calls/${callId}/merges`, {
        token: w.officer,
        body: { fromSuggestionId: from, intoSuggestionId: into },
      }),
      'merge',
    );
  const open = await call('2027年实事项目征集');
  const a = [await suggest(open, 0), await suggest(open, 1), await suggest(open, 2)];
  await merge(open, a[1] as string, a[0] as string);
  const shortlisted = await call('2028年实事项目征集');
  const b = [await suggest(shortlisted, 0), await suggest(shortlisted, 1), await suggest(shortlisted, 2)];
  await merge(shortlisted, b[1] as string, b[0] as string);
  await ok(
    invoke(projects, 'POST', `/orgs/${w.orgs.da}/project-votes`, { token: w.officer, body: { ...shortlist(2, 1), callId: shortlisted } }),
    'vote',
  );
  await suggest(shortlisted, 3);
  await merge(shortlisted, b[2] as string, b[0] as string);
  return [open, shortlisted];
};

let callIds: string[] = [];
beforeAll(async () => {
  await membershipScenario();
  await claimScenario();
  await congressScenario();
  callIds = await projectScenario();
}, 180_000);

afterEach(() => {
  vi.useRealTimers();
});

const callCounts = async (callId: string) => {
  const { Item } = await getDocumentClient().send(
    new GetCommand({ TableName: tableName(), Key: { pk: `PCALL#${callId}`, sk: 'META' }, ConsistentRead: true }),
  );
  return { unmerged: Item?.unmerged, shortlistedAt: Item?.shortlistedAt };
};

describe('rebuildDeskCounters (data kept from before the counters)', () => {
  it('rebuilds every counter the transactions wrote, attribute by attribute, once, and only when the table holds no counter', async () => {
    const live = await deskItems();
    // The scenario reached every kind of counter (a check of the scenario, not of the rebuild).
    const names = new Set(Object.values(live).flatMap((i) => Object.keys(i)));
    for (const prefix of [
      'waiting:applications',
      'waiting:transfers',
      'waiting:claims',
      'waiting:proposals',
      'waiting:suggestions',
      'open:motions',
      'motions:closed',
      'overdue:replies',
      'members:active',
      'members:total',
      'review:approved',
      'review:rejected',
      'review:hours:',
      'joined:',
      'claims:auto:',
      'claims:reviewed:',
      'paid:',
      'proposals:',
      'replies:onTime',
      'replies:late',
    ])
      expect(
        [...names].some((n) => n.startsWith(prefix)),
        prefix,
      ).toBe(true);
    expect([...names].some((n) => n.endsWith(':transferIn'))).toBe(true);
    expect([...names].some((n) => n.endsWith(':joint'))).toBe(true);
    expect(live['DESK#rbq-da|NOW']?.['waiting:suggestions']).toBe(2);
    expect(live['DESK#c-ent|NOW']?.['overdue:replies']).toBe(1);
    const calls = await Promise.all(callIds.map(callCounts));
    expect(calls.map((c) => c.unmerged)).toEqual([2, 2]);

    expect(await rebuildDeskCounters()).toBe(0);
    const stored = await scanOf('DeskCounters');
    for (const i of stored) await getDocumentClient().send(new DeleteCommand({ TableName: tableName(), Key: { pk: i.pk, sk: i.sk } }));
    // Calls from before their own counts (data kept from an older checkout): the rebuild writes them too.
    for (const callId of callIds)
      await getDocumentClient().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: { pk: `PCALL#${callId}`, sk: 'META' },
          UpdateExpression: 'REMOVE unmerged, shortlistedAt',
        }),
      );
    expect(await rebuildDeskCounters()).toBe(Object.keys(live).length);
    expect(await deskItems()).toEqual(live);
    expect(await Promise.all(callIds.map(callCounts))).toEqual(calls);
    expect(await rebuildDeskCounters()).toBe(0);
  });
});
