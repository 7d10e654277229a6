import { hasRole } from '@union/shared';
import type { ActiveMember } from '../../store/membership.repository';
import { getActiveMember } from '../../store/membership.repository';
import { lineageUnder, notInSubtree } from '../../store/project-conditions';
import { type AccessContext, isOfficerOver } from '../officer-over';
import { readAhead } from '../read-ahead';

type Ctx = AccessContext;

/** Who reads a 征集 or a vote: an officer over its org, or an active member of its subtree. */
export interface ProjectViewer {
  officer: boolean;
  member: ActiveMember | null;
}

/** The caller's active membership, read at once beside the resource (null for a caller who holds no member grant). */
export const memberAhead = (ctx: Ctx): Promise<ActiveMember | null> =>
  readAhead(hasRole(ctx.session, 'member') ? getActiveMember(ctx.session.userId) : Promise.resolve(null));

/**
 * An officer over the scope's org, or an active member in its subtree; anyone else is refused
 * (403 NOT_IN_SUBTREE, naming `field`). The org is read only for a caller with an officer grant
 * whose membership does not already admit them.
 */
export const projectViewer = async (
  ctx: Ctx,
  scope: { orgId: string; orgDepth: number },
  memberRead: Promise<ActiveMember | null>,
  field: string,
): Promise<ProjectViewer> => {
  const member = await memberRead;
  const inSubtree = member !== null && lineageUnder(member.lineage, scope);
  const officer = await isOfficerOver(ctx, scope.orgId);
  if (!officer && !inSubtree) throw notInSubtree(field, '查看');
  return { officer, member: inSubtree ? member : null };
};

/** The signed-in member, in the subtree of `scope` (NOT_IN_SUBTREE otherwise). */
export const requireMemberIn = async (
  scope: { orgId: string; orgDepth: number },
  memberRead: Promise<ActiveMember | null>,
  field: string,
  act: string,
): Promise<ActiveMember> => {
  const member = await memberRead;
  if (!member || !lineageUnder(member.lineage, scope)) throw notInSubtree(field, act);
  return member;
};
