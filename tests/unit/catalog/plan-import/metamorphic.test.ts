/**
 * Metamorphic tests: the same labelled services rendered in other shapes — a numbered list, a tab
 * table, a table pasted one cell per line, a Markdown table, a news sentence — must give the same
 * services, categories, amounts and quotas. The items and the orders are drawn by fast-check.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { importPlan } from '../../../../shared/src/domain/plan-import/index';

interface Item {
  name: string;
  /** One clause, no commas: it must also read as one item of a "、" list. */
  content: string;
  department: string;
  category: string;
  amountYuan?: number;
  quota?: { count: number; unit: string };
}

// A pool of services written for this test (fictional, one clause each).
const POOL: Item[] = [
  {
    name: '困难职工子女助学',
    content: '为300名困难职工子女每人发放助学金2000元',
    department: '权益保障部',
    category: '子女教育',
    amountYuan: 2000,
    quota: { count: 300, unit: '名' },
  },
  {
    name: '农民工免费体检',
    content: '组织1500名农民工参加免费健康体检',
    department: '女职工部',
    category: '体检',
    quota: { count: 1500, unit: '名' },
  },
  { name: '户外劳动者驿站', content: '新建户外劳动者驿站25个', department: '基层工作部', category: '阵地设施' },
  {
    name: '一线职工疗休养',
    content: '组织400名一线职工参加疗休养',
    department: '组织部',
    category: '疗休养',
    quota: { count: 400, unit: '名' },
  },
  {
    name: '单身职工联谊',
    content: '举办单身职工联谊活动6场',
    department: '宣传教育部',
    category: '婚恋交友',
    quota: { count: 6, unit: '场' },
  },
  { name: '职工法律援助', content: '为职工免费提供法律咨询和代理服务', department: '法律工作部', category: '法律援助' },
  {
    name: '大病住院慰问',
    content: '对自付医药费超过1万元的住院会员发放慰问金1000元',
    department: '权益保障部',
    category: '医疗互助',
    amountYuan: 1000,
  },
  {
    name: '夏送清凉',
    content: '为3000名高温岗位职工送去防暑降温用品',
    department: '基层工作部',
    category: '帮扶救助',
    quota: { count: 3000, unit: '名' },
  },
  {
    name: '意外伤害保险',
    content: '为5000名快递员赠送意外伤害保险',
    department: '基层工作部',
    category: '保险',
    quota: { count: 5000, unit: '名' },
  },
  {
    name: '职工技能培训',
    content: '开展职工技能培训并免费培训职工2000人次',
    department: '经济技术部',
    category: '技能培训',
    quota: { count: 2000, unit: '人次' },
  },
  {
    name: '职工子女托管班',
    content: '暑期开办职工子女托管班3期',
    department: '女职工部',
    category: '子女教育',
    quota: { count: 3, unit: '期' },
  },
  {
    name: '心理咨询服务',
    content: '为一线职工开展心理咨询服务12场',
    department: '宣传教育部',
    category: '心理关爱',
    quota: { count: 12, unit: '场' },
  },
  { name: '会员商户优惠', content: '会员在100家合作商户消费享受9折优惠', department: '办公室', category: '商户优惠' },
  { name: '职工运动会', content: '举办全县职工趣味运动会1场', department: '宣传教育部', category: '文体', quota: { count: 1, unit: '场' } },
];

const HEADER = ['序号', '项目名称', '主要内容', '牵头部门'];
const TITLE = '东岭县总工会2026年为职工办实事项目一览表';

const render: Record<string, (items: Item[]) => string> = {
  list: (items) =>
    [
      '东岭县总工会2026年服务职工实事项目',
      '一、服务职工十件实事',
      ...items.map((it, i) => `${i + 1}. ${it.name}。${it.content}。（${it.department}）`),
    ].join('\n'),
  tab: (items) =>
    [TITLE, HEADER.join('\t'), ...items.map((it, i) => [i + 1, it.name, `${it.content}。`, it.department].join('\t'))].join('\n'),
  cells: (items) => [TITLE, ...HEADER, ...items.flatMap((it, i) => [String(i + 1), it.name, `${it.content}。`, it.department])].join('\n'),
  markdown: (items) =>
    [
      TITLE,
      '',
      `| ${HEADER.join(' | ')} |`,
      `|${HEADER.map(() => '---').join('|')}|`,
      ...items.map((it, i) => `| ${i + 1} | ${it.name} | ${it.content} | ${it.department} |`),
    ].join('\n'),
  news: (items) =>
    [
      '东岭县总工会部署2026年服务职工实事',
      `近日,东岭县总工会召开全委会议,确定今年为职工办${items.length}件实事,具体包括:${items.map((it) => it.content).join('、')}。`,
    ].join('\n'),
};

/** What a plan gives, read back: for each item, the draft quoting its content. */
function readBack(text: string, items: Item[]) {
  const drafts = importPlan(text).services;
  return {
    count: drafts.length,
    items: items.map((it) => {
      const d = drafts.find((s) => s.source.quote.replace(/\s/g, '').includes(it.content));
      return d ? { category: d.category, amountYuan: d.benefit.amountYuan, quota: d.benefit.quota } : undefined;
    }),
  };
}

const expected = (items: Item[]) => ({
  count: items.length,
  items: items.map((it) => ({ category: it.category, amountYuan: it.amountYuan, quota: it.quota })),
});

const itemsArb = fc.shuffledSubarray(POOL, { minLength: 3, maxLength: 10 });

describe('metamorphic: one set of services in five shapes', () => {
  for (const [shape, draw] of Object.entries(render)) {
    test.prop([itemsArb], { numRuns: 40 })(`${shape}: every service, its category, amount and quota`, (items) => {
      expect(readBack(draw(items), items)).toEqual(expected(items));
    });
  }

  test.prop([itemsArb], { numRuns: 30 })('table shapes give each row its name and department', (items) => {
    for (const shape of ['tab', 'cells', 'markdown'] as const) {
      const drafts = importPlan(render[shape]!(items)).services;
      expect(drafts.map((d) => [d.name, d.department])).toEqual(items.map((it) => [it.name, it.department]));
    }
  });
});
