/** 会员卡: what the card shows and what the verifier may see. */

/** The verifier's answer: genuine and current, stale (a screenshot), or not ours. */
export type VerifyResult = '有效' | '已过期' | '无效';

/**
 * What each answer means and what the verifier does next, in words (never colour alone): the
 * verifier page shows the word, the reason and the next step; `POST /verify` sends them.
 */
export const VERIFY_VERDICTS = {
  valid: { result: '有效', reason: '会员卡真实有效', nextStep: '可以为会员办理本次服务或优惠。' },
  expired: {
    result: '已过期',
    reason: '二维码已过期（可能是截图或停留太久）',
    nextStep: '请会员重新打开“会员卡”页面刷新二维码，出示新码后重新核验；过期的码不能办理。',
  },
  forged: {
    result: '无效',
    reason: '不是本系统签发的会员卡二维码，或内容已被改动',
    nextStep: '不要办理。请会员打开工会小程序的“会员卡”页面出示动态二维码；如疑似伪造，请报告工会。',
  },
  ended: {
    result: '无效',
    reason: '该会员卡已失效（会籍已转出或终止）',
    nextStep: '不要办理。请持卡人联系所在工会确认会籍。',
  },
} as const satisfies Record<string, { result: VerifyResult; reason: string; nextStep: string }>;

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
