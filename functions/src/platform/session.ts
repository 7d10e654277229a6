import type { RoleGrant, SessionClaims } from '@union/shared';
import { jwtVerify, SignJWT } from 'jose';

const ISSUER = 'union-service';
const AUDIENCE = 'union-miniapp';
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/** Signs a session token (HS256) carrying the user id, name and role grants. */
export const signSession = async (claims: SessionClaims, secret: string, now: Date): Promise<{ token: string; expiresAt: Date }> => {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + SESSION_TTL_SECONDS;
  const token = await new SignJWT({ name: claims.displayName, roles: claims.roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(keyOf(secret));
  return { token, expiresAt: new Date(exp * 1000) };
};

/** Verifies a session token; returns null for anything missing, tampered or expired. */
export const verifySession = async (token: string, secret: string, now: Date): Promise<SessionClaims | null> => {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: now,
    });
    if (typeof payload.sub !== 'string' || !Array.isArray(payload.roles)) return null;
    return { userId: payload.sub, displayName: String(payload.name ?? ''), roles: payload.roles as RoleGrant[] };
  } catch {
    return null;
  }
};
