import { Text, View } from '@tarojs/components';

export default function Page() {
  return (
    <View className="page">
      <Text>login 页面</Text>
    </View>
  );
}
