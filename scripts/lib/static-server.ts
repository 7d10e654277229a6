import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * Serves the h5 build and proxies /api/* to the local API, so the app calls its own origin
 * and one build works whatever port the API got.
 */
export const startStaticServer = (
  root: string,
  apiUrl: string,
  port: number,
  /** Sees every API answer the app receives (the e2e run scans them for personal information). */
  onApiResponse?: (route: string, status: number, body: string) => void,
): Promise<Server> =>
  new Promise((resolve, reject) => {
    const api = new URL(apiUrl);
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname.startsWith('/api/')) {
        const upstream = request(
          {
            hostname: api.hostname,
            port: api.port,
            path: url.pathname.slice(4) + url.search,
            method: req.method,
            headers: { ...req.headers, host: api.host },
          },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            if (onApiResponse && String(up.headers['content-type'] ?? '').startsWith('application/json')) {
              const chunks: Buffer[] = [];
              up.on('data', (c: Buffer) => chunks.push(c));
              up.on('end', () =>
                onApiResponse(`${req.method} ${url.pathname.slice(4)}`, up.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')),
              );
            }
            up.pipe(res);
          },
        );
        upstream.on('error', () => {
          res.writeHead(502, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'API_UNAVAILABLE', message: '接口服务未启动' } }));
        });
        req.pipe(upstream);
        return;
      }
      let file = path.join(root, decodeURIComponent(url.pathname));
      if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(root, 'index.html');
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      createReadStream(file).pipe(res);
    });
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
