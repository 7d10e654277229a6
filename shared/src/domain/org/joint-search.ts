/**
 * 联合工会 search without a table scan: every joint union is written with one search key per
 * distinct character bigram of its name and of its area (`jointSearchKeys`), each a GSI item of
 * its own; a query reads the one partition of a bigram it contains (`jointQueryKey`) and keeps
 * what matches (`matchesJointQuery`): the area begins with the text, or the name contains it.
 * "临江" finds "临江区" (area prefix) and "临江区快递物流行业联合工会" (name part).
 *
 * Bigrams every joint union's name has ("联合", "工会" …) would make a partition of all of them:
 * they are neither written nor read (`COMMON_BIGRAMS`), and a query made only of them is refused.
 */

/** Shortest and longest search text (after spaces are removed). */
export const JOINT_QUERY_MIN = 2;
export const JOINT_QUERY_MAX = 20;
/** At most this many keys per org, so the org and its keys fit one transaction (100 items). */
export const JOINT_SEARCH_KEYS_MAX = 98;

/** Bigrams (nearly) every 联合工会's name carries: too common to find anything by. */
export const COMMON_BIGRAMS: ReadonlySet<string> = new Set([
  '联合',
  '合工',
  '工会',
  '合会',
  '行业',
  '业联',
  '总工',
  '会联',
  '委员',
  '员会',
]);

/** The text as it is compared: no spaces, lower case (Latin letters in names). */
export const normalizeJointText = (s: string): string => s.replace(/\s+/g, '').toLowerCase();

const bigramsOf = (s: string): string[] => {
  const chars = Array.from(normalizeJointText(s));
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
};

/** The distinct uncommon bigrams of a joint union's name and area (name first), at most JOINT_SEARCH_KEYS_MAX. */
export const jointSearchKeys = (name: string, area: string | null): string[] => {
  const keys = new Set<string>();
  for (const b of [...bigramsOf(name), ...bigramsOf(area ?? '')]) if (!COMMON_BIGRAMS.has(b)) keys.add(b);
  return [...keys].slice(0, JOINT_SEARCH_KEYS_MAX);
};

/**
 * The key whose partition a search reads: the text's first uncommon bigram (every org that
 * matches carries it: a name containing the text has all its bigrams, an area beginning with it
 * too), or null when the text has none.
 */
export const jointQueryKey = (q: string): string | null => bigramsOf(q).find((b) => !COMMON_BIGRAMS.has(b)) ?? null;

/** Whether an org answers the search: its area begins with the text, or its name contains it. */
export const matchesJointQuery = (org: { name: string; area: string | null }, q: string): boolean => {
  const text = normalizeJointText(q);
  return normalizeJointText(org.area ?? '').startsWith(text) || normalizeJointText(org.name).includes(text);
};
