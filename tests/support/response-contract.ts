import { isDeepStrictEqual } from 'node:util';
import type { RouteDef } from '../../functions/src/http/route';
import type { InvokeResult } from './invoke';

/**
 * Where `output` (what a response schema made of `input`) lacks something `input` has: the paths of
 * fields the schema does not declare (zod objects drop unknown keys, so a plain parse accepts them).
 */
export const undeclaredPaths = (input: unknown, output: unknown, path = ''): string[] => {
  if (typeof input !== 'object' || input === null) return [];
  if (typeof output !== 'object' || output === null) return [path || '(root)'];
  const out: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    const at = path ? `${path}.${key}` : key;
    if (!(key in output)) out.push(at);
    else out.push(...undeclaredPaths(value, (output as Record<string, unknown>)[key], at));
  }
  return out;
};

const mediaTypeOf = (res: InvokeResult): string => (res.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';

/**
 * What is wrong with a successful answer against its route's declared response ([] when nothing):
 * - `response` (JSON): the body parses, and exactly — no field the schema does not declare, no value
 *   the schema changes;
 * - `responseMediaTypes` (a file): the content type is one of them and the body is not empty.
 * A route that declares neither has nothing to hold it to (tests/unit/foundation/route-contracts.test.ts
 * requires one of them).
 */
export const responseProblems = (route: RouteDef, res: InvokeResult): string[] => {
  if (route.responseMediaTypes) {
    const problems: string[] = [];
    if (!route.responseMediaTypes.includes(mediaTypeOf(res))) {
      problems.push(`content-type ${mediaTypeOf(res)} is not one of ${route.responseMediaTypes.join(', ')}`);
    }
    if (!res.raw.body) problems.push('the file is empty');
    return problems;
  }
  if (!route.response) return [];
  if (mediaTypeOf(res) !== 'application/json') return [`content-type ${mediaTypeOf(res)} where JSON was declared`];
  const parsed = route.response.safeParse(res.body);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  const undeclared = undeclaredPaths(res.body, parsed.data).map((p) => `${p}: not declared in the response schema`);
  if (undeclared.length > 0) return undeclared;
  return isDeepStrictEqual(parsed.data, res.body) ? [] : ['the response schema changes the body (a transform or a default)'];
};
