import Taro from '@tarojs/taro';
import type { HttpRequest, Platform } from './platform';
import { globalCrypto, webCryptoSource } from './secure-random';

/** A GET index.html sent before any script loaded (miniapp/config/preload.ts). */
interface Preloaded {
  url: string;
  authorization: string;
  at: number;
  answer: Promise<{ status: number; data: string }>;
}

/** How long a preloaded answer may wait for the app to ask for it. */
const PRELOAD_TAKE_WITHIN_MS = 5_000;

/** The preloaded answer to `req`, taken once: the same GET with the same token, asked for soon enough. */
const takePreloaded = (req: HttpRequest): Preloaded['answer'] | null => {
  const w = window as Window & { __unionPreload?: Preloaded };
  const p = w.__unionPreload;
  if (!p || req.method !== 'GET' || req.body !== undefined || p.url !== req.url || p.authorization !== req.headers.authorization)
    return null;
  w.__unionPreload = undefined;
  return Date.now() - p.at < PRELOAD_TAKE_WITHIN_MS ? p.answer : null;
};

export const platform: Platform = {
  kind: 'h5',
  async scanCode() {
    // Browsers have no scanner API Taro can rely on: the person pastes the code or link.
    const text = window.prompt('请输入或粘贴二维码内容');
    if (!text) throw new Error('已取消');
    return text.trim();
  },
  async loginCode() {
    return null;
  },
  getItem<T>(key: string) {
    const raw = window.localStorage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as T);
  },
  setItem(key, value) {
    window.localStorage.setItem(key, JSON.stringify(value));
  },
  removeItem(key) {
    window.localStorage.removeItem(key);
  },
  randomSource() {
    return webCryptoSource(globalCrypto());
  },
  async openLocation(place) {
    const url = `https://uri.amap.com/marker?position=${place.longitude},${place.latitude}&name=${encodeURIComponent(place.name)}&coordinate=gaode&callnative=1`;
    window.open(url, '_blank');
    await Taro.showToast({ title: '已打开地图', icon: 'none' });
  },
  launchPath() {
    // The hash router's location: `#/pages/card/index?…`.
    return window.location.hash.replace(/^#\/?/, '').split('?')[0] || null;
  },
  async request(req) {
    const preloaded = takePreloaded(req);
    if (preloaded) {
      try {
        return await preloaded;
      } catch {
        // No answer came to the early request: ask again.
      }
    }
    const res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      ...(req.body === undefined ? {} : { body: req.body }),
      // Taro's request gives up after 60 s; so does this, where the browser can say so.
      ...(typeof AbortSignal.timeout === 'function' ? { signal: AbortSignal.timeout(60_000) } : {}),
    });
    return { status: res.status, data: await res.text() };
  },
};
