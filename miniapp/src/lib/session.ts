import type { RoleGrant, RoleName, SessionResponse } from '@union/shared';
import { platform } from './platform';

const KEY = 'union.session';

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
export const clearSession = (): void => platform.removeItem(KEY);

export const grantsOf = (role: RoleName): RoleGrant[] => getSession()?.user.roles.filter((r) => r.role === role) ?? [];
export const hasRole = (role: RoleName): boolean => grantsOf(role).length > 0;
