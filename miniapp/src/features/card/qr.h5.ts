import QRCode from 'qrcode';

/** A PNG data URL of the token, drawn by the qrcode package on a canvas. */
export const qrImageSource = (text: string): Promise<string> =>
  QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 480, color: { dark: '#000000', light: '#ffffff' } });
