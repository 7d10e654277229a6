import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { motionResultsResponse } from '@union/shared/contracts/congress-responses.contract';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { beforeAll, describe, expect, it } from 'vitest';
import { CongressBallotEntity, CongressProposalEntity } from '../../../functions/src/store/entities/congress.entity';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { invoke } from '../../support/invoke';
import { readPages } from '../../support/read-pages';
import { congress, makeMembers, mapLimit, type Person, sessionWithRoster, setupOrgs, signInAll } from './fixtures';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const byKey = <T>(items: T[], key: (t: T) => string) => [...items].sort((a, b) => key(a).localeCompare(key(b)));

/** Makes stored proposals overdue: accepted, and the reply deadline passed yesterday. */
const makeOverdue = (proposalIds: string[]) =>
  mapLimit(proposalIds, 10, (id) =>
    getDocumentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: `PROPOSAL#${id}`, sk: 'META' },
        UpdateExpression: 'SET #s = :s, replyDeadline = :d, department = :dep',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'accepted', ':d': yesterday(), ':dep': '行政后勤部' },
      }),
    ),
  );

let officer: string;
let strangerOfficer: string;
let d: Person[];
let sessionId: string;
const DELEGATES = 23;

beforeAll(async () => {
  ({ officer, strangerOfficer } = await setupOrgs());
  d = await makeMembers('c-ent', 'pg', DELEGATES);
  sessionId = await sessionWithRoster(officer, 'c-ent', d);
}, 120_000);

