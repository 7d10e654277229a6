import { Text, View } from '@tarojs/components';

export default function Page() {
  return (
    <View className="page">
      <Text>me 页面</Text>
    </View>
  );
}
