import { DomainError, hasRole } from '@union/shared';
import type { RouteContext } from './route';

export type AccessContext = Pick<RouteContext<unknown, unknown, unknown>, 'session' | 'requireRoleOver'>;

/**
 * Whether the caller is an officer over `orgId` (its org or an ancestor), as a yes or no rather than a
 * refusal, for reads that admit officers beside others (delegates, members of the subtree). Reads the
 * org only for a caller who holds an officer grant somewhere.
 */
export const isOfficerOver = async (ctx: AccessContext, orgId: string): Promise<boolean> => {
  if (!hasRole(ctx.session, 'officer')) return false;
  try {
    await ctx.requireRoleOver('officer', orgId);
    return true;
  } catch (e) {
    if (e instanceof DomainError && e.code === 'FORBIDDEN_ORG') return false;
    throw e;
  }
};
