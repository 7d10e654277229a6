import type { MerchantView, MyUseView, UseView } from '@union/shared/contracts/merchant-responses.contract';
import type { MerchantRecord, UseRecord } from '../../store/merchant.repository';

/** Views built field by field (never a stored record). */
export const merchantView = (m: MerchantRecord): MerchantView => ({
  merchantId: m.merchantId,
  orgId: m.orgId,
  orgName: m.orgName,
  name: m.name,
  address: m.address,
  benefitName: m.benefitName,
  discount: m.discount,
  limitPerPeriod: m.limitPerPeriod,
  createdAt: m.createdAt,
});

export const offerView = (m: MerchantRecord, period: string, used: number) => ({
  benefitName: m.benefitName,
  discount: m.discount,
  orgName: m.orgName,
  period,
  limitPerPeriod: m.limitPerPeriod,
  usedInPeriod: used,
  remaining: m.limitPerPeriod === null ? null : Math.max(0, m.limitPerPeriod - used),
});

export const useView = (u: UseRecord): UseView => ({
  useId: u.useId,
  merchantId: u.merchantId,
  merchantName: u.merchantName,
  benefitName: u.benefitName,
  discount: u.discount,
  period: u.period,
  usedAt: u.usedAt,
  memberNumberMasked: u.memberNumberMasked,
  memberOrgName: u.memberOrgName,
});

export const myUseView = (u: UseRecord): MyUseView => ({
  useId: u.useId,
  merchantName: u.merchantName,
  benefitName: u.benefitName,
  discount: u.discount,
  period: u.period,
  usedAt: u.usedAt,
});
