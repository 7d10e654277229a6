import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the AWS Parameters and Secrets Lambda Extension's HTTP endpoint
 * (`GET /systemsmanager/parameters/get?name=…&withDecryption=true`, header
 * `X-Aws-Parameters-Secrets-Token`), answering as the extension does:
 * - 200 with GetParameter's output, `{ Parameter: { ARN, DataType, LastModifiedDate, Name, Type, Value,
 *   Version }, ResultMetadata: {} }`; without `withDecryption=true` a SecureString's Value is its
 *   ciphertext, as SSM returns it.
 * - a wrong or missing token: 401 with a text body; an unknown parameter: 400 with SSM's
 *   ParameterNotFound error (or 404 when `notFoundStatus` is 404); any name in `failures` answers
 *   the status and body given there (403 AccessDenied, 500, a broken 200 …).
 * Point a function at it with PARAMETERS_SECRETS_EXTENSION_HTTP_PORT=`port` and AWS_SESSION_TOKEN=`token`.
 */
export interface ParametersExtensionStandIn {
  port: number;
  token: string;
  /** Name → decrypted value. Replace or edit between requests. */
  parameters: Record<string, string>;
  failures: Map<string, { status: number; body: string }>;
  notFoundStatus: 400 | 404;
  /** Every request received, in order. */
  requests: Array<{ method: string; path: string; name: string | null; withDecryption: string | null; token: string | undefined }>;
  close(): Promise<void>;
}

export const startParametersExtensionStandIn = async (parameters: Record<string, string> = {}): Promise<ParametersExtensionStandIn> => {
  const standIn = {
    token: `session-token-${Math.random().toString(36).slice(2)}`,
    parameters,
    failures: new Map(),
    notFoundStatus: 400,
    requests: [],
  } as unknown as ParametersExtensionStandIn;

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const name = url.searchParams.get('name');
    const withDecryption = url.searchParams.get('withDecryption');
    const token = req.headers['x-aws-parameters-secrets-token'] as string | undefined;
    standIn.requests.push({ method: req.method ?? '', path: url.pathname, name, withDecryption, token });
    const send = (status: number, body: string, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (token !== standIn.token) return send(401, 'unauthorized: missing or invalid X-Aws-Parameters-Secrets-Token', 'text/plain');
    if (req.method !== 'GET' || url.pathname.replace(/\/$/, '') !== '/systemsmanager/parameters/get' || !name) {
      return send(400, 'bad request', 'text/plain');
    }
    const failure = standIn.failures.get(name);
    if (failure) return send(failure.status, failure.body);
    if (!(name in standIn.parameters)) {
      return standIn.notFoundStatus === 404
        ? send(404, 'parameter not found', 'text/plain')
        : send(400, JSON.stringify({ __type: 'ParameterNotFound', message: `Parameter ${name} not found.` }));
    }
    const decrypted = standIn.parameters[name] as string;
    return send(
      200,
      JSON.stringify({
        Parameter: {
          ARN: `arn:aws-cn:ssm:cn-north-1:123456789012:parameter${name}`,
          DataType: 'text',
          LastModifiedDate: '2026-11-30T00:00:00Z',
          Name: name,
          Selector: null,
          SourceResult: null,
          Type: 'SecureString',
          Value: withDecryption === 'true' ? decrypted : `AQICAH${Buffer.from(decrypted).toString('base64')}`,
          Version: 1,
        },
        ResultMetadata: {},
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  standIn.port = (server.address() as AddressInfo).port;
  standIn.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return standIn;
};
