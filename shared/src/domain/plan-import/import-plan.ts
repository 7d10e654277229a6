/**
 * The plan importer: a pipeline of stages, each in its own file with a typed output.
 *
 *   normalize  (normalize.ts)  original text → normalised text with an offset map
 *   structure  (structure.ts)  → blocks: headings, paragraphs, list items, table rows (layout.ts, tables.ts, markers.ts)
 *   header     (header.ts)     → issuer, year, number, title
 *   segment    (segment.ts)    → candidates, one per promised service
 *   classify   (classify.ts)   → service or not, with reasons
 *   extract    (extract.ts)    → amount, threshold, quota, facilities, groups, rule, department
 *   name       (name.ts)       → a short name
 *   assemble   (assemble.ts)   → catalog drafts quoting the original text
 *
 * It is pure and runs in time linear in its input: every stage makes a bounded number of passes,
 * and long unpunctuated text is cut into bounded windows before any per-clause work.
 */
import { assemble } from './assemble';
import { classify } from './classify';
import { readHeader } from './header';
import { normalizePlanText } from './normalize';
import { segment } from './segment';
import { structure } from './structure';
import type { PlanDraft, ServiceDraft } from './types';

/** Drafts a service catalog from plan text: the document header plus one entry per promised service. */
export function importPlan(text: string): PlanDraft {
  const norm = normalizePlanText(text);
  const doc = structure(norm);
  const document = readHeader(doc);
  const services: ServiceDraft[] = [];
  const departments = new Map<number, string | undefined>();
  for (const candidate of segment(doc.blocks)) {
    const block = doc.blocks[candidate.block]!;
    const verdict = classify(candidate, block, { year: document.year });
    if (!verdict.service) continue;
    services.push(...assemble(candidate, verdict, { original: text, blocks: doc.blocks, year: document.year, departments }));
  }
  return { document, services };
}
