import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner';
import { MemberPage } from '../../../components/member-page';
import { LoadMore, usePagedList } from '../../../components/paged-list';
import { useSignedIn } from '../../../components/use-signed-in';
import { cardApi, cardErrorText, type MemberPublicity } from '../../../features/card/card-api';
import { PublicityItem } from '../../../features/card/publicity';
import '../../../features/card/card.scss';

/** 公示 (from 首页): the 公示 on show that the member's union and the unions above it published; paged (GET /me/publicity). */
export default function PublicityPage() {
  const session = useSignedIn();
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const list = usePagedList<MemberPublicity>(async (cursor) => {
    const page = await cardApi.publicity(cursor);
    return { items: page.publicity, nextCursor: page.nextCursor };
  });
  const { reload } = list;
  useEffect(() => {
    if (!session) return;
    reload()
      .then(() => setLoaded(true))
      .catch((e) => setError(cardErrorText(e)));
  }, [session, reload]);
  return (
    <MemberPage className="card-page" testId="publicity-page">
      <ErrorBanner message={error} />
      <View className="card">
        <Text className="cp-title">公示</Text>
        <Text className="cp-small">
          本会及上级工会公示的获批名单（姓名已隐去部分），仅在公示期内展示；如有异议，请在公示期内向发布公示的工会反映。
        </Text>
        {loaded ? (
          <View data-testid="publicity-loaded">
            {list.items.length === 0 ? <Text className="cp-small">暂无正在公示的名单。</Text> : null}
            {list.items.map((p) => (
              <PublicityItem key={`${p.orgId}-${p.benefitId}`} p={p} />
            ))}
          </View>
        ) : null}
        <LoadMore
          hasMore={list.hasMore}
          loading={list.loading}
          onLoad={() => list.loadMore().catch((e) => setError(cardErrorText(e)))}
          testId="publicity-more"
        />
      </View>
    </MemberPage>
  );
}
