import { View } from '@tarojs/components';
import { useSignedIn } from '../../../components/use-signed-in';
import { PhoneCorrection } from '../../../features/member/phone-form';

/** 我的 → 更正手机号. */
export default function PhonePage() {
  const session = useSignedIn();
  return <View className="page">{session ? <PhoneCorrection /> : null}</View>;
}
