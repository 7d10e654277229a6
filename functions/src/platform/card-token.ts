import { createHmac, randomBytes } from 'node:crypto';
import { CARD_TOKEN_TTL_SECONDS } from '@union/shared';
import { errors, jwtVerify, SignJWT } from 'jose';

const ISSUER = 'union-service';
const AUDIENCE = 'union-card';

/**
 * The card key is derived from the session secret for this one purpose, so a card token can
 * never pass as a session (different key and audience) and no extra secret needs managing.
 */
const cardKey = (sessionSecret: string): Uint8Array => createHmac('sha256', sessionSecret).update('purpose:member-card-token:v1').digest();

export interface CardTokenPayload {
  memberNumber: string;
  orgId: string;
}

/** Signs the QR payload (HS256): member number, org, a nonce, ~60 s of life. */
export const signCardToken = async (
  payload: CardTokenPayload,
  sessionSecret: string,
  now: Date,
  ttlSeconds = CARD_TOKEN_TTL_SECONDS,
): Promise<{ token: string; expiresAt: Date }> => {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ttlSeconds;
  const token = await new SignJWT({ mn: payload.memberNumber, org: payload.orgId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setJti(randomBytes(9).toString('base64url'))
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(cardKey(sessionSecret));
  return { token, expiresAt: new Date(exp * 1000) };
};

export type CardTokenCheck =
  | { kind: 'valid'; payload: CardTokenPayload }
  | { kind: 'expired'; payload: CardTokenPayload }
  | { kind: 'invalid' };

const readPayload = (p: Record<string, unknown>): CardTokenPayload | null =>
  typeof p.mn === 'string' && typeof p.org === 'string' ? { memberNumber: p.mn, orgId: p.org } : null;

/**
 * Checks a scanned token. Expired is reported only for a genuine signature (jose checks the
 * signature before the claims), so a forged token is always 'invalid'.
 */
export const verifyCardToken = async (token: string, sessionSecret: string, now: Date): Promise<CardTokenCheck> => {
  try {
    const { payload } = await jwtVerify(token, cardKey(sessionSecret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: now,
      clockTolerance: 0,
    });
    const p = readPayload(payload);
    return p ? { kind: 'valid', payload: p } : { kind: 'invalid' };
  } catch (e) {
    if (e instanceof errors.JWTExpired) {
      const p = readPayload(e.payload);
      return p ? { kind: 'expired', payload: p } : { kind: 'invalid' };
    }
    return { kind: 'invalid' };
  }
};
