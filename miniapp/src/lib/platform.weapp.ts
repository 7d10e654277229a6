import Taro from '@tarojs/taro';
import type { Platform } from './platform';
import { globalCrypto, webCryptoSource } from './secure-random';

export const platform: Platform = {
  kind: 'weapp',
  async scanCode() {
    const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
    // A mini-program code carries the scene in `path`; a plain QR carries the join URL in `result`.
    return (res.path || res.result || '').trim();
  },
  async loginCode() {
    const res = await Taro.login();
    return res.code;
  },
  getItem<T>(key: string) {
    const value = Taro.getStorageSync(key);
    return value === '' || value === undefined ? null : (value as T);
  },
  setItem(key, value) {
    Taro.setStorageSync(key, value);
  },
  removeItem(key) {
    Taro.removeStorageSync(key);
  },
  randomSource() {
    // Web Crypto where the base library provides it, else wx.getRandomValues (base library
    // 2.15.0+, a secure source); on older ones there is none and keys are refused.
    const web = webCryptoSource(globalCrypto());
    if (web) return web;
    if (!Taro.canIUse('getRandomValues')) return null;
    return (length) =>
      new Promise<Uint8Array>((resolve, reject) => {
        Taro.getRandomValues({ length, success: (res) => resolve(new Uint8Array(res.randomValues)), fail: reject });
      });
  },
  async openLocation(place) {
    await Taro.openLocation({ latitude: place.latitude, longitude: place.longitude, name: place.name, address: place.address, scale: 16 });
  },
  launchPath() {
    return null;
  },
  async request(req) {
    const res = await Taro.request<unknown>({
      url: req.url,
      method: req.method,
      header: req.headers,
      ...(req.body === undefined ? {} : { data: req.body }),
      ...(req.text ? { dataType: 'text', responseType: 'text' as const } : { dataType: 'json' }),
    });
    return { status: res.statusCode, data: res.data };
  },
};
