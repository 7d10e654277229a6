import { isDeepStrictEqual } from 'node:util';
import { responseOf } from '../../functions/src/http/area-responses';
import { type RouteDef, routeKey } from '../../functions/src/http/route';
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
 * What is wrong with a successful answer against its route's declared response (`<area>/responses.ts`,
 * [] when nothing):
 * - a schema (JSON): the body parses, and exactly — no field the schema does not declare, no value
 *   the schema changes;
 * - `{ mediaTypes }` (a file): the content type is one of them and the body is not empty.
 * A route that declares nothing is a problem (tests/unit/foundation/route-contracts.test.ts requires a
 * declaration for every route).
 */
export const responseProblems = (route: RouteDef, res: InvokeResult): string[] => {
  const declared = responseOf(routeKey(route));
  if (!declared) return [`${routeKey(route)} declares no response (<area>/responses.ts)`];
  if ('mediaTypes' in declared) {
    const problems: string[] = [];
    if (!declared.mediaTypes.includes(mediaTypeOf(res))) {
      problems.push(`content-type ${mediaTypeOf(res)} is not one of ${declared.mediaTypes.join(', ')}`);
    }
    if (!res.raw.body) problems.push('the file is empty');
    return problems;
  }
  if (mediaTypeOf(res) !== 'application/json') return [`content-type ${mediaTypeOf(res)} where JSON was declared`];
  const parsed = declared.safeParse(res.body);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  const undeclared = undeclaredPaths(res.body, parsed.data).map((p) => `${p}: not declared in the response schema`);
  if (undeclared.length > 0) return undeclared;
  return isDeepStrictEqual(parsed.data, res.body) ? [] : ['the response schema changes the body (a transform or a default)'];
};
