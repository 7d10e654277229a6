/** Outline parsing: paragraphs, their markers (一、 （一） 1. ① 第一方面 关键词条 篇一 …) and clause paths. */

export type MarkerKind = 'piece' | 'part' | 'cnDun' | 'cnParen' | 'num' | 'numParen' | 'circled' | 'keyword' | 'quarter';

export interface Marker {
  kind: MarkerKind;
  /** Label used in clause paths: "二", "（三）", "4", "①", "第一方面", "篇三", "第一季度". */
  label: string;
  /** Length of the marker text at the paragraph start. */
  length: number;
}

export interface Paragraph {
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  text: string;
  marker?: Marker;
  /** Where the paragraph body starts, after the marker. */
  bodyStart: number;
  /** Clause path segments, e.g. ["二", "（三）", "4"] or ["十件实事", "8"]. */
  path: string[];
  /** Heading texts of the enclosing outline levels (closest last), used as context. */
  context: string[];
  /** Inside a dedicated service list (十件实事, 实事项目 …). */
  inList: boolean;
  /** The paragraph is itself a heading (short, no sentence punctuation). */
  isHeading: boolean;
  /** Quarter or month the paragraph falls under, if any. */
  period?: string;
}

const CN = '[一二三四五六七八九十]+';
const MARKERS: Array<{ kind: MarkerKind; re: RegExp; label: (m: RegExpExecArray) => string }> = [
  { kind: 'piece', re: new RegExp(`^篇(${CN})\\s*`), label: (m) => `篇${m[1]}` },
  { kind: 'part', re: new RegExp(`^第(${CN})(方面|部分)\\s*[:：]?\\s*`), label: (m) => `第${m[1]}${m[2]}` },
  { kind: 'keyword', re: /^关键词条\s*[:：]\s*/, label: () => '关键词条' },
  { kind: 'quarter', re: /^(第?[一二三四]季度)\s*[:：]?\s*/, label: (m) => normaliseQuarter(m[1] ?? '') },
  { kind: 'cnDun', re: new RegExp(`^(${CN})\\s*[、.．]\\s*`), label: (m) => m[1] ?? '' },
  { kind: 'cnParen', re: new RegExp(`^[(（]\\s*(${CN})\\s*[)）]\\s*[、.]?\\s*`), label: (m) => `（${m[1]}）` },
  { kind: 'numParen', re: /^[(（]\s*(\d{1,2})\s*[)）]\s*/, label: (m) => `(${m[1]})` },
  { kind: 'num', re: /^(\d{1,2})\s*(?:[.．、](?!\d)|\s+(?=[\u4e00-\u9fa5]))\s*/, label: (m) => m[1] ?? '' },
  { kind: 'circled', re: /^([①-⑳])\s*/, label: (m) => m[1] ?? '' },
];

function normaliseQuarter(raw: string): string {
  return raw.startsWith('第') ? raw : `第${raw}`;
}

/** Detects an outline marker at the start of a paragraph. */
export function detectMarker(text: string): Marker | undefined {
  for (const { kind, re, label } of MARKERS) {
    const m = re.exec(text);
    if (!m) continue;
    // A bare "一、" before a very short remainder is still a heading marker; but "1.2万" is a number.
    return { kind, label: label(m), length: m[0].length };
  }
  return undefined;
}

const LIST_HEADING_RE =
  /(\d+|[一二三四五六七八九十百]+)件实|实事项目|(?:职工|民生|惠民)实事|服务职工.{0,8}(项目|清单)|为职工办.{0,6}实事|惠民项目/;
const PLAN_TITLE_RE = /(工作要点|工作计划|工作思路|工作安排|工作计划表)(\s*[(（][^)）]*[)）])?$|篇[一二三四五六七八九十]+$/;
const END_MATTER_RE = /^(抄报|抄送|主题词|印发|附件[:：]?$)/;

/** Name of a dedicated service list from its heading, e.g. "十件实事". */
export function listName(heading: string): string {
  // A heading that drops a character after "N件实" still names the N-item list.
  const count = /((?:\d+|[一二三四五六七八九十百]+)件)实/.exec(heading);
  if (count?.[1]) return `${count[1]}实事`;
  if (/实事/.test(heading)) return '实事项目';
  return heading.replace(/[:：]$/, '').slice(-10);
}

/** True for a short line without sentence punctuation: a heading, not a promise. */
export function looksLikeHeading(text: string): boolean {
  return text.length <= 42 && !/[。;；!?！？]/.test(text);
}

