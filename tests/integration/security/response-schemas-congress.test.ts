/**
 * The answers of the congress and catalog routes on their happy paths, each held to its route's
 * `response` schema (the route fuzzer mostly reaches refusals). A full 职代会 — session, roster,
 * 签到, 提案 to 办结, 表决 / 选举 / 测评 with ballots, results, CSV and a re-vote — and a catalog from
 * draft to what members read. At the end: every route of both areas declares a schema and was
 * answered here at least once. Every field of an answer must be declared: the schema's output
 * (z.object drops undeclared keys) must equal the answer.
 */

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { responseOf } from '../../../functions/src/http/area-responses';
import { AREAS } from '../../../functions/src/http/areas';
import { type RouteDef, routeKey } from '../../../functions/src/http/route';
import { createOrg } from '../../../functions/src/store/org.repository';
import { type AreaModule, type InvokeOptions, invoke } from '../../support/invoke';
import { responseProblems } from '../../support/response-contract';
import { userWithToken } from '../../support/sessions';
import { makeMembers, type Person, setupOrgs } from '../congress/fixtures';

const checked = new Map<string, number>();

const routeFor = (area: AreaModule, method: string, path: string): RouteDef => {
  const pathname = new URL(path, 'https://x.invalid').pathname;
  const route = area.routes.find((r) => r.method === method && new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(pathname));
  if (!route) throw new Error(`no route for ${method} ${pathname}`);
  return route;
};

/** Calls the route, expects `status`, and holds the answer to the route's response schema. */
const call = async (area: AreaModule, method: string, path: string, opts: InvokeOptions & { status?: number } = {}) => {
  const route = routeFor(area, method, path);
  const key = routeKey(route);
  const res = await invoke(area, method, path, opts);
  expect(res.status, `${key} → ${JSON.stringify(res.body).slice(0, 300)}`).toBe(opts.status ?? 200);
  expect(responseOf(key), `${key} declares no response`).toBeDefined();
  expect(responseProblems(route, res), key).toEqual([]);
  checked.set(key, (checked.get(key) ?? 0) + 1);
  return res.body;
};

const congress = AREAS.congress;
const catalog = AREAS.catalog;
const catalogDrafts = AREAS.catalogDrafts;

