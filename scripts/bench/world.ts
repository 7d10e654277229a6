/**
 * The world the route measurements run in: DynamoDB Local in memory, the table, the demo data
 * (`npm start`'s), and the functions' handlers called in process as API Gateway would call them.
 *
 * A handler is called with a prebuilt HTTP API (v2) event: the timed region is the handler alone,
 * not building the event or scanning the answer (tests/support/invoke.ts does both for the tests).
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { AREAS } from '../../functions/src/http/areas';
import { setLogSink } from '../../functions/src/platform/logger';
import { type AreaModule, templateOf } from '../../tests/support/invoke';
import { ensureTable, startDynamoLocal } from '../lib/dynamo-local';
import { seedDemo } from '../seed/index';

export { AREAS };

export interface Request {
  area: AreaModule;
  method: string;
  path: string;
  token?: string | undefined;
  body?: unknown;
  /** Sent as-is instead of `body` (the API server passes the browser's request on). */
  rawBody?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  body: any;
}

/** The event API Gateway (HTTP API, payload 2.0) sends for `req`, as tests/support/invoke.ts builds it. */
export const eventOf = (req: Request): APIGatewayProxyEventV2 => {
  const url = new URL(req.path, 'https://api.example.com');
  const query = { ...Object.fromEntries(url.searchParams), ...req.query };
  const match = templateOf(req.area.routes, req.method, url.pathname);
  const body = req.rawBody ?? (req.body === undefined ? undefined : JSON.stringify(req.body));
  const now = Date.now();
  const routeKey = match ? `${req.method} ${match.route.path}` : '$default';
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: new URLSearchParams(query).toString(),
    headers: {
      'content-type': 'application/json',
      host: 'api.example.com',
      'user-agent': 'bench',
      ...(req.token ? { authorization: `Bearer ${req.token}` } : {}),
      ...req.headers,
    },
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(match && Object.keys(match.params).length ? { pathParameters: match.params } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'local',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: { method: req.method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
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

/** The function (area) that answers `method path`, or null. */
export const areaOf = (method: string, path: string): AreaModule | null => {
  const pathname = new URL(path, 'https://x').pathname;
  return Object.values(AREAS).find((a) => templateOf(a.routes, method, pathname)) ?? null;
};

/** Calls the handler with a prebuilt event; parses a JSON answer. */
export const send = async (area: AreaModule, event: APIGatewayProxyEventV2): Promise<Answer> => {
  const raw = await area.handler(event);
  const text = raw.isBase64Encoded ? '' : (raw.body ?? '');
  const json = String(raw.headers?.['content-type'] ?? '').startsWith('application/json') && text;
  return { status: raw.statusCode ?? 200, body: json ? JSON.parse(text) : text };
};

export const call = (req: Request): Promise<Answer> => send(req.area, eventOf(req));

/** Throws unless the answer is a success: a bench that times refusals measures nothing. */
export const expectOk = (what: string, answer: Answer): Answer => {
  if (answer.status < 200 || answer.status > 299) {
    throw new Error(`${what}: expected a 2xx, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 400)}`);
  }
  return answer;
};

/** A session token for a demo identity, through the development sign-in (stage local). */
export const demoToken = async (identityId: string): Promise<string> =>
  expectOk(`dev sign-in as ${identityId}`, await call({ area: AREAS.auth, method: 'POST', path: '/auth/dev', body: { identityId } })).body
    .token;

export interface World {
  endpoint: string;
  tableName: string;
  /** Error lines the functions logged during the run. */
  errors: string[];
  stop(): Promise<void>;
}

/** DynamoDB Local (in memory), the table, and the demo data; points the store (process.env) at them. */
export const startWorld = async (tableName = 'union-service-bench'): Promise<World> => {
  const dynamo = await startDynamoLocal();
  await ensureTable(dynamo.endpoint, tableName);
  Object.assign(process.env, { STAGE: 'local', DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: tableName, AWS_REGION: 'local' });
  const errors: string[] = [];
  setLogSink((line) => {
    if (line.includes('"level":"error"')) errors.push(line);
  });
  await seedDemo();
  return { endpoint: dynamo.endpoint, tableName, errors, stop: () => dynamo.stop() };
};
