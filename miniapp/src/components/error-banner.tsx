import { Text, View } from '@tarojs/components';

/** Shows an error message in a red banner, or nothing. */
export function ErrorBanner({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <View className="error-banner" role="alert">
      <Text>{message}</Text>
    </View>
  );
}
