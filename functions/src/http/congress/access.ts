import { DomainError, type SessionClaims } from '@union/shared';
import { type DelegateRecord, getDelegate } from '../../store/congress-roster.repository';
import { type CongressSessionRecord, requireSession } from '../../store/congress-session.repository';
import { type AccessContext, isOfficerOver } from '../officer-over';
import { readAhead } from '../read-ahead';

export interface Viewer {
  officer: boolean;
  delegate: DelegateRecord | null;
}

type Ctx = AccessContext;

const notADelegate = () => new DomainError('NOT_A_DELEGATE', '您不是本次会议的代表', { field: 'sessionId' });

/**
 * An officer over the session's org, or a delegate on its roster; anyone else is refused. The
 * roster entry and (for a caller with an officer grant) the org are read at once.
 */
export const viewerOf = async (ctx: Ctx, session: { orgId: string; sessionId: string }): Promise<Viewer> => {
  const [officer, delegate] = await Promise.all([isOfficerOver(ctx, session.orgId), getDelegate(session.sessionId, ctx.session.userId)]);
  if (!officer && !delegate) throw notADelegate();
  return { officer, delegate };
};

/**
 * A session and who the caller is to it, when only the session's id is known: the session and the
 * caller's roster entry are read at once (a delegate's read: one round trip); the org follows only
 * for a caller with an officer grant. CONGRESS_SESSION_NOT_FOUND comes before NOT_A_DELEGATE.
 */
export const sessionAndViewer = async (
  ctx: Ctx,
  sessionId: string,
  consistent = false,
): Promise<{ session: CongressSessionRecord; viewer: Viewer }> => {
  const entry = readAhead(getDelegate(sessionId, ctx.session.userId));
  const session = await requireSession(sessionId, consistent);
  const [officer, delegate] = await Promise.all([isOfficerOver(ctx, session.orgId), entry]);
  if (!officer && !delegate) throw notADelegate();
  return { session, viewer: { officer, delegate } };
};

/** The caller must be on the session's roster (proposals, 附议, 签到, ballots are delegates' acts). */
export const requireDelegate = async (claims: SessionClaims, sessionId: string): Promise<DelegateRecord> => {
  const d = await getDelegate(sessionId, claims.userId);
  if (!d) throw notADelegate();
  return d;
};
