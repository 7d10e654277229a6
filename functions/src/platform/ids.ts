import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijkmnopqrstuvwxyz'; // no "l": read aloud and printed on posters

/** Random id of `length` chars from a 35-letter alphabet (≈5.13 bits each). */
export const randomId = (length = 16): string => {
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; out.length < length; i += 1) {
    const b = bytes[i % bytes.length] ?? 0;
    // Rejection sampling keeps the distribution uniform.
    if (b < ALPHABET.length * 7) out += ALPHABET[b % ALPHABET.length];
    if (i > bytes.length * 4) throw new Error('randomId: entropy source exhausted');
  }
  return out;
};

export type IdGenerator = (length?: number) => string;

/** Ids that sort by creation time (base-36 milliseconds, then random): a partition's items list oldest first. */
export const timeOrderedId = (now: Date, random: string): string => `${now.getTime().toString(36).padStart(9, '0')}${random}`;
