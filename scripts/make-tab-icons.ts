/**
 * Draws the tab-bar icons (81×81 PNG, grey and red) into miniapp/src/assets/tab/.
 * Run once when the icons change: `npx tsx scripts/make-tab-icons.ts`. The PNGs are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

type Shape = (x: number, y: number) => boolean; // coordinates in 0..1

const inRect = (x: number, y: number, x0: number, y0: number, x1: number, y1: number) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inCircle = (x: number, y: number, cx: number, cy: number, r: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (x: number, y: number, x0: number, y0: number, x1: number, y1: number, w: number) =>
  inRect(x, y, x0, y0, x1, y1) && !inRect(x, y, x0 + w, y0 + w, x1 - w, y1 - w);
const nearSegment = (x: number, y: number, ax: number, ay: number, bx: number, by: number, w: number) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - (ax + t * (bx - ax))) ** 2 + (y - (ay + t * (by - ay))) ** 2 <= w * w;
};

const SHAPES: Record<string, Shape> = {
  home: (x, y) =>
    nearSegment(x, y, 0.12, 0.5, 0.5, 0.14, 0.05) ||
    nearSegment(x, y, 0.5, 0.14, 0.88, 0.5, 0.05) ||
    (ring(x, y, 0.24, 0.44, 0.76, 0.88, 0.07) && !inRect(x, y, 0.42, 0.62, 0.58, 0.9)),
  card: (x, y) => ring(x, y, 0.1, 0.22, 0.9, 0.78, 0.07) || inRect(x, y, 0.1, 0.36, 0.9, 0.44) || inRect(x, y, 0.2, 0.58, 0.46, 0.65),
  vote: (x, y) =>
    ring(x, y, 0.14, 0.14, 0.86, 0.86, 0.07) ||
    nearSegment(x, y, 0.3, 0.52, 0.45, 0.67, 0.055) ||
    nearSegment(x, y, 0.45, 0.67, 0.72, 0.36, 0.055),
  me: (x, y) =>
    (inCircle(x, y, 0.5, 0.33, 0.17) && !inCircle(x, y, 0.5, 0.33, 0.1)) ||
    (inCircle(x, y, 0.5, 0.98, 0.38) && !inCircle(x, y, 0.5, 0.98, 0.31) && y < 0.9),
};

const draw = (shape: Shape, [r, g, b]: [number, number, number]): Buffer => {
  const size = 81;
  const png = new PNG({ width: size, height: size });
  const ss = 4; // supersampling for smooth edges
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let hits = 0;
      for (let sy = 0; sy < ss; sy += 1)
        for (let sx = 0; sx < ss; sx += 1) if (shape((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size)) hits += 1;
      const i = (py * size + px) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = Math.round((255 * hits) / (ss * ss));
    }
  }
  return PNG.sync.write(png);
};

const dir = path.resolve(import.meta.dirname, '../miniapp/src/assets/tab');
mkdirSync(dir, { recursive: true });
for (const [name, shape] of Object.entries(SHAPES)) {
  writeFileSync(path.join(dir, `${name}.png`), draw(shape, [0x88, 0x88, 0x88]));
  writeFileSync(path.join(dir, `${name}-active.png`), draw(shape, [0xc8, 0x16, 0x1d]));
}
console.log(`tab icons written to ${dir}`);
