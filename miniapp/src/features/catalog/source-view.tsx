import { ScrollView, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';

/**
 * The plan text with one quote highlighted: the [start, end) span sits in its own <Text>,
 * which the scroll view brings into view whenever the selection changes.
 */
export function SourceView({
  text,
  start,
  end,
  title,
  anchorPrefix = 'plan-quote',
}: {
  text: string;
  start?: number | undefined;
  end?: number | undefined;
  title?: string;
  anchorPrefix?: string;
}) {
  const marked = start !== undefined && end !== undefined && end > start && end <= text.length;
  // Ids must be unique on the page: a second view of the same text takes its own prefix.
  const anchor = marked ? `${anchorPrefix}-${start}-${end}` : '';
  // A scroll view mounted with scrollIntoView already set does not scroll on h5: set it once the text is laid out.
  const [target, setTarget] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTarget(anchor), 60);
    return () => clearTimeout(timer);
  }, [anchor]);
  return (
    <View className="source-panel">
      <Text className="source-title">{title ?? '计划原文'}</Text>
      {text ? (
        <ScrollView scrollY scrollWithAnimation scrollIntoView={target} className="source-view" data-testid="source-view">
          {marked ? (
            <View className="source-body">
              <Text className="source-text">{text.slice(0, start)}</Text>
              <Text id={anchor} className="source-text source-highlight" data-testid="source-highlight">
                {text.slice(start, end)}
              </Text>
              <Text className="source-text">{text.slice(end)}</Text>
            </View>
          ) : (
            <View className="source-body">
              <Text className="source-text">{text}</Text>
            </View>
          )}
        </ScrollView>
      ) : (
        <Text className="muted">此版本发布时未附计划原文。</Text>
      )}
    </View>
  );
}