describe('congress lists are paged with a cursor: every item once, in order', () => {
  it('the roster, by member account, with the session on every page', async () => {
    const sessions: Array<{ rosterCount: number }> = [];
    const roster = await readPages<{ userId: string }>(congress, `/congress/sessions/${sessionId}/roster`, 'delegates', {
      token: officer,
      limit: 5,
      onPage: (body) => sessions.push(body.session),
    });
    expect(roster.map((x) => x.userId)).toEqual(d.map((p) => p.userId).sort());
    expect(sessions.length).toBe(5);
    expect(sessions.every((s) => s.rosterCount === DELEGATES)).toBe(true);
  });

  it('an org’s sessions, newest first, and a delegate’s sessions', async () => {
    const extra: string[] = [];
    for (let m = 1; m <= 11; m += 1) {
      const res = await invoke(congress, 'POST', '/congress/sessions', {
        token: officer,
        body: {
          orgId: 'c-ent',
          sessionName: `第四届第${m}次职工代表大会`,
          startDate: `2024-${String(m).padStart(2, '0')}-15`,
          endDate: '2024-12-31',
        },
      });
      expect(res.status).toBe(201);
      extra.push(res.body.session.sessionId);
      // The first delegate sits on every one of them.
      const added = await invoke(congress, 'POST', `/congress/sessions/${res.body.session.sessionId}/roster`, {
        token: officer,
        body: { delegates: [{ memberNumber: d[0]!.memberNumber }] },
      });
      expect(added.status).toBe(201);
    }
    const listed = await readPages<{ sessionId: string; startDate: string }>(congress, '/congress/sessions?orgId=c-ent', 'sessions', {
      token: officer,
      limit: 4,
    });
    expect(listed).toHaveLength(12);
    expect(new Set(listed.map((s) => s.sessionId))).toEqual(new Set([sessionId, ...extra]));
    expect(listed.map((s) => s.startDate)).toEqual([...listed.map((s) => s.startDate)].sort().reverse());
    expect(listed[0]?.sessionId).toBe(sessionId);

    const mine = await readPages<{ sessionId: string; me: { signedIn: boolean } }>(congress, '/congress/my-sessions', 'sessions', {
      token: d[0]!.token,
      limit: 5,
    });
    expect(mine.map((s) => s.sessionId)).toEqual([sessionId, ...extra].sort());
    expect(mine.every((s) => s.me.signedIn === false)).toBe(true);
    // Another delegate sits on one.
    const theirs = await readPages<{ sessionId: string }>(congress, '/congress/my-sessions', 'sessions', { token: d[1]!.token, limit: 5 });
    expect(theirs.map((s) => s.sessionId)).toEqual([sessionId]);
  });

  it('proposals, oldest first; the overdue worklist keeps only the overdue ones, page by page', async () => {
    const created: Array<{ proposalId: string; createdAt: string }> = [];
    for (let i = 0; i < 13; i += 1) {
      const res = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/proposals`, {
        token: d[i % DELEGATES]!.token,
        body: {
          title: `关于第${i + 1}项改进的提案`,
          cause: '职工反映的问题较多，需要改进。',
          suggestion: '建议工会牵头，会同有关部门研究解决。',
        },
      });
      expect(res.status).toBe(201);
      created.push({ proposalId: res.body.proposal.proposalId, createdAt: res.body.proposal.createdAt });
    }
    const expected = byKey(created, (p) => `${p.createdAt}#${p.proposalId}`).map((p) => p.proposalId);
    const listed = await readPages<{ proposalId: string }>(congress, `/congress/sessions/${sessionId}/proposals`, 'proposals', {
      token: d[5]!.token,
      limit: 4,
    });
    expect(listed.map((p) => p.proposalId)).toEqual(expected);

    const overdue = [expected[1]!, expected[5]!, expected[6]!, expected[12]!];
    await makeOverdue(overdue);
    for (const limit of [1, 2, 3]) {
      const worklist = await readPages<{ proposalId: string; overdue: boolean }>(
        congress,
        `/congress/sessions/${sessionId}/proposals?overdue=true`,
        'proposals',
        { token: officer, limit },
      );
      expect(worklist.map((p) => p.proposalId)).toEqual(overdue);
      expect(worklist.every((p) => p.overdue)).toBe(true);
    }
    // The filter is an officer's: a delegate asking for it gets the whole list.
    const asDelegate = await readPages(congress, `/congress/sessions/${sessionId}/proposals?overdue=true`, 'proposals', {
      token: d[2]!.token,
      limit: 6,
    });
    expect(asDelegate).toHaveLength(13);
    const detail = await invoke(congress, 'GET', `/congress/sessions/${sessionId}`, { token: officer });
    expect(detail.body.overdueProposals).toBe(4);
  });

  it('motions, oldest first', async () => {
    const created: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const res = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/motions`, {
        token: officer,
        body: { kind: 'vote', title: `关于第${i + 1}项制度的表决` },
      });
      expect(res.status).toBe(201);
      created.push(res.body.motion.motionId);
    }
    const listed = await readPages<{ motionId: string; title: string }>(congress, `/congress/sessions/${sessionId}/motions`, 'motions', {
      token: d[3]!.token,
      limit: 5,
    });
    expect(listed.map((m) => m.motionId)).toEqual(created);
  });

  it('refuses a cursor of another partition or not one of ours with 400 CURSOR_INVALID, a malformed one or limit with VALIDATION_FAILED', async () => {
    const other = 'csother';
    const cases: Array<[string, string]> = [
      [`/congress/sessions/${sessionId}/roster?cursor=${b64({ pk: `CONGRESS#${other}`, sk: 'DELEGATE#pg-001' })}`, officer],
      [`/congress/sessions/${sessionId}/roster?cursor=${b64({ pk: `CONGRESS#${sessionId}`, sk: 'META' })}`, officer],
      [`/congress/sessions/${sessionId}/roster?cursor=${b64({ pk: `CONGRESS#${sessionId}`, sk: 'DELEGATE#x', gsi1pk: 'y' })}`, officer],
      [`/congress/sessions?orgId=c-ent&cursor=${b64({ pk: 'a', sk: 'b', gsi1pk: 'ORGCONGRESS#c-other', gsi1sk: 'c' })}`, officer],
      [`/congress/my-sessions?cursor=${b64({ pk: 'a', sk: 'b', gsi1pk: `DELEGATEOF#${d[1]!.userId}`, gsi1sk: 'c' })}`, d[0]!.token],
      [
        `/congress/sessions/${sessionId}/proposals?cursor=${b64({ pk: 'a', sk: 'b', gsi1pk: `CONGRESSPROPOSALS#${other}`, gsi1sk: 'c' })}`,
        officer,
      ],
      [
        `/congress/sessions/${sessionId}/proposals?overdue=true&cursor=${b64({ pk: 'a', sk: 'b', gsi1pk: `CONGRESSPROPOSALS#${other}`, gsi1sk: 'c' })}`,
        officer,
      ],
      [
        `/congress/sessions/${sessionId}/motions?cursor=${b64({ pk: 'a', sk: 'b', gsi1pk: `CONGRESSMOTIONS#${other}`, gsi1sk: 'c' })}`,
        officer,
      ],
      [
        `/congress/sessions/${sessionId}/motions?cursor=${b64({ pk: 'a', sk: 'b', gsi1pk: `CONGRESSMOTIONS#${sessionId}`, gsi1sk: '' })}`,
        officer,
      ],
      [`/congress/sessions/${sessionId}/motions?cursor=${Buffer.from('{"pk":').toString('base64url')}`, officer],
    ];
    for (const [path, token] of cases) {
      const res = await invoke(congress, 'GET', path, { token });
      expect(res.status, path).toBe(400);
      expect(res.body.error, path).toMatchObject({ code: 'CURSOR_INVALID', field: 'cursor' });
    }
    for (const path of [
      `/congress/sessions/${sessionId}/roster?limit=0`,
      '/congress/sessions?orgId=c-ent&limit=101',
      '/congress/my-sessions?limit=x',
      `/congress/sessions/${sessionId}/proposals?limit=1.5`,
      `/congress/sessions/${sessionId}/motions?cursor=%24%24`,
    ]) {
      const res = await invoke(congress, 'GET', path, { token: path.includes('my-sessions') ? d[0]!.token : officer });
      expect(res.status, path).toBe(400);
      expect(res.body.error.code, path).toBe('VALIDATION_FAILED');
      expect(res.body.error.message, path).toMatch(path.includes('cursor') ? /^分页游标：/ : /^数量：/);
    }
    // A cursor that is right for one officer's list is still no key to another org.
    const stranger = await invoke(congress, 'GET', '/congress/sessions?orgId=c-ent', { token: strangerOfficer });
    expect(stranger.status).toBe(403);
  });
});

describe('what is computed over every item reads every page, past DynamoDB’s 1 MB', () => {
  it('the tally, the published receipts and the CSV of a 测评 whose ballots fill more than one page', async () => {
    const BALLOTS = 700;
    // 50 leaders rated on a 7-level scale of 10-character levels: each ballot ≈ 2 KB, 700 ≈ 1.4 MB.
    const scale = [
      '非常满意非常满意非常',
      '比较满意比较满意比较',
      '基本满意基本满意基本',
      '一般一般一般一般一般',
      '不太满意不太满意不太',
      '不满意不满意不满意不',
      '很不满意很不满意很不',
    ];
    const subjects = Array.from({ length: 50 }, (_, i) => ({ name: `测评对象${i + 1}` }));
    const motion = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/motions`, {
      token: officer,
      body: { kind: 'rating', title: '中层干部民主测评', subjects, scale },
    });
    expect(motion.status, JSON.stringify(motion.body)).toBe(201);
    const motionId: string = motion.body.motion.motionId;
    await signInAll(sessionId, d.slice(0, 16));
    expect((await invoke(congress, 'POST', `/congress/motions/${motionId}/open`, { token: officer })).status).toBe(200);

    // The ballots as castBallotInStore stores them (anonymous, keyed by receipt code).
    const ballots = CongressBallotEntity().build(EntityRepository);
    const expected = subjects.map(() => scale.map(() => 0));
    const receipts: string[] = [];
    await mapLimit(
      Array.from({ length: BALLOTS }, (_, i) => i),
      25,
      async (i) => {
        const ratings: Record<string, string> = {};
        for (let s = 0; s < subjects.length; s += 1) {
          const level = (i + s) % scale.length;
          ratings[`s${s + 1}`] = scale[level]!;
          expected[s]![level]! += 1;
        }
        const receiptCode = `r${String(i).padStart(3, '0')}-test-code`;
        receipts.push(receiptCode);
        await ballots.put({ motionId, receiptCode, choice: JSON.stringify({ kind: 'rating', ratings }) });
      },
    );
    const raw = await getDocumentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': `MOTIONBALLOTS#${motionId}` },
      }),
    );
    expect(raw.LastEvaluatedKey).toBeDefined();
    expect(raw.Count).toBeLessThan(BALLOTS);

    const closed = await invoke(congress, 'POST', `/congress/motions/${motionId}/close`, { token: officer });
    expect(closed.status).toBe(200);
    const result = closed.body.motion.result;
    expect(result.castCount).toBe(BALLOTS);
    expect(result.subjects.map((s: { counts: number[] }) => s.counts)).toEqual(expected);

    const published = await invoke(congress, 'GET', `/congress/motions/${motionId}/results`, { token: d[4]!.token });
    expect(motionResultsResponse.safeParse(published.body).success).toBe(true);
    expect(published.body.receipts.map((r: { receiptCode: string }) => r.receiptCode)).toEqual([...receipts].sort());

    const csv = await invoke(congress, 'GET', `/congress/motions/${motionId}/results/csv`, { token: officer });
    expect(csv.status).toBe(200);
    const lines = (csv.body as string).split('\r\n');
    expect(receipts.every((code) => lines.some((l) => l.startsWith(`${code},`)))).toBe(true);
  }, 120_000);

  it('the overdue count and the overdue worklist over proposals that fill more than one page', async () => {
    const created = await invoke(congress, 'POST', '/congress/sessions', {
      token: officer,
      body: { orgId: 'c-ent', sessionName: '第五届第一次职工代表大会', startDate: '2026-03-10', endDate: '2026-03-11' },
    });
    const big: string = created.body.session.sessionId;
    // 220 proposals of 4,000 characters each (≈ 12 KB): ≈ 2.6 MB in the session's index partition.
    const proposals = CongressProposalEntity().build(EntityRepository);
    const ids: string[] = [];
    const base = Date.parse('2026-03-10T01:00:00.000Z');
    await mapLimit(
      Array.from({ length: 220 }, (_, i) => i),
      25,
      async (i) => {
        const proposalId = `pp-big-${String(i).padStart(3, '0')}`;
        const createdAt = new Date(base + i * 1000).toISOString();
        ids[i] = proposalId;
        await proposals.put({
          proposalId,
          sessionId: big,
          orgId: 'c-ent',
          title: `关于第${i + 1}项改进的提案`,
          cause: '职'.repeat(2000),
          suggestion: '工'.repeat(2000),
          proposerId: d[i % DELEGATES]!.userId,
          proposerName: d[i % DELEGATES]!.name,
          status: 'collecting',
          cosignCount: 0,
          version: 1,
          createdAt,
          updatedAt: createdAt,
          gsi1pk: `CONGRESSPROPOSALS#${big}`,
          gsi1sk: `${createdAt}#${proposalId}`,
        });
      },
    );
    const raw = await getDocumentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': `CONGRESSPROPOSALS#${big}` },
      }),
    );
    expect(raw.LastEvaluatedKey).toBeDefined();
    expect(raw.Count).toBeLessThan(220);

    const overdue = ids.filter((_, i) => i % 17 === 3);
    await makeOverdue(overdue);
    const detail = await invoke(congress, 'GET', `/congress/sessions/${big}`, { token: officer });
    expect(detail.body.overdueProposals).toBe(overdue.length);
    const worklist = await readPages<{ proposalId: string }>(congress, `/congress/sessions/${big}/proposals?overdue=true`, 'proposals', {
      token: officer,
      limit: 4,
    });
    expect(worklist.map((p) => p.proposalId)).toEqual(overdue);
    const all = await readPages<{ proposalId: string }>(congress, `/congress/sessions/${big}/proposals`, 'proposals', {
      token: officer,
      limit: 100,
    });
    expect(all.map((p) => p.proposalId)).toEqual(ids);
  }, 120_000);
});
