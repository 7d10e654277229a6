/** zod vs zod/mini in a function bundle (esbuild, minified, node20): the figure behind the contracts' choice. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from '../lib/dynamo-local';

export interface ZodRow {
  flavour: string;
  bytes: number;
}

export const measureZod = async (): Promise<ZodRow[]> => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'bench-zod-'));
  try {
    const bundleSize = async (flavour: string) => {
      const entry = path.join(tmp, `${flavour.replace('/', '-')}.ts`);
      writeFileSync(
        entry,
        `import * as z from '${flavour}';\nconst s = z.object({ name: z.string(), n: z.number(), tags: z.array(z.string()) });\nexport const handler = (x: unknown) => s.safeParse(x);\n`,
      );
      const r = await build({
        entryPoints: [entry],
        bundle: true,
        minify: true,
        platform: 'node',
        target: 'node20',
        write: false,
        nodePaths: [path.join(repoRoot, 'node_modules')],
      });
      return r.outputFiles[0]?.contents.byteLength ?? 0;
    };
    return [
      { flavour: 'zod (classic)', bytes: await bundleSize('zod') },
      { flavour: 'zod/mini', bytes: await bundleSize('zod/mini') },
    ];
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
};
