import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useSignedIn } from '../../../components/use-signed-in';
import { OfficerCongress } from '../../../features/congress/officer-congress';

/** 职代会管理 (officer, desktop-friendly). */
export default function OfficerCongressPage() {
  const session = useSignedIn();
  const params = Taro.getCurrentInstance().router?.params ?? {};
  return (
    <View className="page page-wide">{session ? <OfficerCongress initialOrg={params.org} initialSession={params.session} /> : null}</View>
  );
}
