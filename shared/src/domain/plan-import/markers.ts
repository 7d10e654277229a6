/** List and outline markers at the start of a paragraph: 一、 （一） 1. 1、 1） (1) ⑴ ① 一是 第一， 其一 A. ● … */
import { parseChineseNumber } from './chinese-number';

export type MarkerKind =
  | 'part' // 第一部分 / 第二方面 / 第三章
  | 'cnDun' // 一、 一.
  | 'cnParen' // （一）
  | 'num' // 1. 1、 ⒈
  | 'numRight' // 1） 1)
  | 'numParen' // （1） ⑴
  | 'circled' // ①
  | 'ordinal' // 第一， 其一，
  | 'shi' // 一是
  | 'letter' // A. A、
  | 'bullet' // ● • ■ ◆ ▲ ★ - *
  | 'quarter'; // 第一季度 / 一季度 / 3月 / 三月份

export interface Marker {
  kind: MarkerKind;
  /** Label used in clause paths: "二", "（三）", "4", "①", "第一部分", "第一季度". */
  label: string;
  /** The ordinal the marker carries (一 → 1, ③ → 3), when it has one. */
  ordinal?: number;
  /** Length of the marker text at the paragraph start, including the space after it. */
  length: number;
}

const CN = '[一二三四五六七八九十]{1,3}';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const PAREN_DIGIT = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';
const DOT_DIGIT = '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛';

interface MarkerRule {
  kind: MarkerKind;
  re: RegExp;
  label: (m: RegExpExecArray) => string;
  ordinal: (m: RegExpExecArray) => number | undefined;
}

const cn = (m: RegExpExecArray) => parseChineseNumber(m[1] ?? '');
const digits = (m: RegExpExecArray) => Number(m[1]);

const RULES: MarkerRule[] = [
  {
    kind: 'quarter',
    re: /^((?:第?[一二三四1-4]季度)|(?:[1-9]|1[0-2])\s*[-—~至到]\s*(?:[1-9]|1[0-2])\s*月(?:份)?|(?:[1-9]|1[0-2]|[一二三四五六七八九十]|十[一二])月份?)\s*[:：]\s*|^(第?[一二三四1-4]季度)\s*$/,
    label: (m) => {
      const raw = (m[1] ?? m[2] ?? '').replace(/\s/g, '');
      return /季度/.test(raw) && !raw.startsWith('第') ? `第${raw}` : raw;
    },
    ordinal: () => undefined,
  },
  {
    kind: 'part',
    re: new RegExp(`^第(${CN})(部分|方面|章|节|篇)\\s*[:：、.]?\\s*`),
    label: (m) => `第${m[1]}${m[2]}`,
    ordinal: cn,
  },
  { kind: 'shi', re: new RegExp(`^(${CN})是\\s*[,，:：]?\\s*`), label: (m) => `${m[1]}是`, ordinal: cn },
  {
    kind: 'ordinal',
    re: new RegExp(`^(?:第|其)(${CN})\\s*[,，、:：]\\s*`),
    label: (m) => `第${m[1]}`,
    ordinal: cn,
  },
  { kind: 'cnDun', re: new RegExp(`^(${CN})\\s*(?:、|\\.(?!\\d))\\s*`), label: (m) => m[1] ?? '', ordinal: cn },
  { kind: 'cnParen', re: new RegExp(`^[(（]\\s*(${CN})\\s*[)）]\\s*[、.]?\\s*`), label: (m) => `（${m[1]}）`, ordinal: cn },
  { kind: 'numParen', re: /^[(（]\s*(\d{1,2})\s*[)）]\s*[、.]?\s*/, label: (m) => `(${m[1]})`, ordinal: digits },
  {
    kind: 'numParen',
    re: new RegExp(`^([${PAREN_DIGIT}])\\s*`),
    label: (m) => `(${PAREN_DIGIT.indexOf(m[1] ?? '') + 1})`,
    ordinal: (m) => PAREN_DIGIT.indexOf(m[1] ?? '') + 1,
  },
  { kind: 'numRight', re: /^(\d{1,2})\s*[)）]\s*/, label: (m) => `${m[1]})`, ordinal: digits },
  {
    kind: 'num',
    re: new RegExp(`^([${DOT_DIGIT}])\\s*`),
    label: (m) => String(DOT_DIGIT.indexOf(m[1] ?? '') + 1),
    ordinal: (m) => DOT_DIGIT.indexOf(m[1] ?? '') + 1,
  },
  // "1." but not "1.5万"; "1 " before Chinese text (a space where the dot fell out).
  { kind: 'num', re: /^(\d{1,2})\s*(?:、|[.,，](?!\d)|\s+(?=[\u4e00-\u9fa5“"]))\s*/, label: (m) => m[1] ?? '', ordinal: digits },
  {
    kind: 'circled',
    re: new RegExp(`^([${CIRCLED}])\\s*[、.]?\\s*`),
    label: (m) => m[1] ?? '',
    ordinal: (m) => CIRCLED.indexOf(m[1] ?? '') + 1,
  },
  {
    kind: 'letter',
    re: /^([A-Ha-h])\s*[.、)）]\s*(?=[\u4e00-\u9fa5])/,
    label: (m) => (m[1] ?? '').toUpperCase(),
    ordinal: (m) => (m[1] ?? 'A').toUpperCase().charCodeAt(0) - 64,
  },
  { kind: 'bullet', re: /^([●•■◆▲★☆○◇□▪▶►·\-*])\s*(?=\S)/, label: () => '•', ordinal: () => undefined },
];

/** The outline marker a paragraph starts with, if any. */
export function detectMarker(text: string): Marker | undefined {
  for (const rule of RULES) {
    const m = rule.re.exec(text);
    if (!m) continue;
    // A number followed by a unit is a quantity ("2、3月" aside), not a marker.
    if ((rule.kind === 'num' || rule.kind === 'cnDun') && /^\d+\s*[,，]\s*\d/.test(text)) continue;
    const marker: Marker = { kind: rule.kind, label: rule.label(m), length: m[0].length };
    const ordinal = rule.ordinal(m);
    if (ordinal !== undefined && Number.isFinite(ordinal)) marker.ordinal = ordinal;
    return marker;
  }
  return undefined;
}

/** Inline item markers inside a paragraph: "一是…；二是…", "①…②…", "(1)…(2)…", "第一，…第二，…", "其一…". */
export const INLINE_MARKER_RE = new RegExp(
  `(?:^|(?<=[。；;:：,，\\s]))(?:(${CN})是|[${CIRCLED}${PAREN_DIGIT}]|[(（](?:\\d{1,2}|${CN})[)）]|(?:第|其)(${CN})[,，、])`,
  'g',
);
