import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

/**
 * Text rendering without a font engine, for images made on Lambda (which has no CJK font):
 * functions/assets/poster-font.bin holds pre-rasterised Noto Sans CJK SC glyphs — GB2312 hanzi,
 * full-width punctuation, ASCII — built by scripts/make-poster-font.ts (format documented there).
 * Characters not in the file render as a box.
 *
 * The file is read on the first render, not bundled: as a string literal in the bundle (esbuild's
 * binary loader) its 1.2 MB were parsed at every cold start of the poster function, 7.5 ms of CPU
 * (README, Function bundles). serverless.yml packages it with the poster function
 * (`package.patterns`), at the same path from the package root as from the repo root.
 */
export const POSTER_FONT_FILE = 'functions/assets/poster-font.bin';

/**
 * Where the font is: under the package root in Lambda (LAMBDA_TASK_ROOT), else under the working
 * directory — the repo, for tests, the bench and serverless-offline (which sets LAMBDA_TASK_ROOT to a
 * /var/task that does not exist here).
 */
export const posterFontPath = (env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string => {
  const candidates = [env.LAMBDA_TASK_ROOT, cwd]
    .filter((root): root is string => Boolean(root))
    .map((root) => path.join(root, POSTER_FONT_FILE));
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`poster font not found: looked for ${candidates.join(', ')}`);
  return found;
};

export interface TextBitmap {
  width: number;
  height: number;
  /** Coverage 0..255, row-major, width × height. */
  alpha: Uint8Array;
}

interface Glyph {
  advance: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** Coverage 0..1, width × height. */
  alpha: Float32Array;
}

interface Font {
  em: number;
  codePoints: Uint32Array;
  glyph: (index: number) => Glyph;
}

const parse = (file: Uint8Array): Font => {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const magic = String.fromCharCode(...file.subarray(0, 4));
  if (magic !== 'PFNT' || view.getUint16(4, true) !== 1) throw new Error('poster-font.bin: not a version 1 PFNT file');
  const em = view.getUint8(6);
  const bits = view.getUint8(8);
  const compressed = view.getUint8(9) === 1;
  const count = view.getUint32(12, true);
  const codePoints = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) codePoints[i] = view.getUint32(20 + 4 * i, true);
  const records = 20 + 4 * count;
  const packed = file.subarray(records + 9 * count);
  const data = compressed ? inflateSync(packed) : packed;
  const perByte = 8 / bits;
  const max = (1 << bits) - 1;
  const cache = new Map<number, Glyph>();
  const glyph = (index: number): Glyph => {
    const hit = cache.get(index);
    if (hit) return hit;
    const at = records + 9 * index;
    const offset = view.getUint32(at, true);
    const width = view.getUint8(at + 7);
    const height = view.getUint8(at + 8);
    const alpha = new Float32Array(width * height);
    for (let p = 0; p < alpha.length; p += 1) {
      const byte = data[offset + Math.floor(p / perByte)]!;
      alpha[p] = ((byte >> (8 - bits * (1 + (p % perByte)))) & max) / max;
    }
    const g = { advance: view.getUint8(at + 4), left: view.getInt8(at + 5), top: view.getInt8(at + 6), width, height, alpha };
    cache.set(index, g);
    return g;
  };
  return { em, codePoints, glyph };
};

let loaded: Font | undefined;
const font = (): Font => {
  loaded ??= parse(readFileSync(posterFontPath()));
  return loaded;
};

const findIndex = (codePoints: Uint32Array, cp: number): number => {
  let lo = 0;
  let hi = codePoints.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = codePoints[mid]!;
    if (v === cp) return mid;
    if (v < cp) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
};

let box: Glyph | undefined;
/** The stand-in for missing characters: an em-wide hollow box. */
const missingGlyph = (em: number): Glyph => {
  if (box) return box;
  const width = Math.round(em * 0.75);
  const height = Math.round(em * 0.8);
  const stroke = Math.max(1, Math.round(em / 16));
  const alpha = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1)
      if (x < stroke || y < stroke || x >= width - stroke || y >= height - stroke) alpha[y * width + x] = 1;
  box = { advance: em, left: Math.round((em - width) / 2), top: Math.round(em * 0.08), width, height, alpha };
  return box;
};

