import { Text, View } from '@tarojs/components';
import type { VerifyResponse } from '@union/shared';
import type { ReactNode } from 'react';
import { formatDateTime } from './card-api';

/**
 * How each answer looks: a symbol, the word, and what to do in words — never colour alone (a verifier
 * with colour blindness, a sunlit screen). Class names are ASCII for the style sheet.
 */
const LOOK: Record<VerifyResponse['result'], { kind: string; symbol: string; action: string }> = {
  有效: { kind: 'valid', symbol: '✓', action: '可以办理' },
  已过期: { kind: 'expired', symbol: '!', action: '暂不办理，请会员刷新' },
  无效: { kind: 'invalid', symbol: '✕', action: '不要办理' },
};

/** The verifier's answer: large, coloured, with its symbol, the reason, the next step and what it may show. */
export function VerifyVerdict(props: { result: VerifyResponse; children?: ReactNode }) {
  const r = props.result;
  const look = LOOK[r.result];
  return (
    <View className={`verify-result verify-${look.kind}`} data-testid="verify-result" data-result={look.kind}>
      <View className="verify-head">
        <Text className="verify-icon" aria-hidden>
          {look.symbol}
        </Text>
        <Text className="verify-word" data-testid="verify-word">
          {r.result}
        </Text>
      </View>
      <Text className="verify-action" data-testid="verify-action">
        {look.action}
      </Text>
      <Text className="verify-reason" data-testid="verify-reason">
        {r.reason}
      </Text>
      <View className="verify-next">
        <Text className="verify-next-label">下一步</Text>
        <Text className="verify-next-text" data-testid="verify-next">
          {r.nextStep}
        </Text>
      </View>
      {r.memberStatusText ? <Text className="verify-detail">会籍状态：{r.memberStatusText}</Text> : null}
      {r.orgName ? <Text className="verify-detail">所在工会：{r.orgName}</Text> : null}
      {r.memberNumberMasked ? <Text className="verify-detail">会员编号：{r.memberNumberMasked}</Text> : null}
      {props.children}
      <Text className="verify-detail verify-time">核验时间：{formatDateTime(r.checkedAt)}</Text>
    </View>
  );
}
