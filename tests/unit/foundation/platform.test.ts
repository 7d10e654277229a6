import { createCipheriv, randomBytes } from 'node:crypto';
import { maskIdNumber, maskName, maskPhone } from '@union/shared';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createPiiCipher, memberProfileBinding, PiiSealError } from '../../../functions/src/platform/crypto';
import { randomId } from '../../../functions/src/platform/ids';
import { redact } from '../../../functions/src/platform/logger';
import { SESSION_MAX_AGE_SECONDS, SESSION_TTL_SECONDS, signSession, verifySession } from '../../../functions/src/platform/session';

const key = Buffer.alloc(32, 1).toString('base64');
const hmac = Buffer.alloc(32, 2).toString('base64');

const id = { record: 'USER#u1', field: 'idNumber' } as const;

/** A ciphertext of the first format (no associated data), as the local demo data may still hold. */
const sealV1 = (plain: string): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'base64'), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
};

describe('PII cipher (AES-256-GCM + HMAC)', () => {
  const pii = createPiiCipher(key, hmac);
  it('round-trips and never repeats a ciphertext', () => {
    const a = pii.encrypt('110101199003074514', id);
    const b = pii.encrypt('110101199003074514', id);
    expect(a).not.toBe(b);
    expect(a).not.toContain('110101199003074514');
    expect(a.startsWith('v2.')).toBe(true);
    expect(pii.decrypt(a, id)).toBe('110101199003074514');
  });
  it('detects tampering', () => {
    const sealed = pii.encrypt('13812345678', { record: 'USER#u1', field: 'phone' });
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] ?? '', 'base64');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString('base64');
    expect(() => pii.decrypt(parts.join('.'), { record: 'USER#u1', field: 'phone' })).toThrow(PiiSealError);
  });
  it('binds each ciphertext to its record and field: moved anywhere else, it does not decrypt', () => {
    const sealed = pii.encrypt('110101199003074514', id);
    expect(() => pii.decrypt(sealed, { record: 'USER#u2', field: 'idNumber' })).toThrow(PiiSealError);
    expect(() => pii.decrypt(sealed, { record: 'USER#u1', field: 'phone' })).toThrow(PiiSealError);
    expect(() => pii.decrypt(sealed, { record: 'USER#u', field: 'idNumber' })).toThrow(/USER#u#idNumber/);
    expect(pii.decrypt(sealed, memberProfileBinding('u1', 'idNumber'))).toBe('110101199003074514');
    // The error names where, never what.
    try {
      pii.decrypt(sealed, { record: 'USER#u2', field: 'idNumber' });
    } catch (e) {
      expect(String((e as Error).message)).not.toContain('110101199003074514');
    }
  });
  it('reads unbound v1 ciphertexts only when told to (the local stage), and never writes them', () => {
    const old = sealV1('13812345678');
    expect(() => pii.decrypt(old, id)).toThrow(/v1/);
    const local = createPiiCipher(key, hmac, { readUnboundV1: true });
    expect(local.decrypt(old, { record: 'USER#anyone', field: 'phone' })).toBe('13812345678');
    expect(local.encrypt('13812345678', id).startsWith('v2.')).toBe(true);
    expect(() => local.decrypt('v9.a.b.c', id)).toThrow(PiiSealError);
    expect(() => local.decrypt('garbage', id)).toThrow(PiiSealError);
  });
  it('hashes deterministically per kind and key', () => {
    expect(pii.hash('id', 'x')).toBe(pii.hash('id', 'x'));
    expect(pii.hash('id', 'x')).not.toBe(pii.hash('phone', 'x'));
    expect(createPiiCipher(key, Buffer.alloc(32, 3).toString('base64')).hash('id', 'x')).not.toBe(pii.hash('id', 'x'));
  });
  it('refuses a key that is not 32 bytes', () => {
    expect(() => createPiiCipher(Buffer.alloc(16).toString('base64'), hmac)).toThrow(/32 bytes/);
  });
});

describe('log redaction', () => {
  it('masks ID numbers and mobile numbers wherever they appear', () => {
    const line = JSON.stringify({ body: '{"idNumber":"11010119900307451X","phone":"13812345678"}', note: 'call 15900001111 now' });
    const out = redact(line);
    expect(out).not.toContain('11010119900307451X');
    expect(out).not.toContain('13812345678');
    expect(out).not.toContain('15900001111');
    expect(out).toContain('1101**********451X');
    expect(out).toContain('138****5678');
  });
  it('leaves other numbers alone', () => {
    expect(redact('member 2026000123 order 12345')).toBe('member 2026000123 order 12345');
    expect(redact('order 1234567890123456789 and 86123')).toBe('order 1234567890123456789 and 86123');
  });
  it.each([
    '+86 138 1234 5678',
    '+86 13812345678',
    '+8613812345678',
    '+86-138-1234-5678',
    '86-13812345678',
    '86-138-1234-5678',
    '008613812345678',
    '8613812345678',
    '138 1234 5678',
    '138-1234-5678',
    'tel:+8613812345678;',
    'phone13812345678x',
  ])('masks the mobile number in %s', (text) => {
    const out = redact(JSON.stringify({ note: text }));
    expect(out).not.toMatch(/1234/);
    expect(out).toContain('138****5678');
  });
  it.each([
    'id320102199001011234x',
    'ID:32010219900101123X',
    'ID32010219900101123Xyz',
    'idNumber=320102199001011234&x=1',
    '身份证号320102199001011234',
    'abc320102199001011234def',
    '320102 19900101 1234',
    '320102-19900101-123X',
  ])('masks the 身份证号 in %s', (text) => {
    const out = redact(JSON.stringify({ note: text }));
    expect(out).not.toContain('19900101');
    expect(out).toContain('3201**********');
  });
});

