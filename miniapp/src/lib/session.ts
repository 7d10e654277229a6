import type { RoleGrant, RoleName, SessionResponse } from '@union/shared';
import { SESSION_KEY as KEY, signOutOf } from './device-store';
import { platform } from './platform';

export type StoredSession = SessionResponse;

export const getSession = (): StoredSession | null => {
  const s = platform.getItem<StoredSession>(KEY);
  if (!s) return null;
  if (new Date(s.expiresAt).getTime() <= Date.now()) {
    platform.removeItem(KEY);
    return null;
  }
  return s;
};

export const saveSession = (s: StoredSession): void => platform.setItem(KEY, s);
/** Forgets the session (an expired or refused token); what the device keeps for the person stays. */
export const clearSession = (): void => platform.removeItem(KEY);
/** 退出登录: the session and what this device kept for the person (their ballot receipts). */
export const signOut = (): void => signOutOf(platform);

export const grantsOf = (role: RoleName): RoleGrant[] => getSession()?.user.roles.filter((r) => r.role === role) ?? [];
export const hasRole = (role: RoleName): boolean => grantsOf(role).length > 0;
