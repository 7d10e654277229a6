import { get } from 'node:http';
import type { ParameterReader } from './config';

/**
 * Reads decrypted SSM parameters through the AWS Parameters and Secrets Lambda Extension, a layer
 * (serverless.yml `provider.layers` on every stage but `local`) that answers on localhost: one
 * `GET /systemsmanager/parameters/get?name=…&withDecryption=true` per parameter, authenticated by
 * the function's session token in `X-Aws-Parameters-Secrets-Token`. The extension calls
 * ssm:GetParameter with the function's role and caches the answer, so no SSM SDK client is in any
 * bundle (its 168 KB were parsed at every cold start: README, Function bundles). `node:http` is
 * loaded by the DynamoDB client anyway.
 *
 * Only stages other than `local` call it, once per cold start (loadConfig). The extension answers
 * only during an invocation, not in the init phase: the config is loaded by the first request
 * (getRuntime), never at import. Values are returned, never logged or put into an error message: an error names the
 * parameter and the status, and quotes at most the start of a non-200 answer (the extension's own
 * error text).
 *
 * A parameter the extension reports as absent (404, or 400 naming ParameterNotFound) is left out of
 * the result, so loadConfig refuses with "missing SSM parameter <name>"; any other answer, a
 * refused connection (the layer not attached) or a timeout fails the whole read.
 */

/**
 * How long one request to the extension may take before the read fails and the request answers 503
 * (the next one tries again); the function's own timeout is 10 s. A cold extension calls SSM, which
 * retries when throttled: seconds, not tens of ms, at worst.
 */
export const EXTENSION_TIMEOUT_MS = 5000;

type Env = Record<string, string | undefined>;

export class ExtensionError extends Error {}

interface Answer {
  status: number;
  body: string;
}

const request = (port: number, path: string, token: string, timeoutMs: number): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const req = get({ host: 'localhost', port, path, headers: { 'X-Aws-Parameters-Secrets-Token': token }, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new ExtensionError(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
  });

/** The start of an error answer, on one line: what the extension says went wrong. */
const excerpt = (body: string) => body.replace(/\s+/g, ' ').trim().slice(0, 160);

const isNotFound = ({ status, body }: Answer) => status === 404 || (status === 400 && /ParameterNotFound/.test(body));

/** The parameter's decrypted value from a 200 answer, or undefined when the answer is not one. */
const parameterValue = (body: string): string | undefined => {
  try {
    const value = (JSON.parse(body) as { Parameter?: { Value?: unknown } }).Parameter?.Value;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
};

export const extensionParameterReader =
  (env: Env, timeoutMs = EXTENSION_TIMEOUT_MS): ParameterReader =>
  async (names) => {
    const token = env.AWS_SESSION_TOKEN;
    if (!token) throw new ExtensionError('AWS_SESSION_TOKEN is not set: the Parameters and Secrets extension needs it');
    const port = Number(env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT || 2773);
    const read = async (name: string): Promise<[string, string] | undefined> => {
      const path = `/systemsmanager/parameters/get?name=${encodeURIComponent(name)}&withDecryption=true`;
      let answer: Answer;
      try {
        answer = await request(port, path, token, timeoutMs);
      } catch (e) {
        throw new ExtensionError(
          `cannot reach the Parameters and Secrets extension on localhost:${port} for ${name} (${(e as Error).message}); is its layer attached?`,
        );
      }
      if (isNotFound(answer)) return undefined;
      if (answer.status !== 200) throw new ExtensionError(`the extension answered ${answer.status} for ${name}: ${excerpt(answer.body)}`);
      const value = parameterValue(answer.body);
      // Never quote a 200 answer: it may hold the value.
      if (value === undefined) throw new ExtensionError(`the extension's answer for ${name} holds no Parameter.Value`);
      return [name, value];
    };
    const found = await Promise.all(names.map(read));
    return Object.fromEntries(found.filter((entry) => entry !== undefined));
  };

/** The reader the functions use: the extension, as the Lambda environment describes it. */
export const readSsmParameters: ParameterReader = (names) => extensionParameterReader(process.env)(names);
