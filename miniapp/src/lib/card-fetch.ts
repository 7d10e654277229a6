/**
 * GET /me/card, and the request started ahead of the card page. Opened on the card tab, the app shell
 * asks for the card as soon as it runs (`fetchCardAhead`, app.tsx), before the page's code has loaded
 * (h5: pages are lazy chunks), and the page takes that request over instead of sending its own: the
 * answer arrives while the page loads and renders. Every answer is kept on the device as the person's
 * last card (device-store.ts: the printed fields only, never the QR token).
 */
import type { CardResponse } from '@union/shared';
import { api } from './api';
import { lastCardOf, writeLastCard } from './device-store';
import { platform } from './platform';
import { getSession } from './session';

/** The card tab's route (app.config.ts). */
export const CARD_PAGE = 'pages/card/index';

/**
 * A request started ahead is taken over only this soon after it started: the QR token it brings lives
 * 60 s (CARD_TOKEN_TTL_SECONDS) and the page refreshes it every 50 s from when it took it.
 */
const TAKE_WITHIN_MS = 5_000;

export interface CardAhead {
  userId: string;
  startedAt: number;
  answer: Promise<CardResponse>;
  /** The answer, once it has come. */
  settled: CardResponse | null;
}

let ahead: CardAhead | null = null;

/** GET /me/card; the answer is kept as `userId`'s last card. */
export const fetchCard = async (userId: string): Promise<CardResponse> => {
  const fresh = await api.get<CardResponse>('/me/card');
  writeLastCard(platform, userId, lastCardOf(fresh));
  return fresh;
};

/** Sends GET /me/card now when a member is signed in; the card page takes the request over. */
export const fetchCardAhead = (): void => {
  const session = getSession();
  if (!session?.user.roles.some((r) => r.role === 'member')) return;
  const entry: CardAhead = { userId: session.user.userId, startedAt: Date.now(), answer: fetchCard(session.user.userId), settled: null };
  entry.answer.then(
    (card) => {
      entry.settled = card;
    },
    () => undefined,
  );
  ahead = entry;
};

const recent = (userId: string): CardAhead | null =>
  ahead && ahead.userId === userId && Date.now() - ahead.startedAt < TAKE_WITHIN_MS ? ahead : null;

/** The request started ahead for `userId`, if recent, left in place (the page's first render reads its answer). */
export const peekCardAhead = (userId: string): CardAhead | null => recent(userId);

/** The request started ahead for `userId`, if recent, taken over once: later fetches send their own. */
export const takeCardAhead = (userId: string): CardAhead | null => {
  const taken = recent(userId);
  ahead = null;
  return taken;
};
