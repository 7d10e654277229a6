/**
 * 居民身份证号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence
 * (odd = male), and an ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type Gender = 'male' | 'female';

export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

/** The youngest age at which one may work (劳动法 第十五条) and so join a union. */
export const MIN_MEMBER_AGE = 16;

export type IdNumberProblem = 'format' | 'checkDigit' | 'birthDate' | 'future' | 'tooYoung';

export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  format: '应为 18 位，前 17 位为数字，最后一位为数字或 X',
  checkDigit: '校验位不正确，请核对号码',
  birthDate: '其中的出生日期不存在',
  future: '其中的出生日期晚于今天',
  tooYoung: `未满 ${MIN_MEMBER_AGE} 周岁，不能入会`,
};

/** The check character the first 17 digits call for. */
export const idCheckChar = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
};

/** Upper-cases a trailing x and drops spaces people type in the middle. */
export const normalizeIdNumber = (raw: string): string => raw.replace(/\s+/g, '').toUpperCase();

const isoDate = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Local calendar date in China (UTC+8), which is what a birth date on an ID card means. */
const chinaDate = (now: Date): string => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The first problem with an ID number (already normalised), or null when it is valid on `now`. */
export const idNumberProblem = (id: string, now: Date): IdNumberProblem | null => {
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'birthDate';
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return 'checkDigit';
  const today = chinaDate(now);
  const birth = isoDate(y, m, d);
  if (birth > today) return 'future';
  if (ageOn(birth, today) < MIN_MEMBER_AGE) return 'tooYoung';
  return null;
};

/** Whole years between two ISO dates (birthday counted on the day). */
export const ageOn = (birthDate: string, onDate: string): number => {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) >= birthDate.slice(5) ? years : years - 1;
};

/**
 * Age in whole years on `now` (China time), computed when read: responses carry this, never the
 * birth date, which beside a masked 身份证号 gives back 8 of its 10 hidden digits.
 */
export const ageInYears = (birthDate: string, now: Date): number => ageOn(birthDate, chinaDate(now));

/** Birth date (YYYY-MM-DD) and gender, derived from a valid ID number — never asked for. */
export const deriveFromIdNumber = (id: string): { birthDate: string; gender: Gender } => ({
  birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
  gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
});

/** Mainland mobile number: 11 digits starting 13–19. */
export const isMainlandMobile = (phone: string): boolean => /^1[3-9]\d{9}$/.test(phone);

/** Builds a valid ID number from its parts (tests, demo data). */
export const makeIdNumber = (area: string, birth: string, seq: string): string => {
  const first17 = `${area}${birth.replaceAll('-', '')}${seq}`;
  return `${first17}${idCheckChar(first17)}`;
};
