import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AREAS } from '../../../functions/src/http/areas';
import { signCardToken } from '../../../functions/src/platform/card-token';
import { setLogSink } from '../../../functions/src/platform/logger';
import { getActiveMembershipRecord } from '../../../functions/src/store/membership.repository';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { qrImageSource } from '../../../miniapp/src/features/card/qr.h5';
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
      ['checkedAt', 'memberNumberMasked', 'memberStatus', 'memberStatusText', 'nextStep', 'orgName', 'reason', 'result'].sort(),
    );
    expect(res.body.nextStep).toBe('可以为会员办理本次服务或优惠。');
  });

  it('refuses a token replayed after it expired with 已过期', async () => {
    const { token } = await fetchCard();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61_000);
    const res = await invoke(AREAS.card, 'POST', '/verify', { token: verifier, body: { token } });
    expect(res.status).toBe(200);
    expect(res.body.result).toBe('已过期');
    // What to do next, in words: ask for a fresh code; never grant on this one.
    expect(res.body.nextStep).toContain('刷新');
    expect(res.body.nextStep).toContain('不能办理');
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

  it('puts an opaque token in the QR: decoded, it shows no member number, org or user id', async () => {
    const body = await fetchCard();
    // Render the QR as the h5 card page does, and read it back as a scanner would.
    const dataUrl = await qrImageSource(body.token);
    const image = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
    const scanned = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
    expect(scanned).toBe(body.token);
    // Whatever a curious scanner tries: the text itself, and every part decoded as base64 / base64url.
    const readings = [scanned!, ...scanned!.split(/[.~:]/).flatMap((part) => [Buffer.from(part, 'base64url'), Buffer.from(part, 'base64')])]
      .flatMap((x) => (typeof x === 'string' ? [x] : [x.toString('utf8'), x.toString('latin1')]))
      .join('\n')
      .toLowerCase();
    for (const secret of [
      courier.memberNumber,
      courier.memberNumber.slice(-6),
      courier.userId,
      `m-${courier.userId}`,
      'logistics',
      '王小军',
    ]) {
      expect(readings, secret).not.toContain(secret.toLowerCase());
    }
    // And it still verifies.
    const res = await invoke(AREAS.card, 'POST', '/verify', { token: verifier, body: { token: scanned } });
    expect(res.body.result).toBe('有效');
  });

  it('verifies with at most two DynamoDB calls', async () => {
    const { token } = await fetchCard();
    const client = getDocumentClient();
    const commands: string[] = [];
    client.middlewareStack.add(
      (next, context) => async (args) => {
        commands.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'countVerifyCalls' },
    );
    try {
      const res = await invoke(AREAS.card, 'POST', '/verify', { token: verifier, body: { token } });
      expect(res.body.result).toBe('有效');
    } finally {
      client.middlewareStack.remove('countVerifyCalls');
    }
    expect(commands.length, commands.join(', ')).toBeLessThanOrEqual(2);
  });

  it('refuses a token whose sealed bytes were changed or spliced from another member’s token with 无效', async () => {
    const other = await makeMember('member-other', 'logistics', { name: '李四海' });
    const otherCard = await invoke(AREAS.card, 'GET', '/me/card', { token: other.token });
    const { token } = await fetchCard();
    const [prefix, raw] = token.split('.') as [string, string];
    const bytes = Buffer.from(raw, 'base64url');
    const otherBytes = Buffer.from((otherCard.body.token as string).split('.')[1] ?? '', 'base64url');
    const forgeries: string[] = [];
    for (const i of [0, 12, 20, bytes.length - 1]) {
      const b = Buffer.from(bytes);
      b[i] = (b[i] ?? 0) ^ 1;
      forgeries.push(`${prefix}.${b.toString('base64url')}`);
    }
    // Their body with this token's IV and tag, and the other way round.
    forgeries.push(`${prefix}.${Buffer.concat([bytes.subarray(0, 12), otherBytes.subarray(12)]).toString('base64url')}`);
    forgeries.push(`${prefix}.${Buffer.concat([otherBytes.subarray(0, 12), bytes.subarray(12)]).toString('base64url')}`);
    forgeries.push(`${prefix}.${bytes.subarray(0, bytes.length - 1).toString('base64url')}`);
    for (const forged of forgeries) {
      const res = await invoke(AREAS.card, 'POST', '/verify', { token: verifier, body: { token: forged } });
      expect(res.status).toBe(200);
      expect(res.body.result, forged).toBe('无效');
      expect(res.body.nextStep.startsWith('不要办理')).toBe(true);
      expect(res.body.memberStatus).toBeNull();
      expect(res.body.orgName).toBeNull();
    }
  });

  it('refuses a token sealed with another key, a session token, an old-style JWT and garbage with 无效', async () => {
    const { token } = await fetchCard();
    const foreign = await signCardToken(
      { userId: courier.userId, memberNumber: courier.memberNumber, orgId: 'logistics' },
      'guessed-secret-guessed-secret-0123',
      new Date(),
    );
    const jwtLike = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(JSON.stringify({ mn: courier.memberNumber, org: 'logistics' })).toString('base64url')}.sig`;
    for (const t of [foreign.token, courier.token, jwtLike, 'not-a-token', `${token}x`, `${token}=`, 'c2.', 'c2.AAAA']) {
      const res = await invoke(AREAS.card, 'POST', '/verify', { token: verifier, body: { token: t } });
      expect(res.status, t).toBe(200);
      expect(res.body.result, t).toBe('无效');
    }
  });

  it('answers 无效 with 非在会 for a genuine token of a membership that has ended', async () => {
    const leaver = await makeMember('member-leaver', 'logistics', { name: '赵六' });
    const card = await invoke(AREAS.card, 'GET', '/me/card', { token: leaver.token });
    const membership = await getActiveMembershipRecord(leaver.userId);
    await getDocumentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: `MEMBERSHIP#${membership!.membershipId}`, sk: 'META' },
        UpdateExpression: 'SET #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'transferred' },
      }),
    );
    const res = await invoke(AREAS.card, 'POST', '/verify', { token: verifier, body: { token: card.body.token } });
    expect(res.body).toMatchObject({ result: '无效', memberStatus: 'inactive', memberStatusText: '非在会', orgName: null });
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
