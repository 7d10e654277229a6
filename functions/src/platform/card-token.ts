import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { CARD_TOKEN_TTL_SECONDS } from '@union/shared';

/**
 * The card's QR token: a payload sealed with AES-256-GCM under a server key, so a scanner reads
 * nothing in it — no member number, org or user id, only random-looking bytes — and cannot alter
 * it. Only POST /verify opens it.
 *
 * Format: `c2.` + base64url(iv ‖ ciphertext ‖ tag) of the holder's account, member number, org and
 * expiry. Verification reads the account's active membership: two GetItems (pointer, membership).
 */
const PREFIX = 'c2.';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const AAD = Buffer.from('union-service/member-card-token/v2', 'utf8');

/**
 * The card key is derived from the session secret for this one purpose (HKDF), so a card token can
 * never pass as a session (other key, other format) and no extra secret needs managing.
 */
const derived = new Map<string, Buffer>();
const cardKey = (sessionSecret: string): Buffer => {
  let key = derived.get(sessionSecret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', sessionSecret, 'union-service', 'purpose:member-card-token:v2', 32));
    // One secret per stage; a second one only where tests switch secrets.
    if (derived.size > 8) derived.clear();
    derived.set(sessionSecret, key);
  }
  return key;
};

export interface CardTokenPayload {
  userId: string;
  memberNumber: string;
  orgId: string;
}

/** Seals the QR payload: account, member number, org, ~60 s of life. Each token differs (random IV). */
export const signCardToken = async (
  payload: CardTokenPayload,
  sessionSecret: string,
  now: Date,
  ttlSeconds = CARD_TOKEN_TTL_SECONDS,
): Promise<{ token: string; expiresAt: Date }> => {
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', cardKey(sessionSecret), iv);
  cipher.setAAD(AAD);
  const plain = JSON.stringify({ u: payload.userId, n: payload.memberNumber, o: payload.orgId, x: exp });
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const token = PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  return { token, expiresAt: new Date(exp * 1000) };
};

export type CardTokenCheck =
  | { kind: 'valid'; payload: CardTokenPayload }
  | { kind: 'expired'; payload: CardTokenPayload }
  | { kind: 'invalid' };

const open = (token: string, sessionSecret: string): { payload: CardTokenPayload; exp: number } | null => {
  if (!token.startsWith(PREFIX)) return null;
  const raw = token.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  const bytes = Buffer.from(raw, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', cardKey(sessionSecret), bytes.subarray(0, IV_BYTES));
    decipher.setAAD(AAD);
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
    const p = JSON.parse(plain.toString('utf8')) as Record<string, unknown>;
    if (typeof p.u !== 'string' || typeof p.n !== 'string' || typeof p.o !== 'string' || typeof p.x !== 'number') return null;
    return { payload: { userId: p.u, memberNumber: p.n, orgId: p.o }, exp: p.x };
  } catch {
    return null;
  }
};

/**
 * Checks a scanned token. Expired is reported only for a genuine token (it is opened and
 * authenticated before its expiry is read), so a forged or foreign-key token is always 'invalid'.
 */
export const verifyCardToken = async (token: string, sessionSecret: string, now: Date): Promise<CardTokenCheck> => {
  const opened = open(token, sessionSecret);
  if (!opened) return { kind: 'invalid' };
  return Math.floor(now.getTime() / 1000) < opened.exp
    ? { kind: 'valid', payload: opened.payload }
    : { kind: 'expired', payload: opened.payload };
};
