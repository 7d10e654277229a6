/**
 * h5: the request a page needs before it can show its main content, sent by index.html itself, before
 * any script has loaded. The app's scripts (≈ 400 KB: React, Taro, the app) take a phone network a
 * second or more; the request goes out beside them instead of after them, and the first identical
 * GET the app makes takes its answer over (`platform.request`, src/lib/platform.h5.ts: same URL, same
 * token, within 5 s, once). Only for a signed-in member opening the card tab: GET /me/card.
 *
 * A plain script in the page's <head> (htmlPluginOption `preload`, src/index.html): it reads the stored
 * session as src/lib/session.ts does and sends the headers src/lib/api.ts sends. Anything unexpected
 * (no storage, bad JSON, an expired session) and it does nothing: the app asks as it always did.
 */
/** Where the app keeps the session: src/lib/device-store.ts SESSION_KEY (Taro's config loader compiles config/ only). */
export const SESSION_KEY = 'union.session';

/** Page route → the GET it needs first (the card tab: lib/card-fetch.ts CARD_PAGE). */
export const PRELOADS: Record<string, string> = { 'pages/card/index': '/me/card' };

export const preloadScript = (apiBase: string): string =>
  `(function (w) {
  try {
    var path = ${JSON.stringify(PRELOADS)}[w.location.hash.replace(/^#\\/?/, '').split('?')[0]];
    var s = path && JSON.parse(w.localStorage.getItem(${JSON.stringify(SESSION_KEY)}) || 'null');
    if (!s || !(Date.parse(s.expiresAt) > Date.now()) || !s.user.roles.some(function (r) { return r.role === 'member'; })) return;
    var url = ${JSON.stringify(apiBase)} + path;
    var authorization = 'Bearer ' + s.token;
    w.__unionPreload = {
      url: url,
      authorization: authorization,
      at: Date.now(),
      answer: fetch(url, { headers: { 'content-type': 'application/json', authorization: authorization } }).then(function (res) {
        return res.text().then(function (data) { return { status: res.status, data: data }; });
      }),
    };
    w.__unionPreload.answer.catch(function () {});
  } catch (e) {}
})(window);`;
