import { type PreparedBenefit, prepareBenefit } from '@union/shared';
import type { PublishedBenefit } from '../../store/catalog.repository';

/**
 * What the card shows of each published benefit that is the same for every member (its rule with
 * the words of each condition, what it gives, who qualifies, how to claim, its source), worked out
 * once per entry: entries belong to catalog versions, which never change, and the versions a warm
 * function reads are the same objects from request to request (catalog-cache.ts). Held as long as
 * the entry is.
 */
const prepared = new WeakMap<PublishedBenefit, PreparedBenefit>();

export const preparedBenefit = (b: PublishedBenefit): PreparedBenefit => {
  let p = prepared.get(b);
  if (!p) {
    p = prepareBenefit(b);
    prepared.set(b, p);
  }
  return p;
};
