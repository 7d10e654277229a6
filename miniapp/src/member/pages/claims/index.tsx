import { Text, View } from '@tarojs/components';
import type { ClaimView } from '@union/shared';
import { useEffect, useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner';
import { MemberPage } from '../../../components/member-page';
import { LoadMore, usePagedList } from '../../../components/paged-list';
import { useSignedIn } from '../../../components/use-signed-in';
import { cardApi, cardErrorText } from '../../../features/card/card-api';
import { MyClaims } from '../../../features/card/my-claims';
import '../../../features/card/card.scss';

/** 我的申领 (from 我的): every claim with its status and, when refused, the reason; paged (GET /me/claims). */
export default function MyClaimsPage() {
  const session = useSignedIn();
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const claims = usePagedList<ClaimView>(async (cursor) => {
    const page = await cardApi.myClaims(cursor);
    return { items: page.claims, nextCursor: page.nextCursor };
  });
  const { reload } = claims;
  useEffect(() => {
    if (!session) return;
    reload()
      .then(() => setLoaded(true))
      .catch((e) => setError(cardErrorText(e)));
  }, [session, reload]);
  return (
    <MemberPage>
      <ErrorBanner message={error} />
      <View className="card">
        <Text className="cp-title">我的申领</Text>
        {loaded ? (
          <View data-testid="my-claims-loaded">
            <MyClaims claims={claims.items} />
          </View>
        ) : null}
        <LoadMore
          hasMore={claims.hasMore}
          loading={claims.loading}
          onLoad={() => claims.loadMore().catch((e) => setError(cardErrorText(e)))}
          testId="my-claims-more"
        />
      </View>
    </MemberPage>
  );
}
