import { EMPLOYMENT_TYPES, MEMBER_GROUPS } from '@union/shared';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { string } from 'dynamodb-toolbox/schema/string';

/**
 * The real-name profile a worker gives when joining, stored alike on the application and on the
 * membership. 身份证号 and phone only encrypted (…Enc) and as keyed hashes (…Hash).
 */
export const memberProfileAttributes = () => ({
  name: string(),
  idEnc: string(),
  phoneEnc: string(),
  idHash: string(),
  phoneHash: string(),
  gender: string().enum('male', 'female'),
  birthDate: string(),
  employer: string(),
  employmentType: string().enum(...EMPLOYMENT_TYPES),
  group: string().enum(...MEMBER_GROUPS),
  isMigrantWorker: boolean(),
  noticeVersion: string(),
});
