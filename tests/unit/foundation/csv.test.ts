import { csvCell, csvDocument, csvRow } from '@union/shared';
import { describe, expect, it } from 'vitest';

describe('formula-safe CSV cells', () => {
  it('prefixes an apostrophe to a cell that begins with = + - @ tab or carriage return', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+SUM(A1:A9)')).toBe("'+SUM(A1:A9)");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
  });

  it('quotes after escaping, doubling inner quotes', () => {
    expect(csvCell('=HYPERLINK("http://x","点")')).toBe('"\'=HYPERLINK(""http://x"",""点"")"');
    expect(csvCell('关于"食堂"改造')).toBe('"关于""食堂""改造"');
    expect(csvCell('甲,乙')).toBe('"甲,乙"');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
  });

  it('leaves ordinary text and numbers alone, a formula character inside a cell too', () => {
    expect(csvCell('王芳')).toBe('王芳');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(' =1')).toBe(' =1');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0.5)).toBe('0.5');
    expect(csvCell('')).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('joins rows with commas and documents with CRLF after a BOM', () => {
    expect(csvRow(['事项', '=1+1', 3])).toBe("事项,'=1+1,3");
    expect(csvDocument([['a', 'b'], [], ['-c']])).toBe("\uFEFFa,b\r\n\r\n'-c\r\n");
  });
});
