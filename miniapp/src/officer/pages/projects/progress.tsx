import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner';
import { useSignedIn } from '../../../components/use-signed-in';
import { OfficerOrgPicker } from '../../../features/membership/officer-orgs';
import { type OfficerEntryProgressView, projectsApi, projectsErrorText } from '../../../features/projects/projects-api';
import '../../../features/projects/projects.scss';
import { chinaYear, YearSwitch } from '../../../features/projects/year-switch';

const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/** One entry: its progress, the half-year flag, its records, and a form to record the count done. */
function EntryProgress({ orgId, entry, onSaved }: { orgId: string; entry: OfficerEntryProgressView; onSaved: () => void }) {
  const [doneCount, setDoneCount] = useState(String(entry.recorded));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [memberNumber, setMemberNumber] = useState('');
  const [servedNotice, setServedNotice] = useState<string | null>(null);
  const markServed = async () => {
    setError(null);
    setServedNotice(null);
    try {
      const { memberName } = await projectsApi.markServed(orgId, { benefitId: entry.benefitId, memberNumber: memberNumber.trim() });
      setServedNotice(`已登记 ${memberName}（${memberNumber.trim().toUpperCase()}）为已服务`);
      setMemberNumber('');
      onSaved();
    } catch (e) {
      setError(projectsErrorText(e));
    }
  };
  const save = async () => {
    setError(null);
    try {
      await projectsApi.recordProgress(orgId, { benefitId: entry.benefitId, doneCount: Number(doneCount), on: day(0), note });
      setNote('');
      onSaved();
    } catch (e) {
      setError(projectsErrorText(e));
    }
  };
  return (
    <View className="pj-item" data-testid="officer-progress-entry">
      <Text className="subtitle">
        {entry.name}
        {entry.behind ? (
          <Text className="pj-behind" data-testid="behind-flag">
            进度滞后
          </Text>
        ) : null}
      </Text>
      <Text className="pj-progress-text">{entry.text}</Text>
      <View className="pj-track">
        <View className="pj-fill" style={{ width: `${entry.percent}%` }} />
      </View>
      <Text className="pj-meta">
        登记 {entry.recorded} · 申领通过 {entry.approved} · 登记已服务 {entry.marked}
        {entry.department ? ` · ${entry.department}` : ''}
      </Text>
      {entry.records.length > 0 ? (
        <View data-testid="progress-records">
          {entry.records.map((r) => (
            <Text key={r.seq} className="pj-meta">
              {r.on} 累计完成 {r.done}（{r.byName}）{r.note ? `：${r.note}` : ''}
            </Text>
          ))}
        </View>
      ) : null}
      <ErrorBanner message={error} testId="progress-error" />
      <View className="form-row">
        <Text className="label">累计完成数量</Text>
        <Input
          className="input"
          type="number"
          data-testid="progress-count"
          value={doneCount}
          onInput={(e) => setDoneCount(e.detail.value)}
        />
      </View>
      <View className="form-row">
        <Text className="label">说明</Text>
        <Input className="input" data-testid="progress-note" value={note} maxlength={200} onInput={(e) => setNote(e.detail.value)} />
      </View>
      <Button className="btn-primary" data-testid="progress-save" onClick={save}>
        登记进度
      </Button>
      <View className="form-row">
        <Text className="label">已服务会员编号</Text>
        <Input
          className="input"
          data-testid="served-number"
          placeholder="会员卡上的会员编号"
          value={memberNumber}
          maxlength={80}
          onInput={(e) => setMemberNumber(e.detail.value)}
        />
      </View>
      {servedNotice ? (
        <Text className="pj-meta" data-testid="served-notice">
          {servedNotice}
        </Text>
      ) : null}
      <Button className="btn-plain" data-testid="served-save" disabled={!memberNumber.trim()} onClick={markServed}>
        登记已服务（可参加满意度评价）
      </Button>
    </View>
  );
}

