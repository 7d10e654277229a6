/** The card QR as an image source: qr.h5.ts (canvas data URL) or qr.weapp.ts (SVG data URL). */
export { preloadQr, qrImageSource } from './qr.h5';
