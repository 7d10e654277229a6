/**
 * Scans a response body for fragments from which a masked 身份证号 (3201**********1234) or phone
 * (139****0030) could be rebuilt: the hidden digits themselves, a birth date in any common
 * spelling, or fields that carry one (birthDate, gender …). Used on every response that carries an
 * application or a membership; `/me/data` (the person's own data, unmasked for them) is exempt.
 */
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
