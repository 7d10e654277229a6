import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { invoke } from '../../support/invoke';
import { congress, makeMembers, type Person, sessionWithRoster, setupOrgs } from './fixtures';

let officer: string;
let strangerOfficer: string;
let d: Person[];
let outsider: Person;
let sessionId: string;

const body = {
  title: '关于改善职工食堂就餐环境的提案',
  cause: '食堂座位不足，高峰期排队超过二十分钟。',
  suggestion: '增设座位并错峰开餐，延长供餐时间。',
};

beforeAll(async () => {
  ({ officer, strangerOfficer } = await setupOrgs());
  d = await makeMembers('c-ent', 'p', 5);
  [outsider] = (await makeMembers('c-ent', 'po', 1)) as [Person];
  sessionId = await sessionWithRoster(officer, 'c-ent', d);
});

const submit = async (by = d[0]!) => invoke(congress, 'POST', `/congress/sessions/${sessionId}/proposals`, { token: by.token, body });
const cosign = (proposalId: string, by: Person) =>
  invoke(congress, 'POST', `/congress/proposals/${proposalId}/cosign`, { token: by.token });

describe('proposals (提案)', () => {
  it('refuses bad input naming the field in Chinese, and writes nothing', async () => {
    const res = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/proposals`, {
      token: d[0]!.token,
      body: { ...body, cause: '太短' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'cause' });
    expect(res.body.error.message).toContain('案由');
    const list = await invoke(congress, 'GET', `/congress/sessions/${sessionId}/proposals`, { token: officer });
    expect(list.body.proposals).toEqual([]);
  });

  it('only roster delegates submit', async () => {
    const res = await submit(outsider);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('NOT_A_DELEGATE');
  });

  it('goes to review at two co-signers; no co-signing one’s own or twice, even concurrently', async () => {
    const created = await submit();
    expect(created.status).toBe(201);
    const id = created.body.proposal.proposalId;
    expect(created.body.proposal.status).toBe('collecting');

    const own = await cosign(id, d[0]!);
    expect(own.status).toBe(409);
    expect(own.body.error.code).toBe('COSIGN_OWN_PROPOSAL');

    // The same delegate twice at once: exactly one co-sign counts.
    const twice = await Promise.all([cosign(id, d[1]!), cosign(id, d[1]!), cosign(id, d[1]!)]);
    expect(twice.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(twice.find((r) => r.status === 409)?.body.error.code).toBe('ALREADY_COSIGNED');
    const afterOne = await invoke(congress, 'GET', `/congress/proposals/${id}`, { token: d[0]!.token });
    expect(afterOne.body.proposal).toMatchObject({ status: 'collecting', cosignCount: 1 });

    const outsiderCosign = await cosign(id, outsider);
    expect(outsiderCosign.body.error.code).toBe('NOT_A_DELEGATE');

    const second = await cosign(id, d[2]!);
    expect(second.status).toBe(201);
    expect(second.body.proposal).toMatchObject({ status: 'review', cosignCount: 2 });
    expect(second.body.cosigners.map((c: { userId: string }) => c.userId).sort()).toEqual([d[1]!.userId, d[2]!.userId].sort());
  });

  it('two different co-signers at once both count', async () => {
    const id = (await submit(d[3]!)).body.proposal.proposalId;
    const res = await Promise.all([cosign(id, d[0]!), cosign(id, d[1]!), cosign(id, d[2]!)]);
    expect(res.map((r) => r.status)).toEqual([201, 201, 201]);
    const p = await invoke(congress, 'GET', `/congress/proposals/${id}`, { token: officer });
    expect(p.body.proposal).toMatchObject({ status: 'review', cosignCount: 3 });
    expect(p.body.timeline.filter((e: { type: string }) => e.type === 'to-review')).toHaveLength(1);
  });

  it('decision → reply → rating → 落实 → closed, with a timeline the proposer sees', async () => {
    const id = (await submit()).body.proposal.proposalId;
    await cosign(id, d[1]!);
    await cosign(id, d[2]!);

    const noReason = await invoke(congress, 'POST', `/congress/proposals/${id}/decision`, { token: officer, body: { decision: 'reject' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe('reason');
    expect(noReason.body.error.message).toContain('理由');
    const noDept = await invoke(congress, 'POST', `/congress/proposals/${id}/decision`, {
      token: officer,
      body: { decision: 'accept', reason: '事关职工切身利益', replyDeadline: '2099-01-01' },
    });
    expect(noDept.body.error.field).toBe('department');
    const elsewhere = await invoke(congress, 'POST', `/congress/proposals/${id}/decision`, {
      token: strangerOfficer,
      body: { decision: 'reject', reason: '无关' },
    });
    expect(elsewhere.status).toBe(403);
    // Early reply is refused: not yet 立案.
    const early = await invoke(congress, 'POST', `/congress/proposals/${id}/reply`, {
      token: officer,
      body: { reply: '已安排后勤部处理。' },
    });
    expect(early.body.error.code).toBe('PROPOSAL_STATE_INVALID');

    const accepted = await invoke(congress, 'POST', `/congress/proposals/${id}/decision`, {
      token: officer,
      body: { decision: 'accept', reason: '事关职工切身利益', department: '后勤保障部', replyDeadline: '2099-01-01' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.proposal).toMatchObject({ status: 'accepted', department: '后勤保障部', replyDeadline: '2099-01-01' });
    const decideAgain = await invoke(congress, 'POST', `/congress/proposals/${id}/decision`, {
      token: officer,
      body: { decision: 'reject', reason: '改主意' },
    });
    expect(decideAgain.body.error.code).toBe('PROPOSAL_STATE_INVALID');

    const replied = await invoke(congress, 'POST', `/congress/proposals/${id}/reply`, {
      token: officer,
      body: { reply: '已增设座位 80 个，午餐延长至 13:30。' },
    });
    expect(replied.body.proposal.status).toBe('replied');

    const notProposer = await invoke(congress, 'POST', `/congress/proposals/${id}/rating`, {
      token: d[1]!.token,
      body: { rating: '满意' },
    });
    expect(notProposer.status).toBe(403);
    const badRating = await invoke(congress, 'POST', `/congress/proposals/${id}/rating`, { token: d[0]!.token, body: { rating: '很好' } });
    expect(badRating.status).toBe(400);
    expect(badRating.body.error.field).toBe('rating');
    const rated = await invoke(congress, 'POST', `/congress/proposals/${id}/rating`, {
      token: d[0]!.token,
      body: { rating: '基本满意', comment: '希望尽快落实' },
    });
    expect(rated.body.proposal).toMatchObject({ status: 'rated', rating: '基本满意' });

    await invoke(congress, 'POST', `/congress/proposals/${id}/progress`, { token: officer, body: { note: '座位已采购到货' } });
    const closed = await invoke(congress, 'POST', `/congress/proposals/${id}/progress`, {
      token: officer,
      body: { note: '全部安装完成', done: true },
    });
    expect(closed.body.proposal.status).toBe('closed');

    const seen = await invoke(congress, 'GET', `/congress/proposals/${id}`, { token: d[0]!.token });
    expect(seen.body.timeline.map((e: { type: string }) => e.type)).toEqual([
      'submitted',
      'cosigned',
      'cosigned',
      'to-review',
      'accepted',
      'replied',
      'rated',
      'progress',
      'progress',
      'closed',
    ]);
    expect(seen.body.timeline.find((e: { type: string }) => e.type === 'accepted').note).toContain('后勤保障部');
  });

  it('转为意见建议 and 不予立案 keep their reason', async () => {
    for (const decision of ['convert', 'reject'] as const) {
      const id = (await submit()).body.proposal.proposalId;
      await cosign(id, d[1]!);
      await cosign(id, d[2]!);
      const res = await invoke(congress, 'POST', `/congress/proposals/${id}/decision`, {
        token: officer,
        body: { decision, reason: '不属于职代会职权范围' },
      });
      expect(res.body.proposal).toMatchObject({
        status: decision === 'convert' ? 'converted' : 'rejected',
        decisionReason: '不属于职代会职权范围',
      });
    }
  });

  it('flags overdue replies to officers', async () => {
    const id = (await submit()).body.proposal.proposalId;
    await cosign(id, d[1]!);
    await cosign(id, d[2]!);
    await invoke(congress, 'POST', `/congress/proposals/${id}/decision`, {
      token: officer,
      body: { decision: 'accept', reason: '合理', department: '人力资源部', replyDeadline: '2099-12-31' },
    });
    // Time passes: the deadline is now yesterday and no reply came.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await getDocumentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: `PROPOSAL#${id}`, sk: 'META' },
        UpdateExpression: 'SET replyDeadline = :d',
        ExpressionAttributeValues: { ':d': yesterday },
      }),
    );
    const list = await invoke(congress, 'GET', `/congress/sessions/${sessionId}/proposals?overdue=true`, { token: officer });
    expect(list.body.proposals.map((p: { proposalId: string }) => p.proposalId)).toEqual([id]);
    const session = await invoke(congress, 'GET', `/congress/sessions/${sessionId}`, { token: officer });
    expect(session.body.overdueProposals).toBe(1);
  });
});
