/**
 * Stage 2 — structure: normalised text → blocks. Debris lines go, tables become one block per row,
 * lines broken at page ends are joined, and every paragraph gets its marker, its outline path, the
 * headings around it, whether it sits in a dedicated service list, and the period it falls under.
 */
import { findDebris, type Line, splitLines } from './layout';
import { PAST_RE } from './lexicon';
import { detectMarker, type Marker } from './markers';
import type { NormalizedText } from './normalize';
import { type ColumnRole, findTables, type Table, type TableRow } from './tables';
import { compact, join, type Span, slice, trim } from './text';

export type BlockKind = 'title' | 'heading' | 'item' | 'paragraph' | 'row';

export interface Block {
  kind: BlockKind;
  /** Compacted text of the block, marker included (for a row: its name and content cells). */
  text: Span;
  /** The text after the marker. */
  body: Span;
  marker?: Marker;
  /** Clause path, e.g. ["二", "（三）", "4"], ["十件实事", "8"] or ["实事项目", "3"] for a table row. */
  path: string[];
  /** Headings of the enclosing levels, outermost first. */
  context: string[];
  /** Inside a dedicated service list (十件实事, 实事项目, a table of them). */
  inList: boolean;
  /** Quarter or month the block falls under. */
  period?: string;
  /** The block reports work already done: it stands in a 总结 outside any section about plans. */
  report?: boolean;
  /** A bracket line under the block that names its department ("（责任单位：组织部）"). */
  departmentNote?: Span;
  /** For table rows: the row's cells by role, and the table's header labels. */
  row?: { index: string; cells: Partial<Record<ColumnRole, Span>>; header: Table['header']; table: number };
}

export interface Structure {
  blocks: Block[];
  /** Prose paragraphs in order (title lines included), for the header stage. */
  paragraphs: Span[];
  tables: Table[];
}

