/** 会员卡: what the card shows and what the verifier may see. */

/** The verifier's answer: genuine and current, stale (a screenshot), or not ours. */
export type VerifyResult = '有效' | '已过期' | '无效';

/** Member numbers are shown whole on one's own card but masked to a verifier: 3 first, 4 last. */
export const maskMemberNumber = (n: string): string =>
  n.length <= 7
    ? `${n.slice(0, 1)}${'*'.repeat(Math.max(0, n.length - 2))}${n.slice(-1)}`
    : `${n.slice(0, 3)}${'*'.repeat(n.length - 7)}${n.slice(-4)}`;

/** YYYY-MM-DD in China time of an ISO instant (the card's 入会日期). */
export const chinaDateOf = (iso: string): string => {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso.slice(0, 10);
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
};

export const MEMBER_STATUS_TEXT: Record<string, string> = {
  active: '正常在会',
  pending: '待审核',
  transferred: '已转出',
  inactive: '已退会',
};

/** Seconds a card token lives: long enough to scan, short enough that a screenshot goes stale. */
export const CARD_TOKEN_TTL_SECONDS = 60;
/** The page refreshes the QR before it expires. */
export const CARD_REFRESH_SECONDS = 50;
