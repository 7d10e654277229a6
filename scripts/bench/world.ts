import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { AREAS } from '../../functions/src/http/areas';
import { setLogSink } from '../../functions/src/platform/logger';
import { type AreaModule, httpApiEvent, templateOf } from '../../tests/support/invoke';
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

/** The event API Gateway (HTTP API, payload 2.0) sends for `req`, as the tests build it. */
export const eventOf = (req: Request): APIGatewayProxyEventV2 =>
  httpApiEvent(req.area, req.method, req.path, {
    token: req.token,
    body: req.body,
    ...(req.rawBody !== undefined ? { rawBody: req.rawBody } : {}),
    ...(req.query ? { query: req.query } : {}),
    ...(req.headers ? { headers: req.headers } : {}),
    userAgent: 'bench',
  });

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
