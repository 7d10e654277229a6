/**
 * Eval harness: `tsx scripts/catalog-eval.ts <dir> [--labels <dir>]`. For every <name>.txt with a
 * <name>.labels.json, runs the importer and scores it against the labels; exits non-zero when a
 * document misses the targets (recall, precision without `mayIgnore` and field accuracy ≥ 0.9).
 * `--summary` prints only the figures, never a passage: the way to look at the held-out plans.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type DocumentScore, importPlan, meetsTargets, type PlanLabels, scoreDraft } from '../shared/src/domain/plan-import/index';

export interface DocumentResult {
  name: string;
  score: DocumentScore;
  millis: number;
}

/** Scores every labelled `.txt` in a folder; labels sit beside the texts or in `labelsDir`. */
export function evaluateFolder(dir: string, labelsDir?: string): DocumentResult[] {
  const results: DocumentResult[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const name = basename(file, '.txt');
    const candidates = [join(dir, `${name}.labels.json`), ...(labelsDir ? [join(labelsDir, `${name}.labels.json`)] : [])];
    const labelFile = candidates.find((p) => existsSync(p));
    if (!labelFile) continue;
    const text = readFileSync(join(dir, file), 'utf8');
    const labels = JSON.parse(readFileSync(labelFile, 'utf8')) as PlanLabels;
    const started = performance.now();
    const draft = importPlan(text);
    const millis = performance.now() - started;
    results.push({ name, score: scoreDraft(text, draft, labels), millis });
  }
  return results;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const oneLine = (s: string) => s.replace(/\s+/g, '').slice(0, 70);

/** The report; `summary` prints one line per document and the totals, never a passage (for held-out plans). */
function report(results: DocumentResult[], summary = false): string {
  const lines: string[] = [];
  let labels = 0;
  let found = 0;
  let matched = 0;
  let scored = 0;
  let ignored = 0;
  let checked = 0;
  let right = 0;
  let headerChecked = 0;
  let headerRight = 0;
  for (const { name, score, millis } of results) {
    const ok = meetsTargets(score);
    lines.push(`${summary ? '' : '\n'}== ${name} ${ok ? 'OK' : 'FAIL'} (${millis.toFixed(1)} ms)`);
    lines.push(
      `   recall ${pct(score.recall)} (${score.found.length}/${score.found.length + score.missed.length})  precision ${pct(score.strictPrecision)} (${pct(score.precision)} with mayIgnore, ${score.ignored.length} ignored)  field accuracy ${pct(score.fieldAccuracy)} (${score.fieldsRight}/${score.fieldsChecked})  header ${score.documentChecks.filter((c) => c.ok).length}/${score.documentChecks.length}`,
    );
    labels += score.found.length + score.missed.length;
    found += score.found.length;
    matched += score.draftsMatched;
    scored += score.draftsScored;
    ignored += score.ignored.length;
    checked += score.fieldsChecked;
    right += score.fieldsRight;
    headerChecked += score.documentChecks.length;
    headerRight += score.documentChecks.filter((c) => c.ok).length;
    if (summary) continue;
    for (const c of score.documentChecks.filter((x) => !x.ok)) {
      lines.push(`   wrong ${c.field}: expected ${JSON.stringify(c.expected)} got ${JSON.stringify(c.actual)}`);
    }
    for (const m of score.missed) lines.push(`   missed: ${oneLine(m.quote)}`);
    for (const f of score.falsePositives) {
      const tag = score.forbidden.includes(f) ? 'FORBIDDEN' : 'false';
      lines.push(`   ${tag}: [${f.source.clause}] ${f.name} (${f.category}) ${oneLine(f.source.quote)}`);
    }
    for (const f of score.found) {
      for (const c of f.checks.filter((x) => !x.ok)) {
        lines.push(`   wrong ${c.field}: ${oneLine(f.label.quote)} expected ${JSON.stringify(c.expected)} got ${JSON.stringify(c.actual)}`);
      }
    }
    for (const f of score.ignored) lines.push(`   ignored: [${f.source.clause}] ${f.name} (${f.category}) ${oneLine(f.source.quote)}`);
  }
  lines.push(
    `\nTOTAL ${results.length} documents: recall ${pct(labels ? found / labels : 1)} (${found}/${labels})  precision ${pct(scored + ignored ? matched / (scored + ignored) : 1)} (${pct(scored ? matched / scored : 1)} with mayIgnore)  field accuracy ${pct(checked ? right / checked : 1)} (${right}/${checked})  header ${headerRight}/${headerChecked}  parse time ${results.reduce((n, r) => n + r.millis, 0).toFixed(1)} ms`,
  );
  return lines.join('\n');
}

/** CLI entry: prints the report and returns the exit code. */
export function main(argv: string[]): number {
  const args = [...argv];
  const li = args.indexOf('--labels');
  const labelsDir = li >= 0 ? args[li + 1] : undefined;
  if (li >= 0) args.splice(li, 2);
  const si = args.indexOf('--summary');
  if (si >= 0) args.splice(si, 1);
  const dir = args[0];
  if (!dir || !existsSync(dir)) {
    process.stderr.write('用法：catalog-eval <目录> [--labels <标注目录>] / usage: catalog-eval <dir> [--labels <dir>]\n');
    return 2;
  }
  const results = evaluateFolder(resolve(dir), labelsDir ? resolve(labelsDir) : undefined);
  if (results.length === 0) {
    process.stderr.write(`目录中没有带标注的计划 / no labelled plans in ${dir}\n`);
    return 2;
  }
  process.stdout.write(`${report(results, si >= 0)}\n`);
  return results.every((r) => meetsTargets(r.score)) ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
