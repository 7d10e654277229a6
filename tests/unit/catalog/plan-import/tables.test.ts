import { describe, expect, it } from 'vitest';
import { findTables, normalizePlanText } from '../../../../shared/src/domain/plan-import/index';
import { findDebris, splitLines } from '../../../../shared/src/domain/plan-import/layout';

const tablesOf = (text: string) => {
  const norm = normalizePlanText(text);
  const lines = splitLines(norm);
  return findTables(norm, lines, findDebris(lines)).map((t) => ({
    layout: t.layout,
    roles: t.header.map((h) => h.role ?? null),
    rows: t.rows.map(
      (r) =>
        ({ index: r.index, ...Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, v?.text])) }) as Record<
          string,
          string | undefined
        >,
    ),
  }));
};

describe('tables', () => {
  it('reads a tab-separated table under its header row', () => {
    const [t] = tablesOf(
      [
        '序号\t项目名称\t主要内容\t牵头部门\t完成时限',
        '1\t两节送温暖\t走访困难职工300户\t权益保障部\t2月底',
        '2\t职工体检\t组织体检1000名\t女职工部\t年底前',
      ].join('\n'),
    );
    expect(t).toEqual({
      layout: 'delimited',
      roles: ['index', 'name', 'content', 'department', 'deadline'],
      rows: [
        { index: '1', name: '两节送温暖', content: '走访困难职工300户', department: '权益保障部', deadline: '2月底' },
        { index: '2', name: '职工体检', content: '组织体检1000名', department: '女职工部', deadline: '年底前' },
      ],
    });
  });

  it('reads a cell that Excel quoted because it holds a line break', () => {
    const [t] = tablesOf(['序号\t项目名称\t主要内容\t牵头部门', '1\t"职工\n疗休养"\t"组织200名职工\n参加疗休养"\t组织部'].join('\n'));
    expect(t?.rows).toEqual([{ index: '1', name: '职工疗休养', content: '组织200名职工参加疗休养', department: '组织部' }]);
  });

  it('reads Markdown and "|" tables, skipping the separator row', () => {
    const [t] = tablesOf(
      ['| 序号 | 实事项目 | 具体内容 | 责任部门 |', '|---|---|---|---|', '| 1 | 法律援助 | 提供免费法律咨询 | 法律部 |'].join('\n'),
    );
    expect(t?.rows).toEqual([{ index: '1', name: '法律援助', content: '提供免费法律咨询', department: '法律部' }]);
  });

  it('reads a table whose columns are runs of spaces, with a wrapped content cell', () => {
    const [t] = tablesOf(
      [
        '序号   项目        内容                         负责部门',
        '1      驿站建设    新建驿站20个，配备饮水设施   基层部',
        '                   和急救药箱',
        '2      法律服务    开通维权热线                 法律部',
      ].join('\n'),
    );
    expect(t?.rows.map((r) => [r.index, r.name, r.content, r.department])).toEqual([
      ['1', '驿站建设', '新建驿站20个,配备饮水设施和急救药箱', '基层部'],
      ['2', '法律服务', '开通维权热线', '法律部'],
    ]);
  });

  it('reads a table pasted one cell per line, led by its 序号, with a repeated header and a page footer', () => {
    const [t] = tablesOf(
      [
        '序号',
        '项目名称',
        '主要内容',
        '责任单位',
        '完成时间',
        '1',
        '送温暖',
        '走访慰问困难职工500户,每户1000元',
        '权益保障部',
        '2月底',
        '2',
        '疗休养',
        '组织300名一线职工参加疗休养。',
        '所需经费由市总工会列支',
        '组织部',
        '10月底',
        '第 1 页 共 2 页',
        '序号',
        '项目名称',
        '主要内容',
        '责任单位',
        '完成时间',
        '3',
        '驿站',
        '新建户外劳动者驿站20个',
        '基层工作部',
        '年底前',
        '以上项目请各单位认真组织实施。',
      ].join('\n'),
    );
    expect(t?.layout).toBe('cellPerLine');
    expect(t?.rows).toEqual([
      { index: '1', name: '送温暖', content: '走访慰问困难职工500户,每户1000元', department: '权益保障部', deadline: '2月底' },
      {
        index: '2',
        name: '疗休养',
        content: '组织300名一线职工参加疗休养。所需经费由市总工会列支',
        department: '组织部',
        deadline: '10月底',
      },
      { index: '3', name: '驿站', content: '新建户外劳动者驿站20个', department: '基层工作部', deadline: '年底前' },
    ]);
  });

  it('sees no table in prose or in a numbered list', () => {
    expect(tablesOf('一、服务职工\n1.组织体检。\n2.开展慰问。\n项目名称很重要。')).toEqual([]);
  });
});
