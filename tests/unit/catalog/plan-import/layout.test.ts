import { describe, expect, it } from 'vitest';
import { normalizePlanText } from '../../../../shared/src/domain/plan-import/index';
import { findDebris, splitLines } from '../../../../shared/src/domain/plan-import/layout';

const debrisOf = (text: string) => {
  const lines = splitLines(normalizePlanText(text));
  const kinds = findDebris(lines);
  return lines.map((l, i) => [l.text, kinds[i] ?? null] as const);
};

describe('debris by shape', () => {
  it('finds page footers in their usual forms', () => {
    const rows = debrisOf(['开展体检。', '第 2 页 共 5 页', '— 3 —', '- 4 -', '2/5', 'Page 3 of 9', '组织疗休养。'].join('\n'));
    expect(rows.map((r) => r[1])).toEqual([null, 'footer', 'footer', 'footer', 'footer', 'footer', null]);
  });

  it('marks bare numbers as possible page numbers for the table stage to decide', () => {
    expect(debrisOf('开展体检。\n7\n组织疗休养。')[1]).toEqual(['7', 'pageNumber']);
  });

  it('finds a running header repeated at every page, keeping its first line as the title', () => {
    const page = (n: number) => ['东岭区总工会2026年工作要点', `第${n}段，开展体检。`, `第 ${n} 页`];
    const rows = debrisOf([...page(1), ...page(2), ...page(3)].join('\n'));
    const header = rows.filter((r) => r[0] === '东岭区总工会2026年工作要点').map((r) => r[1]);
    expect(header).toEqual([null, 'runningHeader', 'runningHeader']);
  });

  it('does not take a repeated table cell for a running header', () => {
    const rows = debrisOf(['1', '慰问', '工会办公室', '2', '体检', '工会办公室', '3', '培训', '工会办公室'].join('\n'));
    expect(rows.filter((r) => r[0] === '工会办公室').every((r) => r[1] === null)).toBe(true);
  });

  it('finds links, buttons, breadcrumbs, counters and ad lines', () => {
    const rows = debrisOf(
      [
        '首页 > 新闻中心 > 工会动态',
        '发布时间:2026-02-13 | 浏览次数:2317',
        '组织体检。',
        '【打印本页】【关闭窗口】',
        '下载本文 | 打印 | 关闭',
        'https://example.org/news/1.html',
        '扫码关注，一键下载全文，联系客服',
      ].join('\n'),
    );
    expect(rows.map((r) => r[1])).toEqual(['chrome', 'chrome', null, 'link', 'link', 'link', 'chrome']);
  });

  it('cuts the related-articles tail of a web page', () => {
    const rows = debrisOf('组织体检。\n相关文章:\n某某计划\n另一篇');
    expect(rows.map((r) => r[1])).toEqual([null, 'tail', 'tail', 'tail']);
  });

  it('finds a table of contents with page numbers', () => {
    const rows = debrisOf(
      ['目录', '一、某区工会工作要点 3', '二、某公司工会工作计划 8', '三、某校工会工作思路……12', '正文开始。'].join('\n'),
    );
    expect(rows.map((r) => r[1])).toEqual([null, 'contents', 'contents', 'contents', null]);
  });
});
