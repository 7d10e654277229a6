import { DomainError, fieldLabel, parseOrThrow } from '@union/shared';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ConfigError } from '../platform/config';
import { logger } from '../platform/logger';
import { verifySession } from '../platform/session';
import { toErrorResponse } from './error-map';
import { assertJsonShape, assertRequestSize } from './request-limits';
import { checkAccess, makeRequireRoleOver, type RouteDef, type RouteResult, routeKey } from './route';
import { getRuntime } from './runtime';

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization,content-type,idempotency-key',
  'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
};

const json = (status: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode: status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...CORS_HEADERS },
  body: JSON.stringify(body),
});

const toResponse = (r: RouteResult): APIGatewayProxyStructuredResultV2 => {
  if (r.binary) {
    return {
      statusCode: r.status ?? 200,
      headers: { 'content-type': r.binary.contentType, ...CORS_HEADERS, ...r.headers },
      body: r.binary.data.toString('base64'),
      isBase64Encoded: true,
    };
  }
  if (r.text) {
    return {
      statusCode: r.status ?? 200,
      headers: { 'content-type': r.text.contentType, ...CORS_HEADERS, ...r.headers },
      body: r.text.data,
    };
  }
  const res = json(r.status ?? 200, r.body ?? {});
  return { ...res, headers: { ...res.headers, ...r.headers } };
};

/** A path segment's %-escapes decoded, or 400 INVALID_PATH naming the parameter ("%E0%A4%A" is not UTF-8). */
const decodePathParam = (name: string, raw: string): string => {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new DomainError('INVALID_PATH', `${fieldLabel([name])}：路径中的编码无效`, { field: name });
  }
};

/** Path template → regex, so a route is found even where routeKey is not set. */
export const templateMatcher = (path: string) => {
  const names: string[] = [];
  const re = new RegExp(
    `^${path.replace(/\{(\w+)\+?\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    })}/?$`,
  );
  return (p: string): Record<string, string> | null => {
    const m = re.exec(p);
    if (!m) return null;
    return Object.fromEntries(names.map((n, i) => [n, decodePathParam(n, m[i + 1] ?? '')]));
  };
};

const parseBody = (event: APIGatewayProxyEventV2): unknown => {
  if (event.body === undefined || event.body === null || event.body === '') return {};
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new DomainError('INVALID_JSON', '请求体不是有效的 JSON', { field: 'body' });
  }
  assertJsonShape(value);
  return value;
};

const bearer = (headers: Record<string, string | undefined>): string | null => {
  const value = headers.authorization ?? headers.Authorization;
  const m = value ? /^Bearer\s+(\S+)$/i.exec(value) : null;
  return m?.[1] ?? null;
};

/**
 * One Lambda handler for an area's routes: checks the request's size (request-limits.ts), finds
 * the route, authenticates, checks the declared roles, validates params, query and body with the
 * shared contracts, runs the route, and maps every error to `{ error: { code, message, field? } }`
 * with a 4xx/5xx.
 */
export const createHandler = (routes: readonly RouteDef[]) => {
  const table = routes.map((r) => ({ route: r, key: routeKey(r), match: templateMatcher(r.path) }));
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const requestId = event.requestContext?.requestId ?? 'local';
    const method = event.requestContext?.http?.method ?? 'GET';
    if (method === 'OPTIONS') return { statusCode: 204, headers: CORS_HEADERS };
    const path = event.rawPath ?? event.requestContext?.http?.path ?? '/';
    try {
      assertRequestSize(event, path);
      const found = table.find((t) => t.key === event.routeKey) ?? table.find((t) => t.route.method === method && t.match(path) !== null);
      if (!found) throw new DomainError('ROUTE_NOT_FOUND', '接口不存在');
      const route = found.route;
      const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      const runtime = await getRuntime();
      const now = new Date();
      const token = bearer(headers);
      const session = token ? await verifySession(token, runtime.config.sessionSecret, now) : null;
      if (route.access !== 'public' && token && !session) throw new DomainError('AUTH_INVALID', '登录已失效，请重新登录');
      checkAccess(route.access, session);
      const params = route.params ? parseOrThrow(route.params, event.pathParameters ?? found.match(path) ?? {}) : {};
      const query = route.query ? parseOrThrow(route.query, event.queryStringParameters ?? {}) : {};
      const body = route.body ? parseOrThrow(route.body, parseBody(event)) : {};
      const result = await route.handle({
        body,
        query,
        params,
        session: session as never,
        runtime,
        now,
        requestId,
        headers,
        requireRoleOver: makeRequireRoleOver(session),
      });
      return toResponse(result);
    } catch (e) {
      if (e instanceof ConfigError) {
        logger.error('configuration refused', { requestId, reason: e.message });
        return json(503, { error: { code: 'CONFIG_REFUSED', message: '服务配置不安全，已拒绝启动' } });
      }
      const { status, body } = toErrorResponse(e, requestId);
      if (status >= 500) logger.error('request failed', { requestId, route: `${method} ${path}`, code: body.error.code });
      return json(status, body);
    }
  };
};
