import { crc32 } from 'node:zlib';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { fitText, renderText, type TextBitmap } from '../../platform/bitmap-font';

/**
 * 入会二维码海报.
 * - SVG: the printable poster — a heading, the code, and the org name under it as text.
 * - PNG: the same poster as pixels — 扫码加入工会 in red above the code, the org name centred
 *   under it in dark grey (shrunk to fit one line), a grey hint below. Lambda has no CJK font, so
 *   the text comes from the bitmap font bundled with the function (platform/bitmap-font.ts,
 *   GB2312 hanzi + punctuation + ASCII; anything else draws as a box). The org name also travels in
 *   the PNG's iTXt "Title" chunk, for tools that read the file rather than look at it.
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

const POSTER_WIDTH = 600;
const MARGIN = 40;
const QUIET_MODULES = 4;
const HEADING = '扫码加入工会';
const HINT = '微信扫一扫，或用手机浏览器打开';
type Rgb = readonly [number, number, number];
const RED: Rgb = [0xc8, 0x16, 0x1d];
const DARK_GREY: Rgb = [0x22, 0x22, 0x22];
const GREY: Rgb = [0x66, 0x66, 0x66];

interface Placed {
  x: number;
  y: number;
  text: TextBitmap;
  color: Rgb;
}

export interface PosterLayout {
  width: number;
  height: number;
  qr: { x: number; y: number; scale: number; size: number; dark: (row: number, col: number) => boolean };
  heading: Placed;
  name: Placed;
  hint: Placed;
}

/** Where everything goes on the PNG poster (exported for tests). */
export const layoutPoster = (payload: string, orgName: string): PosterLayout => {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  // 10 px modules for the usual short payloads; big codes get smaller modules, then a wider poster.
  const scale = Math.max(4, Math.min(10, Math.floor((POSTER_WIDTH - 2 * MARGIN) / (size + 2 * QUIET_MODULES))));
  const quiet = QUIET_MODULES * scale;
  const width = Math.max(POSTER_WIDTH, (size + 2 * QUIET_MODULES) * scale);
  const centre = (text: TextBitmap) => Math.floor((width - text.width) / 2);

  const headingText = renderText(HEADING, 44, { bold: 1 });
  const headingY = MARGIN;
  const qrY = headingY + headingText.height + quiet;
  const qrX = Math.floor((width - size * scale) / 2);
  const nameText = fitText(orgName, 36, width - 2 * MARGIN);
  const nameY = qrY + size * scale + quiet;
  const hintText = renderText(HINT, 20);
  const hintY = nameY + nameText.height + 24;
  return {
    width,
    height: hintY + hintText.height + MARGIN,
    qr: { x: qrX, y: qrY, scale, size, dark: (row, col) => modules.get(row, col) === 1 },
    heading: { x: centre(headingText), y: headingY, text: headingText, color: RED },
    name: { x: centre(nameText), y: nameY, text: nameText, color: DARK_GREY },
    hint: { x: centre(hintText), y: hintY, text: hintText, color: GREY },
  };
};

const drawPoster = (layout: PosterLayout): PNG => {
  const png = new PNG({ width: layout.width, height: layout.height });
  png.data.fill(255);
  const { qr } = layout;
  for (let row = 0; row < qr.size; row += 1)
    for (let col = 0; col < qr.size; col += 1) {
      if (!qr.dark(row, col)) continue;
      for (let y = qr.y + row * qr.scale; y < qr.y + (row + 1) * qr.scale; y += 1) {
        const start = (y * layout.width + qr.x + col * qr.scale) * 4;
        png.data.fill(0, start, start + qr.scale * 4);
        for (let x = 0; x < qr.scale; x += 1) png.data[start + x * 4 + 3] = 255;
      }
    }
  for (const { x, y, text, color } of [layout.heading, layout.name, layout.hint])
    for (let ty = 0; ty < text.height; ty += 1)
      for (let tx = 0; tx < text.width; tx += 1) {
        const a = text.alpha[ty * text.width + tx]! / 255;
        const px = x + tx;
        const py = y + ty;
        if (a === 0 || px < 0 || py < 0 || px >= layout.width || py >= layout.height) continue;
        const at = (py * layout.width + px) * 4;
        for (let c = 0; c < 3; c += 1) png.data[at + c] = Math.round(png.data[at + c]! * (1 - a) + color[c]! * a);
      }
  return png;
};

export const posterPng = async (payload: string, orgName: string): Promise<Buffer> => {
  const png = PNG.sync.write(drawPoster(layoutPoster(payload, orgName)));
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