describe('congress answers match their schemas', () => {
  let officer: string;
  let d: Person[];
  let sessionId: string;

  beforeAll(async () => {
    ({ officer } = await setupOrgs());
    d = await makeMembers('c-ent', 'rs', 5);
  });

  it('session and roster', async () => {
    const created = await call(congress, 'POST', '/congress/sessions', {
      token: officer,
      status: 201,
      body: { orgId: 'c-ent', sessionName: '第三届第二次职工代表大会', startDate: '2025-03-10', endDate: '2025-03-11' },
    });
    sessionId = created.session.sessionId;
    await call(congress, 'GET', '/congress/sessions?orgId=c-ent', { token: officer });
    await call(congress, 'POST', `/congress/sessions/${sessionId}/roster`, {
      token: officer,
      status: 201,
      body: {
        delegates: d.slice(0, 3).map((p, i) => ({ memberNumber: p.memberNumber, ...(i === 0 ? { delegation: '生产一部代表团' } : {}) })),
      },
    });
    await call(congress, 'POST', `/congress/sessions/${sessionId}/roster/import`, {
      token: officer,
      status: 201,
      body: { csv: ['会员编号,代表团', `${d[3]!.memberNumber},机关代表团`, `${d[4]!.memberNumber}`].join('\n') },
    });
    const first = await call(congress, 'GET', `/congress/sessions/${sessionId}/roster?limit=2`, { token: officer });
    expect(first.nextCursor).not.toBeNull();
    await call(congress, 'GET', `/congress/sessions/${sessionId}/roster?limit=2&cursor=${first.nextCursor}`, { token: officer });
    const removed = await call(congress, 'DELETE', `/congress/sessions/${sessionId}/roster/${d[4]!.userId}`, { token: officer });
    expect(removed.session.rosterCount).toBe(4);

    await call(congress, 'POST', `/congress/sessions/${sessionId}/sign-in`, { token: d[0]!.token, status: 201 });
    const again = await call(congress, 'POST', `/congress/sessions/${sessionId}/sign-in`, { token: d[0]!.token });
    expect(again.already).toBe(true);
    const mine = await call(congress, 'GET', '/congress/my-sessions', { token: d[0]!.token });
    expect(mine.sessions[0].me).toEqual({ signedIn: true, delegation: '生产一部代表团' });
    const asOfficer = await call(congress, 'GET', `/congress/sessions/${sessionId}`, { token: officer });
    expect(asOfficer.overdueProposals).toBe(0);
    const asDelegate = await call(congress, 'GET', `/congress/sessions/${sessionId}`, { token: d[1]!.token });
    expect(asDelegate).not.toHaveProperty('overdueProposals');
  });

  it('a proposal from 提交 to 办结, and the decisions that end it early', async () => {
    const submit = async (who: Person, title: string) =>
      (
        await call(congress, 'POST', `/congress/sessions/${sessionId}/proposals`, {
          token: who.token,
          status: 201,
          body: { title, cause: '城东新区职工增多，现有班车线路不经过。', suggestion: '建议增设城东新区班车线路，早晚各两班。' },
        })
      ).proposal.proposalId as string;
    const id = await submit(d[0]!, '关于增设厂区班车线路的提案');
    await call(congress, 'GET', `/congress/sessions/${sessionId}/proposals`, { token: d[1]!.token });
    await call(congress, 'GET', `/congress/proposals/${id}`, { token: d[1]!.token });
    await call(congress, 'POST', `/congress/proposals/${id}/cosign`, { token: d[1]!.token, status: 201 });
    await call(congress, 'POST', `/congress/proposals/${id}/cosign`, { token: d[2]!.token, status: 201 });
    const accepted = await call(congress, 'POST', `/congress/proposals/${id}/decision`, {
      token: officer,
      body: { decision: 'accept', reason: '涉及职工切身利益', department: '行政后勤部', replyDeadline: '2099-06-30' },
    });
    expect(accepted.proposal).toMatchObject({ status: 'accepted', department: '行政后勤部', decisionReason: '涉及职工切身利益' });
    await call(congress, 'GET', `/congress/sessions/${sessionId}/proposals?overdue=true`, { token: officer });
    await call(congress, 'POST', `/congress/proposals/${id}/reply`, {
      token: officer,
      body: { reply: '已与公交公司签订协议，下月起开通。' },
    });
    const rated = await call(congress, 'POST', `/congress/proposals/${id}/rating`, {
      token: d[0]!.token,
      body: { rating: '满意', comment: '答复及时' },
    });
    expect(rated.proposal.rating).toBe('满意');
    await call(congress, 'POST', `/congress/proposals/${id}/progress`, { token: officer, body: { note: '第一条线路已开通' } });
    const closed = await call(congress, 'POST', `/congress/proposals/${id}/progress`, {
      token: officer,
      body: { note: '两条线路均已开通', done: true },
    });
    expect(closed.proposal.status).toBe('closed');
    expect(closed.timeline.length).toBeGreaterThan(5);

    for (const decision of ['convert', 'reject'] as const) {
      const other = await submit(d[1]!, decision === 'convert' ? '关于食堂窗口的建议' : '关于调整作息时间的提案');
      await call(congress, 'POST', `/congress/proposals/${other}/cosign`, { token: d[0]!.token, status: 201 });
      await call(congress, 'POST', `/congress/proposals/${other}/cosign`, { token: d[2]!.token, status: 201 });
      await call(congress, 'POST', `/congress/proposals/${other}/decision`, {
        token: officer,
        body: { decision, reason: '不属于职代会职权' },
      });
    }
  });

  it('表决, 分项表决 on a 立案 proposal, 选举 and 测评: open, ballots (and a replay), close, results, CSV, re-vote', async () => {
    const create = async (body: object) =>
      (await call(congress, 'POST', `/congress/sessions/${sessionId}/motions`, { token: officer, status: 201, body })).motion
        .motionId as string;
    const draft = (
      await call(congress, 'POST', `/congress/sessions/${sessionId}/proposals`, {
        token: d[0]!.token,
        status: 201,
        body: {
          title: '关于集体合同工资条款的提案',
          cause: '现行集体合同的工资条款已三年未调整。',
          suggestion: '建议按本地最低工资调整幅度同步调整。',
        },
      })
    ).proposal.proposalId as string;
    for (const p of [d[1]!, d[2]!]) await call(congress, 'POST', `/congress/proposals/${draft}/cosign`, { token: p.token, status: 201 });
    await call(congress, 'POST', `/congress/proposals/${draft}/decision`, {
      token: officer,
      body: { decision: 'accept', reason: '提交职代会审议', department: '人力资源部', replyDeadline: '2099-06-30' },
    });
    const itemized = await create({
      kind: 'itemized',
      title: '关于《集体合同（草案）》的分项表决',
      draftText: '第一条 工资\n第二条 工时\n第三条 休假',
      proposalIds: [draft],
      items: [{ title: '第一条 工资' }, { title: '第二条 工时' }, { title: '第三条 休假' }],
    });
    const vote = await create({ kind: 'vote', title: '关于《职工带薪年休假实施办法（草案）》的表决', description: '草案全文已印发' });
    const election = await create({
      kind: 'election',
      title: '工会委员补选',
      candidates: [{ name: '王建国', note: '技术中心' }, { name: '李秀英' }, { name: '张伟' }],
      maxChoices: 2,
    });
    const rating = await create({
      kind: 'rating',
      title: '中层干部民主测评',
      subjects: [{ name: '赵刚', note: '生产部部长' }, { name: '钱芳' }],
    });
    await call(congress, 'GET', `/congress/sessions/${sessionId}/motions`, { token: d[0]!.token });
    await call(congress, 'GET', `/congress/motions/${vote}`, { token: d[0]!.token });

    for (const p of d.slice(1, 3)) await call(congress, 'POST', `/congress/sessions/${sessionId}/sign-in`, { token: p.token, status: 201 });
    const ballots: Record<string, (i: number) => object> = {
      [vote]: (i) => ({ kind: 'vote', option: i === 2 ? 'no' : 'yes' }),
      [itemized]: (i) => ({ kind: 'itemized', options: { i1: 'yes', i2: i === 2 ? 'no' : 'yes', i3: 'abstain' } }),
      [election]: (i) => ({ kind: 'election', candidateIds: i === 2 ? [] : ['c1', 'c2'] }),
      [rating]: () => ({ kind: 'rating', ratings: { s1: '满意', s2: '基本满意' } }),
    };
    for (const [motionId, ballot] of Object.entries(ballots)) {
      await call(congress, 'POST', `/congress/motions/${motionId}/open`, { token: officer });
      await call(congress, 'GET', `/congress/motions/${motionId}`, { token: officer });
      for (const [i, p] of d.slice(0, 3).entries()) {
        const key = `key-${motionId}-${p.userId}`.slice(0, 64);
        await call(congress, 'POST', `/congress/motions/${motionId}/ballots`, {
          token: p.token,
          status: 201,
          body: ballot(i),
          headers: { 'idempotency-key': key },
        });
        if (i === 0) {
          // The same request again: the first answer, replayed.
          await call(congress, 'POST', `/congress/motions/${motionId}/ballots`, {
            token: p.token,
            status: 201,
            body: ballot(i),
            headers: { 'idempotency-key': key },
          });
        }
      }
      const closed = await call(congress, 'POST', `/congress/motions/${motionId}/close`, { token: officer });
      expect(closed.motion.result.castCount).toBe(3);
      await call(congress, 'GET', `/congress/motions/${motionId}/results`, { token: d[1]!.token });
      const csv = await call(congress, 'GET', `/congress/motions/${motionId}/results/csv`, { token: officer });
      expect(typeof csv).toBe('string');
    }
    const thread = await call(congress, 'GET', `/congress/proposals/${draft}`, { token: d[0]!.token });
    expect(thread.timeline.filter((e: { motionId?: string }) => e.motionId === itemized).map((e: { type: string }) => e.type)).toEqual([
      'put-to-vote',
      'vote-result',
    ]);
    await call(congress, 'POST', `/congress/motions/${vote}/revote`, { token: officer, status: 201 });
    await call(congress, 'POST', `/congress/motions/${itemized}/revote`, { token: officer, status: 201 });
    await call(congress, 'GET', `/congress/sessions/${sessionId}/motions?limit=2`, { token: officer });
    const activity = await call(congress, 'GET', '/me/congress-activity', { token: d[0]!.token });
    expect(activity.votedIn.length).toBeGreaterThan(0);
  });
});

