/**
 * Random keys for the device (the ballot's Idempotency-Key). Only a cryptographically secure
 * source will do: where there is none, the caller is refused with a message in Chinese —
 * never a key made up from Math.random. No Taro here: the platform passes its source in
 * (h5: Web Crypto; weapp: Web Crypto where the base library has it, else wx.getRandomValues).
 */

/** Fills `length` bytes from a secure source. */
export type RandomSource = (length: number) => Promise<Uint8Array>;

export const NO_SECURE_RANDOM = '此设备无法生成安全的随机数，暂时不能投票。请将微信更新到最新版本后再试';

export class SecureRandomUnavailable extends Error {
  constructor() {
    super(NO_SECURE_RANDOM);
    this.name = 'SecureRandomUnavailable';
  }
}

/** The environment's Web Crypto, if it has one (weapp base libraries may not). */
export const globalCrypto = (): Crypto | undefined => (globalThis as { crypto?: Crypto }).crypto;

/** Web Crypto's getRandomValues when `c` has it, otherwise null. */
export const webCryptoSource = (c: Crypto | undefined): RandomSource | null =>
  typeof c?.getRandomValues === 'function' ? async (length) => c.getRandomValues(new Uint8Array(length)) : null;

/** 32 symbols, so each byte maps to one without bias (its low 5 bits). */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** A key of `length` symbols (5 random bits each: 160 bits by default), or SecureRandomUnavailable. */
export const randomKey = async (source: RandomSource | null, length = 32): Promise<string> => {
  if (!source) throw new SecureRandomUnavailable();
  const bytes = await source(length);
  if (!(bytes instanceof Uint8Array) || bytes.length < length) throw new SecureRandomUnavailable();
  return Array.from(bytes.subarray(0, length), (b) => ALPHABET[b & 31]).join('');
};
