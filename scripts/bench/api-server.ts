/**
 * The API for the h5 first-render measurement: an HTTP server that hands each request to the
 * function's handler in this process, as an API Gateway HTTP API event (world.ts `eventOf`), against
 * the bench's DynamoDB Local and demo data. It stands in for serverless-offline, which `npm start`
 * runs: starting that (and a second DynamoDB Local with its own demo data) would add tens of seconds
 * to the bench for the same handlers. Unknown routes answer 404 as API Gateway does.
 */
import { createServer, type Server } from 'node:http';
import { freePort } from '../lib/dynamo-local';
import { areaOf, eventOf } from './world';

export interface ApiServer {
  url: string;
  close(): Promise<void>;
}

export const startApiServer = async (): Promise<ApiServer> => {
  const port = await freePort();
  const server: Server = createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      const area = areaOf(method, path);
      if (!area) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'Not Found' }));
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : Array.isArray(v) ? [[k, v.join(',')]] : [])),
      ) as Record<string, string>;
      const raw = await area.handler(
        eventOf({ area, method, path, headers, ...(chunks.length ? { rawBody: Buffer.concat(chunks).toString('utf8') } : {}) }),
      );
      res.writeHead(raw.statusCode ?? 200, Object.fromEntries(Object.entries(raw.headers ?? {}).map(([k, v]) => [k, String(v)])));
      res.end(raw.isBase64Encoded ? Buffer.from(raw.body ?? '', 'base64') : (raw.body ?? ''));
    } catch (e) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'BENCH_API', message: String(e) } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
};
