import { View } from '@tarojs/components';
import { useSignedIn } from '../../../components/use-signed-in';
import { OfficerCongress } from '../../../features/congress/officer-congress';

/** 职代会管理 (officer, desktop-friendly). */
export default function OfficerCongressPage() {
  const session = useSignedIn();
  return <View className="page page-wide">{session ? <OfficerCongress /> : null}</View>;
}
