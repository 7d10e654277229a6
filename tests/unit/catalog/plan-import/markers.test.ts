import { describe, expect, it } from 'vitest';
import { detectMarker } from '../../../../shared/src/domain/plan-import/index';

describe('markers', () => {
  it.each([
    ['一、加强思想引领', 'cnDun', '一', 1],
    ['（三）做好帮扶', 'cnParen', '（三）', 3],
    ['(三)做好帮扶', 'cnParen', '（三）', 3],
    ['4.开展体检', 'num', '4', 4],
    ['4、开展体检', 'num', '4', 4],
    ['12 开展体检', 'num', '12', 12],
    ['6)组织慰问', 'numRight', '6)', 6],
    ['(2)开展体检', 'numParen', '(2)', 2],
    ['⑵开展体检', 'numParen', '(2)', 2],
    ['⒊开展体检', 'num', '3', 3],
    ['①开展体检', 'circled', '①', 1],
    ['二是组织疗休养', 'shi', '二是', 2],
    ['第三,开展培训', 'ordinal', '第三', 3],
    ['其二,开展培训', 'ordinal', '第二', 2],
    ['第一部分:服务职工', 'part', '第一部分', 1],
    ['B.组织联谊', 'letter', 'B', 2],
    ['●组织联谊', 'bullet', '•', undefined],
    ['第二季度', 'quarter', '第二季度', undefined],
    ['三季度', 'quarter', '第三季度', undefined],
    ['5月:组织踏青', 'quarter', '5月', undefined],
  ])('%s → %s %s', (text, kind, label, ordinal) => {
    const m = detectMarker(text);
    expect(m?.kind).toBe(kind);
    expect(m?.label).toBe(label);
    expect(m?.ordinal).toBe(ordinal);
  });

  it.each(['1.2万名职工', '2026年工作', '30个驿站', '十分重要'])('no marker in %s', (text) => {
    expect(detectMarker(text)).toBeUndefined();
  });
});
