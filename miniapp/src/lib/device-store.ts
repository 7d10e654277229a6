/**
 * What the device keeps per person, over the platform's key-value storage (localStorage on h5,
 * wx storage on weapp — passed in, so this file has no Taro and is unit-tested as it is).
 * Ballot receipts and the last member card are kept under the person's user id, so someone else
 * signing in on the same phone never sees them, and they are removed when that person signs out.
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
 * The member card as it was last shown, so the next opening shows it at once (marked 上次获取) while the
 * fresh one is fetched: only what the card prints. Never the QR token (a QR is drawn only from a token
 * fetched while the page is open), never a 身份证号 or phone (a card carries neither).
 */
export interface LastCard {
  maskedName: string;
  memberNumber: string;
  orgName: string;
  joinedOn: string;
  statusText: string;
  /** When the server answered it (ISO). */
  fetchedAt: string;
}

/** Where each person's last card is kept. */
export const lastCardKey = (userId: string): string => `union.card.last.${userId}`;
/** The one card every user shared before cards were kept per user, with its QR token: dropped on sight. */
const SHARED_LAST_CARD_KEY = 'union.card.last';

/** What is kept of a GET /me/card answer: the printed fields, picked one by one. */
export const lastCardOf = (answer: {
  card: { maskedName: string; memberNumber: string; orgName: string; joinedOn: string; statusText: string };
  fetchedAt: string;
}): LastCard => ({
  maskedName: answer.card.maskedName,
  memberNumber: answer.card.memberNumber,
  orgName: answer.card.orgName,
  joinedOn: answer.card.joinedOn,
  statusText: answer.card.statusText,
  fetchedAt: answer.fetchedAt,
});

export const readLastCard = (store: KeyValueStore, userId: string): LastCard | null => {
  store.removeItem(SHARED_LAST_CARD_KEY);
  const kept = store.getItem<Partial<LastCard>>(lastCardKey(userId));
  if (!kept || typeof kept.maskedName !== 'string' || typeof kept.fetchedAt !== 'string') return null;
  return lastCardOf({
    card: {
      maskedName: kept.maskedName,
      memberNumber: String(kept.memberNumber ?? ''),
      orgName: String(kept.orgName ?? ''),
      joinedOn: String(kept.joinedOn ?? ''),
      statusText: String(kept.statusText ?? ''),
    },
    fetchedAt: kept.fetchedAt,
  });
};

export const writeLastCard = (store: KeyValueStore, userId: string, card: LastCard): void => {
  store.setItem(lastCardKey(userId), lastCardOf({ card, fetchedAt: card.fetchedAt }));
  store.removeItem(SHARED_LAST_CARD_KEY);
};

/** No card to show any more (not a member now): the kept one goes. */
export const forgetLastCard = (store: KeyValueStore, userId: string): void => {
  store.removeItem(lastCardKey(userId));
  store.removeItem(SHARED_LAST_CARD_KEY);
};

/**
 * 退出登录: the session and what the device kept for its person. Reads the stored session as
 * it is (even expired), so the receipts and last card of whoever was signed in go with it.
 */
export const signOutOf = (store: KeyValueStore): void => {
  const userId = store.getItem<{ user?: { userId?: string } }>(SESSION_KEY)?.user?.userId;
  if (userId) {
    forgetReceipts(store, userId);
    forgetLastCard(store, userId);
  }
  store.removeItem(SHARED_LAST_CARD_KEY);
  store.removeItem(SESSION_KEY);
};
