import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

// This machine runs Node 20; the SDK's notice about Node 22 says nothing about our code.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

// `import bytes from './x.bin'` yields a Uint8Array, as esbuild's binary loader does in the Lambda
// bundle (serverless.yml custom.esbuild.loader); used for functions/assets/poster-font.bin.
const binaryImport: Plugin = {
  name: 'binary-import',
  enforce: 'pre',
  load(id) {
    if (!id.endsWith('.bin')) return null;
    const base64 = readFileSync(id).toString('base64');
    return `export default new Uint8Array(Buffer.from(${JSON.stringify(base64)}, 'base64'));`;
  },
};

// Three projects, one runner: `npm test` runs them all; `vitest run --project unit` runs one.
// Each lists the plugin: inline projects don't inherit root plugins.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [binaryImport],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        plugins: [binaryImport],
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/dynamo-global-setup.ts'],
          setupFiles: ['tests/support/integration-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        plugins: [binaryImport],
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/e2e-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          pool: 'forks',
        },
      },
    ],
  },
});
