import { Button, Text, Textarea, View } from '@tarojs/components';
import type { VerifyResponse } from '@union/shared';
import type { MerchantVerifyResponse, MerchantView, RecordUseResponse } from '@union/shared/contracts/merchant-responses.contract';
import { useEffect, useState } from 'react';
import { MemberPage } from '../../components/member-page';
import { useSignedIn } from '../../components/use-signed-in';
import { platform } from '../../lib/platform';
import { merchantApi, merchantErrorText, newUseId } from '../merchant/merchant-api';
import { cardApi, cardErrorText } from './card-api';
import { VerifyVerdict } from './verify-verdict';
import './card.scss';

type Offer = NonNullable<MerchantVerifyResponse['offer']>;

/**
 * 核验: scan (weapp) or paste (h5) a card QR; the answer carries no personal information. A merchant's
 * staff account (商惠) checks at its merchant: 有效 shows the discount there and records the use.
 */
export function VerifyScreen() {
  const session = useSignedIn();
  const isVerifier = session?.user.roles.some((r) => r.role === 'verifier') ?? false;
  const [merchant, setMerchant] = useState<MerchantView | null>(null);
  const [token, setToken] = useState('');
  const [checked, setChecked] = useState('');
  const [result, setResult] = useState<VerifyResponse | null>(null);
  const [offer, setOffer] = useState<Offer | null>(null);
  const [useId, setUseId] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<RecordUseResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!isVerifier) return;
    merchantApi
      .myMerchant()
      .then((r) => setMerchant(r.merchant))
      .catch((e) => setError(merchantErrorText(e)));
  }, [isVerifier]);

  const check = async (text: string) => {
    setBusy(true);
    setError(null);
    setRecorded(null);
    setOffer(null);
    try {
      if (merchant) {
        const answer = await merchantApi.verify(merchant.merchantId, text);
        setResult(answer.verification);
        setOffer(answer.offer);
        // One id per scan: a retry of 记录 sends the same one, so a use is never counted twice.
        setUseId(answer.offer ? await newUseId() : null);
      } else {
        setResult(await cardApi.verify(text));
      }
      setChecked(text);
    } catch (e) {
      setResult(null);
      setError(merchant ? merchantErrorText(e) : cardErrorText(e));
    } finally {
      setBusy(false);
    }
  };

  const record = async () => {
    if (!merchant || !useId) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await merchantApi.recordUse(merchant.merchantId, checked, useId);
      setRecorded(answer);
      setOffer(answer.offer);
    } catch (e) {
      setError(merchantErrorText(e));
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    try {
      const text = await platform.scanCode();
      setToken(text);
      await check(text);
    } catch {
      // Cancelled by the person: nothing to say.
    }
  };

  return (
    <MemberPage className="card-page" testId="verify-page">
      {/* The answer first: on a phone it is what the verifier looks at, above the input for the next scan. */}
      {error ? (
        <Text className="error-banner" data-testid="verify-error">
          {error}
        </Text>
      ) : null}
      {result ? (
        <VerifyVerdict result={result}>
          {offer ? <OfferBlock offer={offer} /> : null}
          {offer && !recorded ? (
            <Button
              className="btn-primary cp-btn"
              loading={busy}
              disabled={offer.remaining === 0}
              onClick={record}
              data-testid="merchant-record"
            >
              {offer.remaining === 0 ? '本年度次数已用完' : '记录本次优惠使用'}
            </Button>
          ) : null}
          {recorded ? (
            <Text className="merchant-recorded" data-testid="merchant-recorded">
              {recorded.replayed ? '此次使用已记录过，未重复计数' : '已记录本次使用'}：{recorded.use.benefitName}（{recorded.use.discount}）
            </Text>
          ) : null}
        </VerifyVerdict>
      ) : null}
      <View className="card">
        <Text className="cp-title">{merchant ? '商户核验会员卡' : '核验会员卡'}</Text>
        {merchant ? (
          <Text className="merchant-banner" data-testid="merchant-banner">
            {merchant.name} · 商惠：{merchant.benefitName}（{merchant.orgName}）
          </Text>
        ) : null}
        <Text className="cp-small">请会员打开“会员卡”页面出示动态二维码。二维码约 60 秒有效，截图无效。</Text>
        {platform.kind === 'weapp' ? (
          <Button className="btn-primary cp-btn" onClick={scan}>
            扫码核验
          </Button>
        ) : (
          <View>
            <Textarea
              className="input"
              style={{ width: '100%', minHeight: '120px', boxSizing: 'border-box' }}
              placeholder="粘贴二维码内容"
              value={token}
              maxlength={2000}
              onInput={(e) => setToken(e.detail.value)}
              data-testid="verify-input"
            />
            <Button className="btn-primary cp-btn" loading={busy} onClick={() => check(token)} data-testid="verify-submit">
              核验
            </Button>
            <Button className="btn-plain cp-btn" onClick={scan}>
              扫码 / 输入
            </Button>
          </View>
        )}
      </View>
    </MemberPage>
  );
}

/** What applies at this merchant: the discount, whose 商惠 it is, and the uses left this year. */
function OfferBlock({ offer }: { offer: Offer }) {
  return (
    <View className="merchant-offer" data-testid="merchant-offer">
      <Text className="merchant-offer-title">本店会员优惠</Text>
      <Text className="merchant-offer-discount">{offer.discount}</Text>
      <Text className="merchant-offer-text">
        {offer.benefitName}（{offer.orgName}）
      </Text>
      <Text className="merchant-offer-text" data-testid="merchant-offer-count">
        {offer.limitPerPeriod === null
          ? `${offer.period} 年已使用 ${offer.usedInPeriod} 次（不限次数）`
          : `${offer.period} 年已使用 ${offer.usedInPeriod} 次，限 ${offer.limitPerPeriod} 次，还可使用 ${offer.remaining} 次`}
      </Text>
    </View>
  );
}
