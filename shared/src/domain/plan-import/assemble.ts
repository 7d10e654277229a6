/**
 * Stage 7 — assemble: a classified candidate becomes one catalog draft (or one per kind, when a
 * clause lists several kinds of service: "组织健康体检、疗休养和心理咨询"). The quote is the original
 * text the candidate covers, so `text.slice(start, end) === quote` always holds.
 */
import type { CategoryHit } from './categories';
import type { Classification } from './classify';
import { buildRule, decideTier, detectGroups, extractBenefit, findDepartment } from './extract';
import { nameService } from './name';
import type { Candidate } from './segment';
import type { Block } from './structure';
import { originalRange, type Span, slice, trim } from './text';
import type { ServiceDraft } from './types';

/** Kinds named as separate items of one "、" enumeration, each becoming its own draft. */
function enumeratedKinds(text: string, cats: CategoryHit[], hasFacilities: boolean): CategoryHit[] {
  const strong = cats.filter((c) => !c.weak);
  const first = strong[0] ?? cats[0];
  if (!first || hasFacilities) return first ? [first] : [];
  // In text order: items of one enumeration, joined by 、 (or 和/及/与) within one clause.
  const ordered = [...strong].sort((a, b) => a.index - b.index);
  const kept: CategoryHit[] = [ordered[0]!];
  for (const c of ordered.slice(1)) {
    const prev = kept[kept.length - 1]!;
    const between = text.slice(prev.index, c.index);
    if (/[;；,，。]/.test(between) || !/[、和及与]|”“/.test(between) || between.length > 24) continue;
    if (kept.length < 8) kept.push(c);
  }
  // One kind alone keeps the most specific reading; a list keeps every kind it names.
  return kept.length > 1 ? kept : [first];
}

/** The name of one item of an enumeration: the text between the delimiters around its keyword. */
function enumItemText(text: string, index: number): string {
  const before = text.slice(0, index);
  const from = Math.max(...['、', '，', ',', '“', '”', '"', '和', '及'].map((d) => before.lastIndexOf(d))) + 1;
  const rest = text.slice(index);
  const stop = rest.search(/[、，,“”"。;；和及]/);
  return text.slice(from, stop >= 0 ? index + stop : text.length);
}

function departmentOf(block: Block, original: string): string | undefined {
  const cell = block.row?.cells.department;
  if (cell?.text) return originalText(original, cell);
  const own = findDepartment(block.body.text) ?? (block.departmentNote ? findDepartment(block.departmentNote.text) : undefined);
  if (own) return own;
  // A department named on the section heading covers the items under it.
  for (let i = block.context.length - 1; i >= 0; i--) {
    const d = findDepartment(block.context[i] ?? '');
    if (d) return d;
  }
  return undefined;
}

function originalText(original: string, span: Span): string {
  const { start, end } = originalRange(span);
  return original
    .slice(start, end)
    .replace(/\s*\n\s*/g, '')
    .replace(/^"|"$/g, '');
}

/** The quote: the candidate's words without a trailing department bracket or end punctuation. */
function quoteSpan(span: Span): Span {
  let s = trim(span, /[\s,，、:：;；。.]/);
  const m = /[(（][^()（）]{2,60}[)）]$/.exec(s.text);
  if (m && findDepartment(m[0])) s = trim(slice(s, 0, m.index), /[\s,，、:：;；。.]/);
  return s.text.length > 0 ? s : span;
}

export interface AssembleContext {
  original: string;
  blocks: Block[];
  year: number | null;
  /** Departments already read, by block index: a block is read once, however many drafts it gives. */
  departments?: Map<number, string | undefined>;
}

/** Drafts for one candidate the classifier accepted. */
export function assemble(candidate: Candidate, verdict: Classification, ctx: AssembleContext): ServiceDraft[] {
  const block = ctx.blocks[candidate.block]!;
  const { start, end } = originalRange(quoteSpan(candidate.quote));
  const quote = ctx.original.slice(start, end);
  const text = quoteSpan(candidate.text).text;
  const notes: string[] = [];
  const groups = detectGroups(`${candidate.lead?.text ?? ''}${text}`);
  const { benefit, notes: benefitNotes } = extractBenefit(text);
  notes.push(...benefitNotes);
  const cache = ctx.departments;
  if (cache && !cache.has(candidate.block)) cache.set(candidate.block, departmentOf(block, ctx.original));
  const department = cache ? cache.get(candidate.block) : departmentOf(block, ctx.original);
  const period = block.period ? `${ctx.year ?? ''}${block.period}` : ctx.year ? String(ctx.year) : undefined;
  if (!ctx.year) notes.push('未识别到计划年度，请补充有效期');
  if (verdict.categories.length === 0) notes.push('未能判断服务类别，请人工选择');
  const clause = candidate.path.join('/') || '正文';
  const row = block.row
    ? {
        index: block.row.index,
        cells: Object.fromEntries(
          Object.entries(block.row.cells)
            .filter(([role]) => role !== 'index')
            .map(([role, span]) => [
              block.row?.header.find((h) => h.role === role)?.label ?? ROLE_LABELS[role] ?? role,
              // The cell as the officer wrote it (full-width punctuation kept), its line breaks closed up.
              span ? originalText(ctx.original, span) : '',
            ]),
        ),
      }
    : undefined;
  const kinds = enumeratedKinds(text, verdict.categories, Boolean(benefit.facilities));
  const list = kinds.length > 0 ? kinds : [undefined];
  const sharesLead = candidate.parts > 1 && candidate.part > 0;
  return list.map((kind, i) => {
    const category = kind?.category ?? '其他';
    const { rule, notes: ruleNotes } = buildRule(text, groups, category);
    const itemNotes = [...notes, ...ruleNotes];
    if (list.length > 1) itemNotes.push(`同一句含多类服务（${list.map((k) => k?.category).join('、')}），已拆分，请核对`);
    if ((category === '帮扶救助' || category === '医疗互助') && benefit.amountYuan === undefined)
      itemNotes.push('未写明金额或标准，请补充');
    const margin = verdict.score - verdict.threshold;
    let confidence = 0.5 + Math.min(margin, 6) * 0.05 + (candidate.inList ? 0.1 : 0);
    if (i > 0) confidence -= 0.1;
    const name =
      list.length > 1 && kind
        ? nameService({ category, text: enumItemText(text, kind.index), facilities: [], sharesLead: true })
        : nameService({
            category,
            text,
            ...(block.row?.cells.name ? { rowName: block.row.cells.name.text } : {}),
            ...(candidate.lead && !block.row ? { lead: candidate.lead.text } : {}),
            facilities: benefit.facilities ?? [],
            sharesLead,
          });
    const draft: ServiceDraft = {
      name,
      category,
      tier: decideTier(category, groups, rule),
      groups,
      eligibility: rule,
      benefit,
      confidence: Math.round(Math.max(0.2, Math.min(0.95, confidence)) * 100) / 100,
      reasons: verdict.reasons,
      source: { clause, quote, start, end, ...(row ? { row } : {}) },
    };
    if (department) draft.department = department;
    if (period) draft.period = period;
    if (itemNotes.length > 0) draft.notes = itemNotes;
    return draft;
  });
}

const ROLE_LABELS: Record<string, string> = {
  name: '项目名称',
  content: '主要内容',
  department: '牵头部门',
  deadline: '完成时限',
  target: '服务对象',
  fund: '资金',
  remark: '备注',
};