/** 实事进度与评价 (officer): the progress of the org's published 实事, entries behind schedule flagged; the year's satisfaction survey. */
export default function OfficerProjectProgressPage() {
  useSignedIn();
  const [orgId, setOrgId] = useState<string | null>(null);
  const [data, setData] = useState<{ year: number; today: string; entries: OfficerEntryProgressView[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [survey, setSurvey] = useState({ opensOn: day(0), closesOn: day(14) });
  const [year, setYear] = useState(chinaYear());
  const load = useCallback(async (org: string, y: number) => setData(await projectsApi.orgProgress(org, y)), []);
  useEffect(() => {
    if (orgId) load(orgId, year).catch((e) => setError(projectsErrorText(e)));
  }, [orgId, year, load]);
  const behind = data?.entries.filter((e) => e.behind) ?? [];
  const openSurvey = async () => {
    if (!orgId || !data) return;
    setError(null);
    try {
      await projectsApi.openSurvey(orgId, { year: data.year, ...survey });
      Taro.navigateTo({ url: `/officer/pages/projects/report?orgId=${orgId}&year=${data.year}` });
    } catch (e) {
      setError(projectsErrorText(e));
    }
  };
  return (
    <View className="page page-wide">
      <View className="card">
        <Text className="title">实事进度与评价</Text>
        <Text className="muted">
          登记已发布实事的完成数量；申领通过的名额自动计入（显示登记数与通过数中较大者）。7 月 1
          日起，完成比例低于全年已过比例的项目标为“进度滞后”。
        </Text>
      </View>
      <ErrorBanner message={error} testId="project-error" />
      <OfficerOrgPicker value={orgId} onChange={setOrgId} />
      <View className="card">
        <Text className="field-label">年度</Text>
        <YearSwitch years={[chinaYear() - 1, chinaYear(), chinaYear() + 1]} value={year} onChange={setYear} />
      </View>
      {data ? (
        <View className="card" data-testid="behind-summary">
          <Text className="subtitle">
            {data.year} 年 · 截至 {data.today}
          </Text>
          <Text className={behind.length > 0 ? 'pj-merged' : 'pj-meta'}>
            {behind.length > 0 ? `进度滞后 ${behind.length} 项：${behind.map((e) => e.name).join('、')}` : '暂无进度滞后的项目'}
          </Text>
        </View>
      ) : null}
      <View className="card">
        {data?.entries.length === 0 ? <Text className="muted">本组织已发布的服务目录中没有带名额或设施数量的实事项目</Text> : null}
        {data?.entries.map((e) => (
          <EntryProgress
            key={e.benefitId}
            orgId={orgId ?? ''}
            entry={e}
            onSaved={() => orgId && load(orgId, year).catch((x) => setError(projectsErrorText(x)))}
          />
        ))}
      </View>
      {data ? (
        <View className="card" data-testid="open-survey">
          <Text className="subtitle">{data.year} 年度满意度测评</Text>
          <Text className="muted">对本年度全部实事开展满意度测评：获得服务的会员（申领通过或已登记服务）在测评期间评价一次。</Text>
          <View className="form-row">
            <Text className="label">开始日期</Text>
            <Input
              className="input"
              data-testid="survey-opens"
              value={survey.opensOn}
              onInput={(e) => setSurvey({ ...survey, opensOn: e.detail.value })}
            />
          </View>
          <View className="form-row">
            <Text className="label">截止日期</Text>
            <Input
              className="input"
              data-testid="survey-closes"
              value={survey.closesOn}
              onInput={(e) => setSurvey({ ...survey, closesOn: e.detail.value })}
            />
          </View>
          <Button className="btn-primary" data-testid="survey-open" onClick={openSurvey}>
            开启测评
          </Button>
          <Button
            className="btn-plain"
            data-testid="survey-report"
            onClick={() => Taro.navigateTo({ url: `/officer/pages/projects/report?orgId=${orgId}&year=${data.year}` })}
          >
            查看测评结果
          </Button>
        </View>
      ) : null}
    </View>
  );
}
