import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { batchGetItems } from '../../../functions/src/store/batch-get';
import { ratingsPk } from '../../../functions/src/store/entities/project-progress.entity';
import { collectPersonalData } from '../../../functions/src/store/personal-data.repository';
import { listRatings, memberServiceKeys } from '../../../functions/src/store/project-survey.repository';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { parseCsv } from '../../support/csv-parse';
import { mapLimit } from '../congress/fixtures';
import { invoke, makeProjectMembers, ok, type ProjectMember, projects, setupProjectOrgs } from './fixtures';
import { dayOffset, invokeChecked, PROGRESS_SERVICES, publishProgressCatalog, today, YEAR } from './progress-fixtures';

let w: Awaited<ReturnType<typeof setupProjectOrgs>>;
let members: ProjectMember[];
let outsider: ProjectMember;
let ids: string[];

const rawRatings = async (orgId: string, year: string) =>
  (
    await getDocumentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': ratingsPk(orgId, year) },
      }),
    )
  ).Items ?? [];

const rate = (m: ProjectMember, body: Record<string, unknown>, orgId = w.orgs.da, year = YEAR) =>
  invokeChecked(projects, 'POST', `/orgs/${orgId}/project-surveys/${year}/ratings`, { token: m.token, body });

beforeAll(async () => {
  w = await setupProjectOrgs('pr');
  members = await makeProjectMembers(w.orgs.enterprises, 'pr-m', 10);
  outsider = (await makeProjectMembers([w.orgs.eb], 'pr-x', 1))[0] as ProjectMember;
  ids = await publishProgressCatalog(w.orgs.da);
  // Six members receive the quota service by an approved (免申即享) claim.
  for (const m of members.slice(0, 6))
    await ok(invoke(AREAS.card, 'POST', '/me/claims', { token: m.token, body: { benefitId: ids[0] } }), 'claim');
}, 120_000);

