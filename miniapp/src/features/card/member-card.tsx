import { Image, Text, View } from '@tarojs/components';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { CARD_REFRESH_SECONDS, type CardResponse } from '@union/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { platform } from '../../lib/platform';
import { cardApi, cardErrorText, formatDateTime, isOffline } from './card-api';
import { preloadQr, qrImageSource } from './qr';

const LAST_CARD_KEY = 'union.card.last';

/**
 * The card with its dynamic QR: fetched on show and every ~50 s while the page is open; the last
 * card is kept on the device and shown offline, stamped with when it was fetched.
 */
export function MemberCard() {
  const [card, setCard] = useState<CardResponse | null>(() => platform.getItem<CardResponse>(LAST_CARD_KEY));
  const [qr, setQr] = useState<string | null>(null);
  const [offline, setOffline] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const ticker = useRef<ReturnType<typeof setInterval> | null>(null);

  const refresh = useCallback(async () => {
    preloadQr();
    try {
      const fresh = await cardApi.card();
      platform.setItem(LAST_CARD_KEY, fresh);
      setCard(fresh);
      setOffline(false);
      setError(null);
      setQr(await qrImageSource(fresh.token));
    } catch (e) {
      if (isOffline(e)) setOffline(true);
      else setError(cardErrorText(e));
    }
  }, []);

  const stop = useCallback(() => {
    if (timer.current) clearInterval(timer.current);
    if (ticker.current) clearInterval(ticker.current);
    timer.current = null;
    ticker.current = null;
  }, []);

  const start = useCallback(() => {
    stop();
    void refresh();
    timer.current = setInterval(() => void refresh(), CARD_REFRESH_SECONDS * 1000);
    ticker.current = setInterval(() => setNow(Date.now()), 1000);
  }, [refresh, stop]);

  useDidShow(start);
  useDidHide(stop);
  useEffect(() => stop, [stop]);

  if (error && !card) {
    return (
      <View className="card" data-testid="card-error">
        <Text className="cp-text">{error}</Text>
      </View>
    );
  }
  if (!card) return <Text className="cp-text">正在加载会员卡…</Text>;

  const expiresAt = Date.parse(card.tokenExpiresAt);
  const secondsLeft = Math.max(0, Math.round((expiresAt - now) / 1000));
  const stale = secondsLeft === 0;
  return (
    <View data-testid="member-card-block">
      {offline || stale ? (
        <Text className="offline-stamp" data-testid="offline-stamp">
          {offline ? '当前离线，显示的是上次获取的会员卡。' : ''}更新于 {formatDateTime(card.fetchedAt)}
          {stale ? '；二维码已过期，联网后自动刷新' : ''}
        </Text>
      ) : null}
      <View className="member-card" data-testid="member-card">
        <Text className="mc-org" data-testid="card-org">
          {card.card.orgName}
        </Text>
        <Text className="mc-name" data-testid="card-name">
          {card.card.maskedName}
        </Text>
        <View className="mc-row">
          <Text className="mc-label">会员编号</Text>
          <Text className="mc-number" data-testid="card-number">
            {card.card.memberNumber}
          </Text>
        </View>
        <View className="mc-row">
          <Text className="mc-label">入会日期</Text>
          <Text className="mc-value">{card.card.joinedOn}</Text>
        </View>
        <View className="mc-row">
          <Text className="mc-label">会籍状态</Text>
          <Text className="mc-status" data-testid="card-status">
            {card.card.statusText}
          </Text>
        </View>
      </View>
      <View className="qr-box">
        <View className={`qr-frame${stale ? ' qr-stale' : ''}`}>
          {qr && !stale ? (
            <Image src={qr} mode="scaleToFill" style={{ width: '100%', height: '100%', display: 'block' }} data-testid="card-qr" />
          ) : null}
        </View>
        <Text className="cp-small">{stale ? '二维码已过期' : `请出示给核验员扫码 · ${secondsLeft} 秒内有效，自动刷新`}（截图无效）</Text>
        <Text className="cp-small">更新于 {formatDateTime(card.fetchedAt)}</Text>
      </View>
    </View>
  );
}
