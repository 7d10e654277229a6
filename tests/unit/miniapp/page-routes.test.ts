import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appConfig, declaredPages, miniappSrc } from '../../support/app-config';

/**
 * Every page path the code names — a `Taro.navigateTo` url, a sign-in redirect, an h5 `#/…` link the
 * server builds, an e2e route — is a page app.config.ts declares: moving a page between the main
 * package and a subpackage changes its path, and a path left behind would only fail when tapped.
 */
const root = path.resolve(__dirname, '../../..');
const src = miniappSrc;

const config = appConfig();
const { main: mainPages, sub: subPages } = declaredPages(config);
const declared = new Set([...mainPages, ...subPages]);
const tabPages = new Set((config.tabBar?.list ?? []).map((t) => t.pagePath));

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (name === 'node_modules' || name === 'artifacts') return [];
    return statSync(p).isDirectory() ? filesUnder(p) : /\.tsx?$/.test(name) ? [p] : [];
  });

/** A page path in a string: after a quote, a backtick or an h5 hash (`#/`), with an optional leading slash. */
const PAGE_PATH = /(?:['"`]|#)\/?((?:[\w-]+\/)?pages\/[\w-]+\/[\w-]+)(?=[?'"`$]|$)/g;

const pathsIn = (files: string[]) =>
  files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(PAGE_PATH)].map((m) => ({ where: path.relative(root, file), page: m[1] ?? '' })),
  );

describe('page paths', () => {
  it('every declared page has its source file', () => {
    const missing = [...declared].filter((p) => !existsSync(path.join(src, `${p}.tsx`)));
    expect(missing).toEqual([]);
  });

  it('tab bar pages are in the main package (WeChat requires it)', () => {
    expect([...tabPages].filter((p) => !mainPages.includes(p))).toEqual([]);
  });

  it('every page path in the mini-program, the shared links, the scripts and the e2e tests is declared', () => {
    const files = [
      ...filesUnder(src).filter((f) => !f.endsWith('app.config.ts')),
      ...filesUnder(path.join(root, 'shared/src')),
      ...filesUnder(path.join(root, 'scripts')),
      ...filesUnder(path.join(root, 'tests/e2e')),
      ...filesUnder(path.join(root, 'tests/support')),
    ];
    const found = pathsIn(files);
    // The scan finds the paths it is meant to (a regression guard for the pattern itself).
    expect(found.map((f) => f.page)).toEqual(
      expect.arrayContaining(['pages/join/index', 'member/pages/claim/index', 'officer/pages/home/index', 'pages/login/index']),
    );
    expect(found.filter((f) => !declared.has(f.page)).map((f) => `${f.where}: ${f.page}`)).toEqual([]);
  });

  it('switchTab goes to tab pages, and navigateTo / redirectTo never do (WeChat refuses both)', () => {
    const wrong = filesUnder(src).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/Taro\.(switchTab|navigateTo|redirectTo)\(\{\s*url:\s*['"`]\/([\w/-]+)/g)].flatMap((m) => {
        const isTab = tabPages.has(m[2] ?? '');
        return (m[1] === 'switchTab') === isTab ? [] : [`${path.relative(root, file)}: ${m[1]} ${m[2]}`];
      }),
    );
    expect(wrong).toEqual([]);
  });
});
