/**
 * Text with provenance: every character carries the offset it came from in the ORIGINAL input, so
 * any stage can cut, compact or join text and still quote the original exactly.
 */
export interface Span {
  text: string;
  /** map[i] = offset in the original of text[i]. Same length as text. */
  map: number[];
}

export const EMPTY_SPAN: Span = { text: '', map: [] };

/** span.text.slice(from, to) with its offsets. */
export function slice(span: Span, from: number, to = span.text.length): Span {
  return { text: span.text.slice(from, to), map: span.map.slice(from, to) };
}

/** Joins spans, with an optional separator that maps to the offset just after the previous span. */
export function join(spans: Span[], separator = ''): Span {
  const text: string[] = [];
  const map: number[] = [];
  spans.forEach((s, i) => {
    if (i > 0 && separator) {
      const at = (spans[i - 1]?.map.at(-1) ?? 0) + 1;
      for (const ch of separator) {
        text.push(ch);
        map.push(at);
      }
    }
    text.push(s.text);
    map.push(...s.map);
  });
  return { text: text.join(''), map };
}

const SPACE = /[\s\u3000\u00a0]/;
const LATIN = /[A-Za-z]/;

/** Removes whitespace (layout junk in Chinese text: "20 个", "市总工会 2020 年"); one space stays between Latin words. */
export function compact(span: Span): Span {
  const text: string[] = [];
  const map: number[] = [];
  const t = span.text;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i] ?? '';
    if (!SPACE.test(ch)) {
      text.push(ch);
      map.push(span.map[i] ?? 0);
      continue;
    }
    let j = i + 1;
    while (j < t.length && SPACE.test(t[j] ?? '')) j++;
    if (LATIN.test(text[text.length - 1] ?? '') && LATIN.test(t[j] ?? '')) {
      text.push(' ');
      map.push(span.map[i] ?? 0);
    }
    i = j - 1;
  }
  return { text: text.join(''), map };
}

/** Drops characters matching `re` (one character class) from both ends. */
export function trim(span: Span, re: RegExp = SPACE): Span {
  let a = 0;
  let b = span.text.length;
  while (a < b && re.test(span.text[a] ?? '')) a++;
  while (b > a && re.test(span.text[b - 1] ?? '')) b--;
  return a === 0 && b === span.text.length ? span : slice(span, a, b);
}

/** The original range [start, end) a span covers (empty spans cover nothing). */
export function originalRange(span: Span): { start: number; end: number } {
  if (span.map.length === 0) return { start: 0, end: 0 };
  return { start: span.map[0] ?? 0, end: (span.map[span.map.length - 1] ?? 0) + 1 };
}

/** The span of the whole original text, unchanged. */
export function spanOf(text: string): Span {
  return { text, map: Array.from({ length: text.length }, (_, i) => i) };
}
