/**
 * `tsx scripts/check-labels.ts <dir> [--labels <dir>]`: checks label files against their plans
 * (catalog/LABELLING.md): every quote occurs in the plan, fields are well formed, categories known.
 * Prints one line per problem and exits 1 when there is any. It never runs the importer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LABEL_CATEGORIES, locateQuote, type PlanLabels } from '../shared/src/domain/plan-import/score';

/** Problems found in one label file, as readable lines. */
export function checkLabels(text: string, labels: PlanLabels): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  labels.services.forEach((s, i) => {
    const at = `services[${i}] "${s.quote}"`;
    if (typeof s.quote !== 'string' || s.quote.trim().length < 4) problems.push(`${at}: quote too short`);
    const spans = locateQuote(text, s.quote);
    if (spans.length === 0) problems.push(`${at}: quote not found in the plan`);
    if (seen.has(s.quote)) problems.push(`${at}: the same quote labels two services`);
    seen.add(s.quote);
    if (s.category !== undefined && !LABEL_CATEGORIES.includes(s.category)) problems.push(`${at}: unknown category ${s.category}`);
    if (s.amountYuan !== undefined && !(Number.isFinite(s.amountYuan) && s.amountYuan > 0)) problems.push(`${at}: bad amountYuan`);
    if (s.thresholdYuan !== undefined && !(Number.isFinite(s.thresholdYuan) && s.thresholdYuan > 0))
      problems.push(`${at}: bad thresholdYuan`);
    if (
      s.quota !== undefined &&
      !(Number.isFinite(s.quota.count) && s.quota.count > 0 && typeof s.quota.unit === 'string' && s.quota.unit)
    ) {
      problems.push(`${at}: bad quota`);
    }
    for (const f of s.facilities ?? []) {
      if (!(Number.isFinite(f.count) && f.count > 0 && typeof f.unit === 'string' && f.unit)) problems.push(`${at}: bad facility`);
    }
    if (s.department !== undefined && (typeof s.department !== 'string' || !s.department)) problems.push(`${at}: bad department`);
    if (s.name !== undefined && (typeof s.name !== 'string' || !s.name)) problems.push(`${at}: bad name`);
  });
  for (const key of ['mustNotMatch', 'mayIgnore'] as const) {
    for (const q of labels[key] ?? []) if (locateQuote(text, q).length === 0) problems.push(`${key} "${q}": not found in the plan`);
  }
  return problems;
}

export function main(argv: string[]): number {
  const args = [...argv];
  const li = args.indexOf('--labels');
  const labelsDir = li >= 0 ? resolve(args[li + 1] ?? '.') : undefined;
  if (li >= 0) args.splice(li, 2);
  const dir = resolve(args[0] ?? '.');
  let problems = 0;
  let files = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    const name = basename(file, '.txt');
    const labelFile = [join(dir, `${name}.labels.json`), ...(labelsDir ? [join(labelsDir, `${name}.labels.json`)] : [])].find(existsSync);
    if (!labelFile) continue;
    files++;
    let labels: PlanLabels;
    try {
      labels = JSON.parse(readFileSync(labelFile, 'utf8')) as PlanLabels;
    } catch (e) {
      process.stdout.write(`${name}: invalid JSON: ${e instanceof Error ? e.message : String(e)}\n`);
      problems++;
      continue;
    }
    for (const p of checkLabels(readFileSync(join(dir, file), 'utf8'), labels)) {
      process.stdout.write(`${name}: ${p}\n`);
      problems++;
    }
  }
  process.stdout.write(`${files} label files, ${problems} problems\n`);
  return problems === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
