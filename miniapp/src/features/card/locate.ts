/** Where the member is: locate.h5.ts (browser geolocation) or locate.weapp.ts (Taro.getLocation). */
export { locate } from './locate.h5';
