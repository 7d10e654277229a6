import { describe, expect, it } from 'vitest';
import {
  forgetLastCard,
  type KeyValueStore,
  lastCardKey,
  lastCardOf,
  readLastCard,
  SESSION_KEY,
  signOutOf,
  writeLastCard,
} from '../../../miniapp/src/lib/device-store';

/** An in-memory stand-in for the platform storage (localStorage on h5, wx storage on weapp). */
const memoryStore = (): KeyValueStore & { keys(): string[]; raw(key: string): string | undefined } => {
  const m = new Map<string, string>();
  return {
    getItem: <T>(k: string) => (m.has(k) ? (JSON.parse(m.get(k) as string) as T) : null),
    setItem: (k, v) => m.set(k, JSON.stringify(v)),
    removeItem: (k) => m.delete(k),
    keys: () => [...m.keys()].sort(),
    raw: (k) => m.get(k),
  };
};

/** A GET /me/card answer as the server sends it (cardResponse), with more than a card prints. */
const answer = (name: string, number: string) => ({
  card: {
    maskedName: name,
    memberNumber: number,
    orgId: 'logistics',
    orgName: '临江区快递物流行业联合工会',
    joinedOn: '2024-05-01',
    status: 'active' as const,
    statusText: '正常在会',
  },
  token: 'c2.sealed-token-a-verifier-accepts',
  tokenExpiresAt: '2026-11-30T10:01:00.000Z',
  fetchedAt: '2026-11-30T10:00:00.000Z',
});

describe('the last member card kept on the device', () => {
  it('keeps only what the card prints: never the QR token, the org id or anything else the answer carries', () => {
    const store = memoryStore();
    writeLastCard(store, 'u1', lastCardOf(answer('王*军', 'LOGISTICS-000123')));
    expect(store.keys()).toEqual([lastCardKey('u1')]);
    expect(JSON.parse(store.raw(lastCardKey('u1')) as string)).toEqual({
      maskedName: '王*军',
      memberNumber: 'LOGISTICS-000123',
      orgName: '临江区快递物流行业联合工会',
      joinedOn: '2024-05-01',
      statusText: '正常在会',
      fetchedAt: '2026-11-30T10:00:00.000Z',
    });
    expect(store.raw(lastCardKey('u1'))).not.toContain('c2.');
    // Whatever else a stored value holds (written by hand, or by an older build) is not read back.
    store.setItem(lastCardKey('u1'), { ...answer('王*军', 'LOGISTICS-000123').card, fetchedAt: '2026-11-30T10:00:00.000Z', token: 'x' });
    expect(readLastCard(store, 'u1')).not.toHaveProperty('token');
    expect(readLastCard(store, 'u1')).not.toHaveProperty('orgId');
  });

  it('is kept per user: someone else signing in on the same phone does not see it', () => {
    const store = memoryStore();
    writeLastCard(store, 'u1', lastCardOf(answer('王*军', 'LOGISTICS-000123')));
    expect(readLastCard(store, 'u1')?.maskedName).toBe('王*军');
    expect(readLastCard(store, 'u2')).toBeNull();
    writeLastCard(store, 'u2', lastCardOf(answer('张*福', 'ENT-000007')));
    expect(readLastCard(store, 'u1')?.memberNumber).toBe('LOGISTICS-000123');
    expect(readLastCard(store, 'u2')?.memberNumber).toBe('ENT-000007');
  });

  it('goes at sign-out with the session, and when there is no card any more; others’ stay', () => {
    const store = memoryStore();
    store.setItem(SESSION_KEY, { token: 't', expiresAt: '2000-01-01T00:00:00Z', user: { userId: 'u1', displayName: '甲', roles: [] } });
    writeLastCard(store, 'u1', lastCardOf(answer('王*军', 'LOGISTICS-000123')));
    writeLastCard(store, 'u2', lastCardOf(answer('张*福', 'ENT-000007')));
    signOutOf(store);
    expect(readLastCard(store, 'u1')).toBeNull();
    expect(store.getItem(SESSION_KEY)).toBeNull();
    expect(readLastCard(store, 'u2')?.maskedName).toBe('张*福');
    forgetLastCard(store, 'u2');
    expect(store.keys()).toEqual([]);
  });

  it('drops the one card all users shared before (with its token) on sight, and never shows it', () => {
    const store = memoryStore();
    store.setItem('union.card.last', answer('王*军', 'LOGISTICS-000123'));
    expect(readLastCard(store, 'u1')).toBeNull();
    expect(store.keys()).toEqual([]);
    store.setItem('union.card.last', answer('王*军', 'LOGISTICS-000123'));
    signOutOf(store);
    expect(store.keys()).toEqual([]);
  });
});
