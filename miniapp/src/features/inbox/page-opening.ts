/**
 * Where a notification takes the member (no Taro here, so it is unit-tested as it is). Its `page` is a
 * mini-program path with its query, written by the change that sent it.
 */

/** The tab pages (app.config.ts tabBar): WeChat opens them with switchTab only, and without a query. */
export const TAB_PAGES = ['pages/index/index', 'pages/card/index', 'pages/vote/index', 'pages/me/index'] as const;

/** How a notification's page is opened: a tab page by switchTab (its query dropped), any other by navigateTo; null for no page. */
export const pageOpening = (page: string): { how: 'switchTab' | 'navigateTo'; url: string } | null => {
  const url = page.startsWith('/') ? page : `/${page}`;
  const path = url.split('?')[0]?.slice(1) ?? '';
  if (!/^[\w-]+(\/[\w-]+)+$/.test(path)) return null;
  return (TAB_PAGES as readonly string[]).includes(path) ? { how: 'switchTab', url: `/${path}` } : { how: 'navigateTo', url };
};
