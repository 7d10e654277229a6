/** Splitting spans at separators outside quotes and brackets; shared by the segment stage. */
import { type Span, slice, trim } from './text';

const OPEN = new Set(['“', '‘', '「', '《', '(', '（', '【', '[']);
const CLOSE = new Set(['”', '’', '」', '》', ')', '）', '】', ']']);
const EDGE = /[\s,，、:：;；。.!?！？]/;

/** Splits at characters matching `sep` that stand outside quotes and brackets; empty parts dropped. */
export function splitOutside(span: Span, sep: RegExp): Span[] {
  const parts: Span[] = [];
  const t = span.text;
  let depth = 0;
  let straight = false;
  let a = 0;
  for (let i = 0; i <= t.length; i++) {
    const ch = t[i] ?? '';
    if (ch === '"') straight = !straight;
    else if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    if (i < t.length && (depth > 0 || straight || !sep.test(ch))) continue;
    // A "." between digits is a decimal point, not a full stop.
    if (ch === '.' && /\d/.test(t[i - 1] ?? '') && /\d/.test(t[i + 1] ?? '')) continue;
    const part = trim(slice(span, a, i), EDGE);
    if (part.text.length > 0) parts.push(part);
    a = i + 1;
  }
  return parts;
}

/** Sentences: split at 。！？ (and a full stop "." outside numbers). */
export function sentences(span: Span): Span[] {
  return splitOutside(span, /[。!?！？.]/);
}

/** "；"-separated parts. */
export function semicolonParts(span: Span): Span[] {
  return splitOutside(span, /[;；]/);
}

/** ","-separated clauses. */
export function commaClauses(span: Span): Span[] {
  return splitOutside(span, /[,，]/);
}

/** "、"-separated items. */
export function enumerationItems(span: Span): Span[] {
  return splitOutside(span, /[、]/);
}

/** A long text is cut into windows at its clause ends so that no stage works on unbounded text. */
export function bounded(span: Span, max = 400): Span[] {
  if (span.text.length <= max) return [span];
  const out: Span[] = [];
  let a = 0;
  while (a < span.text.length) {
    let b = Math.min(span.text.length, a + max);
    if (b < span.text.length) {
      // Cut at the last clause end in the second half of the window, if there is one.
      for (let i = b - 1; i > a + max / 2; i--) {
        if (/[,，、\s]/.test(span.text[i] ?? '')) {
          b = i + 1;
          break;
        }
      }
    }
    out.push(slice(span, a, b));
    a = b;
  }
  return out;
}
