import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { CatalogVersionSummary } from '@union/shared/contracts/catalog-responses.contract';
import { useRef, useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner';
import { LoadMore, usePagedList } from '../../../components/paged-list';
import { useSignedIn } from '../../../components/use-signed-in';
import { catalogApi, catalogErrorText } from '../../../features/catalog/catalog-api';
import { dateText, documentText } from '../../../features/catalog/format';
import { manageableOrgs, type OrgChoice } from '../../../features/catalog/manageable-orgs';
import '../../../features/catalog/catalog.scss';

/** 服务目录管理: pick an org, see its published versions, import a new plan. */
export default function CatalogHomePage() {
  const session = useSignedIn();
  const [orgs, setOrgs] = useState<OrgChoice[]>([]);
  const [orgId, setOrgId] = useState<string | null>(null);
  // The versions of the chosen org, newest first, a page at a time (加载更多).
  const chosen = useRef<string | null>(null);
  const list = usePagedList<CatalogVersionSummary>(async (cursor) => {
    const id = chosen.current;
    if (!id) return { items: [], nextCursor: null };
    const page = await catalogApi.versions(id, cursor);
    return { items: page.versions, nextCursor: page.nextCursor };
  });
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const versions = orgId !== null && loadedFor === orgId ? list.items : null;
  const [error, setError] = useState<string | null>(null);

  const loadVersions = async (id: string) => {
    chosen.current = id;
    setOrgId(id);
    setLoadedFor(null);
    try {
      await list.reload();
      setLoadedFor(id);
    } catch (e) {
      setError(catalogErrorText(e));
    }
  };

  useDidShow(() => {
    const officerOf = session?.user.roles.filter((r) => r.role === 'officer').map((r) => r.orgId) ?? [];
    if (officerOf.length === 0) return;
    manageableOrgs(officerOf)
      .then((list) => {
        setOrgs(list);
        const first = orgId ?? list[0]?.orgId;
        if (first) return loadVersions(first);
      })
      .catch((e) => setError(catalogErrorText(e)));
  });

  if (session && !session.user.roles.some((r) => r.role === 'officer')) {
    return (
      <View className="page page-wide">
        <View className="card">
          <Text className="muted">只有工会干部可以管理服务目录。</Text>
        </View>
      </View>
    );
  }
  const org = orgs.find((o) => o.orgId === orgId);
  return (
    <View className="page page-wide">
      <View className="card">
        <Text className="title">服务目录</Text>
        <Text className="muted">从本级工会的年度计划导入服务目录。每次发布生成一个新版本，会员看到本会及各上级工会的最新版本。</Text>
        <View className="choice-row org-choice">
          {orgs.map((o) => (
            <Text
              key={o.orgId}
              className={`choice ${o.orgId === orgId ? 'choice-on' : ''}`}
              data-testid={`org-${o.orgId}`}
              onClick={() => loadVersions(o.orgId)}
            >
              {o.name}
            </Text>
          ))}
        </View>
      </View>
      <ErrorBanner message={error} />
      {org ? (
        <View className="card">
          <View className="row">
            <Text className="subtitle">{org.name}的目录版本</Text>
            <Button
              className="btn-primary"
              size="mini"
              data-testid="new-import"
              onClick={() => Taro.navigateTo({ url: `/officer/pages/catalog/import?orgId=${org.orgId}` })}
            >
              导入计划，发布新版本
            </Button>
          </View>
          {versions === null ? <Text className="muted">加载中…</Text> : null}
          {versions?.length === 0 ? <Text className="muted">尚未发布服务目录。</Text> : null}
          {versions?.map((v) => (
            <View
              key={v.version}
              className="list-item version-item"
              data-testid={`version-${v.version}`}
              onClick={() => Taro.navigateTo({ url: `/officer/pages/catalog/version?orgId=${v.orgId}&version=${v.version}` })}
            >
              <View className="row">
                <Text className="subtitle">
                  第 {v.version} 版{v === versions[0] ? '（当前）' : ''}
                </Text>
                <Text className="muted">{v.entryCount} 项</Text>
              </View>
              <Text className="muted">
                {documentText(v.document)} · {dateText(v.publishedAt)} · {v.publishedBy.displayName}发布
              </Text>
            </View>
          ))}
          {versions ? (
            <LoadMore
              hasMore={list.hasMore}
              loading={list.loading}
              testId="more-versions"
              onLoad={() => list.loadMore().catch((e) => setError(catalogErrorText(e)))}
            />
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
