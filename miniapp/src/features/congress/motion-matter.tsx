import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { MotionView } from './congress-api';

/**
 * What a motion is on: its 说明, the 立案 proposals it was put to a vote on (each opens the
 * proposal and its timeline) and the 议案's text, folded until asked for.
 */
export function MotionMatter({ motion, open: startOpen = false }: { motion: MotionView; open?: boolean }) {
  const [open, setOpen] = useState(startOpen);
  const hasText = motion.draftText !== null || motion.proposals.length > 0;
  if (!hasText && !motion.description) return null;
  return (
    <View className="cg-matter" data-testid="motion-matter">
      {motion.description ? (
        <Text className="muted" style={{ display: 'block' }}>
          {motion.description}
        </Text>
      ) : null}
      {motion.proposals.map((p) => (
        <Text
          key={p.proposalId}
          className="cg-link"
          data-testid={`motion-proposal-${p.proposalId}`}
          onClick={() => Taro.navigateTo({ url: `/member/pages/congress/proposal?id=${p.proposalId}` })}
        >
          提案：{p.title}
        </Text>
      ))}
      {hasText ? (
        <Text className="cg-link" data-testid="toggle-matter" onClick={() => setOpen((o) => !o)}>
          {open ? '收起议案内容' : '查看议案内容'}
        </Text>
      ) : null}
      {open ? (
        <View className="cg-draft">
          {motion.proposals.map((p) => (
            <View key={p.proposalId}>
              <Text className="subtitle">{p.title}</Text>
              <Text className="cg-pre">案由：{p.cause}</Text>
              <Text className="cg-pre">建议：{p.suggestion}</Text>
            </View>
          ))}
          {motion.draftText ? <Text className="cg-pre">{motion.draftText}</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
