import { createDecipheriv, createHash } from 'node:crypto';
import { DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { QueryCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { openAnswer } from '../../../functions/src/http/congress/ballot-answer';
import { LOCAL_DEFAULTS } from '../../../functions/src/platform/config';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { invoke } from '../../support/invoke';
import { congress, makeMembers, type Person, sessionWithRoster, setupOrgs, signInAll } from './fixtures';

let officer: string;
let d: Person[];
let motionId: string;

beforeAll(async () => {
  ({ officer } = await setupOrgs());
  d = await makeMembers('c-ent', 'idem', 4);
  const sessionId = await sessionWithRoster(officer, 'c-ent', d);
  await signInAll(sessionId, d);
  const m = await invoke(congress, 'POST', `/congress/sessions/${sessionId}/motions`, {
    token: officer,
    body: { kind: 'vote', title: '关于劳动保护用品发放标准的表决' },
  });
  motionId = m.body.motion.motionId;
  await invoke(congress, 'POST', `/congress/motions/${motionId}/open`, { token: officer });
});

const vote = (who: Person, key: string) =>
  invoke(congress, 'POST', `/congress/motions/${motionId}/ballots`, {
    token: who.token,
    body: { kind: 'vote', option: 'yes' },
    headers: { 'idempotency-key': key },
  });

/** The idempotency records in the table (they are keyed by an HMAC: found by their key prefix). */
const answerItems = async () =>
  ((await getDocumentClient().send(new ScanCommand({ TableName: tableName() }))).Items ?? []).filter((i) =>
    String(i.pk).startsWith('BALLOTIDEMP#'),
  );

/** Opens a sealed answer with a key derived from what the client knows (its key, its id, the motion). */
const openWithClientKnowledge = (sealed: string, userId: string, key: string) => {
  const [iv, tag, body] = sealed.split('.') as [string, string, string];
  const k = createHash('sha256').update(`seal\n${key}\n${userId}\n${motionId}`).digest();
  const decipher = createDecipheriv('aes-256-gcm', k, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
};

describe('ballot idempotency records', () => {
  it('carry a TTL attribute a day ahead (a whole hour), and the table expires items by it', async () => {
    const before = await answerItems();
    const res = await vote(d[0]!, 'k-ttl-0000000000000001');
    expect(res.status).toBe(201);
    const [item] = (await answerItems()).filter((i) => !before.some((b) => b.pk === i.pk));
    const now = Date.now() / 1000;
    expect(typeof item?.ttl).toBe('number');
    expect(item!.ttl).toBeGreaterThan(now + 23 * 3600);
    expect(item!.ttl).toBeLessThan(now + 25 * 3600);
    expect(item!.ttl % 3600).toBe(0);
    const ttl = await getDocumentClient().send(new DescribeTimeToLiveCommand({ TableName: tableName() }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: 'ttl' });
  });

  it('seal the stored answer under the server secret: the client’s key alone does not open it', async () => {
    const before = await answerItems();
    const key = 'k-seal-000000000000001';
    const res = await vote(d[1]!, key);
    expect(res.status).toBe(201);
    const [item] = (await answerItems()).filter((i) => !before.some((b) => b.pk === i.pk));
    const sealed = String(item?.sealed);
    expect(sealed).not.toContain(res.body.receiptCode);
    expect(() => openWithClientKnowledge(sealed, d[1]!.userId, key)).toThrow();
    expect(() => openAnswer(sealed, 'another-server-secret-32-bytes-long!', d[1]!.userId, motionId, key)).toThrow();
    const secret = process.env.SESSION_SECRET ?? LOCAL_DEFAULTS.sessionSecret;
    expect(openAnswer(sealed, secret, d[1]!.userId, motionId, key)).toEqual(res.body);
  });

  it('an expired record is not replayed, even before DynamoDB has deleted it', async () => {
    const key = 'k-expired-00000000001';
    const before = await answerItems();
    expect((await vote(d[2]!, key)).status).toBe(201);
    const [item] = (await answerItems()).filter((i) => !before.some((b) => b.pk === i.pk));
    await getDocumentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: item!.pk, sk: item!.sk },
        UpdateExpression: 'SET #ttl = :past',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 60 },
      }),
    );
    const retry = await vote(d[2]!, key);
    expect(retry.status).toBe(409);
    expect(retry.body.error.code).toBe('VOTE_ALREADY_CAST');
    // The ballot count is unchanged: one for this delegate.
    const voted = await getDocumentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': `MOTION#${motionId}`, ':sk': `VOTED#${d[2]!.userId}` },
      }),
    );
    expect(voted.Count).toBe(1);
  });
});
