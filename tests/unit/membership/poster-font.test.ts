import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { layoutPoster, pngTitle, posterPng } from '../../../functions/src/http/poster/poster';
import {
  advanceOf,
  hasGlyph,
  POSTER_FONT_FILE,
  posterFontPath,
  renderText,
  type TextBitmap,
} from '../../../functions/src/platform/bitmap-font';

const ORG = '临江区快递物流行业联合工会';
const PAYLOAD = 'https://union.example.cn/#/pages/join/index?invite=abcdefgh12345678';

/** Columns [first, last] holding ink (coverage ≥ ~25%) within columns [x0, x1). */
const inkColumns = (text: TextBitmap, x0 = 0, x1 = text.width): [number, number] | null => {
  let first = -1;
  let last = -1;
  for (let x = x0; x < x1; x += 1)
    for (let y = 0; y < text.height; y += 1)
      if (text.alpha[y * text.width + x]! >= 64) {
        if (first < 0) first = x;
        last = x;
        break;
      }
  return first < 0 ? null : [first, last];
};

describe('where the font file is read from', () => {
  it('the package root in Lambda (LAMBDA_TASK_ROOT) first, else the working directory; a clear error when neither has it', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'poster-font-'));
    try {
      const pkg = path.join(root, 'task');
      const repo = path.join(root, 'repo');
      for (const dir of [pkg, repo]) {
        mkdirSync(path.dirname(path.join(dir, POSTER_FONT_FILE)), { recursive: true });
        writeFileSync(path.join(dir, POSTER_FONT_FILE), 'x');
      }
      expect(posterFontPath({ LAMBDA_TASK_ROOT: pkg }, repo)).toBe(path.join(pkg, POSTER_FONT_FILE));
      // serverless-offline sets LAMBDA_TASK_ROOT=/var/task, which does not exist here: the repo's file.
      expect(posterFontPath({ LAMBDA_TASK_ROOT: '/var/task' }, repo)).toBe(path.join(repo, POSTER_FONT_FILE));
      expect(posterFontPath({}, repo)).toBe(path.join(repo, POSTER_FONT_FILE));
      expect(() => posterFontPath({ LAMBDA_TASK_ROOT: path.join(root, 'none') }, path.join(root, 'nowhere'))).toThrow(
        `poster font not found: looked for ${path.join(root, 'none', POSTER_FONT_FILE)}, ${path.join(root, 'nowhere', POSTER_FONT_FILE)}`,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('bitmap font', () => {
  it('lays text out by the advances and inks every character of a real org name', () => {
    for (const height of [32, 36, 24]) {
      const text = renderText(ORG, height);
      const advances = [...ORG].map((ch) => advanceOf(ch, height));
      expect(text.width).toBe(advances.reduce((a, b) => a + b, 0));
      expect(text.height).toBe(height);
      expect(text.alpha).toHaveLength(text.width * text.height);
      let pen = 0;
      for (const [i, ch] of [...ORG].entries()) {
        expect(hasGlyph(ch), ch).toBe(true);
        expect(inkColumns(text, pen, pen + advances[i]!), `${ch} at ${height}px`).not.toBeNull();
        pen += advances[i]!;
      }
    }
    expect(advanceOf('工', 32)).toBe(32);
    expect(renderText('Union 2025（一）·第1届', 32).width).toBeGreaterThan(0);
    for (const ch of '（）·—、，。：“”《》０１ＡaZ9') expect(hasGlyph(ch), ch).toBe(true);
  });

  it('draws characters it lacks as a box, and nothing for spaces', () => {
    expect(hasGlyph('㐀')).toBe(false);
    const box = renderText('㐀', 32);
    expect(box.width).toBe(32);
    expect(inkColumns(box)).not.toBeNull();
    expect(renderText(' ', 32).alpha.every((a) => a === 0)).toBe(true);
  });
});

describe('poster PNG', () => {
  /** The poster's rows of ink (any non-white pixel) under the QR code's last black row, as the first band. */
  const nameBand = (png: PNG) => {
    const at = (x: number, y: number) => (y * png.width + x) * 4;
    const rowHas = (y: number, test: (r: number, g: number, b: number) => boolean) => {
      for (let x = 0; x < png.width; x += 1) {
        const i = at(x, y);
        if (test(png.data[i]!, png.data[i + 1]!, png.data[i + 2]!)) return true;
      }
      return false;
    };
    let qrBottom = -1;
    for (let y = 0; y < png.height; y += 1) if (rowHas(y, (r, g, b) => r + g + b === 0)) qrBottom = y;
    let top = qrBottom + 1;
    while (top < png.height && !rowHas(top, (r) => r < 160)) top += 1;
    let bottom = top;
    while (bottom < png.height && rowHas(bottom, (r) => r < 250)) bottom += 1;
    let left = png.width;
    let right = -1;
    const pixels: number[] = [];
    for (let y = top; y < bottom; y += 1)
      for (let x = 0; x < png.width; x += 1) {
        const r = png.data[at(x, y)]!;
        pixels.push(r);
        if (r < 160) {
          left = Math.min(left, x);
          right = Math.max(right, x);
        }
      }
    return { qrBottom, top, bottom, left, right, pixels };
  };

  it('prints the org name under the code, centred, as wide as the rendered name', async () => {
    const buffer = await posterPng(PAYLOAD, ORG);
    expect(pngTitle(buffer)).toBe(`${ORG} 入会二维码`);
    const png = PNG.sync.read(buffer);
    const layout = layoutPoster(PAYLOAD, ORG);
    expect([png.width, png.height]).toEqual([layout.width, layout.height]);
    const band = nameBand(png);
    expect(band.qrBottom).toBeGreaterThan(0);
    expect(band.top).toBeGreaterThan(band.qrBottom + 20); // the quiet zone stays white
    expect(band.bottom - band.top).toBeLessThanOrEqual(layout.name.text.height);
    const ink = inkColumns(layout.name.text)!;
    expect(Math.abs(band.right - band.left - (ink[1] - ink[0]))).toBeLessThanOrEqual(2);
    expect(Math.abs(band.left - (layout.name.x + ink[0]))).toBeLessThanOrEqual(2);
    expect(Math.abs((band.left + band.right) / 2 - png.width / 2)).toBeLessThanOrEqual(3);
    // The name is real text: close to the width of 13 ideographs at the layout's size.
    expect(band.right - band.left).toBeGreaterThan(12 * layout.name.text.height);
  });

  it('shows a different band for a different name, and shrinks long names to fit', async () => {
    const a = nameBand(PNG.sync.read(await posterPng(PAYLOAD, ORG)));
    const b = nameBand(PNG.sync.read(await posterPng(PAYLOAD, '江澄市总工会')));
    expect(b.top).toBe(a.top);
    expect(b.right - b.left).toBeLessThan(a.right - a.left);
    expect(b.pixels).not.toEqual(a.pixels);
    const c = nameBand(PNG.sync.read(await posterPng(PAYLOAD, '临江区快递物流行业联合工会女职工委员会')));
    expect(c.pixels).not.toEqual(a.pixels);

    const long = '江澄市临江区新业态（快递·外卖·网约车）劳动者联合工会委员会';
    const layout = layoutPoster(PAYLOAD, long);
    expect(layout.name.text.height).toBeLessThan(36);
    expect(layout.name.text.width).toBeLessThanOrEqual(layout.width - 80);
    const d = nameBand(PNG.sync.read(await posterPng(PAYLOAD, long)));
    expect(d.left).toBeGreaterThanOrEqual(40);
    expect(d.right).toBeLessThan(layout.width - 40);
  });
});
