/**
 * Builds functions/assets/poster-font.bin, the bitmap font the invite poster PNG uses to print
 * the org name (Lambda has no CJK font). Run when the character set or format changes:
 * `npx tsx scripts/make-poster-font.ts` (needs /usr/bin/chromium and fonts-noto-cjk). The file is committed.
 *
 * Glyphs are rasterised by Chromium's canvas in 'Noto Sans CJK SC' Regular at 32 px (one em = one
 * 32×32 cell, baseline 28 px from the top), cropped to their ink box and stored as 2-bit alpha
 * (4 levels: 0, ⅓, ⅔, 1). The trade-off, measured on this character set with the glyph data
 * deflated: 1 bit ≈ 0.5 MB but jagged edges; 2 bits ≈ 0.95 MB and smooth enough at 24–40 px;
 * 4 bits ≈ 1.4 MB for edges nobody sees on a printed poster.
 *
 * Characters: all 6763 GB2312 hanzi (levels 1 and 2), the GB2312 symbol rows 1–9 (full-width
 * punctuation and digits such as （）·—、，。：“”《》, Greek, kana…), printable ASCII and a few extras.
 *
 * File layout (little-endian), read by functions/src/platform/bitmap-font.ts:
 *   0  "PFNT"            magic
 *   4  u16 version (1)
 *   6  u8  em            cell size in px (32)
 *   7  u8  baseline      px from the cell top (28)
 *   8  u8  bits per px   (2; alpha levels 0..3, leftmost pixel in the high bits, every glyph
 *                        starts on a byte)
 *   9  u8  compression   (1 = the glyph data is one zlib deflate stream)
 *  10  u16 reserved (0)
 *  12  u32 glyph count N
 *  16  u32 glyph data length, uncompressed
 *  20  u32 code points, N of them, ascending (binary search)
 *  20+4N  N records of 9 bytes: u32 data offset, u8 advance (px), i8 left, i8 top (ink box
 *         relative to the pen / cell top), u8 ink width, u8 ink height
 *  20+13N the glyph data
 * The output is deterministic for a given Chromium and font build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const EM = 32;
const BASELINE = 28;
const BITS = 2;
const PAD = 8; // canvas margin around the cell, to catch ink that leaves it
const FONT = "'Noto Sans CJK SC'";
const OUT = path.join(import.meta.dirname, '../functions/assets/poster-font.bin');

const charset = (): number[] => {
  const gb = new TextDecoder('gb18030');
  const set = new Set<number>();
  const add = (s: string) => {
    for (const ch of s) set.add(ch.codePointAt(0)!);
  };
  // GB2312: rows 1–9 are symbols, 16–87 (0xB0–0xF7) the hanzi. Unassigned cells decode to the
  // private use area or U+FFFD in gb18030; skip those.
  for (let row = 0xa1; row <= 0xf7; row += 1) {
    if (row > 0xa9 && row < 0xb0) continue;
    for (let col = 0xa1; col <= 0xfe; col += 1) {
      const s = gb.decode(new Uint8Array([row, col]));
      if ([...s].length !== 1 || /[\p{Co}\uFFFD]/u.test(s)) continue;
      if (row >= 0xb0 && !/^\p{Script=Han}$/u.test(s)) continue;
      add(s);
    }
  }
  for (let c = 0x20; c <= 0x7e; c += 1) set.add(c);
  add('·—–…•※〇－～￥€©®™℃°±×÷·ー・（）【】〔〕《》〈〉「」『』、，。：；！？“”‘’');
  return [...set].sort((a, b) => a - b);
};

interface Raster {
  advance: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** Alpha 0..255, width × height. */
  alpha: number[];
}

