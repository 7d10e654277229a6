import { DomainError, hasRole, type SessionClaims } from '@union/shared';
import { type DelegateRecord, getDelegate } from '../../store/congress.repository';
import type { RouteContext } from '../route';

export interface Viewer {
  officer: boolean;
  delegate: DelegateRecord | null;
}

type Ctx = Pick<RouteContext<unknown, unknown, unknown>, 'session' | 'requireRoleOver'>;

const isOfficerOver = async (ctx: Ctx, orgId: string): Promise<boolean> => {
  if (!hasRole(ctx.session, 'officer')) return false;
  try {
    await ctx.requireRoleOver('officer', orgId);
    return true;
  } catch (e) {
    if (e instanceof DomainError && e.code === 'FORBIDDEN_ORG') return false;
    throw e;
  }
};

/** An officer over the session's org, or a delegate on its roster; anyone else is refused. */
export const viewerOf = async (ctx: Ctx, session: { orgId: string; sessionId: string }): Promise<Viewer> => {
  const [officer, delegate] = await Promise.all([isOfficerOver(ctx, session.orgId), getDelegate(session.sessionId, ctx.session.userId)]);
  if (!officer && !delegate) throw new DomainError('NOT_A_DELEGATE', '您不是本次会议的代表', { field: 'sessionId' });
  return { officer, delegate };
};

/** The caller must be on the session's roster (proposals, 附议, 签到, ballots are delegates' acts). */
export const requireDelegate = async (claims: SessionClaims, sessionId: string): Promise<DelegateRecord> => {
  const d = await getDelegate(sessionId, claims.userId);
  if (!d) throw new DomainError('NOT_A_DELEGATE', '您不是本次会议的代表', { field: 'sessionId' });
  return d;
};
