import { Text, View } from '@tarojs/components';
import type { MyUseView } from '@union/shared/contracts/merchant-responses.contract';
import { useEffect, useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner';
import { MemberPage } from '../../../components/member-page';
import { LoadMore, usePagedList } from '../../../components/paged-list';
import { useSignedIn } from '../../../components/use-signed-in';
import { formatDateTime } from '../../../features/card/card-api';
import { merchantApi, merchantErrorText } from '../../../features/merchant/merchant-api';
import '../../../features/card/card.scss';

/** 我的商惠 (from 我的): where the member used a 商惠 discount, newest first; paged (GET /me/merchant-uses). */
export default function MyMerchantUsesPage() {
  const session = useSignedIn();
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const uses = usePagedList<MyUseView>(async (cursor) => {
    const page = await merchantApi.myUses(cursor);
    return { items: page.uses, nextCursor: page.nextCursor };
  });
  const { reload } = uses;
  useEffect(() => {
    if (!session) return;
    reload()
      .then(() => setLoaded(true))
      .catch((e) => setError(merchantErrorText(e)));
  }, [session, reload]);
  return (
    <MemberPage className="card-page">
      <ErrorBanner message={error} />
      <View className="card">
        <Text className="cp-title">我的商惠</Text>
        <Text className="cp-small">在工会合作商户凭会员卡享受优惠的记录。</Text>
        {loaded ? (
          <View data-testid="my-uses-loaded">
            {uses.items.length === 0 ? <Text className="cp-text">还没有使用记录。</Text> : null}
            {uses.items.map((u) => (
              <View key={u.useId} className="benefit" data-testid={`my-use-${u.useId}`}>
                <Text className="cp-h2">{u.merchantName}</Text>
                <Text className="cp-text">
                  {u.benefitName}：{u.discount}
                </Text>
                <Text className="cp-small">使用时间：{formatDateTime(u.usedAt)}</Text>
              </View>
            ))}
          </View>
        ) : null}
        <LoadMore
          hasMore={uses.hasMore}
          loading={uses.loading}
          onLoad={() => uses.loadMore().catch((e) => setError(merchantErrorText(e)))}
          testId="my-uses-more"
        />
      </View>
    </MemberPage>
  );
}
