/**
 * The PII scan of response bodies (issue 10): no 身份证号, no phone number, and nothing a masked one
 * could be rebuilt from (a birth date or gender next to it). Every integration response goes through
 * it (tests/support/invoke.ts), and the e2e stack's API proxy scans what the browser receives.
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
