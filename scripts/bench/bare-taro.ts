/**
 * The floor of the mini-program measurements: a bare Taro 4 React app — one page rendering a
 * <View>text</View> — written by the bench into .bench/bare-taro (git-ignored) and built with the same
 * Taro CLI, webpack5 runner and packages as miniapp/ (it resolves them from the repo's node_modules),
 * with miniapp/config/index.ts's settings minus what belongs to the app (its API base, the shared
 * workspace alias, sass).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../lib/dynamo-local';

export const BARE_TARO_DIR = path.join(repoRoot, '.bench/bare-taro');
/** What the bare page renders; the first-render measurement waits for it. */
export const BARE_SELECTOR = '[data-testid="bare"]';

const miniappPackage = () => JSON.parse(readFileSync(path.join(repoRoot, 'miniapp/package.json'), 'utf8')) as Record<string, unknown>;

const files = (): Record<string, string> => ({
  'package.json': JSON.stringify(
    {
      name: 'bare-taro',
      private: true,
      templateInfo: { name: 'default', typescript: true, css: 'None', framework: 'React' },
      browserslist: miniappPackage().browserslist,
    },
    null,
    2,
  ),
  'babel.config.js': `module.exports = { presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]] };\n`,
  'project.config.json': JSON.stringify({
    miniprogramRoot: 'dist/weapp/',
    projectname: 'bare-taro',
    appid: 'touristappid',
    compileType: 'miniprogram',
  }),
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      jsx: 'react-jsx',
      strict: true,
      skipLibCheck: true,
    },
    include: ['src', 'config'],
  }),
  'config/index.ts': `import { defineConfig, type UserConfigExport } from '@tarojs/cli';

const outputRoot = process.env.TARO_OUTPUT ?? \`dist/\${process.env.TARO_ENV ?? 'weapp'}\`;

export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'bare-taro',
    date: '2026-11-30',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: { postcss: { pxtransform: { enable: true, config: {} }, cssModules: { enable: false } } },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      postcss: { autoprefixer: { enable: true, config: {} }, cssModules: { enable: false } },
    },
  };
  return config;
});
`,
  'src/app.config.ts': `export default defineAppConfig({
  pages: ['pages/index/index'],
  window: { navigationBarTitleText: 'bare', navigationBarBackgroundColor: '#ffffff', navigationBarTextStyle: 'black' },
});
`,
  'src/app.tsx': `import type { PropsWithChildren } from 'react';

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
`,
  'src/pages/index/index.config.ts': `export default definePageConfig({ navigationBarTitleText: 'bare' });\n`,
  'src/pages/index/index.tsx': `import { View } from '@tarojs/components';

export default function Index() {
  return <View data-testid="bare">text</View>;
}
`,
  'src/index.html': readFileSync(path.join(repoRoot, 'miniapp/src/index.html'), 'utf8'),
});

export const bareDist = (type: 'h5' | 'weapp'): string => path.join(BARE_TARO_DIR, 'dist', type);

/** Writes the bare project (its files, not its builds); returns its directory and its files, for the build's inputs. */
export const writeBareTaro = (): { dir: string; files: Record<string, string> } => {
  const all = files();
  for (const [file, text] of Object.entries(all)) {
    const p = path.join(BARE_TARO_DIR, file);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return { dir: BARE_TARO_DIR, files: all };
};
