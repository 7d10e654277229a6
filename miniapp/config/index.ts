import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

// The API base URL is baked in at build time: `npm start` and the e2e harness pass
// TARO_APP_API (their local serverless-offline URL); a release build passes the deployed one.
const apiBase = process.env.TARO_APP_API ?? 'http://127.0.0.1:3000';
// The shared workspace is TypeScript source: Taro must compile it like src/.
const sharedSrc = path.resolve(__dirname, '../../shared/src');
const outputRoot = process.env.TARO_OUTPUT ?? `dist/${process.env.TARO_ENV ?? 'weapp'}`;

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
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: [sharedSrc] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  return config;
});
