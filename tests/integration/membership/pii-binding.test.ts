import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { maskIdNumber, maskPhone } from '@union/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../functions/src/platform/logger';
import { getDocumentClient, tableName } from '../../../functions/src/store/table';
import { getUser } from '../../../functions/src/store/user.repository';
import { invoke } from '../../support/invoke';
import { userWithToken } from '../../support/sessions';
import { apply, area, createInvite, joinForm, newUser, officerToken, person, seedOrgs } from './fixtures';

/** Encryption binds each ciphertext to its record and field: swapped in the table, it does not decrypt. */

const logs: string[] = [];
let restoreSink: ((line: string) => void) | undefined;
let autoInvite: string;
let reviewInvite: string;

beforeAll(async () => {
  restoreSink = setLogSink((line) => logs.push(line));
  await seedOrgs();
  autoInvite = await createInvite(await officerToken('logistics'), 'logistics', { mode: 'auto' });
  reviewInvite = await createInvite(await officerToken('enterprise'), 'enterprise', { mode: 'review' });
});
afterAll(() => {
  if (restoreSink) setLogSink(restoreSink);
});

const memberToken = async (userId: string) => userWithToken(userId, (await getUser(userId))?.grants ?? [], '会员');

const db = () => getDocumentClient();
const key = (pk: string) => ({ pk, sk: 'META' });
const readItem = async (pk: string) => (await db().send(new GetCommand({ TableName: tableName(), Key: key(pk) }))).Item ?? {};
const setFields = (pk: string, values: Record<string, string>) => {
  const names = Object.keys(values);
  return db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: key(pk),
      UpdateExpression: `SET ${names.map((_n, i) => `#f${i} = :v${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#f${i}`, n])),
      ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:v${i}`, values[n]])),
    }),
  );
};

describe('PII ciphertexts are bound to their record and field', () => {
  it('refuses to read a member’s 身份证号 or phone once swapped with another member’s in the table', async () => {
    const joined = [];
    for (const [userId, n] of [
      ['swap-a', 301],
      ['swap-b', 302],
    ] as const) {
      const res = await apply(await newUser(userId), autoInvite, joinForm(n));
      expect(res.status).toBe(201);
      joined.push({ userId, n, membershipId: res.body.membership.membershipId as string, token: await memberToken(userId) });
    }
    const [a, b] = joined as [(typeof joined)[0], (typeof joined)[0]];

    // Stored sealed, in the bound format, and read back masked.
    const itemA = await readItem(`MEMBERSHIP#${a.membershipId}`);
    const itemB = await readItem(`MEMBERSHIP#${b.membershipId}`);
    expect(String(itemA.idEnc)).toMatch(/^v2\./);
    const before = await invoke(area, 'GET', '/me/membership', { token: a.token });
    expect(before.status).toBe(200);
    expect(before.body.membership.idNumberMasked).toBe(maskIdNumber(person(301).idNumber));
    expect(before.body.membership.phoneMasked).toBe(maskPhone(person(301).phone));

    // Swap the two members' ciphertexts, as a faulty migration or a hand in the table might.
    await setFields(`MEMBERSHIP#${a.membershipId}`, { idEnc: String(itemB.idEnc), phoneEnc: String(itemB.phoneEnc) });
    await setFields(`MEMBERSHIP#${b.membershipId}`, { idEnc: String(itemA.idEnc), phoneEnc: String(itemA.phoneEnc) });
    for (const [m, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const res = await invoke(area, 'GET', '/me/membership', { token: m.token });
      expect(res.status, m.userId).toBe(500);
      expect(res.body.error.code).toBe('INTERNAL');
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(maskIdNumber(person(other.n).idNumber));
      expect(text).not.toContain(maskPhone(person(other.n).phone));
    }

    // Put back, each reads its own again.
    await setFields(`MEMBERSHIP#${a.membershipId}`, { idEnc: String(itemA.idEnc), phoneEnc: String(itemA.phoneEnc) });
    await setFields(`MEMBERSHIP#${b.membershipId}`, { idEnc: String(itemB.idEnc), phoneEnc: String(itemB.phoneEnc) });
    const back = await invoke(area, 'GET', '/me/membership', { token: b.token });
    expect(back.status).toBe(200);
    expect(back.body.membership.idNumberMasked).toBe(maskIdNumber(person(302).idNumber));

    // The failure is logged by where it happened, never with the value.
    const failures = logs.filter((l) => l.includes('PiiSealError'));
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(failures.join('\n')).toContain(`USER#${a.userId}#idNumber`);
    for (const n of [301, 302]) expect(logs.join('\n')).not.toContain(person(n).idNumber);
  });

  it('refuses a ciphertext moved to the other field of the same record, or from another person’s application', async () => {
    const token = await newUser('swap-c');
    const res = await apply(token, reviewInvite, joinForm(303));
    expect(res.status).toBe(201);
    const pk = `APPLICATION#${res.body.application.applicationId}`;
    const item = await readItem(pk);
    const mine = await invoke(area, 'GET', '/me/application', { token });
    expect(mine.body.application.phoneMasked).toBe(maskPhone(person(303).phone));

    // The phone's ciphertext in the 身份证号 field (same record, other field).
    await setFields(pk, { idEnc: String(item.phoneEnc), phoneEnc: String(item.idEnc) });
    const crossed = await invoke(area, 'GET', '/me/application', { token });
    expect(crossed.status).toBe(500);
    expect(JSON.stringify(crossed.body)).not.toContain(maskPhone(person(303).phone));

    // Another person's application's ciphertexts in this one.
    const otherToken = await newUser('swap-d');
    const other = await apply(otherToken, reviewInvite, joinForm(304));
    const otherItem = await readItem(`APPLICATION#${other.body.application.applicationId}`);
    await setFields(pk, { idEnc: String(otherItem.idEnc), phoneEnc: String(otherItem.phoneEnc) });
    const foreign = await invoke(area, 'GET', '/me/application', { token });
    expect(foreign.status).toBe(500);
    expect(JSON.stringify(foreign.body)).not.toContain(maskIdNumber(person(304).idNumber));

    await setFields(pk, { idEnc: String(item.idEnc), phoneEnc: String(item.phoneEnc) });
    expect((await invoke(area, 'GET', '/me/application', { token })).status).toBe(200);
  });
});
