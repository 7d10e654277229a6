/** `catalog import <file.txt>`: prints the draft catalog JSON of a plan text on stdout. */
import { readFile } from 'node:fs/promises';
import { planDraftSchema } from '../shared/src/contracts/catalog.contract';
import { importPlan } from '../shared/src/domain/plan-import/index';

/** Imports one plan file; writes the draft JSON to stdout and diagnostics to stderr; returns the exit code. */
export async function runImport(filePath: string | undefined): Promise<number> {
  if (!filePath) {
    process.stderr.write('用法：catalog import <计划文本.txt> / usage: catalog import <plan.txt>\n');
    return 2;
  }
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    process.stderr.write(`无法读取文件：${filePath} / cannot read file: ${filePath} (${reason})\n`);
    return 1;
  }
  if (text.includes('\u0000')) {
    process.stderr.write(`文件不是纯文本：${filePath} / not a plain-text file: ${filePath}\n`);
    return 1;
  }
  const started = performance.now();
  const draft = importPlan(text);
  const parsed = planDraftSchema.safeParse(draft);
  if (!parsed.success) {
    process.stderr.write(`草稿不符合契约 / draft does not match the contract: ${parsed.error.message}\n`);
    return 3;
  }
  process.stdout.write(`${JSON.stringify(draft, null, 2)}\n`);
  const { issuer, year, number } = draft.document;
  process.stderr.write(
    `已识别 ${draft.services.length} 项服务（${issuer ?? '发文单位未知'} ${number ?? ''} ${year ?? ''}），用时 ${(performance.now() - started).toFixed(1)} ms\n`,
  );
  const unsure = draft.services.filter((s) => s.notes && s.notes.length > 0).length;
  if (unsure > 0) process.stderr.write(`其中 ${unsure} 项有待人工核对的备注 / ${unsure} drafts carry reviewer notes\n`);
  return 0;
}
