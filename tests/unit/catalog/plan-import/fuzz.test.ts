/**
 * The importer on hostile text: it never throws, its output always satisfies the contract with every
 * quote at its offsets, and its time stays linear (under 2 s per MB of input, CPU time).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { planDraftSchema } from '../../../../shared/src/contracts/catalog.contract';
import { importPlan } from '../../../../shared/src/domain/plan-import/index';

const PIECES = [
  '一、',
  '（二）',
  '3.',
  '4）',
  '(5)',
  '⑥',
  '⑵',
  '一是',
  '第二，',
  '其三，',
  '十件实事',
  '实事项目',
  '序号',
  '项目名称',
  '主要内容',
  '牵头部门',
  '\t',
  '|',
  '  ',
  '\n',
  '\r\n',
  '。',
  '；',
  '，',
  '、',
  ':',
  '“',
  '”',
  '（',
  '）',
  '【',
  '】',
  '##x##',
  '组织',
  '1000名',
  '职工',
  '免费体检',
  '发放慰问金500元',
  '每人',
  '新建驿站20个',
  '投入资金50万元',
  '自付超过1万元',
  '技能大赛',
  '１２３',
  '二〇二六年',
  '两千名',
  '第 2 页 共 5 页',
  '— 3 —',
  'https://x.cn',
  '下载',
  '总工会',
  '文件',
  '〔2026〕3号',
];

const plannish = fc.array(fc.constantFrom(...PIECES), { maxLength: 400 }).map((parts) => parts.join(''));
const anyText = fc.string({ unit: 'grapheme', maxLength: 2000 });
const binaryish = fc.string({ unit: 'binary', maxLength: 2000 });

function checkDraft(text: string) {
  const draft = importPlan(text);
  const parsed = planDraftSchema.safeParse(draft);
  expect(parsed.success).toBe(true);
  for (const s of draft.services) {
    expect(s.source.start).toBeGreaterThanOrEqual(0);
    expect(s.source.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(s.source.start, s.source.end)).toBe(s.source.quote);
    expect(s.name.length).toBeLessThanOrEqual(12);
  }
}

describe('importer fuzz', () => {
  test.prop([plannish], { numRuns: 300 })('plan-like noise: a valid draft, quotes at their offsets', checkDraft);
  test.prop([anyText], { numRuns: 200 })('any Unicode text: a valid draft', checkDraft);
  test.prop([binaryish], { numRuns: 200 })('any UTF-16, lone surrogates included: a valid draft', checkDraft);
});

const MB = 1 << 20;
const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** CPU milliseconds for one import, after one warm-up run on a small slice. */
function cpuMillis(text: string): number {
  importPlan(text.slice(0, 2000));
  const started = process.cpuUsage();
  importPlan(text);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

describe('importer cost is linear', () => {
  const cases: Array<[string, string]> = [
    ['hundreds of KB of numerals', '１２３４５６７８９０一二三四五六七八九十百千万亿〇两'.repeat(12_000)],
    ['one 100,000-character line', '职工体检慰问驿站'.repeat(12_500)],
    ['no punctuation', '组织职工参加免费体检 慰问困难职工 新建驿站 '.repeat(15_000)],
    ['mixed scripts', 'abcαβγ🙂職工ñ\u0301٣٤ॐ😀'.repeat(20_000)],
    ['a "、" list without end', '新建10家驿站、组织1万名职工体检、'.repeat(15_000)],
    [
      'a table of 8,000 rows',
      `序号\t项目名称\t主要内容\t牵头部门\t完成时限\n${'1\t困难职工帮扶\t走访慰问困难职工200户,每户发放慰问金500元,资金由县总工会列支\t权益保障部\t2026年12月\n'.repeat(8_000)}`,
    ],
    ['1 MB of "|"', '|'.repeat(MB)],
    ['a table header repeated, no rows', '序号\t项目名称\t主要内容\n'.repeat(20_000)],
    ['a cell-per-line header repeated', '序号\n项目名称\n主要内容\n1\n'.repeat(20_000)],
  ];
  // CPU time is measured, so a loaded machine does not fail it; the generous timeout only lets it finish.
  it.each(cases)('%s: under 2 s per MB, without throwing', { timeout: 60_000 }, (_name, text) => {
    const ms = cpuMillis(text);
    const mb = utf8(text) / MB;
    expect(ms / Math.max(mb, 0.25)).toBeLessThan(2000);
  });
});
