import { Button, Input, Text, View } from '@tarojs/components';
import { fieldIssues } from '@union/shared';
import { phoneCorrectionRequest } from '@union/shared/contracts/privacy.contract';
import { useEffect, useState } from 'react';
import { ErrorBanner, NoticeBanner } from '../../components/error-banner';
import { ApiError } from '../../lib/api';
import { membershipApi, membershipErrorText } from '../membership/membership-api';
import { PhoneProofButton } from '../membership/phone-proof-button';
import { privacyApi } from './privacy-api';

/**
 * 更正手机号: on weapp the number WeChat verifies (getPhoneNumber); on h5 a typed number, checked for
 * its format. The member's phone is unique: a number another member holds is refused.
 */
export function PhoneCorrection() {
  const [current, setCurrent] = useState<string | null>(null);
  const [phone, setPhone] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    membershipApi
      .myMembership()
      .then((m) => setCurrent(m.membership?.phoneMasked ?? null))
      .catch((e) => setError(membershipErrorText(e)));
  }, []);

  const send = async (body: { phone?: string; phoneCode?: string }) => {
    setError(null);
    setNotice(null);
    setFieldError(null);
    const parsed = phoneCorrectionRequest.safeParse(body);
    if (!parsed.success) {
      setFieldError(fieldIssues(parsed.error)[0]?.message ?? '请检查手机号');
      return;
    }
    setBusy(true);
    try {
      const res = await privacyApi.correctPhone(parsed.data);
      setCurrent(res.membership.phoneMasked);
      setPhone('');
      setNotice(res.verified ? '已更正为微信验证的手机号' : '手机号已更正');
    } catch (e) {
      if (e instanceof ApiError && e.field === 'phone') setFieldError(e.message);
      else setError(membershipErrorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" data-testid="phone-correction">
      <Text className="title">更正手机号</Text>
      <ErrorBanner message={error} />
      <NoticeBanner message={notice} testId="phone-done" />
      <Text className="field-label">当前手机号</Text>
      <Text className="subtitle" data-testid="current-phone">
        {current ?? '—'}
      </Text>
      <PhoneProofButton label="使用微信绑定的手机号" onCode={(phoneCode) => void send({ phoneCode })} />
      <View className="field" data-testid="field-phone">
        <Text className="field-label">新手机号</Text>
        <Input
          className={`input ${fieldError ? 'input-error' : ''}`}
          type="number"
          maxlength={11}
          placeholder="11 位手机号码"
          value={phone}
          onInput={(e) => setPhone(e.detail.value)}
        />
        {fieldError ? (
          <Text className="field-error" data-testid="error-phone">
            {fieldError}
          </Text>
        ) : null}
      </View>
      <Button className="btn-primary" loading={busy} disabled={busy} data-testid="phone-submit" onClick={() => send({ phone })}>
        提交更正
      </Button>
    </View>
  );
}
