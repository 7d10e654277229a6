import { VerifyScreen } from '../../../features/card/verify-screen';

/** 核验会员卡 (thin: the screen lives in features/card). */
export default function VerifyPage() {
  return <VerifyScreen />;
}
