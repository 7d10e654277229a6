/**
 * Tables in pasted plan text: tab-, "|"- (Markdown too) or several-space-separated rows under a
 * header row, and tables pasted one cell per line (a header of one word per line, then each row's
 * cells one per line, usually led by its 序号). Each row maps its columns to roles: name, content,
 * department, deadline, target, fund.
 */
import type { DebrisKind, Line } from './layout';
import type { NormalizedText } from './normalize';
import { compact, join, type Span, slice, trim } from './text';

export type ColumnRole = 'index' | 'name' | 'content' | 'department' | 'partner' | 'deadline' | 'target' | 'fund' | 'remark';

export interface TableRow {
  /** The row's 序号 as written, or its position. */
  index: string;
  cells: Partial<Record<ColumnRole, Span>>;
  /** Line indices [first, last] the row occupies. */
  firstLine: number;
  lastLine: number;
}

export interface Table {
  /** Line indices [first, last] of the whole table, header included. */
  firstLine: number;
  lastLine: number;
  layout: 'delimited' | 'cellPerLine';
  header: Array<{ label: string; role: ColumnRole | undefined }>;
  rows: TableRow[];
}

const HEADER_WORDS: Array<[ColumnRole, RegExp]> = [
  ['index', /^(?:序号|编号|序|no\.?|#|项目编号|排序)$/i],
  ['partner', /^(?:配合|协办|参与)(?:部门|单位|处室|科室)$/],
  [
    'department',
    /^(?:牵头|责任|承办|实施|负责|主办|配合|协办|主责)(?:部门|单位|处室|科室|部室)(?:及(?:配合|协办)?(?:部门|单位))?$|^(?:牵头领导|责任人|牵头部门和责任单位|牵头单位和责任单位|责任主体|承办方|实施主体)$/,
  ],
  ['deadline', /^(?:完成|实施|截止)?(?:时限|时间|期限)(?:安排|节点|要求)?$|^进度(?:安排|要求)?$|^时间进度$/],
  ['target', /^(?:服务|受益|惠及|覆盖)?(?:对象|人群|群体)$/],
  ['fund', /^(?:资金|预算|投入资金|资金预算|经费|经费预算|资金来源|预算金额|投入|资金总额|预计投入)(?:\(?万?元\)?)?$/],
  ['remark', /^(?:备注|说明|其他)$/],
  [
    'name',
    /^(?:项目名称|项目|名称|实事名称|实事项目|实事|事项|事项名称|服务项目|工作项目|任务名称|项目类别|类别|民生实事|活动名称|活动项目|主题|任务|重点任务|工作任务名称)$/,
  ],
  [
    'content',
    /^(?:主要|具体|项目|实施|工作|建设|服务|活动)?(?:内容|措施|目标|任务|标准|事项)(?:及(?:目标|标准|要求|措施))?$|^(?:目标任务|主要目标任务|年度目标|实施计划|实施方案|项目概况|具体做法|工作要求|完成标准|项目内容及标准)$/,
  ],
];

function headerRole(cell: string): ColumnRole | undefined {
  const word = cell
    .replace(/\s+/g, '')
    .replace(/[(（][^()（）]{0,8}[)）]$/, '')
    .replace(/[:：]$/, '');
  if (word.length === 0 || word.length > 12) return undefined;
  for (const [role, re] of HEADER_WORDS) if (re.test(word)) return role;
  return undefined;
}

/** A header row: at least two recognised column words, a name or content column among them, most cells recognised. */
function headerRoles(cells: string[]): Array<ColumnRole | undefined> | undefined {
  if (cells.length < 2) return undefined;
  const roles = cells.map(headerRole);
  const known = roles.filter(Boolean).length;
  if (known < 2 || known < cells.length * 0.6) return undefined;
  if (!roles.includes('name') && !roles.includes('content')) return undefined;
  // A 项目 column beside a 内容 column is the name; a lone 任务/事项 column is the content.
  return roles;
}

interface Cell {
  start: number;
  end: number;
}

/** Cells of a delimited line: tabs, then "|" (two or more), then runs of two or more spaces. */
function splitCells(line: Line): { cells: Cell[]; by: 'tab' | 'pipe' | 'spaces' } | undefined {
  const t = line.text;
  // No table has more than a few dozen columns, nor a row of thousands of characters.
  if (t.length > 4000) return undefined;
  const cut = (re: RegExp, by: 'tab' | 'pipe' | 'spaces', edgePipes = false) => {
    const cells: Cell[] = [];
    let a = 0;
    let from = 0;
    let to = t.length;
    if (edgePipes) {
      while (from < to && /\s/.test(t[from] ?? '')) from++;
      while (to > from && /\s/.test(t[to - 1] ?? '')) to--;
      if (t[from] === '|') from++;
      if (t[to - 1] === '|') to--;
    }
    a = from;
    const body = t.slice(0, to);
    re.lastIndex = from;
    for (const m of body.slice(from).matchAll(re)) {
      const at = from + m.index;
      cells.push(trimCell(line, a, at));
      a = at + m[0].length;
    }
    cells.push(trimCell(line, a, to));
    return { cells, by };
  };
  if (t.includes('\t')) {
    const r = cut(/\t/g, 'tab');
    // Trailing empty cells (a tab at the end of the line) are not columns.
    while (r.cells.length > 1 && r.cells[r.cells.length - 1]!.start === r.cells[r.cells.length - 1]!.end) r.cells.pop();
    return r.cells.length >= 2 ? r : undefined;
  }
  if ((t.match(/\|/g)?.length ?? 0) >= 2) {
    const r = cut(/\|/g, 'pipe', true);
    return r.cells.length >= 2 ? r : undefined;
  }
  if (/\S {2,}\S/.test(t)) {
    const r = cut(/ {2,}/g, 'spaces', true);
    return r.cells.filter((c) => c.end > c.start).length >= 2 ? { cells: r.cells.filter((c) => c.end > c.start), by: r.by } : undefined;
  }
  return undefined;
}

function trimCell(line: Line, a: number, b: number): Cell {
  let s = a;
  let e = b;
  while (s < e && /\s/.test(line.text[s] ?? '')) s++;
  while (e > s && /\s/.test(line.text[e - 1] ?? '')) e--;
  return { start: line.start + s, end: line.start + e };
}

function oddQuotes(text: string): boolean {
  return (text.match(/"/g)?.length ?? 0) % 2 === 1;
}

const SEPARATOR_RE = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;
const INDEX_RE = /^(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、．]?$/;
const DEPARTMENT_RE =
  /^[\u4e00-\u9fa5、，,/（）()]{2,40}?(?:部|室|办|办公室|委|委员会|中心|工会|联合会|单位|处|科|局|队|宫|组|站|所|院|校|馆|各部室|部门|中专|学校|学院|协会)$/;
const DEADLINE_RE =
  /^(?:\d{4}年)?(?:\d{1,2}(?:月|-\d{1,2}月)(?:底|份|前|末|中旬|下旬|上旬|以前)?|年底(?:前)?|年内|全年|长期|常态化|持续推进|全年持续|第?[一二三四]季度(?:末|内)?|上半年|下半年|年中)(?:前|完成|以前)?$|^\d{4}[.\-/年]\d{1,2}(?:[.\-/月]\d{1,2}日?)?(?:前)?$/;

export function looksLikeDepartment(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t.length <= 40 && !/[。；;:：]/.test(t) && DEPARTMENT_RE.test(t);
}

export function looksLikeDeadline(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t.length <= 24 && DEADLINE_RE.test(t);
}

function cellSpan(norm: NormalizedText, cells: Cell[]): Span {
  const parts = cells.filter((c) => c.end > c.start).map((c) => trim(compact(slice(norm, c.start, c.end)), /["\s]/));
  return join(parts.filter((p) => p.text.length > 0));
}

/** Assigns cells to roles: directly when the counts agree, by shape otherwise. */
function assignCells(norm: NormalizedText, cells: Cell[][], roles: Array<ColumnRole | undefined>): Partial<Record<ColumnRole, Span>> {
  const out: Partial<Record<ColumnRole, Span>> = {};
  const put = (role: ColumnRole | undefined, group: Cell[]) => {
    if (!role) return;
    const span = cellSpan(norm, group);
    if (span.text.length === 0) return;
    const had = out[role];
    out[role] = had ? join([had, span], ';') : span;
  };
  if (cells.length === roles.length) {
    cells.forEach((group, i) => {
      put(roles[i], group);
    });
    return out;
  }
  const text = (g: Cell[]) =>
    g
      .map((c) => norm.text.slice(c.start, c.end))
      .join('')
      .replace(/\s+/g, '');
  const rest = [...cells];
  const wanted = [...roles];
  // Index first, then trailing department / deadline cells by their shape, name from the front, content the rest.
  if (wanted[0] === 'index' && rest[0] && INDEX_RE.test(text(rest[0]))) {
    put('index', rest.shift()!);
    wanted.shift();
  } else if (wanted[0] === 'index') wanted.shift();
  const tailRoles: Array<[ColumnRole, (t: string) => boolean]> = [
    ['remark', (t) => t.length <= 12 && !looksLikeDepartment(t) && !looksLikeDeadline(t) && wanted.at(-1) === 'remark'],
    ['deadline', looksLikeDeadline],
    ['department', looksLikeDepartment],
  ];
  for (const [role, fits] of tailRoles) {
    if (!wanted.includes(role)) continue;
    const last = rest[rest.length - 1];
    if (last && rest.length > 1 && fits(text(last))) put(role, rest.pop()!);
  }
  const nameAt = wanted.indexOf('name');
  if (nameAt >= 0 && rest.length > 1) put('name', rest.shift()!);
  for (const group of rest) put(wanted.includes('content') ? 'content' : 'name', group);
  return out;
}

const BLOCK_START_RE = /^(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十]+[)）]|附件|附表|备注|注[:：]|说明[:：]|抄送|抄报)/;

/** Delimited tables (tab, "|", spaces) starting at a header row. */
function delimitedTable(norm: NormalizedText, lines: Line[], debris: Array<DebrisKind | undefined>, at: number): Table | undefined {
  const head = splitCells(lines[at]!);
  if (!head) return undefined;
  const labels = head.cells.map((c) => norm.text.slice(c.start, c.end).replace(/\s+/g, ''));
  const roles = headerRoles(labels);
  if (!roles) return undefined;
  const headerBare = lines[at]!.bare;
  const rows: Array<{ cells: Cell[][]; first: number; last: number }> = [];
  let last = at;
  for (let j = at + 1; j < lines.length; j++) {
    const line = lines[j]!;
    if (line.bare === '') {
      // A blank line ends the table unless another row follows it.
      const next = lines.slice(j + 1).find((l) => l.bare !== '');
      if (next && splitCells(next) && !BLOCK_START_RE.test(next.bare)) continue;
      break;
    }
    if (debris[j] === 'footer' || debris[j] === 'runningHeader' || debris[j] === 'link' || debris[j] === 'chrome') continue;
    if (SEPARATOR_RE.test(line.bare) || line.bare === headerBare) {
      last = j;
      continue;
    }
    // Excel quotes a cell that holds line breaks: read on until the quote closes.
    let logical = line;
    let end = j;
    while (head.by === 'tab' && oddQuotes(logical.text) && end + 1 < lines.length && end - j < 20) {
      end++;
      const text = norm.text.slice(line.start, lines[end]!.end);
      logical = { start: line.start, end: lines[end]!.end, text, bare: text.replace(/\s+/g, '') };
    }
    const split = splitCells(logical);
    if (split && (split.cells.length >= Math.min(roles.length, 2) || split.by === head.by)) {
      rows.push({ cells: split.cells.map((c) => [c]), first: j, last: end });
      last = end;
      j = end;
      continue;
    }
    // One cell: a wrapped cell continues the previous row, unless a new block starts.
    const prev = rows[rows.length - 1];
    if (!prev || BLOCK_START_RE.test(line.bare)) break;
    // A long unindented sentence after a space-separated table is prose, not a wrapped cell.
    if (head.by === 'spaces' && !/^\s/.test(line.text) && /[。；]/.test(line.bare) && line.bare.length > 40) break;
    const contentAt = Math.max(0, roles.indexOf('content'));
    const target = prev.cells[Math.min(contentAt, prev.cells.length - 1)];
    target?.push({ start: line.start, end: line.end });
    prev.last = j;
    last = j;
  }
  // A header with no rows is still a table (of nothing): its lines are consumed, once.
  return {
    firstLine: at,
    lastLine: last,
    layout: 'delimited',
    header: labels.map((label, i) => ({ label, role: roles[i] })),
    rows: rows.map((r, n) => {
      const cells = assignCells(norm, r.cells, roles);
      return { index: cells.index?.text.replace(/[.、．]$/, '') || String(n + 1), cells, firstLine: r.first, lastLine: r.last };
    }),
  };
}

/** Tables pasted one cell per line: a run of header words, then the rows' cells, one per line. */
function cellPerLineTable(norm: NormalizedText, lines: Line[], debris: Array<DebrisKind | undefined>, at: number): Table | undefined {
  const header: Array<{ label: string; role: ColumnRole | undefined }> = [];
  let j = at;
  while (j < lines.length && header.length < 8) {
    const line = lines[j]!;
    if (line.bare === '') {
      j++;
      continue;
    }
    const role = splitCells(line) ? undefined : headerRole(line.bare);
    if (!role || header.some((h) => h.role === role)) break;
    header.push({ label: line.bare, role });
    j++;
  }
  const roles = header.map((h) => h.role);
  if (header.length < 3 || (!roles.includes('name') && !roles.includes('content'))) return undefined;
  const k = header.length;
  const headerSeq = header.map((h) => h.label).join('\n');
  const bodyRoles = roles[0] === 'index' ? roles.slice(1) : roles;
  const rows: TableRow[] = [];
  let last = j - 1;
  // The lines of the body, each with its line index; blank lines and page debris dropped. Read
  // lazily: a header run followed by nothing must not cost a pass over the rest of the document.
  const body = new LazyLines(lines, debris, j);
  let p = 0;
  const skipRepeatedHeader = () => {
    const seq = body
      .slice(p, p + k)
      .map((i) => lines[i]!.bare)
      .join('\n');
    if (seq === headerSeq) p += k;
  };
  const more = (q: number) => body.at(q) !== undefined;
  if (roles[0] === 'index') {
    let expect = 1;
    while (more(p)) {
      skipRepeatedHeader();
      const anchor = body.at(p);
      if (anchor === undefined || indexValue(lines[anchor]!.bare) !== expect) break;
      p++;
      const group: number[] = [];
      while (more(p)) {
        skipRepeatedHeader();
        const i = body.at(p);
        if (i === undefined) break;
        if (indexValue(lines[i]!.bare) === expect + 1) break;
        // The last row: stop after its cells, unless the next line has the shape of a missing trailing cell.
        if (
          group.length >= bodyRoles.length &&
          !continuesRow(
            lines[i]!.bare,
            group.map((g) => lines[g]!.bare),
            bodyRoles,
          )
        )
          break;
        if (BLOCK_START_RE.test(lines[i]!.bare) && group.length >= 2) break;
        group.push(i);
        p++;
      }
      if (group.length === 0) break;
      rows.push(rowOf(norm, lines, String(expect), group, bodyRoles));
      last = group[group.length - 1]!;
      expect++;
    }
  } else {
    while (more(p + k - 1)) {
      skipRepeatedHeader();
      const group = body.slice(p, p + k);
      if (group.length < k) break;
      const nameAt = roles.indexOf('name');
      const name = nameAt >= 0 ? lines[group[nameAt]!]!.bare : '';
      if (name.length > 30 || /[。；]/.test(name) || BLOCK_START_RE.test(lines[group[0]!]!.bare)) break;
      rows.push(rowOf(norm, lines, String(rows.length + 1), group, roles));
      last = group[group.length - 1]!;
      p += k;
    }
  }
  if (rows.length === 0) return undefined;
  return { firstLine: at, lastLine: last, layout: 'cellPerLine', header, rows };
}

/** Non-blank, non-debris line indices from a start, read only as far as asked. */
class LazyLines {
  private readonly seen: number[] = [];
  private next: number;
  constructor(
    private readonly lines: Line[],
    private readonly debris: Array<DebrisKind | undefined>,
    from: number,
  ) {
    this.next = from;
  }
  at(p: number): number | undefined {
    while (this.seen.length <= p && this.next < this.lines.length) {
      const i = this.next++;
      const d = this.debris[i];
      if (this.lines[i]!.bare === '' || d === 'footer' || d === 'runningHeader' || d === 'link' || d === 'tail') continue;
      this.seen.push(i);
    }
    return this.seen[p];
  }
  slice(from: number, to: number): number[] {
    this.at(to - 1);
    return this.seen.slice(from, to);
  }
}

function indexValue(bare: string): number | undefined {
  if (!INDEX_RE.test(bare)) return undefined;
  const raw = bare.replace(/[.、．]$/, '');
  if (/^\d+$/.test(raw)) return Number(raw);
  const cn = '一二三四五六七八九十';
  if (raw.length === 1) return cn.indexOf(raw) + 1;
  if (raw.startsWith('十')) return 10 + (cn.indexOf(raw[1] ?? '') + 1);
  return undefined;
}

/** After a row has its cells, one more line belongs to it only if it has the shape of a trailing column it lacks. */
function continuesRow(bare: string, cells: string[], roles: Array<ColumnRole | undefined>): boolean {
  const hasDept = cells.some(looksLikeDepartment);
  const hasDeadline = cells.some(looksLikeDeadline);
  if (roles.includes('deadline') && !hasDeadline && looksLikeDeadline(bare)) return true;
  if (roles.includes('department') && !hasDept && looksLikeDepartment(bare)) return true;
  return false;
}

function rowOf(norm: NormalizedText, lines: Line[], index: string, group: number[], roles: Array<ColumnRole | undefined>): TableRow {
  const cells = group.map((i) => [{ start: lines[i]!.start, end: lines[i]!.end }]);
  let grouped: Cell[][] = cells;
  if (cells.length > roles.length) {
    // Extra lines are a long cell broken into paragraphs: they belong to the content column.
    const contentAt = roles.indexOf('content') >= 0 ? roles.indexOf('content') : roles.indexOf('name');
    const before = contentAt;
    const after = roles.length - contentAt - 1;
    grouped = [...cells.slice(0, before), cells.slice(before, cells.length - after).flat(), ...cells.slice(cells.length - after)];
  }
  return {
    index,
    cells: assignCells(norm, grouped, roles),
    firstLine: group[0]!,
    lastLine: group[group.length - 1]!,
  };
}

/** Every table in the text, in order, none overlapping. */
export function findTables(norm: NormalizedText, lines: Line[], debris: Array<DebrisKind | undefined>): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.bare === '' || debris[i]) continue;
    const table = delimitedTable(norm, lines, debris, i) ?? cellPerLineTable(norm, lines, debris, i);
    if (!table) continue;
    tables.push(table);
    i = table.lastLine;
  }
  return tables;
}
