import { readFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';

export const miniappSrc = path.resolve(import.meta.dirname, '../../miniapp/src');

export interface AppConfig {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: { list: Array<{ pagePath: string; iconPath?: string; selectedIconPath?: string }> };
}

/** miniapp/src/app.config.ts evaluated as Taro does, with `defineAppConfig` the identity. */
export const appConfig = (): AppConfig => {
  const { code } = transformSync(readFileSync(path.join(miniappSrc, 'app.config.ts'), 'utf8'), { loader: 'ts', format: 'cjs' });
  const module = { exports: {} as { default?: AppConfig } };
  new Function('module', 'exports', 'defineAppConfig', code)(module, module.exports, (c: AppConfig) => c);
  if (!module.exports.default) throw new Error('app.config.ts has no default export');
  return module.exports.default;
};

/** Every page path app.config.ts declares: the main package's, then each subpackage's as `<root>/<page>`. */
export const declaredPages = (config: AppConfig): { main: string[]; sub: string[] } => ({
  main: config.pages,
  sub: (config.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`)),
});
