/**
 * The PII scans of response bodies (issue 10).
 *
 * - `piiFindings(text)`: no 身份证号, no phone number, no over-long mask and no field (birth date,
 *   gender) that gives a masked one back, in any body. Every integration response goes through it
 *   (tests/support/invoke.ts), and the e2e stack's API proxy scans what the browser receives;
 *   `OWN_DATA_ROUTES` (the person's own data, unmasked for them) are exempt.
 * - `rebuildableFragments(body, people)`: for known people, any fragment from which their masked
 *   身份证号 (3201**********1234) or phone (139****0030) could be rebuilt: hidden digits, a birth date
 *   in any common spelling, fields that carry one.
 */

// An 18-character 身份证号 anywhere, even next to letters ("id320102199001011234x").
const ID_RE = /(?<!\d)[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)/g;
// A mainland mobile number, with or without +86 / 86- in front, not inside a longer number.
const PHONE_RE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)/g;
// Fields that, beside a masked number, give its hidden digits back.
const REBUILD_KEYS_RE = /"(?:birthDate|birthday|dateOfBirth|gender|sex)"\s*:/g;
// A masked 身份证号 that shows more than its first 4 and last 4 characters.
const LOOSE_MASK_RE = /(?<![\d*])\d{5,}\*+\d{2,}|\d{4}\*+\d{5,}[\dXx]?(?![\d*])/g;

export interface PiiFinding {
  kind: 'idNumber' | 'phone' | 'rebuildable' | 'looseMask';
  text: string;
}

export function piiFindings(body: string): PiiFinding[] {
  const out: PiiFinding[] = [];
  for (const m of body.matchAll(ID_RE)) out.push({ kind: 'idNumber', text: m[0] });
  for (const m of body.matchAll(PHONE_RE)) out.push({ kind: 'phone', text: m[0] });
  for (const m of body.matchAll(REBUILD_KEYS_RE)) out.push({ kind: 'rebuildable', text: m[0] });
  for (const m of body.matchAll(LOOSE_MASK_RE)) out.push({ kind: 'looseMask', text: m[0] });
  return out;
}

/** Routes whose answer is the caller's own personal data, decrypted for them alone (PIPL access right). */
export const OWN_DATA_ROUTES = new Set(['GET /me/data']);

export interface KnownPerson {
  idNumber: string;
  phone: string;
}

/** Keys whose value, beside a masked ID, gives back hidden digits (birth date) or narrows them. */
const FORBIDDEN_KEYS = /^(birthDate|birthday|dateOfBirth|dob|gender|sex|ageInDays|ageDays|birthYear|birthMonth|areaCode|regionCode)$/i;

/** A calendar date with no time: what a birth date looks like (timestamps carry a "T"). */
const BARE_DATES = [
  /(?:^|\D)(?:19|20)\d{2}([-/.]?)(?:0[1-9]|1[0-2])\1(?:0[1-9]|[12]\d|3[01])(?![\dT:])/,
  /(?:19|20)\d{2}年\d{1,2}月\d{1,2}日/,
];

const birthSpellings = (id: string): string[] => {
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)];
  return [`${y}-${m}-${d}`, `${y}${m}${d}`, `${y}/${m}/${d}`, `${y}年${m}月${d}日`, `${y}年${Number(m)}月${Number(d)}日`, `${y}.${m}.${d}`];
};

const personFragments = (p: KnownPerson): Array<[string, string]> => [
  ['full ID number', p.idNumber],
  ['first 17 ID digits', p.idNumber.slice(0, 17)],
  ['hidden ID digits', p.idNumber.slice(4, 14)],
  ['full region code', p.idNumber.slice(0, 6)],
  ...birthSpellings(p.idNumber).map((s): [string, string] => ['birth date', s]),
  ['full phone', p.phone],
  ['phone with hidden digits', p.phone.slice(0, 7)],
  ['phone with hidden digits', p.phone.slice(3)],
];

/** Every rebuildable fragment found, as "path: what" lines; [] when the body is clean. */
export const rebuildableFragments = (body: unknown, people: readonly KnownPerson[] = []): string[] => {
  const found: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
      return;
    }
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (FORBIDDEN_KEYS.test(k)) found.push(`${path}.${k}: field that narrows a masked value`);
        walk(v, `${path}.${k}`);
      }
      return;
    }
    if (typeof value !== 'string' && typeof value !== 'number') return;
    const text = String(value);
    if (typeof value === 'string' && BARE_DATES.some((re) => re.test(text))) found.push(`${path}: date-like value "${text}"`);
    for (const p of people) {
      for (const [what, fragment] of personFragments(p)) {
        if (text.includes(fragment)) found.push(`${path}: ${what}`);
      }
    }
  };
  walk(body, '$');
  return found;
};
