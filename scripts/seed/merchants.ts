import { benefitKeyOf } from '@union/shared';
import { getLatestCatalog } from '../../functions/src/store/catalog.repository';
import { bindMerchantStaff, createMerchant } from '../../functions/src/store/merchant.repository';
import { requireOrg } from '../../functions/src/store/org.repository';
import type { SeedStep } from './index';

/** The demo merchant: where the enterprise's 商惠 entry (合作超市 9.5 折) applies. */
export const DEMO_MERCHANT_ID = 'demo-merchant';

/**
 * 商惠: one merchant of the enterprise union, linked to the 商惠 entry its imported plan yielded, and
 * its staff account (`merchant-staff`), bound through the store as an officer's binding would be.
 */
export const merchantsStep: SeedStep = {
  name: '商惠商户与店员',
  async run() {
    const [org, catalog] = await Promise.all([requireOrg('enterprise'), getLatestCatalog('enterprise')]);
    const entry = catalog?.entries.find((e) => e.tier === '商惠');
    if (!entry) {
      console.warn('  warning: the demo enterprise catalog has no 商惠 entry: no demo merchant');
      return;
    }
    const merchant = await createMerchant({
      merchantId: DEMO_MERCHANT_ID,
      orgId: org.orgId,
      orgName: org.name,
      name: '临江惠民超市',
      address: '临江区江滨路 66 号',
      benefitKey: benefitKeyOf(entry),
      benefitName: entry.name,
      discount: '凭工会会员卡购物享受 9.5 折优惠',
      limitPerPeriod: null,
      createdAt: new Date().toISOString(),
      createdBy: 'seed',
    });
    await bindMerchantStaff(merchant, { userId: 'merchant-staff', displayName: '刘芳' }, 'seed', new Date().toISOString());
  },
};
