import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureMiniappBuild, miniappDist, weappPackages } from '../../../scripts/lib/miniapp-build';
import { type AppConfig, appConfig, declaredPages } from '../../support/app-config';

/**
 * The weapp build, as WeChat will load it: built here when any of its sources is newer than the last
 * build (about 15 s on an idle machine; kept otherwise), then its app.json and files checked against
 * app.config.ts. A page left out of the output, a subpackage gone or a tab page moved out of the main
 * package would only show in WeChat's developer tools; the main package's size only in the bench.
 */
const KB = 1024;
/** The project's own limit (docs/ARCHITECTURE.md "Packages and chunks"; the bench reports it too). */
const MAIN_PACKAGE_LIMIT = 480 * KB;
/** Issue 15's ceiling (WeChat's own is 2 MB). */
const MAIN_PACKAGE_CEILING = 600 * KB;
/** What WeChat needs of a page: its code, its template and its page config. */
const PAGE_FILES = ['.js', '.wxml', '.json'];

const dist = miniappDist('weapp');
let app: AppConfig;

beforeAll(() => {
  const t0 = Date.now();
  const { built } = ensureMiniappBuild('weapp', (s) => console.log(`[weapp] ${s}`));
  console.log(`[weapp] ${built ? `built in ${((Date.now() - t0) / 1000).toFixed(1)} s` : 'kept (no source newer than the build)'}`);
  app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as AppConfig;
}, 600_000);

/** The relative files a page's code loads with `require("…")` (its subpackage's shared chunks, the main package's). */
const requiresOf = (pageJs: string): string[] =>
  [...readFileSync(pageJs, 'utf8').matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)].map((m) => path.resolve(path.dirname(pageJs), m[1] ?? ''));

describe('the weapp build (miniapp/dist/weapp)', () => {
  const config = appConfig();
  const { main, sub } = declaredPages(config);

  it('app.json declares exactly the pages and subpackages of app.config.ts', () => {
    expect(app.pages).toEqual(config.pages);
    expect(app.subPackages ?? []).toEqual(config.subPackages ?? []);
    expect(main.length).toBeGreaterThan(0);
    expect(sub.length).toBeGreaterThan(0);
  });

  it("every page's files are in the output, and what each page requires is there", () => {
    const missing = [...main, ...sub].flatMap((page) =>
      PAGE_FILES.filter((ext) => !existsSync(path.join(dist, `${page}${ext}`))).map((ext) => `${page}${ext}`),
    );
    expect(missing).toEqual([]);
    const unresolved = [...main, ...sub].flatMap((page) =>
      requiresOf(path.join(dist, `${page}.js`))
        .filter((f) => !existsSync(f))
        .map((f) => `${page}.js → ${path.relative(dist, f)}`),
    );
    expect(unresolved).toEqual([]);
  });

  it('every subpackage is in its own folder, holding its pages', () => {
    for (const p of config.subPackages ?? []) {
      const root = path.join(dist, p.root);
      expect(existsSync(root), p.root).toBe(true);
      for (const page of p.pages) expect(existsSync(path.join(root, `${page}.js`)), `${p.root}/${page}`).toBe(true);
    }
  });

  it('tab pages are main-package pages, with their icons', () => {
    const tabs = app.tabBar?.list ?? [];
    expect(tabs.map((t) => t.pagePath)).toEqual((config.tabBar?.list ?? []).map((t) => t.pagePath));
    const roots = (app.subPackages ?? []).map((p) => `${p.root.replace(/\/$/, '')}/`);
    for (const tab of tabs) {
      expect(app.pages, tab.pagePath).toContain(tab.pagePath);
      expect(
        roots.filter((r) => tab.pagePath.startsWith(r)),
        tab.pagePath,
      ).toEqual([]);
      for (const icon of [tab.iconPath, tab.selectedIconPath]) expect(existsSync(path.join(dist, icon ?? '(none)')), icon).toBe(true);
    }
  });

  it(`the main package is within ${MAIN_PACKAGE_LIMIT / KB} KB (the project's limit) and ${MAIN_PACKAGE_CEILING / KB} KB (issue 15)`, () => {
    const { mainBytes, subpackages } = weappPackages(dist);
    console.log(
      `[weapp] main package ${(mainBytes / KB).toFixed(1)} KB; ${subpackages.map((s) => `${s.root} ${(s.bytes / KB).toFixed(1)} KB`).join(', ')}`,
    );
    for (const s of subpackages) expect(s.bytes, s.root).toBeGreaterThan(0);
    expect(mainBytes).toBeGreaterThan(100 * KB); // a real build, not an empty folder
    expect(mainBytes).toBeLessThanOrEqual(MAIN_PACKAGE_CEILING);
    expect(mainBytes).toBeLessThanOrEqual(MAIN_PACKAGE_LIMIT);
  });
});
