import { idempotencyKeySchema } from '@union/shared/contracts/congress-requests.contract';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  forgetReceipts,
  type KeyValueStore,
  readReceipt,
  SESSION_KEY,
  signOutOf,
  writeReceipt,
} from '../../../miniapp/src/lib/device-store';
import { NO_SECURE_RANDOM, randomKey, SecureRandomUnavailable, webCryptoSource } from '../../../miniapp/src/lib/secure-random';

/** An in-memory stand-in for the platform storage (localStorage on h5, wx storage on weapp). */
const memoryStore = (): KeyValueStore & { keys(): string[] } => {
  const m = new Map<string, string>();
  return {
    getItem: <T>(k: string) => (m.has(k) ? (JSON.parse(m.get(k) as string) as T) : null),
    setItem: (k, v) => m.set(k, JSON.stringify(v)),
    removeItem: (k) => m.delete(k),
    keys: () => [...m.keys()].sort(),
  };
};

afterEach(() => vi.restoreAllMocks());

describe('Idempotency-Keys on the device', () => {
  it('come from a secure random source, fit the server’s key format, and never touch Math.random', async () => {
    const random = vi.spyOn(Math, 'random');
    const source = webCryptoSource(globalThis.crypto);
    expect(source).not.toBeNull();
    const keys = await Promise.all(Array.from({ length: 50 }, () => randomKey(source)));
    for (const k of keys) expect(idempotencyKeySchema.safeParse(k).success).toBe(true);
    expect(new Set(keys).size).toBe(50);
    expect(random).not.toHaveBeenCalled();
  });

  it('use every byte without bias: each of the 32 symbols takes exactly 8 byte values', async () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const key = await randomKey(async () => all, 256);
    const counts = new Map<string, number>();
    for (const c of key) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(32);
    expect([...counts.values()].every((n) => n === 8)).toBe(true);
  });

  it('are refused with a Chinese message where no secure random exists (weapp without getRandomValues), never made up', async () => {
    const random = vi.spyOn(Math, 'random');
    expect(webCryptoSource(undefined)).toBeNull();
    expect(webCryptoSource({} as Crypto)).toBeNull();
    await expect(randomKey(null)).rejects.toBeInstanceOf(SecureRandomUnavailable);
    await expect(randomKey(null)).rejects.toThrow(NO_SECURE_RANDOM);
    expect(NO_SECURE_RANDOM).toMatch(/[\u4e00-\u9fff]/);
    // A source that hands back too few bytes is refused too.
    await expect(randomKey(async () => new Uint8Array(4))).rejects.toBeInstanceOf(SecureRandomUnavailable);
    expect(random).not.toHaveBeenCalled();
  });
});

describe('ballot receipts kept on the device', () => {
  it('are kept per user: another person signing in on the same phone does not see them', () => {
    const store = memoryStore();
    writeReceipt(store, 'u1', 'mt1', 'k3m9-x7p2-q8rt');
    writeReceipt(store, 'u1', 'mt2', 'a1b2-c3d4-e5f6');
    expect(readReceipt(store, 'u1', 'mt1')).toBe('k3m9-x7p2-q8rt');
    expect(readReceipt(store, 'u1', 'mt2')).toBe('a1b2-c3d4-e5f6');
    expect(readReceipt(store, 'u2', 'mt1')).toBeNull();
    writeReceipt(store, 'u2', 'mt1', 'zzzz-yyyy-xxxx');
    expect(readReceipt(store, 'u1', 'mt1')).toBe('k3m9-x7p2-q8rt');
    expect(readReceipt(store, 'u2', 'mt1')).toBe('zzzz-yyyy-xxxx');
  });

  it('are removed at sign-out, with the session; other people’s stay; the old shared list is dropped', () => {
    const store = memoryStore();
    store.setItem('congress.receipts', { mt0: 'old0-old0-old0' });
    store.setItem(SESSION_KEY, { token: 't', expiresAt: '2000-01-01T00:00:00Z', user: { userId: 'u1', displayName: '甲', roles: [] } });
    writeReceipt(store, 'u1', 'mt1', 'k3m9-x7p2-q8rt');
    writeReceipt(store, 'u2', 'mt1', 'zzzz-yyyy-xxxx');
    expect(store.getItem('congress.receipts')).toBeNull();
    signOutOf(store);
    expect(readReceipt(store, 'u1', 'mt1')).toBeNull();
    expect(store.getItem(SESSION_KEY)).toBeNull();
    expect(readReceipt(store, 'u2', 'mt1')).toBe('zzzz-yyyy-xxxx');
    forgetReceipts(store, 'u2');
    expect(store.keys()).toEqual([]);
  });

  it('sign-out without a stored session only clears the session key', () => {
    const store = memoryStore();
    writeReceipt(store, 'u2', 'mt1', 'zzzz-yyyy-xxxx');
    signOutOf(store);
    expect(readReceipt(store, 'u2', 'mt1')).toBe('zzzz-yyyy-xxxx');
  });
});
