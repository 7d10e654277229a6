import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { RouteDef } from '../../functions/src/http/route';
import { templateMatcher } from '../../functions/src/http/router';
import { OWN_DATA_ROUTES, piiFindings } from './pii-scan';

type Handler = (e: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

export interface AreaModule {
  routes: readonly RouteDef[];
  handler: Handler;
}

export interface InvokeOptions {
  token?: string | undefined;
  body?: unknown;
  /** Sent as-is (for malformed JSON tests). */
  rawBody?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface InvokeResult<T = any> {
  status: number;
  body: T;
  headers: Record<string, string>;
  raw: APIGatewayProxyStructuredResultV2;
}

/** The route of `routes` that answers `method path` (a path without its query), with its decoded path values: the router's own matcher. */
export const templateOf = (routes: readonly RouteDef[], method: string, path: string) => {
  for (const r of routes) {
    if (r.method !== method) continue;
    const params = templateMatcher(r.path)(path);
    if (params) return { route: r, params };
  }
  return null;
};

/** A real API Gateway HTTP API (payload 2.0) event for `method path`, as AWS sends it (the bench builds its requests with it too). */
export const httpApiEvent = (
  area: AreaModule,
  method: string,
  pathWithQuery: string,
  opts: InvokeOptions & { userAgent?: string } = {},
): APIGatewayProxyEventV2 => {
  const url = new URL(pathWithQuery, 'https://api.example.com');
  const query = { ...Object.fromEntries(url.searchParams), ...opts.query };
  const match = templateOf(area.routes, method, url.pathname);
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const userAgent = opts.userAgent ?? 'vitest';
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    host: 'api.example.com',
    'user-agent': userAgent,
    ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    ...opts.headers,
  };
  const now = Date.now();
  const routeKey = match ? `${method} ${match.route.path}` : '$default';
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: new URLSearchParams(query).toString(),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(match && Object.keys(match.params).length ? { pathParameters: match.params } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'local',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: false,
  };
};

/** Builds a real API Gateway HTTP API (v2) event, as AWS sends it, and invokes the area's handler. */
export const invoke = async <T = any>(
  area: AreaModule,
  method: string,
  pathWithQuery: string,
  opts: InvokeOptions = {},
): Promise<InvokeResult<T>> => {
  const event = httpApiEvent(area, method, pathWithQuery, opts);
  const url = new URL(pathWithQuery, 'https://api.example.com');
  const match = templateOf(area.routes, method, url.pathname);
  const raw = await area.handler(event);
  const text = raw.isBase64Encoded ? '' : (raw.body ?? '');
  // Every response of the whole run is scanned for personal information (issue 10).
  const routeKey = match ? `${method} ${match.route.path}` : `${method} ${url.pathname}`;
  if (!OWN_DATA_ROUTES.has(routeKey)) {
    const found = piiFindings(text);
    if (found.length > 0) {
      throw new Error(`PII in the response of ${routeKey} (${raw.statusCode}): ${found.map((f) => `${f.kind} ${f.text}`).join(', ')}`);
    }
  }
  const contentType = String(raw.headers?.['content-type'] ?? '');
  return {
    status: raw.statusCode ?? 200,
    body: contentType.startsWith('application/json') && text ? JSON.parse(text) : text,
    headers: Object.fromEntries(Object.entries(raw.headers ?? {}).map(([k, v]) => [k, String(v)])),
    raw,
  };
};
