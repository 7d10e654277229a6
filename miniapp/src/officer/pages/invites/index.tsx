import { View } from '@tarojs/components';
import { useSignedIn } from '../../../components/use-signed-in';
import { OfficerInvites } from '../../../features/membership/officer-invites';

/** 入会二维码 (officer, desktop-friendly). */
export default function OfficerInvitesPage() {
  const session = useSignedIn();
  return <View className="page page-wide">{session ? <OfficerInvites /> : null}</View>;
}
