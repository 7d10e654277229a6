/**
 * What the device keeps per person, over the platform's key-value storage (localStorage on h5,
 * wx storage on weapp — passed in, so this file has no Taro and is unit-tested as it is).
 * Ballot receipts are kept under the person's user id, so someone else signing in on the same
 * phone never sees them, and they are removed when that person signs out.
 */

export interface KeyValueStore {
  getItem<T>(key: string): T | null;
  setItem(key: string, value: unknown): void;
  removeItem(key: string): void;
}

/** Where the signed-in session is kept. */
export const SESSION_KEY = 'union.session';

/** The one list every user shared before receipts were kept per user: dropped on sight. */
const SHARED_RECEIPTS_KEY = 'congress.receipts';
const receiptsKey = (userId: string) => `congress.receipts.${userId}`;

type Receipts = Record<string, string>;

export const readReceipt = (store: KeyValueStore, userId: string, motionId: string): string | null =>
  store.getItem<Receipts>(receiptsKey(userId))?.[motionId] ?? null;

export const writeReceipt = (store: KeyValueStore, userId: string, motionId: string, code: string): void => {
  store.setItem(receiptsKey(userId), { ...(store.getItem<Receipts>(receiptsKey(userId)) ?? {}), [motionId]: code });
  store.removeItem(SHARED_RECEIPTS_KEY);
};

export const forgetReceipts = (store: KeyValueStore, userId: string): void => {
  store.removeItem(receiptsKey(userId));
  store.removeItem(SHARED_RECEIPTS_KEY);
};

/**
 * 退出登录: the session and what the device kept for its person. Reads the stored session as
 * it is (even expired), so the receipts of whoever was signed in go with it.
 */
export const signOutOf = (store: KeyValueStore): void => {
  const userId = store.getItem<{ user?: { userId?: string } }>(SESSION_KEY)?.user?.userId;
  if (userId) forgetReceipts(store, userId);
  store.removeItem(SESSION_KEY);
};