describe('实事 绩效评估: served members rate once during the survey', () => {
  it('an officer marks members served by a facility; not outside the subtree, not twice, not over an approved claim', async () => {
    for (const m of members.slice(6, 9)) {
      const r = await invokeChecked(projects, 'POST', `/orgs/${w.orgs.da}/project-served`, {
        token: w.officer,
        body: { benefitId: ids[1], memberNumber: m.memberNumber },
      });
      expect(r.status).toBe(201);
    }
    const again = await invokeChecked(projects, 'POST', `/orgs/${w.orgs.da}/project-served`, {
      token: w.officer,
      body: { benefitId: ids[1], memberNumber: members[6]!.memberNumber },
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'ALREADY_SERVED', field: 'memberNumber' });
    const claimed = await invokeChecked(projects, 'POST', `/orgs/${w.orgs.da}/project-served`, {
      token: w.officer,
      body: { benefitId: ids[0], memberNumber: members[0]!.memberNumber },
    });
    expect(claimed.status).toBe(409);
    const foreign = await invokeChecked(projects, 'POST', `/orgs/${w.orgs.da}/project-served`, {
      token: w.officer,
      body: { benefitId: ids[1], memberNumber: outsider.memberNumber },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toMatchObject({ code: 'NOT_IN_SUBTREE', field: 'memberNumber' });
    // A number nobody holds, and text that is no member number: 404 naming the field.
    for (const memberNumber of [`${members[0]!.memberNumber.slice(0, -6)}999999`, 'NOBODY']) {
      const unknown = await invokeChecked(projects, 'POST', `/orgs/${w.orgs.da}/project-served`, {
        token: w.officer,
        body: { benefitId: ids[1], memberNumber },
      });
      expect([unknown.status, unknown.body.error.code, unknown.body.error.field]).toEqual([404, 'MEMBER_NOT_FOUND', 'memberNumber']);
    }
  });

  it('before the survey opens nobody rates; the officer opens it once on all counted entries', async () => {
    const early = await rate(members[0]!, { benefitId: ids[0], rating: 'satisfied' });
    expect(early.status).toBe(404);
    expect(early.body.error.code).toBe('SURVEY_NOT_FOUND');
    const body = { year: YEAR, opensOn: today(), closesOn: dayOffset(14) };
    const opened = await ok(invokeChecked(projects, 'POST', `/orgs/${w.orgs.da}/project-surveys`, { token: w.officer, body }), 'survey');
    expect(opened.survey).toMatchObject({ year: YEAR, phase: 'open', entries: [{ name: '职工疗休养' }, { name: '新建职工驿站' }] });
    const twice = await invokeChecked(projects, 'POST', `/orgs/${w.orgs.da}/project-surveys`, { token: w.cityOfficer, body });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: 'SURVEY_EXISTS', field: 'year' });
    const bad = await invokeChecked(projects, 'POST', `/orgs/${w.orgs.db}/project-surveys`, {
      token: w.otherOfficer,
      body: { year: YEAR, opensOn: today(), closesOn: dayOffset(-1) },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'closesOn' });
    expect(bad.body.error.message).toContain('截止日期');
  });

  it('the member sees what they may rate; a rating is once, even sent many times at once (bounded in flight)', async () => {
    const mine = await ok(invokeChecked(projects, 'GET', '/me/project-ratings', { token: members[0]!.token }), 'mine');
    expect(mine.services).toEqual([
      { orgId: w.orgs.da, orgName: 'pr甲区总工会', year: YEAR, benefitId: ids[0], name: '职工疗休养', servedBy: 'claim', rated: false },
    ]);
    // Members 0–5 (claims) and 6–8 (marks) each send their rating 4 times, 12 requests in flight.
    const ratings = ['satisfied', 'satisfied', 'basic', 'unsatisfied', 'satisfied', 'basic', 'satisfied', 'basic', 'unsatisfied'];
    const jobs = members.slice(0, 9).flatMap((m, i) => Array.from({ length: 4 }, () => ({ m, i })));
    const results = await mapLimit(jobs, 12, ({ m, i }) =>
      rate(m, {
        benefitId: i < 6 ? ids[0] : ids[1],
        rating: ratings[i],
        comment: i === 3 ? '=HYPERLINK("http://x","点我")' : i === 0 ? '安排周到' : '',
      }),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(9);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(27);
    expect(new Set(refused.map((r) => `${r.status} ${r.body.error.code}`))).toEqual(new Set(['409 ALREADY_RATED']));
    expect(await listRatings(w.orgs.da, String(YEAR))).toHaveLength(9);
    const after = await ok(invokeChecked(projects, 'GET', '/me/project-ratings', { token: members[0]!.token }), 'mine');
    expect(after.services[0].rated).toBe(true);
    // 查阅权: the member's own data lists the service they were marked served by and the day they rated, not the answer.
    // (What GET /me/data collects; these fixture members' sealed 身份证号 are stand-ins the route cannot open.)
    const data = await collectPersonalData(members[6]!.userId);
    expect(data.projectServices).toEqual([
      { year: String(YEAR), benefitKey: `${w.orgs.da}|新建职工驿站`, servedAt: expect.any(String), servedBy: '甲区干部', ratedOn: today() },
    ]);
    // The member's marker holds no answer; the ratings hold no member.
    const [, service] = await batchGetItems(memberServiceKeys(members[0]!.userId, String(YEAR)));
    expect(Object.values(service ?? {})).not.toContain('satisfied');
    for (const r of await rawRatings(w.orgs.da, String(YEAR))) {
      expect(Object.keys(r).sort()).toEqual(['_et', 'benefitKey', 'comment', 'on', 'pk', 'rating', 'sk']);
      expect(JSON.stringify(r)).not.toContain('pr-m');
    }
  });

  it('refuses the unserved, the other subtree, a long comment and an unknown rating', async () => {
    const unserved = await rate(members[9]!, { benefitId: ids[0], rating: 'satisfied' });
    expect(unserved.status).toBe(403);
    expect(unserved.body.error).toMatchObject({ code: 'NOT_SERVED', field: 'benefitId' });
    const other = await rate(outsider, { benefitId: ids[0], rating: 'satisfied' });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('NOT_IN_SUBTREE');
    const long = await rate(members[9]!, { benefitId: ids[0], rating: 'satisfied', comment: '好'.repeat(201) });
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'comment' });
    expect(long.body.error.message).toContain('评价意见');
    const odd = await rate(members[9]!, { benefitId: ids[0], rating: 'great' });
    expect(odd.status).toBe(400);
    expect(odd.body.error.field).toBe('rating');
    expect(await listRatings(w.orgs.da, String(YEAR))).toHaveLength(9);
  });

  it('results per entry: counts, satisfaction and response rates; the CSV is formula-safe', async () => {
    const res = await ok(
      invokeChecked(projects, 'GET', `/orgs/${w.orgs.da}/project-surveys/${YEAR}/results`, { token: w.officer }),
      'results',
    );
    const [quota, facility] = res.entries;
    // 6 served by claims: 3 满意, 2 基本满意, 1 不满意 → 5/6 satisfied, 6/6 responded.
    expect(quota).toMatchObject({
      satisfied: 3,
      basic: 2,
      unsatisfied: 1,
      responses: 6,
      served: 6,
      satisfactionRate: 0.8333,
      responseRate: 1,
    });
    // 3 marked served: 1 满意, 1 基本满意, 1 不满意.
    expect(facility).toMatchObject({
      satisfied: 1,
      basic: 1,
      unsatisfied: 1,
      responses: 3,
      served: 3,
      satisfactionRate: 0.6667,
      responseRate: 1,
    });
    expect(res.totals).toEqual({ responses: 9, served: 9, satisfactionRate: 0.7778, responseRate: 1 });

    const csv = await invokeChecked(projects, 'GET', `/orgs/${w.orgs.da}/project-surveys/${YEAR}/results/csv`, { token: w.officer });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parseCsv(csv.body as string);
    expect(rows[0]).toEqual(['实事项目', '满意', '基本满意', '不满意', '评价人数', '服务人数', '满意率(%)', '参评率(%)']);
    expect(rows[1]).toEqual(['职工疗休养', '3', '2', '1', '6', '6', '83.33', '100']);
    expect(rows[3]).toEqual(['合计', '', '', '', '9', '9', '77.78', '100']);
    const comments = rows.slice(rows.findIndex((r) => r[1] === '评价') + 1);
    expect(comments).toContainEqual(['职工疗休养', '不满意', `'=HYPERLINK("http://x","点我")`]);
    expect(comments).toContainEqual(['职工疗休养', '满意', '安排周到']);
    // Only officers over the org.
    expect(
      (await invokeChecked(projects, 'GET', `/orgs/${w.orgs.da}/project-surveys/${YEAR}/results/csv`, { token: w.otherOfficer })).status,
    ).toBe(403);
  });
});

