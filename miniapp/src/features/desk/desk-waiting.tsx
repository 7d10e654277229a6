import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { DeskWaiting } from '@union/shared/contracts/desk.contract';
import { useEffect, useState } from 'react';
import { ErrorBanner } from '../../components/error-banner';
import { deskApi, deskErrorText } from './desk-api';
import { deskTiles } from './desk-view';

/** 待办: each queue's count over the org's subtree, a tile that opens the queue. */
export function DeskWaitingTiles(props: { orgId: string | null }) {
  const [waiting, setWaiting] = useState<DeskWaiting | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { orgId } = props;
  useEffect(() => {
    if (!orgId) return;
    setError(null);
    deskApi
      .waiting(orgId)
      .then(setWaiting)
      .catch((e) => setError(deskErrorText(e)));
  }, [orgId]);
  const now = Date.now();
  return (
    <View className="card" data-testid="desk-waiting">
      <View className="row">
        <Text className="subtitle">待办</Text>
        {waiting ? (
          <Text className="muted">
            {waiting.orgName}
            {waiting.orgCount > 1 ? `及下级 ${waiting.orgCount - 1} 个工会` : ''}
          </Text>
        ) : null}
      </View>
      <ErrorBanner message={error} />
      {waiting ? (
        <View className="desk-tiles">
          {deskTiles(waiting, now).map((t) => (
            <View
              key={t.key}
              className={`desk-tile${t.count > 0 ? ' busy' : ''}`}
              data-testid={`waiting-${t.key}`}
              data-count={t.count}
              onClick={() => Taro.navigateTo({ url: t.url })}
            >
              <Text className="desk-tile-count">{t.count}</Text>
              <Text className="desk-tile-title">{t.title}</Text>
              <Text className="desk-tile-note">{t.note}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
