import { View } from '@tarojs/components';
import { useSignedIn } from '../../../components/use-signed-in';
import { MembershipStatus } from '../../../features/membership/membership-status';

/** 我的会籍 and the status of my 入会申请. */
export default function MembershipPage() {
  const session = useSignedIn();
  return <View className="page">{session ? <MembershipStatus /> : null}</View>;
}
