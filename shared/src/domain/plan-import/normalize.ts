import { toHalfWidth } from './chinese-number';

/** Normalised plan text plus, for every character, the offset it came from in the original input. */
export interface NormalizedText {
  text: string;
  /** map[i] = offset in the original of text[i]; map[text.length] = original length. */
  map: number[];
}

// Watermarks are bracketed ads (【更多公文素材，微信：…】); real plan text never uses 【】 for those words.
const WATERMARK_RE = /【[^【】\n]{0,80}?(?:微信|素材|公众号|QQ|扫码|关注|来源|下载|更多)[^【】\n]{0,80}?】/g;
const TOKEN_JUNK_RE = /##\s*paid(?:begin|end)\s*##/gi;
// Web-page chrome lines: breadcrumbs, view counters, "recommended" lists, paywall ads.
const CHROME_LINE_RE = /^(当前位置|您的位置|所在位置)\s*[:：]|浏览量|浏览次数|阅读量\s*[:：]|^\s*\|/;
const TAIL_MARKER_RE = /^(推荐访问|最新推荐|相关推荐|相关文章|猜你喜欢|热门推荐|上一篇|下一篇)/;
const AD_LINE_RE = /(添加微信|加微信|vx[:：]|vip会员|网盘群|一键极速下载|每天更新材料)/i;
const TERMINAL = /[。；！？!?;：:”」』）)】]$/;
const MARKER_START =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[.．、]|[①-⑳]|第[一二三四五六七八九十]+(?:方面|部分|章|节)|关键词条|[一二三四五六七八九十]+是|附件)/;

interface Line {
  chars: string[];
  offsets: number[];
  /** Offset of the line break that ended this line in the original. */
  breakAt: number;
}

function cleanLine(original: string, from: number, to: number): Line {
  const raw = original.slice(from, to);
  const drop = new Array<boolean>(raw.length).fill(false);
  for (const re of [WATERMARK_RE, TOKEN_JUNK_RE]) {
    for (const m of raw.matchAll(re)) for (let i = m.index; i < m.index + m[0].length; i++) drop[i] = true;
  }
  const half = toHalfWidth(raw);
  const chars: string[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < half.length; i++) {
    if (drop[i]) continue;
    const ch = half[i] ?? '';
    chars.push(ch);
    offsets.push(from + i);
  }
  // Spaces inside Chinese text are layout junk ("20 个", "市总工会 2020 年"); keep them only between Latin words.
  const keptChars: string[] = [];
  const keptOffsets: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (/[\s\u3000\u00a0]/.test(ch)) {
      const prev = keptChars[keptChars.length - 1] ?? '';
      let j = i + 1;
      while (j < chars.length && /[\s\u3000\u00a0]/.test(chars[j] ?? '')) j++;
      const next = chars[j] ?? '';
      if (/[A-Za-z]/.test(prev) && /[A-Za-z]/.test(next)) {
        keptChars.push(' ');
        keptOffsets.push(offsets[i] ?? from);
      }
      i = j - 1;
      continue;
    }
    keptChars.push(ch);
    keptOffsets.push(offsets[i] ?? from);
  }
  return { chars: keptChars, offsets: keptOffsets, breakAt: to };
}

/** A page-end break splits a sentence: the line is long, unpunctuated, and the next is no new item. */
function continuesOnNextLine(line: string, next: string): boolean {
  if (next === '') return false;
  if (/^(?:\d+|[一二三四五六七八九十]+)[.．、]$/.test(line)) return true; // "8." alone on its line
  // Titles and headers end without punctuation but are complete.
  if (/(通知|要点|计划|方案|安排|思路|意见|文件|汇编|实事|项目|[)）]|\d篇)$/.test(line)) return false;
  if (/[，、,（(“]$/.test(line)) return true;
  if (TERMINAL.test(line)) return false;
  if (MARKER_START.test(next)) return false;
  if (/文件$/.test(line) || /[〔[［][^〕\]］]*[〕\]］]\s*\d+\s*号/.test(next)) return false;
  return line.length >= 18;
}

/** Removes watermarks, chrome and layout junk; joins lines broken at page ends; keeps an offset map. */
export function normalizePlanText(original: string): NormalizedText {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= original.length; i++) {
    if (i === original.length || original[i] === '\n') {
      const end = i > start && original[i - 1] === '\r' ? i - 1 : i;
      lines.push(cleanLine(original, start, end));
      start = i + 1;
    }
  }
  const kept: Line[] = [];
  for (const line of lines) {
    const text = line.chars.join('');
    if (TAIL_MARKER_RE.test(text)) break;
    if (text === '' || CHROME_LINE_RE.test(text) || AD_LINE_RE.test(text)) continue;
    kept.push(line);
  }
  const out: string[] = [];
  const map: number[] = [];
  kept.forEach((line, index) => {
    out.push(...line.chars);
    map.push(...line.offsets);
    const next = kept[index + 1];
    if (!next) return;
    if (continuesOnNextLine(line.chars.join(''), next.chars.join(''))) return;
    out.push('\n');
    map.push(line.breakAt);
  });
  map.push(original.length);
  return { text: out.join(''), map };
}

/** Original-text span [start, end) of the normalised span [from, to). */
export function originalSpan(norm: NormalizedText, from: number, to: number): { start: number; end: number } {
  const start = norm.map[from] ?? 0;
  const last = norm.map[Math.max(from, to - 1)] ?? start;
  return { start, end: last + 1 };
}
