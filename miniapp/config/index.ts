import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import type Chain from 'webpack-chain';
import { preloadScript } from './preload';
import { subscribeTemplateIds } from './subscribe-templates';

// The API base URL is baked in at build time: `npm start` and the e2e harness pass
// TARO_APP_API (their local serverless-offline URL); a release build passes the deployed one.
const apiBase = process.env.TARO_APP_API ?? 'http://127.0.0.1:3000';
// The shared workspace is TypeScript source: Taro must compile it like src/.
const sharedSrc = path.resolve(__dirname, '../../shared/src');
const outputRoot = process.env.TARO_OUTPUT ?? `dist/${process.env.TARO_ENV ?? 'weapp'}`;

// `TARO_STATS=/tmp/weapp-stats.json npx taro build --type weapp` writes which modules each chunk holds
// and their sizes (webpack's stats), to see what the main package or a page chunk carries.
const statsFile = process.env.TARO_STATS;

// The shared workspace has no package build, so webpack cannot know its modules are free of side effects
// and would keep every module the shared index re-exports. Only zod-locale has one (zod's Chinese messages).
const sharedIsPure = (chain: Chain) => {
  chain.module
    .rule('shared-side-effect-free')
    .include.add(sharedSrc)
    .end()
    .exclude.add(path.join(sharedSrc, 'domain/common/zod-locale.ts'))
    .end()
    .set('sideEffects', false);
};

// h5: Taro splits only the initial chunks (`chunks: 'initial'`), and the pages are lazy chunks, so every
// page chunk carried its own copy of the components, the h5 APIs, React glue, lib/ and shared/ (27 chunks of
// 190–220 KB). Split the lazy chunks too:
// - `framework` (React, Taro's runtime, router and components, babel helpers) loads with the app;
// - `lib` (the request client, session, platform, banners, lists: what nearly every page uses) is one chunk;
// - code two or more pages share goes into common chunks, within a budget of three requests per page
//   (`maxAsyncRequests`): past it webpack keeps a shared module in the page chunk. Without the budget, no
//   module is ever copied (0.68 MB in all, against 0.86 MB) but a page waits on up to ten small chunks, and
//   its first render measured slower: in one alternating run of scripts/bench/h5-render-probe.ts, member home
//   1.44× a bare Taro page and card 1.53× without it, 1.11× and 1.15× with lib and a budget of four.
const h5Chunks = (chain: Chain) => {
  chain.optimization.splitChunks({
    chunks: 'all',
    hidePathInfo: true,
    minSize: 0,
    maxAsyncRequests: 3,
    cacheGroups: {
      default: false,
      defaultVendors: false,
      framework: {
        name: 'framework',
        test: /[\\/]node_modules[\\/](@tarojs|@stencil|react|react-dom|scheduler|@babel[\\/]runtime)[\\/]/,
        chunks: 'all',
        priority: 100,
        enforce: true,
      },
      lib: {
        name: 'lib',
        test: /[\\/]miniapp[\\/]src[\\/](lib|components)[\\/]/,
        chunks: 'all',
        priority: 20,
        enforce: true,
      },
      vendors: { test: /[\\/]node_modules[\\/]/, minChunks: 2, priority: 10, reuseExistingChunk: true },
      common: { minChunks: 2, priority: 1, reuseExistingChunk: true },
    },
  });
};

const addStats = (chain: Chain) => {
  if (!statsFile) return;
  const file: string = statsFile;
  class WriteStats {
    apply(compiler: { hooks: { done: { tap(name: string, fn: (stats: { toJson(o: object): unknown }) => void): void } } }) {
      compiler.hooks.done.tap('WriteStats', (stats) => {
        const json = stats.toJson({
          all: false,
          assets: true,
          chunks: true,
          chunkModules: true,
          nestedModules: true,
          dependentModules: true,
          chunkModulesSpace: Number.POSITIVE_INFINITY,
          nestedModulesSpace: Number.POSITIVE_INFINITY,
          ids: true,
        });
        writeFileSync(file, JSON.stringify(json));
      });
    }
  }
  chain.plugin('write-stats').use(WriteStats);
};

export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'union-service',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
      // WeChat 订阅消息 template ids per kind of message (weapp only; config/subscribe-templates.ts).
      SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(subscribeTemplateIds(process.env.TARO_ENV, process.env.TARO_APP_SUBSCRIBE_TEMPLATES)),
    },
    alias: {
      '@union/shared': sharedSrc,
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      compile: { include: [sharedSrc] },
      webpackChain: (chain: Chain) => {
        sharedIsPure(chain);
        addStats(chain);
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: [sharedSrc] },
      webpackChain: (chain: Chain) => {
        sharedIsPure(chain);
        h5Chunks(chain);
        addStats(chain);
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // src/index.html sends the card tab's GET /me/card before any script loads (config/preload.ts).
      htmlPluginOption: { preload: preloadScript(apiBase) },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  return config;
});
