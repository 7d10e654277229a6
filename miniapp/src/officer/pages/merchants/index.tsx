import { OfficerMerchants } from '../../../features/merchant/officer-merchants';

/** 商惠商户与使用记录 (thin: the screen lives in features/merchant). */
export default function OfficerMerchantsPage() {
  return <OfficerMerchants />;
}
