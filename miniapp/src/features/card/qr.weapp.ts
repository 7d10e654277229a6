import QRCode from 'qrcode';

const toBase64 = (s: string): string => {
  // Mini-programs have no btoa: encode the ASCII SVG by hand.
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < s.length; i += 3) {
    const [a, b, c] = [s.charCodeAt(i), s.charCodeAt(i + 1), s.charCodeAt(i + 2)];
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out +=
      chars[(n >> 18) & 63]! +
      chars[(n >> 12) & 63]! +
      (i + 1 < s.length ? chars[(n >> 6) & 63]! : '=') +
      (i + 2 < s.length ? chars[n & 63]! : '=');
  }
  return out;
};

/** The library is in the card page's own package on weapp: nothing to fetch ahead. */
export const preloadQr = (): void => undefined;

/** An SVG data URL built from the qrcode package's module matrix (no canvas needed on weapp). */
export const qrImageSource = async (text: string): Promise<string> => {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const margin = 2;
  let path = '';
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) if (qr.modules.get(x, y)) path += `M${x + margin} ${y + margin}h1v1h-1z`;
  }
  const dim = size + margin * 2;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${dim} ${dim}" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
  return `data:image/svg+xml;base64,${toBase64(svg)}`;
};
