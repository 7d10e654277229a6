/**
 * 企业民主管理规定 第二十条: the congress sits only with two thirds of all delegates present,
 * and a matter passes only with more than half of ALL delegates — counted against N, never
 * against those present.
 */

/** Signed-in delegates needed before any motion may open: ⌈2N/3⌉. */
export const quorumOf = (delegateCount: number): number => Math.ceil((2 * delegateCount) / 3);

/** Yes votes a 表决 (or a candidate) needs: ⌊N/2⌋ + 1 of all N delegates. */
export const passThresholdOf = (delegateCount: number): number => Math.floor(delegateCount / 2) + 1;

export const hasQuorum = (delegateCount: number, signedIn: number): boolean => delegateCount > 0 && signedIn >= quorumOf(delegateCount);

/** Whether `yes` votes carry a matter before a congress of `delegateCount` delegates. */
export const meetsPassThreshold = (yes: number, delegateCount: number): boolean =>
  delegateCount > 0 && yes >= passThresholdOf(delegateCount);
