import { DomainError, hasRole, holdsRoleOver, lineageOf, type RoleName, type SessionClaims } from '@union/shared';
import type { z } from 'zod/mini';
import type { VerifiedSession } from '../platform/session';
import { requireOrg } from '../store/org.repository';
import type { Runtime } from './runtime';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: nobody signed in, anyone signed in, or holders of one of the roles. */
export type Access = 'public' | 'signedIn' | readonly RoleName[];

export interface RouteResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Binary payloads (PNG posters) go out base64-encoded. */
  binary?: { contentType: string; data: Buffer };
  text?: { contentType: string; data: string };
}

export interface RouteContext<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  /** Present on every route whose access is not 'public'; `authTime` is when the session began. */
  session: VerifiedSession;
  runtime: Runtime;
  now: Date;
  requestId: string;
  headers: Record<string, string | undefined>;
  /** Throws FORBIDDEN_ORG unless the session holds `role` over `orgId` (its org or an ancestor). */
  requireRoleOver(role: RoleName, orgId: string): Promise<void>;
}

export interface RouteDef<
  B extends z.ZodMiniType = z.ZodMiniType,
  Q extends z.ZodMiniType = z.ZodMiniType,
  P extends z.ZodMiniType = z.ZodMiniType,
> {
  method: HttpMethod;
  /** API Gateway path template, e.g. /invites/{inviteId} */
  path: string;
  access: Access;
  body?: B;
  query?: Q;
  params?: P;
  /**
   * The body's contract when the route validates it in the handler (`body: z.unknown()`, to word its
   * messages itself): the route fuzz test draws bodies from it.
   */
  bodyContract?: z.ZodMiniType;
  handle(ctx: RouteContext<z.infer<B>, z.infer<Q>, z.infer<P>>): Promise<RouteResult>;
}

/**
 * What a route answers on success: the zod/mini schema of its JSON body (a shared contract), or, for a
 * route that sends a file (`binary` / `text`), its media types (content-type without parameters, e.g.
 * 'image/png'). Declared per area in `<area>/responses.ts` by route key, apart from the routes: only
 * the tests hold answers to them, so no function imports them and no bundle builds the schemas at
 * its cold start (docs/ARCHITECTURE.md, Response schemas).
 */
export type RouteResponse = z.ZodMiniType | { mediaTypes: readonly string[] };
/** An area's routes' answers by route key ('GET /me/card'); every route of the area has one. */
export type RouteResponses = Readonly<Record<string, RouteResponse>>;

/** Declares a route with its access, its contracts and its handler. */
export const defineRoute = <
  B extends z.ZodMiniType = z.ZodMiniType,
  Q extends z.ZodMiniType = z.ZodMiniType,
  P extends z.ZodMiniType = z.ZodMiniType,
>(
  def: RouteDef<B, Q, P>,
): RouteDef => def as unknown as RouteDef;

export const routeKey = (r: Pick<RouteDef, 'method' | 'path'>): string => `${r.method} ${r.path}`;

export const checkAccess = (access: Access, session: SessionClaims | null): void => {
  if (access === 'public') return;
  if (!session) throw new DomainError('AUTH_REQUIRED', '请先登录');
  if (access === 'signedIn') return;
  if (!access.some((role) => hasRole(session, role))) {
    throw new DomainError('FORBIDDEN_ROLE', '您没有权限执行此操作');
  }
};

export const makeRequireRoleOver =
  (session: SessionClaims | null) =>
  async (role: RoleName, orgId: string): Promise<void> => {
    if (!session) throw new DomainError('AUTH_REQUIRED', '请先登录');
    const org = await requireOrg(orgId);
    if (!holdsRoleOver(session, role, lineageOf(org))) {
      throw new DomainError('FORBIDDEN_ORG', '只能管理本组织及下级组织的事务', { field: 'orgId' });
    }
  };
