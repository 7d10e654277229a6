import { describe, expect, it } from 'vitest';
import { normalizePlanText, originalSpan } from '../../../shared/src/domain/plan-import/index';

describe('normalizePlanText', () => {
  it('removes watermarks and web chrome but maps offsets to the original', () => {
    const original =
      '当前位置: 首页 > 范文大全 > 公文\n| 浏览量:\n##paidbegin##开展职工体检。【更多公文素材，微信：abc01】组织１２０名职工参加疗休养。';
    const norm = normalizePlanText(original);
    expect(norm.text).toBe('开展职工体检。组织120名职工参加疗休养。');
    const from = norm.text.indexOf('组织');
    const span = originalSpan(norm, from, norm.text.length - 1);
    expect(original.slice(span.start, span.end)).toBe('组织１２０名职工参加疗休养');
  });

  it('joins lines broken at page ends and drops spaces between digits and units', () => {
    const original = '根据职工需求举办各类培训 20 个班次、免费培训职工\n\n1000 名。\n2. 下一项。';
    const norm = normalizePlanText(original);
    expect(norm.text).toBe('根据职工需求举办各类培训20个班次、免费培训职工1000名。\n2.下一项。');
    const at = norm.text.indexOf('1000');
    expect(original.slice(norm.map[at], (norm.map[at + 3] ?? 0) + 1)).toBe('1000');
  });

  it('keeps headers on their own lines', () => {
    const norm = normalizePlanText('某市总工会文件\n\n某工发〔2025〕3号\n\n关于印发某市总工会2025年工作要点的通知\n各区总工会：');
    expect(norm.text.split('\n')).toEqual(['某市总工会文件', '某工发〔2025〕3号', '关于印发某市总工会2025年工作要点的通知', '各区总工会:']);
  });

  it('cuts recommended-article lists at the end of a web page', () => {
    const norm = normalizePlanText('组织职工体检。\n推荐访问：工作要点\n1幼儿园活动方案');
    expect(norm.text).toBe('组织职工体检。');
  });
});
