import type { PlanDraft, ServiceDraft } from './types';

/** One labelled service: a quote from the promise sentence and the fields the importer should get. */
export interface ServiceLabel {
  quote: string;
  /** Only for table rows: the 项目名称 cell. */
  name?: string;
  category?: string;
  quota?: { count: number; unit: string };
  amountYuan?: number;
  thresholdYuan?: number;
  facilities?: Array<{ count: number; unit: string }>;
  department?: string;
}

/** Label file for one plan (catalog/labels/<name>.labels.json); the guide is catalog/LABELLING.md. */
export interface PlanLabels {
  document?: Partial<PlanDraft['document']>;
  services: ServiceLabel[];
  mustNotMatch?: string[];
  mayIgnore?: string[];
}

/** The categories a label may use (catalog/LABELLING.md). */
export const LABEL_CATEGORIES = [
  '帮扶救助',
  '医疗互助',
  '保险',
  '体检',
  '疗休养',
  '子女教育',
  '技能培训',
  '就业服务',
  '法律援助',
  '心理关爱',
  '婚恋交友',
  '文体',
  '阵地设施',
  '女职工关爱',
  '商户优惠',
  '普惠服务',
];

export interface FieldCheck {
  field:
    | 'category'
    | 'quota'
    | 'amountYuan'
    | 'thresholdYuan'
    | 'facilities'
    | 'department'
    | 'name'
    | 'issuer'
    | 'year'
    | 'number'
    | 'title';
  expected: unknown;
  actual: unknown;
  ok: boolean;
}

export interface DocumentScore {
  found: Array<{ label: ServiceLabel; draft: ServiceDraft; checks: FieldCheck[] }>;
  missed: ServiceLabel[];
  falsePositives: ServiceDraft[];
  /** False drafts that hit a mustNotMatch passage. */
  forbidden: ServiceDraft[];
  ignored: ServiceDraft[];
  recall: number;
  /** Matching drafts over matching + false drafts; drafts on `mayIgnore` passages left out. */
  precision: number;
  /** The same with drafts on `mayIgnore` passages counted as false: the figure the targets use. */
  strictPrecision: number;
  /** Header fields the labels give, and how many the importer got right. */
  documentChecks: FieldCheck[];
  fieldAccuracy: number;
  fieldsChecked: number;
  fieldsRight: number;
  /** Drafts that matched a label, and drafts counted for precision (matched + false). */
  draftsMatched: number;
  draftsScored: number;
}

interface Span {
  start: number;
  end: number;
}

/** Whitespace-free text with a map back to original offsets, so labels match across line breaks. */
function squeeze(text: string): { text: string; map: number[] } {
  const chars: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) continue;
    chars.push(normaliseChar(ch));
    map.push(i);
  }
  return { text: chars.join(''), map };
}

function normaliseChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return ch;
}

/** Every span of the original text where a label quote occurs (ignoring whitespace and full-width forms). */
export function locateQuote(original: string, quote: string): Span[] {
  const doc = squeeze(original);
  const needle = squeeze(quote).text;
  if (needle === '') return [];
  const spans: Span[] = [];
  let at = doc.text.indexOf(needle);
  while (at >= 0) {
    spans.push({ start: doc.map[at] ?? 0, end: (doc.map[at + needle.length - 1] ?? 0) + 1 });
    at = doc.text.indexOf(needle, at + 1);
  }
  return spans;
}

