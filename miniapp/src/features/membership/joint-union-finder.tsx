import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ErrorBanner } from '../../components/error-banner';
import { LoadMore, usePagedList } from '../../components/paged-list';
import { ApiError } from '../../lib/api';
import { membershipApi } from './membership-api';

type JointUnion = { orgId: string; name: string; area: string | null; openInviteId: string | null };

/** 单位没有工会？Find a 联合工会 by the start of its area or any part of its name, and join it through its open invite. */
export function JointUnionFinder() {
  const [area, setArea] = useState('');
  const [searched, setSearched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = usePagedList<JointUnion>(async (cursor) => {
    const page = await membershipApi.jointUnions(area.trim(), cursor);
    return { items: page.orgs, nextCursor: page.nextCursor };
  });
  const unions = searched ? list.items : null;
  const failed = (e: unknown) => setError(e instanceof ApiError ? e.message : '查询失败，请稍后再试');

  const search = async () => {
    setError(null);
    try {
      await list.reload();
      setSearched(true);
    } catch (e) {
      failed(e);
    }
  };

  return (
    <View>
      <View className="card">
        <Text className="title">单位没有工会？</Text>
        <Text className="muted">可以就近加入所在区域的联合工会（如快递物流、家政服务行业联合工会），以后单位建会时再办理会籍转移。</Text>
        <View className="field">
          <Text className="field-label">所在区域或工会名称</Text>
          <Input
            className="input"
            data-testid="area"
            placeholder="如：临江、快递、家政"
            maxlength={20}
            value={area}
            onInput={(e) => setArea(e.detail.value)}
            onConfirm={search}
          />
        </View>
        <Button className="btn-primary" data-testid="find-joint" onClick={search}>
          查找联合工会
        </Button>
      </View>
      <ErrorBanner message={error} />
      {unions ? (
        <View className="card" data-testid="joint-results">
          {unions.length === 0 ? <Text className="muted">没有找到“{area.trim()}”的联合工会，可换个字词再试，或联系区总工会。</Text> : null}
          {unions.map((u) => (
            <View key={u.orgId} className="list-item row" data-testid="joint-union">
              <View>
                <Text className="subtitle">{u.name}</Text>
                {u.area ? <Text className="muted">{u.area}</Text> : null}
              </View>
              {u.openInviteId ? (
                <Button
                  className="btn-plain"
                  size="mini"
                  onClick={() => Taro.navigateTo({ url: `/pages/join/index?invite=${u.openInviteId}` })}
                >
                  申请加入
                </Button>
              ) : (
                <Text className="muted">暂未开放线上入会</Text>
              )}
            </View>
          ))}
          <LoadMore hasMore={list.hasMore} loading={list.loading} onLoad={() => list.loadMore().catch(failed)} testId="joint-more" />
        </View>
      ) : null}
    </View>
  );
}
