/**
 * Quota arithmetic. A quota is counted per benefit per period; the store enforces
 * `used < total` in the approving transaction, these functions only describe it.
 */
export interface QuotaState {
  total: number;
  used: number;
}

/** What is left, never negative (a lowered total does not show a debt). */
export const quotaLeft = (q: QuotaState): number => Math.max(0, q.total - q.used);

/** Whether one more approval fits. */
export const quotaAllows = (q: QuotaState): boolean => q.used < q.total;

/** "剩余 12 / 100 名" */
export const describeQuota = (q: QuotaState, unit: string): string => `剩余 ${quotaLeft(q)} / ${q.total} ${unit}`;

/**
 * The period a claim counts in: the calendar year in China (UTC+8), since plans (工作要点)
 * and their 实事 are annual. One claim per member per benefit per period.
 */
export const claimPeriodOf = (now: Date): string => String(new Date(now.getTime() + 8 * 3600_000).getUTCFullYear());

/**
 * What "the same benefit" means across catalog versions: the publishing org and the name.
 * Quota and the one-claim-per-period rule are counted by it, so a republished catalog
 * neither refills the quota nor opens a second claim.
 */
export const benefitKeyOf = (b: { orgId: string; name: string }): string => `${b.orgId}|${b.name}`;
