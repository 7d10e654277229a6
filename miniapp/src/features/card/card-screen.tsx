import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { ClaimView } from '@union/shared';
import { useState } from 'react';
import { LargeTextSwitch, MemberPage } from '../../components/member-page';
import { LoadMore, usePagedList } from '../../components/paged-list';
import { useSignedIn } from '../../components/use-signed-in';
import { BenefitList } from './benefit-list';
import { type BenefitsResponse, cardApi, cardErrorText, type MemberPublicity } from './card-api';
import { MemberCard } from './member-card';
import { MyClaims } from './my-claims';
import { NearbyPlaces } from './nearby-places';
import './card.scss';

/** 会员卡 tab: the card, 适老化 toggle, benefits with reasons, my claims, nearby places. */
export function CardScreen() {
  const session = useSignedIn();
  const [benefits, setBenefits] = useState<BenefitsResponse | null>(null);
  const [publicity, setPublicity] = useState<MemberPublicity[]>([]);
  const claims = usePagedList<ClaimView>(async (cursor) => {
    const page = await cardApi.myClaims(cursor);
    return { items: page.claims, nextCursor: page.nextCursor };
  });
  const [error, setError] = useState<string | null>(null);
  const isMember = session?.user.roles.some((r) => r.role === 'member') ?? false;
  const isVerifier = session?.user.roles.some((r) => r.role === 'verifier') ?? false;

  useDidShow(() => {
    if (!isMember) return;
    Promise.all([cardApi.benefits(), claims.reload()])
      .then(([b]) => {
        setBenefits(b);
        setError(null);
      })
      .catch((e) => setError(cardErrorText(e)));
    // The 公示 on show, beside the benefits they are of (its own route: GET /me/benefits stays one read).
    cardApi
      .publicity(null, 100)
      .then((p) => setPublicity(p.publicity))
      .catch(() => setPublicity([]));
  });

  return (
    <MemberPage className="card-page" testId="card-page">
      <LargeTextSwitch />
      {isVerifier ? (
        <Button className="btn-plain cp-btn" onClick={() => Taro.navigateTo({ url: '/member/pages/verify/index' })}>
          核验会员卡
        </Button>
      ) : null}
      {session && !isMember ? <Text className="cp-text">您还不是会员，入会后即可使用电子会员卡。</Text> : null}
      {isMember && session ? <MemberCard key={session.user.userId} userId={session.user.userId} /> : null}
      {error ? <Text className="cp-text reason-no">{error}</Text> : null}
      {isMember ? (
        <View className="card">
          <Text className="cp-title">我的申领</Text>
          <MyClaims claims={claims.items} />
          <LoadMore
            hasMore={claims.hasMore}
            loading={claims.loading}
            onLoad={() => claims.loadMore().catch((e) => setError(cardErrorText(e)))}
            testId="my-claims-more"
          />
        </View>
      ) : null}
      {isMember ? <Text className="cp-title">会员福利</Text> : null}
      {benefits ? <BenefitList data={benefits} publicity={publicity} /> : null}
      {session ? (
        <View className="card">
          <Text className="cp-title">附近阵地</Text>
          <NearbyPlaces />
        </View>
      ) : null}
    </MemberPage>
  );
}