describe("实事 served once: an officer's mark and a claim exclude each other", () => {
  const benefitKeyOf = async (benefitId: string) => {
    const r = await invokeChecked(projects, 'GET', `/orgs/${w.orgs.da}/project-progress`, { token: w.officer });
    return r.body.entries.find((e: { benefitId: string }) => e.benefitId === benefitId) as { approved: number; marked: number };
  };

  it('a member marked served cannot claim the entry (409, nothing written); the claim was accepted before the mark', async () => {
    const marked = members[6]!;
    const claimsBefore = await invoke(AREAS.card, 'GET', '/me/claims', { token: marked.token });
    const refused = await invoke(AREAS.card, 'POST', '/me/claims', { token: marked.token, body: { benefitId: ids[1] } });
    expect([refused.status, refused.body.error.code, refused.body.error.field]).toEqual([409, 'ALREADY_SERVED', 'benefitId']);
    expect((await invoke(AREAS.card, 'GET', '/me/claims', { token: marked.token })).body).toEqual(claimsBefore.body);
    // Member 9, not marked, claims the same entry: accepted (pending review).
    const fresh = await invoke(AREAS.card, 'POST', '/me/claims', { token: members[9]!.token, body: { benefitId: ids[1] } });
    expect([fresh.status, fresh.body.claim.status]).toEqual([201, 'pending']);
  });

  it('a mark and a 免申即享 claim sent at once: exactly one per member wins, and each member is counted once', async () => {
    const racers = await makeProjectMembers([w.orgs.enterprises[0]!], 'pr-race', 8);
    const before = await benefitKeyOf(ids[0]!);
    const outcomes = await mapLimit(racers, 4, async (m) => {
      const [mark, claim] = await Promise.all([
        invokeChecked(projects, 'POST', `/orgs/${w.orgs.da}/project-served`, {
          token: w.officer,
          body: { benefitId: ids[0], memberNumber: m.memberNumber },
        }),
        invoke(AREAS.card, 'POST', '/me/claims', { token: m.token, body: { benefitId: ids[0] } }),
      ]);
      // The loser is refused as already served, whichever it was.
      const loser = mark.status === 201 ? claim : mark;
      expect([mark.status, claim.status].sort(), m.userId).toEqual([201, 409]);
      expect(loser.body.error.code, m.userId).toBe('ALREADY_SERVED');
      return mark.status === 201 ? 'mark' : 'claim';
    });
    const after = await benefitKeyOf(ids[0]!);
    const marks = outcomes.filter((o) => o === 'mark').length;
    expect(after.marked - before.marked).toBe(marks);
    expect(after.approved - before.approved).toBe(racers.length - marks);
  });

  it('after the survey closes a rating is refused', async () => {
    // Last year's plan, published now (it becomes the latest version: so this test runs last).
    const past = YEAR - 1;
    await publishProgressCatalog(w.orgs.da, PROGRESS_SERVICES, past);
    await ok(
      invokeChecked(projects, 'POST', `/orgs/${w.orgs.da}/project-surveys`, {
        token: w.officer,
        body: { year: past, opensOn: `${past}-12-01`, closesOn: `${past}-12-31` },
      }),
      'past',
    );
    const late = await rate(members[0]!, { benefitId: ids[0], rating: 'satisfied' }, w.orgs.da, past);
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'SURVEY_NOT_OPEN', field: 'year' });
  });
});
