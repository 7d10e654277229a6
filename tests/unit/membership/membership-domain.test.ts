import { fc, test } from '@fast-check/vitest';
import {
  assertInviteUsable,
  deriveFromIdNumber,
  formatMemberNumber,
  idCheckChar,
  idNumberProblem,
  inviteIdFromScan,
  inviteStatus,
  isMainlandMobile,
  joinApplicationRequest,
  makeIdNumber,
  nextApplicationStatus,
  orgIdOfMemberNumber,
  PRIVACY_NOTICE_VERSION,
  parseOrThrow,
} from '@union/shared';
import { describe, expect, it } from 'vitest';

const now = new Date('2025-06-01T04:00:00Z');

describe('身份证号 (GB 11643)', () => {
  it('computes the published check character of known numbers', () => {
    // The worked example of GB 11643-1999.
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idNumberProblem('11010519491231002X', now)).toBeNull();
    expect(idCheckChar('44052418800101001')).toBe('4');
  });
  it.each([
    ['11010519491231002', 'format'],
    ['01010519491231002X', 'format'],
    ['1101051949123100A2', 'format'],
    ['110105194912310021', 'checkDigit'],
    [makeIdNumber('110105', '1990-02-30', '001'), 'birthDate'],
    [makeIdNumber('110105', '1899-12-31', '001'), 'birthDate'],
    [makeIdNumber('110105', '2025-06-02', '001'), 'future'],
    [makeIdNumber('110105', '2010-06-01', '001'), 'tooYoung'],
  ])('%s → %s', (id, problem) => {
    expect(idNumberProblem(id, now)).toBe(problem);
  });
  it('accepts 29 February of a leap year and a 16th birthday today (China time)', () => {
    expect(idNumberProblem(makeIdNumber('110105', '2000-02-29', '001'), now)).toBeNull();
    expect(idNumberProblem(makeIdNumber('110105', '2009-06-01', '001'), now)).toBeNull();
    // 23:30 UTC on 31 May is already 1 June in China.
    expect(idNumberProblem(makeIdNumber('110105', '2009-06-01', '001'), new Date('2025-05-31T23:30:00Z'))).toBeNull();
  });
  it('derives birth date and gender (odd 17th digit = male)', () => {
    expect(deriveFromIdNumber(makeIdNumber('320102', '1991-06-15', '457'))).toEqual({ birthDate: '1991-06-15', gender: 'male' });
    expect(deriveFromIdNumber(makeIdNumber('320102', '1991-06-15', '458'))).toEqual({ birthDate: '1991-06-15', gender: 'female' });
  });
});

describe('phone', () => {
  it.each([
    ['13812345678', true],
    ['19912345678', true],
    ['12812345678', false],
    ['1381234567', false],
    ['+8613812345678', false],
  ])('%s → %s', (phone, ok) => expect(isMainlandMobile(phone)).toBe(ok));
});

describe('join contract (client and server)', () => {
  const form = {
    name: '王小军',
    phone: '138 1234 5678',
    idNumber: `${'11010519491231002'}x`,
    employer: '顺达快递',
    employmentType: 'platform',
    group: 'courier',
    isMigrantWorker: false,
    noticeAccepted: true,
    noticeVersion: PRIVACY_NOTICE_VERSION,
  };
  it('normalises spaces and a lower-case x', () => {
    const parsed = parseOrThrow(joinApplicationRequest, form);
    expect(parsed.phone).toBe('13812345678');
    expect(parsed.idNumber).toBe('11010519491231002X');
  });
  it('names the field in Chinese', () => {
    expect(() => parseOrThrow(joinApplicationRequest, { ...form, idNumber: '110105194912310021' })).toThrow(/身份证号：校验位不正确/);
    expect(() => parseOrThrow(joinApplicationRequest, { ...form, noticeAccepted: false })).toThrow(/个人信息保护告知书/);
  });
});

describe('invites', () => {
  const base = { expiresAt: '2025-06-02T00:00:00.000Z', maxUses: 3, uses: 0, revokedAt: null };
  it('orders revoked, expired, used up', () => {
    expect(inviteStatus(base, now)).toBe('active');
    expect(inviteStatus({ ...base, uses: 3 }, now)).toBe('usedUp');
    expect(inviteStatus({ ...base, expiresAt: '2025-06-01T04:00:00.000Z' }, now)).toBe('expired');
    expect(inviteStatus({ ...base, uses: 3, revokedAt: '2025-05-01T00:00:00Z', expiresAt: '2000-01-01T00:00:00Z' }, now)).toBe('revoked');
    expect(() => assertInviteUsable({ ...base, uses: 3 }, now)).toThrow(expect.objectContaining({ code: 'INVITE_USED_UP' }));
  });
  it('reads the invite out of a scanned URL, a scene or a bare id', () => {
    expect(inviteIdFromScan('http://x/#/pages/join/index?invite=abcdefghijkmnopq')).toBe('abcdefghijkmnopq');
    expect(inviteIdFromScan('pages/join/index?scene=abcdefghijkmnopq')).toBe('abcdefghijkmnopq');
    expect(inviteIdFromScan('abcdefghijkmnopq')).toBe('abcdefghijkmnopq');
    expect(inviteIdFromScan('https://evil.example/abc')).toBeNull();
  });
});

describe('application state machine', () => {
  it('allows 待审核 → 已通过/未通过 and 未通过 → 待审核 only', () => {
    expect(nextApplicationStatus('pending', 'approve')).toBe('approved');
    expect(nextApplicationStatus('pending', 'reject')).toBe('rejected');
    expect(nextApplicationStatus('rejected', 'resubmit')).toBe('pending');
    expect(() => nextApplicationStatus('approved', 'reject')).toThrow(expect.objectContaining({ code: 'APPLICATION_STATE_CONFLICT' }));
    expect(() => nextApplicationStatus('pending', 'resubmit')).toThrow(/待审核/);
  });
  it('formats member numbers per org', () => {
    expect(formatMemberNumber('enterprise', 42)).toBe('ENTERPRISE-000042');
  });
  test.prop([fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,40}$/), fc.integer({ min: 1, max: 9_999_999 })])(
    'reads the issuing org back from a member number (as typed: any case, spaces around)',
    (orgId, seq) => {
      const n = formatMemberNumber(orgId, seq);
      expect(orgIdOfMemberNumber(n)).toBe(orgId);
      expect(orgIdOfMemberNumber(` ${n.toLowerCase()} `)).toBe(orgId);
    },
  );
  it('reads no org from text that is no member number', () => {
    expect(['', 'ENTERPRISE', 'ENTERPRISE-12', '-000012', 'A B-000012'].map(orgIdOfMemberNumber)).toEqual([null, null, null, null, null]);
  });
});
