import { Text, View } from '@tarojs/components';
import type { ClaimView } from '@union/shared';
import { formatDateTime } from './card-api';

/** 我的申领: status, why a 免申即享 claim waits for review, and, when refused, the officer's reason. */
export function MyClaims({ claims }: { claims: ClaimView[] }) {
  if (claims.length === 0) return <Text className="cp-small">暂无申领记录。</Text>;
  return (
    <View data-testid="my-claims">
      {claims.map((c) => (
        <View key={c.claimId} className="list-item" data-testid={`claim-${c.claimId}`}>
          <View className="row">
            <Text className="cp-text">{c.benefitName}</Text>
            <Text className={`cp-text status-${c.status}`} data-testid="claim-status">
              {c.statusText}
            </Text>
          </View>
          <Text className="cp-small">申领时间：{formatDateTime(c.createdAt)}</Text>
          {c.status === 'pending' && c.reviewReason ? (
            <Text className="cp-small reason-open" data-testid="claim-review-reason">
              {c.reviewReason}
            </Text>
          ) : null}
          {c.rejectionReason ? <Text className="cp-text reason-no">未通过原因：{c.rejectionReason}</Text> : null}
        </View>
      ))}
    </View>
  );
}
