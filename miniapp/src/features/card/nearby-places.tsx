import { Button, Text, View } from '@tarojs/components';
import { formatDistance, type PlaceView } from '@union/shared';
import { useState } from 'react';
import { platform } from '../../lib/platform';
import { cardApi, cardErrorText } from './card-api';
import { locate } from './locate';

/** 附近阵地: the places of the member's unions and area, nearest first when the position is known, each with its hours and 导航. */
export function NearbyPlaces() {
  const [places, setPlaces] = useState<PlaceView[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setBusy(true);
    try {
      const at = await locate();
      setNote(at ? null : '未能获取您的位置，按名称排列');
      setPlaces((await cardApi.places(at)).places);
    } catch (e) {
      setNote(cardErrorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View data-testid="places">
      {places === null ? (
        <View>
          <Text className="cp-small">职工书屋、职工驿站、妈咪小屋</Text>
          <Button className="btn-plain cp-btn" loading={busy} onClick={load} data-testid="find-places">
            查找附近阵地
          </Button>
        </View>
      ) : null}
      {note ? <Text className="cp-small">{note}</Text> : null}
      {places?.length === 0 ? <Text className="cp-small">您所在的工会及区域暂无阵地。</Text> : null}
      {places?.map((p) => (
        <View key={p.placeId} className="list-item" data-testid="place">
          <View className="row place-row">
            <View className="row-main">
              <Text className="cp-text">
                {p.name}
                {p.distanceMeters !== undefined ? ` · ${formatDistance(p.distanceMeters)}` : ''}
              </Text>
              <Text className="cp-small">{p.kind}</Text>
              <Text className="cp-small" data-testid="place-hours">
                开放时间：{p.openingHours}
              </Text>
              <Text className="cp-small">{p.address}</Text>
            </View>
            <Button
              className="btn-primary place-nav"
              size="mini"
              data-testid="navigate"
              onClick={() => platform.openLocation({ latitude: p.lat, longitude: p.lng, name: p.name, address: p.address })}
            >
              导航
            </Button>
          </View>
        </View>
      ))}
    </View>
  );
}
