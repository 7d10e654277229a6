import { crc32 } from 'node:zlib';
import QRCode from 'qrcode';

/**
 * 入会二维码海报.
 * - SVG: the printable poster — a heading, the code, and the org name under it as text.
 * - PNG: the code alone with a wide quiet zone (for pasting into other layouts); Lambda has no
 *   CJK font to rasterise the name, so the org name travels in the PNG's iTXt "Title" chunk and
 *   in the file name. Print the SVG when the name must show.
 */
const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const posterSvg = async (payload: string, orgName: string): Promise<string> => {
  const qr = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const viewBox = /viewBox="([^"]+)"/.exec(qr)?.[1] ?? '0 0 33 33';
  const inner = qr.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const width = 600;
  const name = escapeXml(orgName);
  // Long names shrink so they stay on one line of the poster.
  const fontSize = Math.max(18, Math.min(36, Math.floor(540 / Math.max(1, [...orgName].length))));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="760" viewBox="0 0 ${width} 760">`,
    `<title>${name} 入会二维码</title>`,
    '<rect width="100%" height="100%" fill="#ffffff"/>',
    `<text x="300" y="70" text-anchor="middle" font-size="40" font-weight="bold" fill="#c8161d" font-family="'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif">扫码加入工会</text>`,
    `<svg x="60" y="110" width="480" height="480" viewBox="${viewBox}" shape-rendering="crispEdges">${inner}</svg>`,
    `<text x="300" y="650" text-anchor="middle" font-size="${fontSize}" fill="#222222" font-family="'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif">${name}</text>`,
    `<text x="300" y="700" text-anchor="middle" font-size="20" fill="#666666" font-family="'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif">微信扫一扫，或用手机浏览器打开</text>`,
    '</svg>',
  ].join('');
};

/** A PNG iTXt chunk (UTF-8 text), so the org name is carried inside the image file. */
const itxtChunk = (keyword: string, text: string): Buffer => {
  const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0, 0, 0, 0, 0]), Buffer.from(text, 'utf8')]);
  const type = Buffer.from('iTXt', 'latin1');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, data])));
  return Buffer.concat([len, type, data, crc]);
};

export const posterPng = async (payload: string, orgName: string): Promise<Buffer> => {
  const png = await QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 10 });
  // IHDR is always first: 8-byte signature + 25-byte IHDR chunk.
  const ihdrEnd = 8 + 25;
  return Buffer.concat([png.subarray(0, ihdrEnd), itxtChunk('Title', `${orgName} 入会二维码`), png.subarray(ihdrEnd)]);
};

/** Reads the iTXt Title back (tests). */
export const pngTitle = (png: Buffer): string | null => {
  let at = 8;
  while (at < png.length) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'iTXt') {
      const data = png.subarray(at + 8, at + 8 + len);
      const nul = data.indexOf(0);
      if (data.toString('latin1', 0, nul) === 'Title') return data.subarray(nul + 5).toString('utf8');
    }
    at += 12 + len;
  }
  return null;
};
