import { Text, View } from '@tarojs/components';

/** Shows an error message in a red banner, or nothing. */
export function ErrorBanner({ message, testId }: { message: string | null | undefined; testId?: string }) {
  if (!message) return null;
  return (
    <View className="error-banner" role="alert" data-testid={testId}>
      <Text>{message}</Text>
    </View>
  );
}

/** Shows a success message in a green banner, or nothing. */
export function NoticeBanner({ message, testId }: { message: string | null | undefined; testId?: string }) {
  if (!message) return null;
  return (
    <View className="ok-banner" data-testid={testId}>
      <Text>{message}</Text>
    </View>
  );
}
