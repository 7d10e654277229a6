import { Button, Text, Textarea, View } from '@tarojs/components';
import type { VerifyResponse } from '@union/shared';
import { useState } from 'react';
import { MemberPage } from '../../components/member-page';
import { useSignedIn } from '../../components/use-signed-in';
import { platform } from '../../lib/platform';
import { cardApi, cardErrorText, formatDateTime } from './card-api';
import './card.scss';

/** 核验: scan (weapp) or paste (h5) a card QR; the answer carries no personal information. */
export function VerifyScreen() {
  useSignedIn();
  const [token, setToken] = useState('');
  const [result, setResult] = useState<VerifyResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (text: string) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await cardApi.verify(text));
    } catch (e) {
      setResult(null);
      setError(cardErrorText(e));
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
      <View className="card">
        <Text className="cp-title">核验会员卡</Text>
        <Text className="cp-small">请会员打开“会员卡”页面出示动态二维码。二维码约 60 秒有效，截图无效。</Text>
        {platform.kind === 'weapp' ? (
          <Button className="btn-primary cp-btn" onClick={scan}>
            扫码核验
          </Button>
        ) : (
          <View>
            <Textarea
              className="input"
              style={{ width: '100%', minHeight: '160px' }}
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
      {error ? <Text className="error-banner">{error}</Text> : null}
      {result ? (
        <View className={`verify-result verify-${result.result}`} data-testid="verify-result">
          <Text className="verify-word">{result.result}</Text>
          <Text className="cp-text" style={{ color: '#fff' }}>
            {result.reason}
          </Text>
          {result.memberStatusText ? (
            <Text className="cp-text" style={{ color: '#fff' }}>
              会籍状态：{result.memberStatusText}
            </Text>
          ) : null}
          {result.orgName ? (
            <Text className="cp-text" style={{ color: '#fff' }}>
              所在工会：{result.orgName}
            </Text>
          ) : null}
          {result.memberNumberMasked ? (
            <Text className="cp-text" style={{ color: '#fff' }}>
              会员编号：{result.memberNumberMasked}
            </Text>
          ) : null}
          <Text className="cp-small" style={{ color: '#fff' }}>
            核验时间：{formatDateTime(result.checkedAt)}
          </Text>
        </View>
      ) : null}
    </MemberPage>
  );
}