describe('session tokens', () => {
  const claims = { userId: 'u1', displayName: '王小军', roles: [{ role: 'member' as const, orgId: 'o1' }] };
  const now = new Date('2026-11-22T08:00:00Z');
  it('verifies what it signed', async () => {
    const { token, expiresAt } = await signSession(claims, 'secret-a-long-enough-for-hs256!!', now);
    expect(expiresAt.getTime() - now.getTime()).toBe(SESSION_TTL_SECONDS * 1000);
    expect(await verifySession(token, 'secret-a-long-enough-for-hs256!!', now)).toEqual({ ...claims, authTime: now.getTime() / 1000 });
  });
  it('never outlives the session: a token carrying an old sign-in expires 7 days after it, and one past that is refused', async () => {
    const authTime = new Date(now.getTime() - (SESSION_MAX_AGE_SECONDS - 3600) * 1000);
    const { token, expiresAt } = await signSession(claims, 'secret-a-long-enough-for-hs256!!', now, { authTime });
    expect(expiresAt.getTime()).toBe(authTime.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
    expect(await verifySession(token, 'secret-a-long-enough-for-hs256!!', now)).toMatchObject({ authTime: authTime.getTime() / 1000 });
    expect(await verifySession(token, 'secret-a-long-enough-for-hs256!!', new Date(now.getTime() + 3601 * 1000))).toBeNull();
    // A token whose own expiry is still ahead but whose session began more than 7 days ago.
    const iat = Math.floor(now.getTime() / 1000);
    const stale = await new SignJWT({ name: '王小军', roles: claims.roles, auth_time: iat - SESSION_MAX_AGE_SECONDS - 1 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('u1')
      .setIssuer('union-service')
      .setAudience('union-miniapp')
      .setIssuedAt(iat)
      .setExpirationTime(iat + 600)
      .sign(new TextEncoder().encode('secret-a-long-enough-for-hs256!!'));
    expect(await verifySession(stale, 'secret-a-long-enough-for-hs256!!', now)).toBeNull();
  });
  it('rejects another key, expiry, and a changed payload', async () => {
    const { token } = await signSession(claims, 'secret-a-long-enough-for-hs256!!', now);
    expect(await verifySession(token, 'secret-b-long-enough-for-hs256!!', now)).toBeNull();
    expect(
      await verifySession(token, 'secret-a-long-enough-for-hs256!!', new Date(now.getTime() + (SESSION_TTL_SECONDS + 1) * 1000)),
    ).toBeNull();
    const [h, p, s] = token.split('.') as [string, string, string];
    const forged = JSON.parse(Buffer.from(p, 'base64url').toString());
    forged.sub = 'u2';
    expect(
      await verifySession(
        `${h}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${s}`,
        'secret-a-long-enough-for-hs256!!',
        now,
      ),
    ).toBeNull();
  });
});

describe('session tokens verified before (kept in memory)', () => {
  const claims = { userId: 'u7', displayName: '李秀英', roles: [{ role: 'member' as const, orgId: 'o1' }] };
  const secret = 'secret-c-long-enough-for-hs256!!';
  const now = new Date('2026-11-22T08:00:00Z');
  it('checks the times again at each use: expired at exp, and never past the session', async () => {
    const { token, expiresAt } = await signSession(claims, secret, now);
    expect(await verifySession(token, secret, now)).toEqual({ ...claims, authTime: now.getTime() / 1000 });
    expect(await verifySession(token, secret, new Date(expiresAt.getTime() - 1000))).toMatchObject({ userId: 'u7' });
    expect(await verifySession(token, secret, expiresAt)).toBeNull();
    expect(await verifySession(token, 'secret-d-long-enough-for-hs256!!', now)).toBeNull();
    // Still valid where it was: a refusal under another secret or time does not stick.
    expect(await verifySession(token, secret, now)).toMatchObject({ userId: 'u7' });
  });
  it('answers a copy: what one request does to its session does not reach the next', async () => {
    const { token } = await signSession(claims, secret, now);
    const first = await verifySession(token, secret, now);
    first?.roles.push({ role: 'officer', orgId: 'o1' });
    expect((await verifySession(token, secret, now))?.roles).toEqual(claims.roles);
  });
});

describe('masking and ids', () => {
  it('masks as PRODUCT.md shows', () => {
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('李四')).toBe('李*');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('320102199001011234')).toBe('3201**********1234');
  });
  it('makes ids of the requested length from the safe alphabet, without repeats', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => randomId(16)));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-km-z]{16}$/);
  });
});
