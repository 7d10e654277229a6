import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { EffectiveCatalogsResponse } from '@union/shared/contracts/catalog-publish.contract';
import { useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner';
import { MemberPage } from '../../../components/member-page';
import { useSignedIn } from '../../../components/use-signed-in';
import { catalogApi, catalogErrorText } from '../../../features/catalog/catalog-api';
import { CatalogView } from '../../../features/catalog/catalog-view';
import '../../../features/catalog/catalog.scss';

type Catalogs = EffectiveCatalogsResponse['catalogs'];

/** This year in China (plans are by calendar year). */
const chinaYear = (): number => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

/** The catalogs by their plan's year, this year first, then the others newest first (a plan without a year counts as this year's). */
const byYear = (catalogs: Catalogs, current: number): Array<{ year: number; catalogs: Catalogs }> => {
  const years = [...new Set(catalogs.map((c) => c.document.year ?? current))].sort((a, b) =>
    a === current ? -1 : b === current ? 1 : b - a,
  );
  return years.map((year) => ({ year, catalogs: catalogs.filter((c) => (c.document.year ?? current) === year) }));
};

/**
 * 本会服务目录: the latest catalog of the member's union and of every union above it, each entry with its
 * source sentence, grouped by the plan's year (this year first; a past year's plan is marked 已结束).
 */
export default function MemberCatalogPage() {
  const session = useSignedIn();
  const [data, setData] = useState<EffectiveCatalogsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  useDidShow(() => {
    if (!session) return;
    catalogApi
      .mine()
      .then(setData)
      .catch((e) => setError(catalogErrorText(e)));
  });
  return (
    <MemberPage className="page-wide">
      <View className="card">
        <Text className="title">本会服务目录</Text>
        <Text className="muted">
          {data ? `${data.lineage.map((o) => o.name).join(' › ')}：` : ''}以下服务均来自各级工会公开发布的年度计划，每项都附有原文出处。
        </Text>
      </View>
      <ErrorBanner message={error} />
      {data && data.catalogs.length === 0 ? (
        <View className="card">
          <Text className="muted">所在工会及上级工会尚未发布服务目录。</Text>
        </View>
      ) : null}
      {data
        ? byYear(data.catalogs, chinaYear()).map(({ year, catalogs }) => (
            <View key={year} data-testid={`catalog-year-${year}`}>
              <View className="card">
                <Text className="subtitle">
                  {year} 年度{year < chinaYear() ? '（已结束）' : year > chinaYear() ? '（未开始）' : ''}
                </Text>
              </View>
              {catalogs.map((c) => (
                <CatalogView key={`${c.orgId}-${c.version}`} catalog={c} heading={c.orgName} />
              ))}
            </View>
          ))
        : null}
    </MemberPage>
  );
}
