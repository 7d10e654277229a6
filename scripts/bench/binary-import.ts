/**
 * `import bytes from '….bin'` in Node (tsx) as esbuild's binary loader does in the bundles and
 * vitest.config.ts in the tests: a Uint8Array of the file (the poster font of the membership
 * function). Register before anything imports the functions' areas — by dynamic import, since
 * static imports are all loaded before any module runs.
 */
import { register } from 'node:module';

const hook = `
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.bin')) return next(url, context);
  const base64 = readFileSync(fileURLToPath(url)).toString('base64');
  return { format: 'module', shortCircuit: true, source: 'export default new Uint8Array(Buffer.from(' + JSON.stringify(base64) + ', "base64"));' };
}
`;

register(`data:text/javascript,${encodeURIComponent(hook)}`);
