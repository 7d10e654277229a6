import { Switch, Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useLargeText } from '../lib/large-text';

/**
 * The root of every member page: `.page`, plus `.large-text` while 大字模式 is on, which the styles
 * under `.large-text` (app.scss and each feature's stylesheet) turn into large type.
 * `data-large` says which (the e2e tests read it).
 */
export function MemberPage({ className, testId, children }: PropsWithChildren<{ className?: string; testId?: string }>) {
  const [large] = useLargeText();
  return (
    <View
      className={`page${className ? ` ${className}` : ''}${large ? ' large-text' : ''}`}
      data-testid={testId}
      data-large={large ? 'on' : 'off'}
    >
      {children}
    </View>
  );
}

/** The 大字模式 switch, for any page that offers the setting (the card page does). */
export function LargeTextSwitch({ className }: { className?: string }) {
  const [large, setLarge] = useLargeText();
  return (
    <View className={`toggle-row${className ? ` ${className}` : ''}`}>
      <Text className="toggle-label">大字模式（适老化）</Text>
      <Switch checked={large} color="#c8161d" onChange={(e) => setLarge(e.detail.value)} data-testid="large-text-toggle" />
    </View>
  );
}