// "某县总工会2026年…一览表  今年将为职工办好以下实事。": the title ends at its noun, before the spaces.
const TITLE_THEN_TEXT = /^(\s*[^。；;\s]{4,60}?(?:要点|计划|方案|安排|思路|一览表|清单|实事|项目|通知|意见|总结))\s+([^\s].*[。；;].*)$/;
const TERMINAL = /[。；;!?！？…]$|[。；;!?！？][”"’)）]$/;
const OPENERS = /[,，、(（“"《:：—-]$/;
const TITLE_NOUN = /(?:要点|计划|方案|安排|思路|打算|总结|一览表|清单|实事|项目|通知|意见|决定|报告|纪要|通报|汇编|目录|表)$/;

function unbalanced(text: string): boolean {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  return count(/《/g) > count(/》/g) || count(/[(（]/g) > count(/[)）]/g) || count(/“/g) > count(/”/g);
}

/** Typical length of a wrapped prose line (PDF text keeps lines of the page width). */
function wrapWidth(lines: Line[]): number {
  const lengths = lines
    .map((l) => l.bare.length)
    .filter((n) => n >= 12)
    .sort((a, b) => a - b);
  if (lengths.length === 0) return Number.POSITIVE_INFINITY;
  return lengths[Math.floor(lengths.length * 0.75)] ?? Number.POSITIVE_INFINITY;
}

/** Whether a prose line was broken at a page or line end and continues on the next line. */
function continues(line: string, next: string, width: number): boolean {
  // "…解决实际问题。（各部室）": a department note after the full stop ends the paragraph too.
  if (next === '' || TERMINAL.test(line.replace(/[(（][^()（）]{0,60}[)）]$/, ''))) return false;
  if (detectMarker(next)) return false;
  if (/^(?:\d+|[一二三四五六七八九十]+)[.、]$/.test(line)) return true; // "8." alone on its line
  if (OPENERS.test(line) || unbalanced(line)) return true;
  // A phrase cannot end on a particle or preposition: "…反映职工精神风貌的" runs on.
  if (/[的和与及或对为把将从向以于让使被给跟同并而且之]$/.test(line)) return true;
  // A title ends at its noun, even one with a "!" in it ("…清单出炉!…为职工办实事").
  if (TITLE_NOUN.test(line) && line.length <= 60 && !/[。；;]/.test(line)) return false;
  // A sentence ended inside the line and the next one runs on past its end.
  if (/[。；;!?！？]/.test(line)) return true;
  // A title or heading has no sentence end and stops where it stops; a wrapped line fills the width.
  if (TITLE_NOUN.test(line)) return false;
  return line.length >= Math.max(18, width * 0.85) && !/^[(（]/.test(next);
}

const LIST_HEADING_RE =
  /(?:\d+|[一二两三四五六七八九十百]+)件(?:民生|惠民|服务职工的?)?实|实事项目|(?:职工|民生|惠民)实事|服务职工.{0,8}(?:项目|清单)|为职工办.{0,8}实事|惠民项目|实事清单/;
const PLAN_TITLE_RE =
  /(?:工作要点|工作计划|工作思路|工作安排|工作打算|工作总结|年度计划|实施方案)(?:\s*[(（][^()（）]{0,12}[)）])?(?:篇?[一二三四五六七八九十]+|\d{1,2})?$/;
const END_MATTER_RE = /^(?:抄报|抄送|主题词|印发|附件[:：]?$)/;
const BRACKET_ONLY = /^[(（][^()（）]{2,60}[)）]$/;

/** Name of a dedicated service list from its heading, e.g. "十件实事". */
export function listName(heading: string): string {
  const count = /((?:\d+|[一二两三四五六七八九十百]+)件)/.exec(heading);
  if (count?.[1] && /实/.test(heading)) return `${count[1]}实事`;
  if (/实事/.test(heading)) return '实事项目';
  return heading.replace(/[:：]$/, '').slice(-10);
}

function looksLikeHeading(text: string): boolean {
  return text.length <= 42 && !/[。;；!?！？]/.test(text);
}

type Unit = { kind: 'prose'; span: Span } | { kind: 'table'; table: number };

interface Level {
  kind: Marker['kind'] | 'list' | 'plan' | 'section' | 'table';
  label: string;
  heading: string;
}

/** Splits the normalised text into blocks (stage output), with tables read as rows. */
export function structure(norm: NormalizedText): Structure {
  const lines = splitLines(norm);
  const debris = findDebris(lines);
  const tables = findTables(norm, lines, debris);
  const tableAt = new Map<number, number>();
  tables.forEach((t, i) => {
    for (let l = t.firstLine; l <= t.lastLine; l++) tableAt.set(l, i);
  });
  // Bare numbers are page numbers only outside tables (inside, the table stage used them as 序号).
  const width = wrapWidth(lines.filter((_, i) => !debris[i] && !tableAt.has(i)));

  const units: Unit[] = [];
  let current: Span | undefined;
  const flush = () => {
    if (current && current.text.length > 0) units.push({ kind: 'prose', span: current });
    current = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const t = tableAt.get(i);
    if (t !== undefined) {
      flush();
      if (tables[t]!.firstLine === i) units.push({ kind: 'table', table: t });
      continue;
    }
    const line = lines[i]!;
    if (debris[i]) continue;
    // Blank lines carry no meaning: pasted and converted text has them between every line, or none.
    if (line.bare === '') continue;
    // A title and the paragraph after it on one line, parted by spaces: two units.
    const glued = units.length < 4 ? TITLE_THEN_TEXT.exec(line.text) : null;
    if (glued?.[1]) {
      flush();
      units.push({ kind: 'prose', span: trim(compact(slice(norm, line.start, line.start + glued[1].length))) });
      current = trim(compact(slice(norm, line.start + glued[0].length - (glued[2]?.length ?? 0), line.end)));
      continue;
    }
    const span = trim(compact(slice(norm, line.start, line.end)));
    if (current && continues(current.text, span.text, width)) current = join([current, span]);
    else {
      flush();
      current = span;
    }
  }
  flush();
  return { ...outline(splitPeriodLabels(units), tables), tables };
}

/** A schedule's period label glued to the end of the line before it ("…登山活动三季度"): its own unit. */
function splitPeriodLabels(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    const m = u.kind === 'prose' ? /(?:第?[一二三四]季度|[上下]半年)$/.exec(u.span.text) : null;
    if (u.kind === 'prose' && m && m.index >= 4 && !/[。；;:：]$/.test(u.span.text.slice(0, m.index))) {
      out.push({ kind: 'prose', span: slice(u.span, 0, m.index) }, { kind: 'prose', span: slice(u.span, m.index) });
    } else out.push(u);
  }
  return out;
}

/**
 * Titles of the plans in a compilation: lines that differ only by an ordinal suffix ("某工会计划之一",
 * "某工会计划之二" or "…(一)", "…(二)"), each at least twice.
 */
function compilationTitles(units: Unit[]): Set<string> {
  const byPrefix = new Map<string, string[]>();
  for (const u of units) {
    if (u.kind !== 'prose' || u.span.text.length > 50 || /[。；;,，]/.test(u.span.text)) continue;
    const m = /^(.{4,40}?)(?:篇|第)?[(（]?(?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]?篇?$/.exec(u.span.text);
    if (!m?.[1] || detectMarker(u.span.text)) continue;
    const list = byPrefix.get(m[1]) ?? [];
    list.push(u.span.text);
    byPrefix.set(m[1], list);
  }
  const titles = new Set<string>();
  for (const list of byPrefix.values()) if (new Set(list).size >= 2) for (const t of list) titles.add(t);
  return titles;
}

function outline(units: Unit[], tables: Table[]): Omit<Structure, 'tables'> {
  const pieceTitles = compilationTitles(units);
  const blocks: Block[] = [];
  const paragraphs: Span[] = [];
  let stack: Level[] = [];
  let inList = false;
  let ended = false;
  let period: string | undefined;
  let pieces = 0;
  let bodySeen = false;
  for (const unit of units) {
    if (unit.kind === 'table') {
      const table = tables[unit.table]!;
      const plan = stack.filter((l) => l.kind === 'plan');
      const heading = stack.at(-1);
      const label = heading?.kind === 'list' ? heading.label : '实事项目';
      const context = [...stack.map((l) => l.heading)];
      for (const row of table.rows) blocks.push(rowBlock(row, table, unit.table, [...plan.map((l) => l.label), label], context, period));
      bodySeen = true;
      continue;
    }
    const span = unit.span;
    paragraphs.push(span);
    const text = span.text;
    if (BRACKET_ONLY.test(text) && blocks.length > 0) {
      const prev = blocks[blocks.length - 1]!;
      if (!prev.departmentNote) prev.departmentNote = span;
      continue;
    }
    const marker = detectMarker(text);
    const body = trim(slice(span, marker?.length ?? 0));
    const heading = looksLikeHeading(body.text);
    if (END_MATTER_RE.test(text)) ended = true;
    const planTitle = pieceTitles.has(text) || (!marker && heading && PLAN_TITLE_RE.test(text) && !/^附件/.test(text));
    let kind: BlockKind = marker ? (heading ? 'heading' : 'item') : heading ? 'heading' : 'paragraph';
    if (planTitle && (bodySeen || pieces === 0)) {
      // A plan title after body text starts another plan of a compilation.
      pieces++;
      const label = `第${pieces}篇`;
      stack = [{ kind: 'plan', label, heading: text }];
      inList = false;
      period = undefined;
      ended = false;
      bodySeen = false;
      kind = 'title';
    } else if (planTitle) {
      kind = 'title';
    } else if (!bodySeen && !marker && heading && blocks.every((b) => b.kind === 'title') && TITLE_NOUN.test(text)) {
      kind = 'title';
    } else if (
      !(marker && ['num', 'numParen', 'numRight', 'circled'].includes(marker.kind)) &&
      heading &&
      LIST_HEADING_RE.test(text) &&
      !/^关于|(?:通知|意见|决定)$/.test(text)
    ) {
      const plan = stack.filter((l) => l.kind === 'plan');
      stack = [...plan, { kind: 'list', label: listName(body.text), heading: body.text }];
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
      if (marker.kind === 'cnDun' || marker.kind === 'part') period = undefined;
      stack.push({ kind: marker.kind, label: marker.label, heading: firstSentence(body.text) });
    } else if (heading && !inList && body.text.length >= 6) {
      // An unmarked heading ("坚持围绕中心，服务发展大局"): context only.
      const plan = stack.filter((l) => l.kind === 'plan');
      stack = [...plan, { kind: 'section', label: '', heading: body.text }];
    }
    if (kind === 'paragraph' || kind === 'item') bodySeen = true;
    blocks.push({
      kind,
      text: span,
      body,
      ...(marker ? { marker } : {}),
      path: stack.map((l) => l.label).filter(Boolean),
      context: stack.map((l) => l.heading),
      inList: inList && !ended,
      ...(period ? { period } : {}),
    });
  }
  // A single plan needs no "第1篇" prefix in its clause paths.
  if (pieces <= 1) for (const b of blocks) b.path = b.path.filter((label) => !/^第\d+篇$/.test(label));
  markReports(blocks);
  return { blocks, paragraphs };
}

const REPORT_TITLE_RE = /总结|述职|回顾|工作报告|情况报告|情况汇报/;
const FUTURE_HEADING_RE = /打算|计划|思路|安排|展望|要点|工作重点|目标任务|明年|下一步/;
const PLAN_WORDS_RE = /要点|计划|打算|思路|安排|方案|实事/;
// Words of intention: a plan says what it will do.
const FUTURE_RE =
  /(?:将|拟|计划|准备|力争|争取|确保)(?!近|来|军|其|之|会议)[\u4e00-\u9fa5]|今年|明年|下一步|下半年|年内|要(?:继续|进一步|加强|做好|开展|组织|认真|切实|积极|着力|在)/;

/**
 * In a 总结 (a report of the year's work), everything reports what was done, except the sections
 * about next year ("2026年工作打算"). A plan of a compilation is a report when its title says so,
 * or when most of its paragraphs tell of work done ("…组织了…", "共计…").
 */
function markReports(blocks: Block[]): void {
  const pieces: Block[][] = [[]];
  for (const b of blocks) {
    if (b.kind === 'title' && pieces[pieces.length - 1]!.length > 0) pieces.push([]);
    pieces[pieces.length - 1]!.push(b);
  }
  for (const piece of pieces) {
    const titles = piece.filter((b) => b.kind === 'title').map((b) => b.text.text);
    const titled = titles.some((t) => REPORT_TITLE_RE.test(t) && !PLAN_WORDS_RE.test(t));
    const prose = piece.filter((b) => b.kind === 'paragraph' || b.kind === 'item');
    const past = prose.filter((b) => PAST_RE.test(b.text.text)).length;
    const future = prose.filter((b) => FUTURE_RE.test(b.text.text)).length;
    if (!titled && !(prose.length >= 3 && past >= prose.length * 0.5 && future <= prose.length * 0.2)) {
      // A paragraph that tells of work done and of nothing to come reports, wherever it stands.
      for (const b of prose) if (PAST_RE.test(b.text.text) && !FUTURE_RE.test(b.text.text)) b.report = true;
      continue;
    }
    for (const b of piece) {
      if (b.kind === 'title' || b.context.some((h) => FUTURE_HEADING_RE.test(h))) continue;
      if (b.kind === 'heading' && FUTURE_HEADING_RE.test(b.text.text)) continue;
      b.report = true;
    }
  }
}

function rowBlock(row: TableRow, table: Table, tableIndex: number, path: string[], context: string[], period: string | undefined): Block {
  const name = row.cells.name;
  const content = row.cells.content;
  const text = name && content ? join([name, content], ':') : (content ?? name ?? row.cells.target ?? { text: '', map: [] });
  return {
    kind: 'row',
    text,
    body: text,
    path: [...path, row.index],
    context,
    inList: true,
    ...(period ? { period } : {}),
    row: { index: row.index, cells: row.cells, header: table.header, table: tableIndex },
  };
}

function firstSentence(text: string): string {
  const m = /^[^。;；!?！？]*/.exec(text);
  return (m?.[0] ?? text).slice(0, 60);
}
