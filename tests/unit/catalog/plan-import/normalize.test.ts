import { describe, expect, it } from 'vitest';
import { normalizePlanText, originalSpan } from '../../../../shared/src/domain/plan-import/index';

describe('normalize', () => {
  it('turns full-width ASCII to half-width and keeps every offset', () => {
    const original = '组织１２０名职工参加疗休养，每人５００元。';
    const norm = normalizePlanText(original);
    expect(norm.text).toBe('组织120名职工参加疗休养,每人500元。');
    expect(norm.map).toHaveLength(norm.text.length);
    const at = norm.text.indexOf('120');
    const span = originalSpan(norm, at, at + 3);
    expect(original.slice(span.start, span.end)).toBe('１２０');
  });

  it('unifies line breaks and odd spaces but keeps tabs and runs of spaces (table columns)', () => {
    const norm = normalizePlanText('序号\t项目\r\n1\u3000\u3000慰问\r2  体检\u2028完');
    expect(norm.text).toBe('序号\t项目\n1  慰问\n2  体检\n完');
  });

  it('drops bracketed ads by their shape, not by their words', () => {
    const original = '开展体检。【欢迎关注公众号：abc123】组织疗休养。【重点任务】';
    expect(normalizePlanText(original).text).toBe('开展体检。组织疗休养。【重点任务】');
  });

  it('drops template tokens and zero-width characters', () => {
    expect(normalizePlanText('##pagestart##开展\u200b体检{{ad}}').text).toBe('开展体检');
  });

  it('maps a normalised range back to the original even across dropped characters', () => {
    const original = '为【扫码下载www.x.cn】职工体检';
    const norm = normalizePlanText(original);
    const span = originalSpan(norm, 0, norm.text.length);
    expect(original.slice(span.start, span.end)).toBe(original);
  });
});
