import { behindSchedule } from '@union/shared/domain/projects/index';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { getOrgYearCounters, listProgressRecords } from '../../../functions/src/store/project-progress.repository';
import { countDynamoCalls } from '../../support/dynamo-calls';
import { mapLimit } from '../congress/fixtures';
import { invoke, makeProjectMembers, ok, type ProjectMember, projects, setupProjectOrgs } from './fixtures';
import { dayOffset, invokeChecked, PROGRESS_SERVICES, publishProgressCatalog, today, YEAR } from './progress-fixtures';

let w: Awaited<ReturnType<typeof setupProjectOrgs>>;
let members: ProjectMember[];
let outsider: ProjectMember;
let ids: string[];

beforeAll(async () => {
  w = await setupProjectOrgs('pg');
  members = await makeProjectMembers(w.orgs.enterprises, 'pg-m', 4);
  outsider = (await makeProjectMembers([w.orgs.eb], 'pg-x', 1))[0] as ProjectMember;
  ids = await publishProgressCatalog(w.orgs.da);
}, 120_000);

const record = (token: string, body: Record<string, unknown>, orgId = w.orgs.da) =>
  invokeChecked(projects, 'POST', `/orgs/${orgId}/project-progress`, { token, body });
const myProgress = async (m: ProjectMember) =>
  (await ok(invokeChecked(projects, 'GET', '/me/project-progress', { token: m.token }), 'mine')).entries;

