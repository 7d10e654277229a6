/**
 * The plan importer: the seed plans and the project's own, and 1 MB of each kind of hostile text
 * (linear, under 2 s per MB: issue 9). Absolute times: the importer has no floor to stand on.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importPlan } from '../../shared/src/domain/plan-import/index';
import { repoRoot } from '../lib/dynamo-local';
import { median } from './lib';

export interface ImporterRow {
  label: string;
  documents: number;
  characters: number;
  medianMs: number;
  services: number;
}

export interface AdversarialRow {
  label: string;
  bytes: number;
  medianMs: number;
  msPerMb: number;
  services: number;
}

const plans = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8') }))
    : [];

/** All plans of each set, median of 20 runs after 3 warm-up runs. */
export const measureImporter = async (): Promise<ImporterRow[]> => {
  const rows: ImporterRow[] = [];
  for (const [label, docs] of [
    ['five seed plans (../shared/seeds)', plans(path.resolve(repoRoot, '../shared/seeds'))],
    ['project plans (catalog/plans)', plans(path.join(repoRoot, 'catalog/plans'))],
    ['held-out plans (catalog/holdout)', plans(path.join(repoRoot, 'catalog/holdout'))],
  ] as const) {
    if (docs.length === 0) continue;
    for (let i = 0; i < 3; i += 1) for (const d of docs) importPlan(d.text);
    const times: number[] = [];
    let services = 0;
    for (let i = 0; i < 20; i += 1) {
      const t0 = performance.now();
      services = docs.reduce((n, d) => n + importPlan(d.text).services.length, 0);
      times.push(performance.now() - t0);
    }
    rows.push({
      label,
      documents: docs.length,
      characters: docs.reduce((n, d) => n + d.text.length, 0),
      medianMs: median(times),
      services,
    });
  }
  return rows;
};

const MB = 1 << 20;
const oneMb = (unit: string) => unit.repeat(Math.ceil(MB / Buffer.byteLength(unit, 'utf8')));

/** One MB of each kind of hostile text, median of 3 runs. */
export const measureAdversarial = async (): Promise<AdversarialRow[]> => {
  const texts: Array<[string, string]> = [
    ['numerals (full-width, Chinese)', oneMb('１２３４５６７８９０一二三四五六七八九十百千万亿〇两')],
    ['one line, no punctuation', oneMb('职工体检慰问驿站')],
    ['words and spaces, no punctuation', oneMb('组织职工参加免费体检 慰问困难职工 新建驿站 ')],
    ['mixed scripts and emoji', oneMb('abcαβγ🙂職工ñ\u0301٣٤ॐ😀')],
    ['an endless "、" list', oneMb('新建10家驿站、组织1万名职工体检、')],
    [
      'a tab table of short rows',
      `序号\t项目名称\t主要内容\t牵头部门\n${oneMb('1\t困难帮扶\t走访慰问困难职工200户,每户500元\t权益保障部\n')}`,
    ],
    ['brackets, quotes, markers', oneMb('（“【一是①(1)')],
  ];
  const rows: AdversarialRow[] = [];
  for (const [label, text] of texts) {
    importPlan(text.slice(0, 5000));
    const times: number[] = [];
    let services = 0;
    for (let i = 0; i < 3; i += 1) {
      const t0 = performance.now();
      services = importPlan(text).services.length;
      times.push(performance.now() - t0);
    }
    const bytes = Buffer.byteLength(text, 'utf8');
    rows.push({ label, bytes, medianMs: median(times), msPerMb: median(times) / (bytes / MB), services });
  }
  return rows;
};
