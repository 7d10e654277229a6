import { createHash } from 'node:crypto';
import type { RoleGrant, SessionClaims } from '@union/shared';
import { jwtVerify, SignJWT } from 'jose';

const ISSUER = 'union-service';
const AUDIENCE = 'union-miniapp';
/** How long one token lives; the client refreshes it while the session lasts. */
export const SESSION_TTL_SECONDS = 12 * 60 * 60;
/** How long a session lasts from the sign-in, however often it is refreshed. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** A verified session: the claims and when the person signed in (epoch seconds, carried across refreshes). */
export interface VerifiedSession extends SessionClaims {
  authTime: number;
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/**
 * Signs a session token (HS256) carrying the user id, name and role grants, and `auth_time`: the
 * sign-in that started the session (now, unless a refresh carries an earlier one). The token never
 * outlives the session: it expires at the sooner of 12 h and 7 days after `auth_time`.
 */
export const signSession = async (
  claims: SessionClaims,
  secret: string,
  now: Date,
  opts: { authTime?: Date } = {},
): Promise<{ token: string; expiresAt: Date }> => {
  const iat = Math.floor(now.getTime() / 1000);
  const authTime = Math.floor((opts.authTime ?? now).getTime() / 1000);
  const exp = Math.min(iat + SESSION_TTL_SECONDS, authTime + SESSION_MAX_AGE_SECONDS);
  const token = await new SignJWT({ name: claims.displayName, roles: claims.roles, auth_time: authTime })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(keyOf(secret));
  return { token, expiresAt: new Date(exp * 1000) };
};

/** Whether the session begun at `authTime` (epoch seconds) is past its absolute lifetime at `now`. */
export const sessionTooOld = (authTime: number, now: Date): boolean => now.getTime() / 1000 >= authTime + SESSION_MAX_AGE_SECONDS;

/**
 * Tokens this process has verified (signature, algorithm, issuer, audience), with the secret they
 * were verified under and their expiry. A token is immutable, so the same string under the same
 * secret verifies the same way again: only the times are checked again, at each use. A member's
 * client sends one token for up to 12 h; the HMAC (WebCrypto, a thread-pool job) is then paid once
 * per warm instance instead of per request. Kept by the token's SHA-256, so no bearer token stays in
 * memory after its request. Bounded: past MAX_VERIFIED the oldest goes.
 */
const MAX_VERIFIED = 2048;
const verified = new Map<string, { secret: string; exp: number; session: VerifiedSession }>();

const digestOf = (token: string): string => createHash('sha256').update(token).digest('base64url');

const remember = (digest: string, secret: string, exp: number, session: VerifiedSession): void => {
  verified.set(digest, { secret, exp, session });
  if (verified.size > MAX_VERIFIED) verified.delete(verified.keys().next().value as string);
};

/** jose's rule: expired once `exp` is at or before now (whole seconds). */
const expiredAt = (exp: number, now: Date): boolean => exp <= Math.floor(now.getTime() / 1000);

/** Verifies a session token; returns null for anything missing, tampered, expired or past the session's lifetime. */
export const verifySession = async (token: string, secret: string, now: Date): Promise<VerifiedSession | null> => {
  const digest = digestOf(token);
  const known = verified.get(digest);
  if (known && known.secret === secret) {
    if (expiredAt(known.exp, now) || sessionTooOld(known.session.authTime, now)) return null;
    return { ...known.session, roles: [...known.session.roles] };
  }
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: now,
    });
    if (typeof payload.sub !== 'string' || !Array.isArray(payload.roles)) return null;
    // Tokens from before auth_time existed: their own issue time starts the session.
    const authTime = typeof payload.auth_time === 'number' ? payload.auth_time : payload.iat;
    if (typeof authTime !== 'number' || sessionTooOld(authTime, now)) return null;
    const session = { userId: payload.sub, displayName: String(payload.name ?? ''), roles: payload.roles as RoleGrant[], authTime };
    if (typeof payload.exp === 'number') remember(digest, secret, payload.exp, { ...session, roles: [...session.roles] });
    return session;
  } catch {
    return null;
  }
};
