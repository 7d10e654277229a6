import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { DomainError, parseClaimFacts } from '@union/shared';
import { useState } from 'react';
import { MemberPage } from '../../components/member-page';
import { useSignedIn } from '../../components/use-signed-in';
import { ApiError } from '../../lib/api';
import { askToSubscribe } from '../../lib/subscribe';
import { cardApi, cardErrorText, type MemberBenefit, type MemberPublicity } from './card-api';
import { PublicityItem, publicityOfBenefit } from './publicity';
import './card.scss';

type Answer = string | boolean | undefined;

/** 申领: asks only for the claim facts the benefit's rule needs, checked by the same shared rules. */
export function ClaimForm() {
  useSignedIn();
  const [benefit, setBenefit] = useState<MemberBenefit | null>(null);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ statusText: string; reviewReason: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [publicity, setPublicity] = useState<MemberPublicity[]>([]);

  useLoad(async (params: Record<string, string | undefined>) => {
    const id = params.benefitId ? decodeURIComponent(params.benefitId) : '';
    try {
      const [all, shown] = await Promise.all([cardApi.benefits(), cardApi.publicity(null, 100).catch(() => null)]);
      const found = all.tiers.flatMap((t) => t.benefits).find((b) => b.benefitId === id) ?? null;
      if (!found) setError('福利项目不存在或已更新，请返回会员卡页面刷新');
      setBenefit(found);
      if (found && shown) setPublicity(publicityOfBenefit(shown.publicity, found));
    } catch (e) {
      setError(cardErrorText(e));
    }
  });

  const submit = async () => {
    if (!benefit) return;
    setFieldError(null);
    setError(null);
    const raw: Record<string, unknown> = {};
    for (const f of benefit.claimFacts) {
      const v = answers[f.key];
      raw[f.key] = f.type === 'number' && typeof v === 'string' ? (v.trim() === '' ? '' : Number(v)) : v;
    }
    let facts: Record<string, number | boolean | string>;
    try {
      facts = parseClaimFacts(benefit.eligibility, raw) as Record<string, number | boolean | string>;
    } catch (e) {
      if (e instanceof DomainError) return setFieldError({ field: e.field ?? '', message: e.message });
      throw e;
    }
    setBusy(true);
    // In the tap, before anything is awaited (WeChat's rule): to be told the review's result. A 免申即享 claim
    // that declares nothing is decided at once, on this page.
    if (benefit.claimMode !== 'automatic' || Object.keys(facts).length > 0) void askToSubscribe('claim');
    try {
      const { claim } = await cardApi.claim(benefit.benefitId, facts);
      setDone({ statusText: claim.statusText, reviewReason: claim.reviewReason });
    } catch (e) {
      if (e instanceof ApiError && e.field?.startsWith('facts.')) setFieldError({ field: e.field, message: e.message });
      else setError(cardErrorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <MemberPage className="card-page" testId="claim-page">
      {benefit ? (
        <View className="card">
          <Text className="cp-title">申领：{benefit.name}</Text>
          <Text className="cp-text">可享：{benefit.whatYouGet}</Text>
          <Text className="cp-text">{benefit.whoQualifies}</Text>
          <Text className="source">{benefit.sourceText}</Text>
          {publicity.map((p) => (
            <PublicityItem key={`${p.orgId}-${p.benefitId}`} p={p} compact />
          ))}
        </View>
      ) : null}
      {error ? <Text className="error-banner">{error}</Text> : null}
      {done ? (
        <View className="ok-banner" data-testid="claim-done">
          <Text className="cp-text">申领已提交，当前状态：{done.statusText}</Text>
          {done.reviewReason ? (
            <Text className="cp-small" data-testid="claim-review-reason">
              {done.reviewReason}
            </Text>
          ) : null}
          <Button className="btn-primary cp-btn" onClick={() => Taro.switchTab({ url: '/pages/card/index' })}>
            返回会员卡
          </Button>
        </View>
      ) : benefit && benefit.periodStatus !== 'open' ? (
        <View className="card" data-testid="claim-closed">
          <Text className="cp-text reason-no">
            {benefit.periodStatus === 'ended'
              ? `已结束：该项为 ${benefit.periodText} 的福利，不能再申领。`
              : `未开始：该项为 ${benefit.periodText} 的福利。`}
          </Text>
        </View>
      ) : benefit ? (
        <View className="card">
          {benefit.claimFacts.length === 0 ? <Text className="cp-text">该项福利无需填写材料，确认后提交即可。</Text> : null}
          {benefit.claimFacts.map((f) => {
            const field = `facts.${f.key}`;
            const bad = fieldError?.field === field;
            return (
              <View key={f.key} className="field">
                <Text className="field-label cp-text">
                  {f.label}
                  {f.unit ? `（${f.unit}）` : ''}
                </Text>
                <Text className="cp-small">要求：{f.requirement}</Text>
                {f.type === 'boolean' ? (
                  <View className="row">
                    {[true, false].map((v) => (
                      <Button
                        key={String(v)}
                        className={answers[f.key] === v ? 'btn-primary' : 'btn-plain'}
                        onClick={() => setAnswers({ ...answers, [f.key]: v })}
                      >
                        {v ? '是' : '否'}
                      </Button>
                    ))}
                  </View>
                ) : (
                  <Input
                    className={`input${bad ? ' input-error' : ''}`}
                    type={f.type === 'number' ? 'digit' : 'text'}
                    placeholder={f.type === 'number' ? `请输入${f.label}` : '请填写'}
                    value={typeof answers[f.key] === 'string' ? (answers[f.key] as string) : ''}
                    onInput={(e) => setAnswers({ ...answers, [f.key]: e.detail.value })}
                    data-testid={`fact-${f.key}`}
                  />
                )}
                {bad ? <Text className="field-error">{fieldError?.message}</Text> : null}
              </View>
            );
          })}
          {fieldError && !fieldError.field.startsWith('facts.') ? <Text className="field-error">{fieldError.message}</Text> : null}
          <Button className="btn-primary cp-btn" loading={busy} disabled={busy} onClick={submit} data-testid="submit-claim">
            提交申领
          </Button>
        </View>
      ) : null}
    </MemberPage>
  );
}