describe('实事 过程管理: progress of published entries', () => {
  it('counts approved claims by themselves, then shows max(recorded, approved) to members, on the card too', async () => {
    // Three members claim the 免申即享 quota entry: approved at once, the quota counter grows.
    for (const m of members.slice(0, 3)) {
      const r = await invoke(AREAS.card, 'POST', '/me/claims', { token: m.token, body: { benefitId: ids[0] } });
      expect(r.status).toBe(201);
    }
    let entries = await myProgress(members[3]!);
    // Only the counted entries (quota, facilities), never the one that counts nothing.
    expect(entries.map((e: { name: string }) => e.name)).toEqual(['职工疗休养', '新建职工驿站']);
    expect(entries[0]).toMatchObject({ recorded: 0, approved: 3, done: 3, target: 25, text: '已完成 3/25 名', percent: 12 });
    expect(entries[1]).toMatchObject({ done: 0, target: 4, unit: '个', text: '已完成 0/4 个' });

    // The officer records 12 done (the claims among them): 12, not 15.
    // The day recorded, read once: read again after the requests it is the next day past Beijing's midnight.
    const on = today();
    const res = await record(w.officer, { benefitId: ids[0], doneCount: 12, on, note: '第一批疗休养' });
    expect(res.status).toBe(201);
    expect(res.body.record).toMatchObject({ seq: 1, done: 12, note: '第一批疗休养', byName: '甲区干部' });
    expect(res.body.progress).toMatchObject({ recorded: 12, approved: 3, done: 12, text: '已完成 12/25 名', percent: 48 });
    entries = await myProgress(members[0]!);
    expect(entries[0]).toMatchObject({ done: 12, text: '已完成 12/25 名', lastOn: on });

    // The card's benefits show it, from the items their one batch already reads.
    const benefits = await ok(invokeChecked(AREAS.card, 'GET', '/me/benefits', { token: members[0]!.token }), 'benefits');
    const all = benefits.tiers.flatMap((t: { benefits: unknown[] }) => t.benefits) as Array<{ name: string; progress: unknown }>;
    expect(all.find((b) => b.name === '职工疗休养')!.progress).toEqual({
      done: 12,
      target: 25,
      unit: '名',
      percent: 48,
      text: '已完成 12/25 名',
    });
    expect(all.find((b) => b.name === '新建职工驿站')!.progress).toMatchObject({ done: 0, target: 4, text: '已完成 0/4 个' });
    expect(all.find((b) => b.name === '会员观影优惠')!.progress).toBeNull();
  });

  it('two officers recording at once: every record kept, numbered without a gap, the latest copied', async () => {
    const officers = [w.officer, w.cityOfficer];
    const on = today();
    const results = await mapLimit(
      Array.from({ length: 12 }, (_, i) => i),
      12,
      (i) => record(officers[i % 2]!, { benefitId: ids[1], doneCount: i % 5, on, note: `记录${i}` }),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const stored = (await listProgressRecords(w.orgs.da, String(YEAR))).filter((r) => r.benefitId === ids[1]);
    expect(stored.map((r) => r.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(new Set(stored.map((r) => r.note)).size).toBe(12);
    const latest = (await getOrgYearCounters(w.orgs.da, String(YEAR))).recorded.get(`${w.orgs.da}|新建职工驿站`);
    expect(latest).toEqual({ seq: 12, done: stored[11]!.done, on });
  });

  it('the officer page: every counted entry with its records and the half-year flag', async () => {
    const body = await ok(invokeChecked(projects, 'GET', `/orgs/${w.orgs.da}/project-progress`, { token: w.officer }), 'org');
    expect(body.year).toBe(YEAR);
    const [quota, facility] = body.entries;
    expect(quota.records.map((r: { done: number }) => r.done)).toEqual([12]);
    expect(facility.records).toHaveLength(12);
    expect(quota.behind).toBe(behindSchedule({ year: YEAR, done: 12, target: 25 }, body.today));
    // A city officer (above) reads it; another district's officer does not.
    expect((await invokeChecked(projects, 'GET', `/orgs/${w.orgs.da}/project-progress`, { token: w.cityOfficer })).status).toBe(200);
    expect((await invokeChecked(projects, 'GET', `/orgs/${w.orgs.da}/project-progress`, { token: w.otherOfficer })).status).toBe(403);
  });

  it('refuses bad input with a stable code naming the field in Chinese', async () => {
    const neg = await record(w.officer, { benefitId: ids[0], doneCount: -1, on: today() });
    expect(neg.status).toBe(400);
    expect(neg.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'doneCount' });
    expect(neg.body.error.message).toContain('已完成数量');
    const future = await record(w.officer, { benefitId: ids[0], doneCount: 13, on: dayOffset(2) });
    expect(future.status).toBe(400);
    expect(future.body.error).toMatchObject({ code: 'PROGRESS_DATE_INVALID', field: 'on' });
    expect(future.body.error.message).toContain('进度日期');
    const uncounted = await record(w.officer, { benefitId: ids[2], doneCount: 1, on: today() });
    expect(uncounted.status).toBe(409);
    expect(uncounted.body.error).toMatchObject({ code: 'PROGRESS_NOT_COUNTED', field: 'benefitId' });
    // Another org's entry through this org's path, and a path of an org the officer is not over.
    const elsewhere = await record(w.officer, { benefitId: ids[0], doneCount: 1, on: today() }, w.orgs.enterprises[0]);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error.code).toBe('BENEFIT_NOT_FOUND');
    const foreign = await record(w.otherOfficer, { benefitId: ids[0], doneCount: 1, on: today() });
    expect(foreign.status).toBe(403);
    // Nothing of these was written.
    expect((await listProgressRecords(w.orgs.da, String(YEAR))).filter((r) => r.benefitId === ids[0])).toHaveLength(1);
  });

  it('a member of another district sees only their own lineage', async () => {
    expect(await myProgress(outsider)).toEqual([]);
  });

  it("next year's plan published: this year's progress, survey and member view stay on this year's entries", async () => {
    // A fresh district (its own catalogs), this year's plan, progress recorded on it.
    const v = await setupProjectOrgs('pgy');
    const [member] = await makeProjectMembers([v.orgs.enterprises[0]!], 'pgy-m', 1);
    const thisYear = await publishProgressCatalog(v.orgs.da);
    await ok(record(v.officer, { benefitId: thisYear[0], doneCount: 7, on: today(), note: '本年' }, v.orgs.da), 'record');
    // Next year's plan: other entries; it is the latest version now.
    const nextServices = [
      { ...PROGRESS_SERVICES[1]!, name: '明年职工驿站', benefit: { facilities: [{ kind: '职工驿站', count: 9, unit: '个' }] } },
    ];
    await publishProgressCatalog(v.orgs.da, nextServices, YEAR + 1);

    const officerView = async (year?: number) =>
      (
        await ok(
          invokeChecked(projects, 'GET', `/orgs/${v.orgs.da}/project-progress${year ? `?year=${year}` : ''}`, { token: v.officer }),
          'officer',
        )
      ).entries.map((e: { name: string; done: number; target: number }) => [e.name, e.done, e.target]);
    expect(await officerView()).toEqual([
      ['职工疗休养', 7, 25],
      ['新建职工驿站', 0, 4],
    ]);
    expect(await officerView(YEAR + 1)).toEqual([['明年职工驿站', 0, 9]]);

    // The member's 实事进度 of this year: this year's entries with their progress, in at most 3 round trips.
    const calls = countDynamoCalls();
    const mine = (await ok(invokeChecked(projects, 'GET', '/me/project-progress', { token: member!.token }), 'mine')).entries;
    const trips = calls.snapshot().roundTrips;
    calls.detach();
    expect(mine.map((e: { name: string; done: number }) => [e.name, e.done])).toEqual([
      ['职工疗休养', 7],
      ['新建职工驿站', 0],
    ]);
    expect(trips).toBeLessThanOrEqual(3);
    const next = (await ok(invokeChecked(projects, 'GET', `/me/project-progress?year=${YEAR + 1}`, { token: member!.token }), 'next'))
      .entries;
    expect(next.map((e: { name: string }) => e.name)).toEqual(['明年职工驿站']);

    // This year's survey asks about this year's entries.
    const opened = await ok(
      invokeChecked(projects, 'POST', `/orgs/${v.orgs.da}/project-surveys`, {
        token: v.officer,
        body: { year: YEAR, opensOn: today(), closesOn: dayOffset(7) },
      }),
      'survey',
    );
    expect(opened.survey.entries.map((e: { name: string }) => e.name)).toEqual(['职工疗休养', '新建职工驿站']);
    // A year with no plan: refused, naming the year.
    const none = await invokeChecked(projects, 'POST', `/orgs/${v.orgs.da}/project-surveys`, {
      token: v.officer,
      body: { year: YEAR - 3, opensOn: today(), closesOn: dayOffset(7) },
    });
    expect([none.status, none.body.error.code, none.body.error.field]).toEqual([409, 'SURVEY_EMPTY', 'year']);
  });
});