/** Text compared without whitespace, quotes or full-width forms. */
function plain(text: string): string {
  return squeeze(text).text.replace(/[“”"「」‘’'《》]/g, '');
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function draftHits(draft: ServiceDraft, spans: Span[], quote: string): boolean {
  const draftQuote = squeeze(draft.source.quote).text;
  if (draftQuote.includes(squeeze(quote).text)) return true;
  return spans.some((s) => overlaps(s, draft.source));
}

function checkFields(label: ServiceLabel, draft: ServiceDraft): FieldCheck[] {
  const checks: FieldCheck[] = [];
  if (label.category !== undefined) {
    checks.push({ field: 'category', expected: label.category, actual: draft.category, ok: draft.category === label.category });
  }
  if (label.quota !== undefined) {
    const q = draft.benefit.quota;
    checks.push({
      field: 'quota',
      expected: label.quota,
      actual: q,
      ok: q !== undefined && q.count === label.quota.count && q.unit === label.quota.unit,
    });
  }
  if (label.amountYuan !== undefined) {
    checks.push({
      field: 'amountYuan',
      expected: label.amountYuan,
      actual: draft.benefit.amountYuan,
      ok: draft.benefit.amountYuan === label.amountYuan,
    });
  }
  if (label.thresholdYuan !== undefined) {
    const actual = draft.benefit.thresholdYuan;
    checks.push({ field: 'thresholdYuan', expected: label.thresholdYuan, actual, ok: actual === label.thresholdYuan });
  }
  if (label.facilities !== undefined) {
    const actual = (draft.benefit.facilities ?? []).map((f) => ({ count: f.count, unit: f.unit }));
    const ok =
      actual.length === label.facilities.length &&
      label.facilities.every((f, i) => actual[i]?.count === f.count && actual[i]?.unit === f.unit);
    checks.push({ field: 'facilities', expected: label.facilities, actual, ok });
  }
  if (label.department !== undefined) {
    const actual = draft.department;
    checks.push({ field: 'department', expected: label.department, actual, ok: plain(actual ?? '') === plain(label.department) });
  }
  if (label.name !== undefined) {
    checks.push({ field: 'name', expected: label.name, actual: draft.name, ok: plain(draft.name) === plain(label.name) });
  }
  return checks;
}

function checkDocument(expected: PlanLabels['document'], actual: PlanDraft['document']): FieldCheck[] {
  if (!expected) return [];
  return (['issuer', 'year', 'number', 'title'] as const)
    .filter((k) => expected[k] !== undefined)
    .map((k) => {
      const want = expected[k];
      const got = actual[k];
      const ok = typeof want === 'string' && typeof got === 'string' ? plain(want) === plain(got) : want === got;
      return { field: k, expected: want, actual: got, ok };
    });
}

/** Matches an import result against labels: recall, precision and field accuracy for one document. */
export function scoreDraft(original: string, draft: PlanDraft, labels: PlanLabels): DocumentScore {
  const labelSpans = labels.services.map((l) => locateQuote(original, l.quote));
  const ignoreSpans = (labels.mayIgnore ?? []).map((q) => ({ q, spans: locateQuote(original, q) }));
  const forbidSpans = (labels.mustNotMatch ?? []).map((q) => ({ q, spans: locateQuote(original, q) }));
  const matchedDrafts = new Set<ServiceDraft>();
  const found: DocumentScore['found'] = [];
  const missed: ServiceLabel[] = [];
  labels.services.forEach((label, i) => {
    const spans = labelSpans[i] ?? [];
    const hits = draft.services.filter((d) => draftHits(d, spans, label.quote));
    for (const d of hits) matchedDrafts.add(d);
    if (hits.length === 0) {
      missed.push(label);
      return;
    }
    // The best hit is the one whose fields agree most: a sentence may yield one draft per kind of service.
    const ranked = hits
      .map((d) => ({ d, checks: checkFields(label, d) }))
      .sort((a, b) => b.checks.filter((c) => c.ok).length - a.checks.filter((c) => c.ok).length);
    const best = ranked[0];
    if (best) found.push({ label, draft: best.d, checks: best.checks });
  });
  const ignored: ServiceDraft[] = [];
  const falsePositives: ServiceDraft[] = [];
  const forbidden: ServiceDraft[] = [];
  for (const d of draft.services) {
    if (matchedDrafts.has(d)) continue;
    if (ignoreSpans.some(({ q, spans }) => draftHits(d, spans, q))) {
      ignored.push(d);
      continue;
    }
    falsePositives.push(d);
    if (forbidSpans.some(({ q, spans }) => draftHits(d, spans, q))) forbidden.push(d);
  }
  const fieldsChecked = found.reduce((n, f) => n + f.checks.length, 0);
  const fieldsRight = found.reduce((n, f) => n + f.checks.filter((c) => c.ok).length, 0);
  const scored = matchedDrafts.size + falsePositives.length;
  return {
    found,
    missed,
    falsePositives,
    forbidden,
    ignored,
    recall: labels.services.length === 0 ? 1 : found.length / labels.services.length,
    precision: scored === 0 ? 1 : matchedDrafts.size / scored,
    strictPrecision: scored + ignored.length === 0 ? 1 : matchedDrafts.size / (scored + ignored.length),
    documentChecks: checkDocument(labels.document, draft.document),
    fieldAccuracy: fieldsChecked === 0 ? 1 : fieldsRight / fieldsChecked,
    fieldsChecked,
    fieldsRight,
    draftsMatched: matchedDrafts.size,
    draftsScored: scored,
  };
}

/** Thresholds every labelled document must reach. */
export const EVAL_TARGETS = { recall: 0.9, precision: 0.9, fieldAccuracy: 0.9 } as const;

/**
 * True when a document meets all eval targets. Precision leaves out drafts on `mayIgnore` passages:
 * those are, by the labelling guide, passages a reasonable officer could take either way. The eval
 * prints the strict figure beside it.
 */
export function meetsTargets(score: Pick<DocumentScore, 'recall' | 'precision' | 'fieldAccuracy'>): boolean {
  return (
    score.recall >= EVAL_TARGETS.recall && score.precision >= EVAL_TARGETS.precision && score.fieldAccuracy >= EVAL_TARGETS.fieldAccuracy
  );
}