const glyphOf = (f: Font, cp: number): Glyph => {
  const i = findIndex(f.codePoints, cp);
  return i < 0 ? missingGlyph(f.em) : f.glyph(i);
};

/** Whether the font has the character (others render as a box). */
export const hasGlyph = (ch: string): boolean => findIndex(font().codePoints, ch.codePointAt(0) ?? -1) >= 0;

/** A character's advance in whole pixels when rendered `height` px tall. */
export const advanceOf = (ch: string, height: number): number => {
  const f = font();
  return Math.round((glyphOf(f, ch.codePointAt(0) ?? 0).advance * height) / f.em);
};

/**
 * For each destination pixel of a span, the source cells it covers and how much (box filter, so it
 * both shrinks and enlarges). `origin` is where source cell 0 starts, in destination pixels.
 */
const coverage = (origin: number, cells: number, scale: number, limit: number): [number, [number, number][]][] => {
  const out: [number, [number, number][]][] = [];
  const first = Math.max(0, Math.floor(origin));
  const last = Math.min(limit - 1, Math.ceil(origin + cells * scale) - 1);
  for (let d = first; d <= last; d += 1) {
    const u0 = (d - origin) / scale;
    const u1 = (d + 1 - origin) / scale;
    const ws: [number, number][] = [];
    for (let c = Math.max(0, Math.floor(u0)); c < Math.min(cells, Math.ceil(u1)); c += 1) {
      const overlap = Math.min(u1, c + 1) - Math.max(u0, c);
      if (overlap > 0) ws.push([c, overlap * scale]);
    }
    if (ws.length) out.push([d, ws]);
  }
  return out;
};

/**
 * Renders one line of text `height` px tall (the em box; the baseline sits at 7/8 of it).
 * The width is the sum of the characters' advances ({@link advanceOf}), plus `bold` px when the
 * strokes are thickened (a faux bold: the coverage is smeared `bold` px to the right).
 */
export const renderText = (text: string, height: number, options: { bold?: number } = {}): TextBitmap => {
  const f = font();
  const scale = height / f.em;
  const bold = Math.max(0, Math.round(options.bold ?? 0));
  const chars = [...text];
  const glyphs = chars.map((ch) => glyphOf(f, ch.codePointAt(0)!));
  const advances = chars.map((ch) => advanceOf(ch, height));
  const width = advances.reduce((a, b) => a + b, 0) + bold;
  const acc = new Float32Array(width * height);
  let pen = 0;
  glyphs.forEach((g, i) => {
    if (g.width > 0) {
      const cols = coverage(pen + g.left * scale, g.width, scale, width);
      const rows = coverage(g.top * scale, g.height, scale, height);
      for (const [y, wy] of rows)
        for (const [x, wx] of cols) {
          let a = 0;
          for (const [sy, ky] of wy) for (const [sx, kx] of wx) a += g.alpha[sy * g.width + sx]! * ky * kx;
          for (let b = 0; b <= bold && x + b < width; b += 1) {
            const p = y * width + x + b;
            acc[p] = 1 - (1 - acc[p]!) * (1 - Math.min(1, a));
          }
        }
    }
    pen += advances[i]!;
  });
  const alpha = new Uint8Array(acc.length);
  for (let p = 0; p < acc.length; p += 1) alpha[p] = Math.round(acc[p]! * 255);
  return { width, height, alpha };
};

/** The largest text at most `maxHeight` px tall (and at least `minHeight`) that fits in `maxWidth`. */
export const fitText = (text: string, maxHeight: number, maxWidth: number, minHeight = 12): TextBitmap => {
  let h = maxHeight;
  const widthAt = (size: number) => [...text].reduce((sum, ch) => sum + advanceOf(ch, size), 0);
  while (h > minHeight && widthAt(h) > maxWidth) h -= 1;
  return renderText(text, h);
};
