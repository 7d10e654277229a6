import { createHash } from 'node:crypto';
import type { MemberProfile } from '../../functions/src/store/membership.repository';

const h = (s: string) => createHash('sha256').update(s).digest('base64url');

/**
 * A member's profile for load and congress fixtures: placeholder ciphertexts and hashes derived from the
 * user id (unique per person), no real 身份证号 or phone — tests that read PII make real sealed profiles.
 */
export const plainMemberProfile = (userId: string, name: string, employer: string, female: boolean): MemberProfile => ({
  name,
  idEnc: 'v1.x.x.x',
  phoneEnc: 'v1.x.x.x',
  idHash: h(`id-${userId}`),
  phoneHash: h(`phone-${userId}`),
  gender: female ? 'female' : 'male',
  birthDate: '1988-01-01',
  employer,
  employmentType: 'fullTime',
  group: 'none',
  isMigrantWorker: false,
  noticeVersion: 'v1',
});
