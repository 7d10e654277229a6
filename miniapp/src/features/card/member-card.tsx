import { Image, Text, View } from '@tarojs/components';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { CARD_REFRESH_SECONDS } from '@union/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api';
import { fetchCard, peekCardAhead, takeCardAhead } from '../../lib/card-fetch';
import { forgetLastCard, type LastCard, lastCardOf, readLastCard } from '../../lib/device-store';
import { platform } from '../../lib/platform';
import { cardErrorText, formatDateTime, isOffline } from './card-api';
import { preloadQr, qrImageSource } from './qr';

/** The QR of a token fetched while the page is open, and when that token expires (epoch ms). */
interface LiveQr {
  image: string;
  expiresAt: number;
}

/**
 * The card with its dynamic QR, fetched on show and every ~50 s while the page is open. Until the
 * fresh card comes, the person's last card (kept on the device, without its token) is shown at once,
 * marked 上次获取, with a placeholder where the QR goes: a QR is only ever drawn from a token fetched
 * while the page is open, and hidden once it expires. The first fetch is usually one the app shell
 * started before this page loaded (lib/card-fetch.ts).
 */
export function MemberCard({ userId }: { userId: string }) {
  const [card, setCard] = useState<LastCard | null>(() => {
    const settled = peekCardAhead(userId)?.settled;
    return settled ? lastCardOf(settled) : readLastCard(platform, userId);
  });
  /** Whether `card` is an answer fetched while the page is open and recent (not the last card kept). */
  const [fresh, setFresh] = useState(() => Boolean(peekCardAhead(userId)?.settled));
  const [qr, setQr] = useState<LiveQr | null>(null);
  const [offline, setOffline] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const ticker = useRef<ReturnType<typeof setInterval> | null>(null);
  const shown = useRef(card);
  shown.current = card;

  const refresh = useCallback(async () => {
    preloadQr();
    try {
      const answer = await (takeCardAhead(userId)?.answer ?? fetchCard(userId));
      setCard(lastCardOf(answer));
      setFresh(true);
      setOffline(false);
      setError(null);
      setQr({ image: await qrImageSource(answer.token), expiresAt: Date.parse(answer.tokenExpiresAt) });
    } catch (e) {
      if (isOffline(e)) {
        setOffline(true);
        return;
      }
      setError(cardErrorText(e));
      if (e instanceof ApiError && e.code === 'MEMBERSHIP_NOT_FOUND') {
        // No card any more: the kept one goes with it.
        forgetLastCard(platform, userId);
        setCard(null);
        setQr(null);
      }
    }
  }, [userId]);

  const stop = useCallback(() => {
    if (timer.current) clearInterval(timer.current);
    if (ticker.current) clearInterval(ticker.current);
    timer.current = null;
    ticker.current = null;
  }, []);

  const start = useCallback(() => {
    stop();
    // Shown again after a while: what is on screen is the last card until the fetch answers.
    const last = shown.current;
    if (last && Date.now() - Date.parse(last.fetchedAt) > CARD_REFRESH_SECONDS * 1000) setFresh(false);
    setNow(Date.now());
    void refresh();
    timer.current = setInterval(() => void refresh(), CARD_REFRESH_SECONDS * 1000);
    ticker.current = setInterval(() => setNow(Date.now()), 1000);
  }, [refresh, stop]);

  useDidShow(start);
  useDidHide(stop);
  useEffect(() => stop, [stop]);

  if (!card) {
    return error ? (
      <View className="card" data-testid="card-error">
        <Text className="cp-text">{error}</Text>
      </View>
    ) : (
      <Text className="cp-text" data-testid="card-loading">
        正在加载会员卡…
      </Text>
    );
  }

  const secondsLeft = qr ? Math.max(0, Math.round((qr.expiresAt - now) / 1000)) : 0;
  const live = qr !== null && secondsLeft > 0;
  const at = formatDateTime(card.fetchedAt);
  const stamp = offline
    ? `当前离线，显示的是上次获取的会员卡（${at}）${live ? '' : '；二维码联网后显示'}`
    : error
      ? `会员卡未能刷新：${error}。显示的是上次获取的会员卡（${at}）`
      : fresh
        ? null
        : `上次获取于 ${at}，正在刷新…`;
  // Offline, an expired QR waits for the network: "正在刷新" would promise what cannot happen yet.
  const qrNote = live
    ? `请出示给核验员扫码 · ${secondsLeft} 秒内有效，自动刷新（截图无效）`
    : offline || error
      ? '联网刷新后显示二维码'
      : qr
        ? '二维码已过期，正在刷新'
        : '正在获取二维码…';
  return (
    <View data-testid="member-card-block" data-card={fresh ? 'fresh' : 'last'}>
      {stamp ? (
        <Text className="offline-stamp" data-testid="card-stamp">
          {stamp}
        </Text>
      ) : null}
      <View className="member-card" data-testid="member-card">
        <Text className="mc-org" data-testid="card-org">
          {card.orgName}
        </Text>
        <Text className="mc-name" data-testid="card-name">
          {card.maskedName}
        </Text>
        <View className="mc-row">
          <Text className="mc-label">会员编号</Text>
          <Text className="mc-number" data-testid="card-number">
            {card.memberNumber}
          </Text>
        </View>
        <View className="mc-row">
          <Text className="mc-label">入会日期</Text>
          <Text className="mc-value">{card.joinedOn}</Text>
        </View>
        <View className="mc-row">
          <Text className="mc-label">会籍状态</Text>
          <Text className="mc-status" data-testid="card-status">
            {card.statusText}
          </Text>
        </View>
      </View>
      <View className="qr-box">
        <View className={`qr-frame${live ? '' : ' qr-waiting'}`}>
          {live && qr ? (
            <Image src={qr.image} mode="scaleToFill" style={{ width: '100%', height: '100%', display: 'block' }} data-testid="card-qr" />
          ) : (
            <Text className="qr-placeholder" data-testid="qr-placeholder">
              二维码
            </Text>
          )}
        </View>
        <Text className="cp-small" data-testid="qr-note">
          {qrNote}
        </Text>
        {/* When the card shown was fetched: the last one kept while offline or refreshing, the fresh one otherwise. */}
        <Text className="cp-small" data-testid="card-updated">
          更新于 {at}
        </Text>
      </View>
    </View>
  );
}
