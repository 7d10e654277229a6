/**
 * Stage 1 — normalize: one pass over the characters. Line breaks become "\n", full-width ASCII
 * becomes half-width (１２０ → 120, ， → ,), odd spaces become " ", zero-width characters and
 * bracketed ads or template tokens go. Tabs and runs of spaces stay: they are table columns, and
 * the structure stage decides. Every kept character keeps its original offset.
 */
import { toHalfWidth } from './chinese-number';
import type { Span } from './text';

export type NormalizedText = Span;

// A bracketed aside that advertises (a contact handle, a link, a follow/scan/download prompt).
// Real plans use 【】 for headings too, so only brackets with an ad's shape inside are dropped.
const BRACKET_AD = /【[^【】]{0,80}】/g;
const AD_INSIDE = /微信|公众号|QQ|扫码|关注|下载|素材|网址|www\.|https?:|\.com|\.cn|[A-Za-z]{3,}\d{2,}|\d{6,}/i;
// Template or paywall tokens of web exports: "##something##", "{{…}}", "[[…]]".
const TOKEN = /#{2,}[A-Za-z_]{2,24}#{2,}|\{\{[^{}\n]{0,40}\}\}|\[\[[^[\]\n]{0,40}\]\]/g;
const ZERO_WIDTH = /[\u200b-\u200f\u2060\ufeff\u00ad]/;
const ODD_SPACE = /[\u3000\u00a0\u2000-\u200a\u202f\u205f]/;
const BREAK = /[\u2028\u2029\f\v\u0085]/;

/** Normalised plan text with, for every character, its offset in the original input. */
export function normalizePlanText(original: string): NormalizedText {
  const drop = new Uint8Array(original.length);
  for (const m of original.matchAll(BRACKET_AD)) {
    if (AD_INSIDE.test(m[0])) drop.fill(1, m.index, m.index + m[0].length);
  }
  for (const m of original.matchAll(TOKEN)) drop.fill(1, m.index, m.index + m[0].length);
  const half = toHalfWidth(original);
  const text: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < half.length; i++) {
    if (drop[i]) continue;
    let ch = half[i] ?? '';
    if (ch === '\r') {
      if (half[i + 1] === '\n') continue;
      ch = '\n';
    } else if (BREAK.test(ch)) ch = '\n';
    else if (ZERO_WIDTH.test(ch)) continue;
    else if (ODD_SPACE.test(ch)) ch = ' ';
    text.push(ch);
    map.push(i);
  }
  return { text: text.join(''), map };
}

/** Original-text range [start, end) of the normalised range [from, to). */
export function originalSpan(norm: NormalizedText, from: number, to: number): { start: number; end: number } {
  const start = norm.map[from] ?? 0;
  const last = norm.map[Math.max(from, to - 1)] ?? start;
  return { start, end: last + 1 };
}