// Headings glued to the end or middle of a line by the PDF conversion ("…一日游活动二季度", "…关键词条：…").
const SPLIT_RE = /(关键词条\s*[:：]|第[一二三四五六七八九十]+(?:方面|部分)\s*[:：]|第?[一二三四]季度(?=\s*$|\s*[:：]))/g;

function splitLines(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '\n') continue;
    const line = text.slice(lineStart, i);
    const cuts = [0];
    for (const m of line.matchAll(SPLIT_RE)) if (m.index > 0) cuts.push(m.index);
    cuts.push(line.length);
    for (let c = 0; c + 1 < cuts.length; c++) {
      const s = lineStart + (cuts[c] ?? 0);
      const e = lineStart + (cuts[c + 1] ?? 0);
      if (text.slice(s, e).trim()) spans.push({ start: s, end: e });
    }
    lineStart = i + 1;
  }
  return spans;
}

interface Level {
  kind: MarkerKind | 'list' | 'plan';
  label: string;
  heading: string;
}

/** Splits normalised text into paragraphs and gives each its outline position. */
export function parseOutline(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let stack: Level[] = [];
  let inList = false;
  let planCount = 0;
  let period: string | undefined;
  let ended = false;
  // A second title line before any body text (breadcrumb, 附件 line, repeated title) is the same plan.
  let bodySinceTitle = true;
  for (const span of splitLines(text)) {
    const raw = text.slice(span.start, span.end);
    const lead = raw.length - raw.trimStart().length;
    const start = span.start + lead;
    const para = raw.trim();
    const marker = detectMarker(para);
    const body = marker ? para.slice(marker.length) : para;
    const heading = looksLikeHeading(body);
    if (END_MATTER_RE.test(para)) ended = true;
    const planTitle = marker?.kind === 'piece' || (!marker && heading && PLAN_TITLE_RE.test(para) && !/^附件/.test(para));
    if (planTitle && !bodySinceTitle && marker?.kind !== 'piece' && !/篇[一二三四五六七八九十]+$/.test(para)) {
      // Same plan: keep the stack as it is.
    } else if (planTitle) {
      planCount++;
      bodySinceTitle = false;
      const piece = /篇([一二三四五六七八九十]+)$/.exec(para);
      stack = [{ kind: 'plan', label: marker?.label ?? (piece ? `篇${piece[1]}` : `第${planCount}篇`), heading: para }];
      inList = false;
      period = undefined;
      ended = false;
    } else if (!marker?.kind.match(/^(num|numParen|circled)$/) && LIST_HEADING_RE.test(para) && heading) {
      const plan = stack.find((l) => l.kind === 'plan');
      stack = [...(plan ? [plan] : []), { kind: 'list', label: listName(body), heading: body }];
      inList = true;
    } else if (marker) {
      if (marker.kind === 'quarter') period = marker.label;
      const at = stack.findIndex((l) => l.kind === marker.kind);
      if (at >= 0) stack = stack.slice(0, at);
      else if (inList && (marker.kind === 'cnDun' || marker.kind === 'part')) {
        // A higher outline level after the list ends the list.
        stack = stack.filter((l) => l.kind === 'plan');
        inList = false;
      }
      const label = marker.kind === 'keyword' ? firstSentence(body).slice(0, 12) : marker.label;
      stack.push({ kind: marker.kind, label, heading: firstSentence(body) });
    } else if (heading && !inList && body.length >= 6) {
      // Unmarked section heading (e.g. "加强思想引领，提高职工思想政治水平"): context only.
      const plan = stack.filter((l) => l.kind === 'plan');
      stack = [...plan, { kind: 'part', label: '', heading: body }];
    }
    if (!heading && !planTitle) bodySinceTitle = true;
    out.push({
      start,
      end: start + para.length,
      text: para,
      marker,
      bodyStart: start + (marker?.length ?? 0),
      path: stack.map((l) => l.label).filter(Boolean),
      context: stack.map((l) => l.heading),
      inList: inList && !ended,
      isHeading: heading,
      period,
    });
  }
  // A single plan needs no "第1篇" prefix in its clause paths.
  if (planCount <= 1) {
    for (const p of out) p.path = p.path.filter((label) => !/^第\d+篇$/.test(label));
  }
  return out;
}

function firstSentence(text: string): string {
  const m = /^[^。;；!?！？]*/.exec(text);
  return (m?.[0] ?? text).slice(0, 60);
}
