import { createHmac } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { setLogSink } from '../../../functions/src/platform/logger';
import { invoke } from '../../support/invoke';
import { tokenFor } from '../../support/sessions';
import { makeMember, seedOrgs, type TestMember } from './fixtures';

describe('会员卡 and its verification', () => {
  let courier: TestMember;
  let verifier: string;
  const logs: string[] = [];

  beforeAll(async () => {
    await seedOrgs();
    courier = await makeMember('member-courier', 'logistics', { name: '王小军' });
    verifier = await tokenFor('verifier', [{ role: 'verifier', orgId: 'district' }], '陈静');
    setLogSink((line) => logs.push(line));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const fetchCard = async () => {
    const res = await invoke(AREAS.card, 'GET', '/me/card', { token: courier.token });
    expect(res.status).toBe(200);
    return res.body;
  };

  it('shows the masked name, member number, org, join date, status and a ~60 s token', async () => {
    const body = await fetchCard();
    expect(body.card).toEqual({
      maskedName: '王*军',
      memberNumber: courier.memberNumber,
      orgId: 'logistics',
      orgName: '临江区快递物流行业联合工会',
      joinedOn: '2024-05-01',
      status: 'active',
      statusText: '正常在会',
    });
    const ttl = Date.parse(body.tokenExpiresAt) - Date.parse(body.fetchedAt);
    expect(ttl).toBeGreaterThanOrEqual(59_000);
    expect(ttl).toBeLessThanOrEqual(61_000);
    expect(JSON.stringify(body)).not.toContain('王小军');
  });

  it('answers 有效 with the status and org for a fresh card, and never PII', async () => {
    const { token } = await fetchCard();
    const res = await invoke(AREAS.card, 'POST', '/verify', { token: verifier, body: { token } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      result: '有效',
      memberStatus: 'active',
      memberStatusText: '正常在会',
      orgName: '临江区快递物流行业联合工会',
    });
    expect(res.body.memberNumberMasked).not.toBe(courier.memberNumber);
    expect(res.body.memberNumberMasked.slice(-4)).toBe(courier.memberNumber.slice(-4));
    const text = JSON.stringify(res.body);
    for (const pii of ['王小军', '王*军', 'idEnc', 'phone', 'birthDate', 'member-courier', courier.memberNumber]) {
      expect(text).not.toContain(pii);
    }
    expect(Object.keys(res.body).sort()).toEqual(
      ['checkedAt', 'memberNumberMasked', 'memberStatus', 'memberStatusText', 'orgName', 'reason', 'result'].sort(),
    );
  });

  it('refuses a token replayed after it expired with 已过期', async () => {
    const { token } = await fetchCard();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61_000);
    const res = await invoke(AREAS.card, 'POST', '/verify', { token: verifier, body: { token } });
    expect(res.status).toBe(200);
    expect(res.body.result).toBe('已过期');
    expect(res.body.memberStatus).toBeNull();
    expect(res.body.orgName).toBeNull();
  });

  it('still accepts it just before expiry', async () => {
    const { token } = await fetchCard();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 50_000);
    const res = await invoke(AREAS.card, 'POST', '/verify', { token: verifier, body: { token } });
    expect(res.body.result).toBe('有效');
  });

  it('refuses a token whose member number was changed with 无效', async () => {
    const other = await makeMember('member-other', 'logistics', { name: '李四海' });
    await invoke(AREAS.card, 'GET', '/me/card', { token: other.token });
    const { token } = await fetchCard();
    const [h, p, s] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    expect(claims.mn).toBe(courier.memberNumber);
    claims.mn = other.memberNumber;
    const forged = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
    const res = await invoke(AREAS.card, 'POST', '/verify', { token: verifier, body: { token: forged } });
    expect(res.status).toBe(200);
    expect(res.body.result).toBe('无效');
    expect(res.body.memberStatus).toBeNull();
    expect(res.body.orgName).toBeNull();
  });

  it('refuses a token signed with another key, a session token and garbage with 无效', async () => {
    const { token } = await fetchCard();
    const [h, p] = token.split('.') as [string, string, string];
    const otherSig = createHmac('sha256', 'guessed-secret').update(`${h}.${p}`).digest('base64url');
    for (const t of [`${h}.${p}.${otherSig}`, courier.token, 'not-a-token', `${token}x`]) {
      const res = await invoke(AREAS.card, 'POST', '/verify', { token: verifier, body: { token: t } });
      expect(res.body.result, t).toBe('无效');
    }
  });

  it('refuses members and empty input', async () => {
    const { token } = await fetchCard();
    const asMember = await invoke(AREAS.card, 'POST', '/verify', { token: courier.token, body: { token } });
    expect(asMember.status).toBe(403);
    const empty = await invoke(AREAS.card, 'POST', '/verify', { token: verifier, body: { token: '' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('VALIDATION_FAILED');
    expect(empty.body.error.field).toBe('token');
    expect(empty.body.error.message).toContain('凭证');
  });

  it('answers a signed-in non-member with 404 MEMBERSHIP_NOT_FOUND, not 500', async () => {
    const stranger = await tokenFor('stranger', [{ role: 'member', orgId: 'logistics' }]);
    const res = await invoke(AREAS.card, 'GET', '/me/card', { token: stranger });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('MEMBERSHIP_NOT_FOUND');
  });

  it('logs no name of the member', () => {
    expect(logs.join('\n')).not.toContain('王小军');
  });
});
