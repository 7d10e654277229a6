import type { PlanDraft, ServiceDraft } from './types';

/** One labelled service: a quote from the promise sentence and the fields the importer should get. */
export interface ServiceLabel {
  quote: string;
  category?: string;
  quota?: { count: number; unit: string };
  amountYuan?: number;
}

/** Label file for one plan (catalog/labels/<name>.labels.json). */
export interface PlanLabels {
  services: ServiceLabel[];
  mustNotMatch?: string[];
  mayIgnore?: string[];
}

export interface FieldCheck {
  field: 'category' | 'quota' | 'amountYuan';
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
  precision: number;
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
  return checks;
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
    fieldAccuracy: fieldsChecked === 0 ? 1 : fieldsRight / fieldsChecked,
    fieldsChecked,
    fieldsRight,
    draftsMatched: matchedDrafts.size,
    draftsScored: scored,
  };
}

/** Thresholds every labelled document must reach. */
export const EVAL_TARGETS = { recall: 0.9, precision: 0.9, fieldAccuracy: 0.85 } as const;

/** True when a document meets all eval targets. */
export function meetsTargets(score: Pick<DocumentScore, 'recall' | 'precision' | 'fieldAccuracy'>): boolean {
  return (
    score.recall >= EVAL_TARGETS.recall && score.precision >= EVAL_TARGETS.precision && score.fieldAccuracy >= EVAL_TARGETS.fieldAccuracy
  );
}
