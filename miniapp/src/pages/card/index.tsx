import { Text, View } from '@tarojs/components';
import { useSignedIn } from '../../components/use-signed-in';

export default function Page() {
  const session = useSignedIn();
  return (
    <View className="page">
      <View className="card">
        <Text className="title">{session ? '会员服务卡' : '请先登录'}</Text>
      </View>
    </View>
  );
}
