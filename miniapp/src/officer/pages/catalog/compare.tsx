import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import type { CatalogCompareResponse, CatalogVersionSummary } from '@union/shared/contracts/catalog-responses.contract';
import { useEffect, useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner';
import { useSignedIn } from '../../../components/use-signed-in';
import { catalogApi, catalogErrorText } from '../../../features/catalog/catalog-api';
import { CompareView } from '../../../features/catalog/compare-view';
import { dateText } from '../../../features/catalog/format';
import { allPages } from '../../../lib/api';
import '../../../features/catalog/catalog.scss';

/**
 * 版本对比 (officers of the org or above it): two version pickers, 旧版本 and 新版本, and what changed
 * between them — by default the latest version against the one before it (or the versions in the link).
 */
export default function CatalogComparePage() {
  useSignedIn();
  const [orgId, setOrgId] = useState('');
  const [versions, setVersions] = useState<CatalogVersionSummary[]>([]);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [diff, setDiff] = useState<CatalogCompareResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  useLoad(async (params: Record<string, string | undefined>) => {
    const org = params.orgId ?? '';
    setOrgId(org);
    try {
      const all = await allPages((cursor) =>
        catalogApi.versions(org, cursor).then((page) => ({ items: page.versions, nextCursor: page.nextCursor })),
      );
      setVersions(all);
      const newest = all[0]?.version ?? null;
      const wantedTo = Number(params.to) || newest;
      setTo(wantedTo);
      setFrom(Number(params.from) || all.find((v) => wantedTo !== null && v.version < wantedTo)?.version || null);
    } catch (e) {
      setError(catalogErrorText(e));
    }
  });
  useEffect(() => {
    if (!orgId || from === null || to === null) return;
    let live = true;
    setDiff(null);
    catalogApi
      .compare(orgId, from, to)
      .then((d) => {
        if (!live) return;
        setDiff(d);
        setError(null);
      })
      .catch((e) => {
        if (live) setError(catalogErrorText(e));
      });
    return () => {
      live = false;
    };
  }, [orgId, from, to]);
  const picker = (label: string, value: number | null, set: (v: number) => void, testId: string) => (
    <View className="field" data-testid={testId}>
      <Text className="field-label">{label}</Text>
      <View className="choice-row">
        {versions.map((v) => (
          <Text key={v.version} className={`choice ${v.version === value ? 'choice-on' : ''}`} onClick={() => set(v.version)}>
            第 {v.version} 版
          </Text>
        ))}
      </View>
    </View>
  );
  const chosen = (n: number | null) => versions.find((v) => v.version === n);
  return (
    <View className="page page-wide">
      <ErrorBanner message={error} />
      <View className="card">
        <Text className="subtitle">选择要对比的两个版本</Text>
        {versions.length < 2 && versions.length > 0 ? <Text className="muted">只有一个已发布版本，发布新版本后可以对比。</Text> : null}
        {picker('旧版本', from, setFrom, 'compare-from')}
        {picker('新版本', to, setTo, 'compare-to')}
        {[chosen(from), chosen(to)].map((v, i) =>
          v ? (
            <Text key={i === 0 ? 'from' : 'to'} className="muted" style={{ display: 'block' }}>
              第 {v.version} 版：{dateText(v.publishedAt)} 由 {v.publishedBy.displayName} 发布，共 {v.entryCount} 项
            </Text>
          ) : null,
        )}
      </View>
      {diff ? <CompareView diff={diff} /> : null}
    </View>
  );
}
