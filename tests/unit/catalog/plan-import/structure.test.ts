import { describe, expect, it } from 'vitest';
import { normalizePlanText, structure } from '../../../../shared/src/domain/plan-import/index';

const blocksOf = (text: string) => structure(normalizePlanText(text)).blocks;

describe('structure', () => {
  it('builds nested clause paths and list paths', () => {
    const text = [
      '一、关心职工生活',
      '（一）做好帮扶',
      '1.开展送温暖。',
      '2.开展体检。',
      '（二）开展文体活动。',
      '二、服务职工十件实事',
      '1.赠送保险。',
      '8.发放慰问金。',
    ].join('\n');
    const blocks = blocksOf(text);
    expect(blocks.map((b) => b.path.join('/'))).toEqual([
      '一',
      '一/（一）',
      '一/（一）/1',
      '一/（一）/2',
      '一/（二）',
      '十件实事',
      '十件实事/1',
      '十件实事/8',
    ]);
    expect(blocks[7]?.inList).toBe(true);
    expect(blocks[2]?.inList).toBe(false);
  });

  it('joins a sentence broken at a page end, across the page footer', () => {
    const blocks = blocksOf(['1.组织全区一线职工参加免费健康体检，', '第 2 页 共 5 页', '每人一次。', '2.开展慰问。'].join('\n'));
    expect(blocks.map((b) => b.text.text)).toEqual(['1.组织全区一线职工参加免费健康体检,每人一次。', '2.开展慰问。']);
  });

  it('keeps a title on its own line and does not run it into the next paragraph', () => {
    const blocks = blocksOf('某县总工会2026年为职工办实事项目一览表\n今年将为全县职工办好以下实事。');
    expect(blocks[0]).toMatchObject({ kind: 'title' });
    expect(blocks[0]?.text.text).toBe('某县总工会2026年为职工办实事项目一览表');
  });

  it('splits the plans of a compilation by their repeated titles', () => {
    const blocks = blocksOf(['工会工作计划之一', '1.开展体检。', '工会工作计划之二', '1.组织疗休养。'].join('\n'));
    expect(blocks.map((b) => b.path.join('/'))).toEqual(['第1篇', '第1篇/1', '第2篇', '第2篇/1']);
  });

  it('tracks quarters as periods, even glued to the line before', () => {
    const blocks = blocksOf('三、活动安排\n第一季度\n1.开展送温暖活动\n2.组织踏青活动二季度\n1.组织登山活动');
    expect(blocks.filter((b) => b.marker?.kind === 'num').map((b) => [b.text.text, b.period])).toEqual([
      ['1.开展送温暖活动', '第一季度'],
      ['2.组织踏青活动', '第一季度'],
      ['1.组织登山活动', '第二季度'],
    ]);
  });

  it('turns table rows into row blocks with their cells and a list path', () => {
    const blocks = blocksOf('实事项目一览表\n序号\t项目名称\t主要内容\t牵头部门\n1\t体检\t组织1000名职工体检\t女职工部');
    const row = blocks.find((b) => b.kind === 'row');
    expect(row?.path).toEqual(['实事项目', '1']);
    expect(row?.row?.cells.department?.text).toBe('女职工部');
    expect(row?.inList).toBe(true);
  });

  it('attaches a department bracket on its own line to the block above', () => {
    const blocks = blocksOf('3.做实法律援助。为职工免费提供法律咨询服务。\n（法律工作部）\n4.下一项。');
    expect(blocks[0]?.departmentNote?.text).toBe('(法律工作部)');
    expect(blocks).toHaveLength(2);
  });

  it('marks a 总结 as a report, except its section about next year', () => {
    const blocks = blocksOf(
      '某区总工会2025年工作总结\n一、主要工作\n全年走访慰问困难职工300户。\n二、2026年工作打算\n1.组织职工体检1000名。',
    );
    expect(blocks.filter((b) => b.kind !== 'title' && b.kind !== 'heading').map((b) => [b.text.text, b.report ?? false])).toEqual([
      ['全年走访慰问困难职工300户。', true],
      ['1.组织职工体检1000名。', false],
    ]);
  });
});
