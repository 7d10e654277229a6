import Taro from '@tarojs/taro';
import type { Platform } from './platform';

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
  async openLocation(place) {
    await Taro.openLocation({ latitude: place.latitude, longitude: place.longitude, name: place.name, address: place.address, scale: 16 });
  },
};