describe('catalog answers match their schemas', () => {
  let officer: string;
  let member: string;

  beforeAll(async () => {
    await createOrg({ orgId: 'rs-city', name: '云溪市总工会', kind: 'city', parentId: null, area: null });
    await createOrg({ orgId: 'rs-district', name: '云溪市东城区总工会', kind: 'district', parentId: 'rs-city', area: '东城区' });
    officer = await userWithToken('rs-officer', [{ role: 'officer', orgId: 'rs-city' }], '市总干部');
    member = await userWithToken('rs-member', [{ role: 'member', orgId: 'rs-district' }], '会员');
  });

  it('draft, publish, list, read, source, what members read', async () => {
    const plan = readFileSync('catalog/plans/yunxi-city-2025.txt', 'utf8');
    const { draft } = await call(catalogDrafts, 'POST', '/orgs/rs-city/catalog-drafts', { token: officer, body: { text: plan } });
    expect(draft.services.length).toBeGreaterThan(3);
    await call(catalog, 'POST', '/orgs/rs-city/catalogs', {
      token: officer,
      status: 201,
      body: { document: draft.document, services: draft.services, sourceText: plan },
    });
    // A second version: a hand-added entry (no quote) and no plan text.
    await call(catalog, 'POST', '/orgs/rs-city/catalogs', {
      token: officer,
      status: 201,
      body: {
        document: draft.document,
        services: [
          {
            name: '职工生日慰问',
            category: '节日慰问',
            tier: '普惠',
            groups: [],
            eligibility: { member: 'status', op: 'eq', value: 'active' },
            benefit: { amountYuan: 200 },
            department: '工会办公室',
            claimMode: 'automatic',
          },
        ],
      },
    });
    const list = await call(catalog, 'GET', '/orgs/rs-city/catalogs?limit=1', { token: member });
    await call(catalog, 'GET', `/orgs/rs-city/catalogs?limit=1&cursor=${list.nextCursor}`, { token: member });
    await call(catalog, 'GET', '/orgs/rs-city/catalogs/1', { token: member });
    await call(catalog, 'GET', '/orgs/rs-city/catalogs/1/source', { token: member });
    const empty = await call(catalog, 'GET', '/orgs/rs-city/catalogs/2/source', { token: member });
    expect(empty.text).toBe('');
    const effective = await call(catalog, 'GET', '/orgs/rs-district/effective-catalogs', { token: member });
    expect(effective.catalogs.map((c: { version: number }) => c.version)).toEqual([2]);
    await call(catalog, 'GET', '/me/catalogs', { token: member });
    const compared = await call(catalog, 'GET', '/orgs/rs-city/catalog-compare?fromVersion=1&toVersion=2', { token: officer });
    expect(compared.added.map((e: { name: string }) => e.name)).toEqual(['职工生日慰问']);
  });
});

describe('coverage', () => {
  it('every congress and catalog route declares a response schema and was answered above', () => {
    for (const area of [congress, catalog, catalogDrafts]) {
      for (const route of area.routes) {
        const key = routeKey(route);
        expect(responseOf(key), `${key} declares no response`).toBeDefined();
        expect(checked.get(key) ?? 0, `${key} was not exercised`).toBeGreaterThan(0);
      }
    }
  });
});
