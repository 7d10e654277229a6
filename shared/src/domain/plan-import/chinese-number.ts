/** Chinese numerals, full-width digits and mixed forms ("1.2万", "两千", "一千余") → numbers. */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  两: 2,
  贰: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** Full-width ASCII (１２３, ．, ％) → half-width; same length, so offsets survive. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

function parseChineseInteger(text: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      // "十" alone means 10, not 0×10.
      section += (digit ?? 1) * small;
      digit = undefined;
      continue;
    }
    const big = BIG_UNITS[ch];
    if (big !== undefined) {
      total += (section + (digit ?? 0)) * big;
      section = 0;
      digit = undefined;
      continue;
    }
    return undefined;
  }
  return total + section + (digit ?? 0);
}

/**
 * Parses one number as written in a plan: "1万" → 10000, "8.5万" → 85000, "两千" → 2000,
 * "一千余" → 1000, "十" → 10, "１２" → 12. Returns undefined when the text is not a number.
 */
export function parseChineseNumber(raw: string): number | undefined {
  const text = toHalfWidth(raw)
    .replace(/[\s,，]/g, '')
    .replace(/[余多来左右]+$/, '');
  if (text === '') return undefined;
  const mixed = /^(\d+(?:\.\d+)?)([十百千万亿]*)$/.exec(text);
  if (mixed) {
    const base = Number(mixed[1]);
    let factor = 1;
    for (const ch of mixed[2] ?? '') factor *= SMALL_UNITS[ch] ?? BIG_UNITS[ch] ?? 1;
    return Math.round(base * factor * 100) / 100;
  }
  if (!/^[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+$/.test(text)) return undefined;
  return parseChineseInteger(text);
}

/** A number with its measure word found in a sentence, e.g. "1000 名" or "两千人". */
export interface Quantity {
  value: number;
  unit: string;
  /** Offsets within the scanned string. */
  start: number;
  end: number;
  /** "余/多/以上/左右" after the number: the count is approximate or a floor. */
  approximate: boolean;
}

const NUM = '(?:\\d+(?:\\.\\d+)?[十百千万亿]*|[零〇一二两三四五六七八九十百千万亿]+)';
const UNITS = '人次|人|名|元|个班次|个场次|班次|场次|个|家|场|期|次|所|处|座|项|户|支|间|批|届|条|天';
const QUANTITY_RE = new RegExp(`(${NUM})\\s*(余|多)?\\s*(万|千)?\\s*(${UNITS})`, 'g');

/** Every number-plus-unit in the text, in order (units normalised: 个班次 → 班次). */
export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  const half = toHalfWidth(text);
  for (const m of half.matchAll(QUANTITY_RE)) {
    const numText = `${m[1] ?? ''}${m[3] ?? ''}`;
    // Avoid reading ordinals and dates ("第十七届", "2020年") and bare "一" in phrases like "一次性".
    const before = half[m.index - 1] ?? '';
    if (before === '第') continue;
    const value = parseChineseNumber(numText);
    if (value === undefined || value <= 0) continue;
    const unit = (m[4] ?? '').replace(/^个(?=班次|场次)/, '');
    if (/^[一两]$/.test(m[1] ?? '') && !/^(名|元|人)$/.test(unit)) continue;
    const tail = half.slice(m.index + m[0].length, m.index + m[0].length + 3);
    if (/^制/.test(tail)) continue; // "三人制" is a format, not a count
    out.push({
      value,
      unit,
      start: m.index,
      end: m.index + m[0].length,
      approximate: Boolean(m[2]) || /^(以上|左右|（含）以上|\(含\)以上)/.test(tail),
    });
  }
  return out;
}
