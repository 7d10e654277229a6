import { Button, Text, Textarea, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner';
import { MemberPage } from '../../../components/member-page';
import { useSignedIn } from '../../../components/use-signed-in';
import {
  type EntryProgressView,
  projectsApi,
  projectsErrorText,
  RATING_OPTIONS,
  type RateableView,
  type SurveyView,
} from '../../../features/projects/projects-api';
import '../../../features/projects/projects.scss';
import { chinaYear, YearSwitch } from '../../../features/projects/year-switch';

type Choice = (typeof RATING_OPTIONS)[number]['value'];

/** One service the member received: rate it 满意 / 基本满意 / 不满意 with an optional comment, once. */
function RateItem({ item, open, onRated }: { item: RateableView; open: boolean; onRated: () => void }) {
  const [choice, setChoice] = useState<Choice | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!choice) return;
    setBusy(true);
    setError(null);
    try {
      await projectsApi.rate(item.orgId, item.year, { benefitId: item.benefitId, rating: choice, comment });
      onRated();
    } catch (e) {
      setError(projectsErrorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="pj-item" data-testid="rateable">
      <Text className="subtitle">{item.name}</Text>
      <Text className="pj-meta">
        {item.orgName} · {item.servedBy === 'claim' ? '您的申领已通过' : '工会已登记您获得此项服务'}
      </Text>
      {item.rated ? (
        <Text className="pj-meta" data-testid="my-rating">
          您已评价（每项只能评价一次；评价不记名）
        </Text>
      ) : open ? (
        <View>
          <ErrorBanner message={error} testId="rate-error" />
          <View>
            {RATING_OPTIONS.map((o) => (
              <Text
                key={o.value}
                className={`pj-chip ${choice === o.value ? 'selected' : ''}`}
                data-testid={`rate-${o.value}`}
                onClick={() => setChoice(o.value)}
              >
                {o.label}
              </Text>
            ))}
          </View>
          <Textarea
            className="pj-textarea"
            data-testid="rate-comment"
            placeholder="意见建议（选填，200 字以内）"
            maxlength={200}
            value={comment}
            onInput={(e) => setComment(e.detail.value)}
          />
          <Button className="btn-primary" data-testid="rate-submit" disabled={!choice || busy} onClick={send}>
            提交评价
          </Button>
        </View>
      ) : (
        <Text className="pj-meta">测评未在进行中</Text>
      )}
    </View>
  );
}

/** 实事进度: how far each 实事 of the member's unions is this year, and the services they may rate in a 满意度测评. */
export default function ProjectProgressPage() {
  const session = useSignedIn();
  const [entries, setEntries] = useState<EntryProgressView[] | null>(null);
  const [year, setYear] = useState<number>(chinaYear());
  const [surveys, setSurveys] = useState<SurveyView[]>([]);
  const [services, setServices] = useState<RateableView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async (y: number) => {
    const [p, r] = await Promise.all([projectsApi.myProgress(y), projectsApi.myRatings(y)]);
    setEntries(p.entries);
    setSurveys(r.surveys);
    setServices(r.services);
  }, []);
  useEffect(() => {
    if (session) {
      setError(null);
      load(year).catch((e) => setError(projectsErrorText(e)));
    }
  }, [session, load, year]);
  const openOf = (orgId: string) => surveys.find((s) => s.orgId === orgId)?.phase === 'open';
  return (
    <MemberPage testId="project-progress-page">
      <ErrorBanner message={error} />
      <View className="card">
        <Text className="title">{year}年实事进度</Text>
        <YearSwitch years={[chinaYear() - 1, chinaYear()]} value={year} onChange={setYear} />
        <Text className="muted">工会为职工办的实事完成了多少：工会登记的进度与已通过的申领，取其大者。</Text>
        {entries?.length === 0 ? <Text className="muted">暂无实事项目</Text> : null}
        {entries?.map((e) => (
          <View key={e.benefitId} className="pj-item" data-testid="progress-entry">
            <Text className="subtitle">{e.name}</Text>
            <Text className="pj-progress-text" data-testid="progress-text">
              {e.text}
            </Text>
            <View className="pj-track">
              <View className="pj-fill" style={{ width: `${e.percent}%` }} />
            </View>
            <Text className="pj-meta">
              {e.orgName}
              {e.department ? ` · ${e.department}` : ''}
              {e.lastOn ? ` · 更新于 ${e.lastOn}` : ''}
            </Text>
          </View>
        ))}
      </View>
      <View className="card" data-testid="my-services">
        <Text className="title">满意度测评</Text>
        {surveys.map((s) => (
          <Text key={s.orgId} className="pj-meta">
            {s.orgName} {s.year} 年度实事满意度测评：{s.opensOn} 至 {s.closesOn}
          </Text>
        ))}
        {services.length === 0 ? <Text className="muted">您获得的实事服务会在测评期间列在这里，供您评价。</Text> : null}
        {services.map((s) => (
          <RateItem key={`${s.orgId}-${s.benefitId}`} item={s} open={openOf(s.orgId)} onRated={() => load(year).catch(() => undefined)} />
        ))}
      </View>
    </MemberPage>
  );
}
