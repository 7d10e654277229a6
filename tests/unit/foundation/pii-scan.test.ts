import { describe, expect, it } from 'vitest';
import { piiFindings } from '../../support/pii-scan';

const kinds = (s: string) => piiFindings(s).map((f) => f.kind);

describe('the PII scan of response bodies', () => {
  it('finds 身份证号, even next to letters', () => {
    expect(kinds('{"id":"32010219900101123X"}')).toEqual(['idNumber']);
    expect(kinds('id320102199001011234x')).toEqual(['idNumber']);
  });

  it('finds phones with or without +86', () => {
    expect(kinds('{"phone":"13812345678"}')).toEqual(['phone']);
    expect(kinds('call +8613812345678 now')).toEqual(['phone']);
    expect(kinds('86-13812345678')).toEqual(['phone']);
  });

  it('finds fields that rebuild a masked number, and masks that show too much', () => {
    expect(kinds('{"idNumber":"3201**********1281","birthDate":"1990-01-01"}')).toEqual(['rebuildable']);
    expect(kinds('{"gender":"female"}')).toEqual(['rebuildable']);
    expect(kinds('{"idNumber":"320102********1281"}')).toEqual(['looseMask']);
  });

  it('leaves masked values, timestamps and long numbers alone', () => {
    expect(piiFindings('{"idNumber":"3201**********1281","phone":"138****5678","at":1764471234567,"n":"201912345678901234567"}')).toEqual(
      [],
    );
  });
});
