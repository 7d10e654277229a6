import { Button, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import type { CatalogVersion, CatalogVersionSummary } from '@union/shared/contracts/catalog-responses.contract';
import { useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner';
import { useSignedIn } from '../../../components/use-signed-in';
import { catalogApi, catalogErrorText } from '../../../features/catalog/catalog-api';
import { CatalogView } from '../../../features/catalog/catalog-view';
import { allPages } from '../../../lib/api';
import '../../../features/catalog/catalog.scss';

/** One published version (earlier ones stay readable), with links to the org's other versions. */
export default function CatalogVersionPage() {
  useSignedIn();
  const [catalog, setCatalog] = useState<CatalogVersion | null>(null);
  const [others, setOthers] = useState<CatalogVersionSummary[]>([]);
  const [published, setPublished] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useLoad(async (params: Record<string, string | undefined>) => {
    setPublished(params.published === '1');
    try {
      const orgId = params.orgId ?? '';
      // Every version, for the picker below (all pages).
      const [{ catalog: c }, versions] = await Promise.all([
        catalogApi.version(orgId, Number(params.version)),
        allPages((cursor) => catalogApi.versions(orgId, cursor).then((page) => ({ items: page.versions, nextCursor: page.nextCursor }))),
      ]);
      setCatalog(c);
      setOthers(versions);
    } catch (e) {
      setError(catalogErrorText(e));
    }
  });
  const latest = others[0]?.version;
  return (
    <View className="page page-wide">
      <ErrorBanner message={error} />
      {published && catalog ? (
        <View className="ok-banner" data-testid="published-banner">
          <Text>
            已发布第 {catalog.version} 版服务目录，共 {catalog.entryCount} 项。
          </Text>
        </View>
      ) : null}
      {catalog && latest !== undefined && catalog.version < latest ? (
        <View className="error-banner">
          <Text>这是历史版本，会员现在看到的是第 {latest} 版。</Text>
        </View>
      ) : null}
      {catalog ? <CatalogView catalog={catalog} /> : null}
      {others.length > 1 ? (
        <View className="card">
          <Text className="subtitle">全部版本</Text>
          <View className="choice-row">
            {others.map((v) => (
              <Text
                key={v.version}
                className={`choice ${v.version === catalog?.version ? 'choice-on' : ''}`}
                onClick={() => Taro.redirectTo({ url: `/officer/pages/catalog/version?orgId=${v.orgId}&version=${v.version}` })}
              >
                第 {v.version} 版
              </Text>
            ))}
          </View>
          <Button
            className="btn-plain"
            data-testid="compare-link"
            onClick={() => {
              const earlier = others.find((v) => catalog && v.version < catalog.version);
              const pair = earlier && catalog ? `&from=${earlier.version}&to=${catalog.version}` : '';
              Taro.navigateTo({ url: `/officer/pages/catalog/compare?orgId=${catalog?.orgId ?? ''}${pair}` });
            }}
          >
            与其他版本对比
          </Button>
        </View>
      ) : null}
    </View>
  );
}