const rasterise = async (codePoints: number[]): Promise<Raster[]> => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><meta charset="utf-8"><canvas></canvas>');
    return await page.evaluate(
      ({ codePoints, EM, BASELINE, PAD, FONT }) => {
        const size = EM + 2 * PAD;
        const canvas = document.querySelector('canvas')!;
        canvas.width = size;
        canvas.height = size;
        const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
        const font = `${EM}px ${FONT}`;
        ctx.font = font;
        // The canvas would silently fall back to another font if the family were missing.
        const probe = ctx.measureText('工会').width;
        ctx.font = `${EM}px monospace`;
        if (Math.abs(ctx.measureText('工会').width - probe) < 0.01 && !document.fonts.check(font, '工会'))
          throw new Error('Noto Sans CJK SC is not available');
        ctx.font = font;
        ctx.textBaseline = 'alphabetic';
        ctx.fillStyle = '#000';
        return codePoints.map((cp) => {
          const ch = String.fromCodePoint(cp);
          ctx.clearRect(0, 0, size, size);
          ctx.fillText(ch, PAD, PAD + BASELINE);
          const { data } = ctx.getImageData(0, 0, size, size);
          let x0 = size;
          let y0 = size;
          let x1 = -1;
          let y1 = -1;
          for (let y = 0; y < size; y += 1)
            for (let x = 0; x < size; x += 1)
              if (data[(y * size + x) * 4 + 3]! >= 8) {
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
              }
          const advance = Math.round(ctx.measureText(ch).width);
          if (x1 < 0) return { advance, left: 0, top: 0, width: 0, height: 0, alpha: [] };
          const alpha: number[] = [];
          for (let y = y0; y <= y1; y += 1) for (let x = x0; x <= x1; x += 1) alpha.push(data[(y * size + x) * 4 + 3]!);
          return { advance, left: x0 - PAD, top: y0 - PAD, width: x1 - x0 + 1, height: y1 - y0 + 1, alpha };
        });
      },
      { codePoints, EM, BASELINE, PAD, FONT },
    );
  } finally {
    await browser.close();
  }
};

const pack = (codePoints: number[], glyphs: Raster[]): Buffer => {
  const n = codePoints.length;
  const max = (1 << BITS) - 1;
  const chunks: Buffer[] = [];
  const records = Buffer.alloc(9 * n);
  let offset = 0;
  glyphs.forEach((g, i) => {
    const perByte = 8 / BITS;
    const bytes = Buffer.alloc(Math.ceil(g.alpha.length / perByte));
    g.alpha.forEach((a, p) => {
      bytes[Math.floor(p / perByte)]! |= Math.round((a * max) / 255) << (8 - BITS * (1 + (p % perByte)));
    });
    records.writeUInt32LE(offset, 9 * i);
    records.writeUInt8(g.advance, 9 * i + 4);
    records.writeInt8(g.left, 9 * i + 5);
    records.writeInt8(g.top, 9 * i + 6);
    records.writeUInt8(g.width, 9 * i + 7);
    records.writeUInt8(g.height, 9 * i + 8);
    chunks.push(bytes);
    offset += bytes.length;
  });
  const data = Buffer.concat(chunks);
  const header = Buffer.alloc(20);
  header.write('PFNT', 0, 'latin1');
  header.writeUInt16LE(1, 4);
  header.writeUInt8(EM, 6);
  header.writeUInt8(BASELINE, 7);
  header.writeUInt8(BITS, 8);
  header.writeUInt8(1, 9);
  header.writeUInt32LE(n, 12);
  header.writeUInt32LE(data.length, 16);
  const index = Buffer.alloc(4 * n);
  for (const [i, cp] of codePoints.entries()) index.writeUInt32LE(cp, 4 * i);
  return Buffer.concat([header, index, records, deflateSync(data, { level: 9 })]);
};

const codePoints = charset();
const glyphs = await rasterise(codePoints);
const empty = codePoints.filter((cp, i) => cp > 0x20 && glyphs[i]!.width === 0 && cp !== 0x3000);
if (empty.length) console.warn(`no ink for: ${empty.map((cp) => String.fromCodePoint(cp)).join('')}`);
const file = pack(codePoints, glyphs);
mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, file);
console.log(`${codePoints.length} glyphs, ${(file.length / 1024).toFixed(0)} KiB → ${path.relative(process.cwd(), OUT)}`);
