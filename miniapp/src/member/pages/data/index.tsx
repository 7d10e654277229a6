import { View } from '@tarojs/components';
import { useSignedIn } from '../../../components/use-signed-in';
import { MyDataScreen } from '../../../features/member/my-data';

/** 我的 → 我的数据 (and 退会). */
export default function MyDataPage() {
  const session = useSignedIn();
  return <View className="page">{session ? <MyDataScreen /> : null}</View>;
}
