import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner';
import { useSignedIn } from '../../../components/use-signed-in';
import { OfficerOrgPicker } from '../../../features/membership/officer-orgs';
import {
  CALL_PHASE_LABELS,
  type ProjectCallView,
  type ProjectVoteView,
  projectsApi,
  projectsErrorText,
  VOTE_PHASE_LABELS,
} from '../../../features/projects/projects-api';
import '../../../features/projects/projects.scss';

const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/** 实事征集与遴选 (officer): open a 征集 for the org's subtree; the org's 征集 and member votes. */
export default function OfficerProjectsPage() {
  useSignedIn();
  const [orgId, setOrgId] = useState<string | null>(null);
  const [calls, setCalls] = useState<ProjectCallView[]>([]);
  const [votes, setVotes] = useState<ProjectVoteView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState({
    title: `${new Date().getFullYear() + 1}年为职工办实事项目征集`,
    brief: '',
    year: String(new Date().getFullYear() + 1),
    opensOn: day(0),
    closesOn: day(30),
  });
  const load = useCallback(async (org: string) => {
    const [c, v] = await Promise.all([projectsApi.orgCalls(org), projectsApi.orgVotes(org)]);
    setCalls(c.calls);
    setVotes(v.votes);
  }, []);
  useEffect(() => {
    if (orgId) load(orgId).catch((e) => setError(projectsErrorText(e)));
  }, [orgId, load]);
  const open = async () => {
    if (!orgId) return;
    setError(null);
    try {
      const { call } = await projectsApi.openCall(orgId, { ...form, year: Number(form.year) });
      Taro.navigateTo({ url: `/officer/pages/projects/call?callId=${call.callId}` });
    } catch (e) {
      setError(projectsErrorText(e));
    }
  };
  return (
    <View className="page page-wide">
      <View className="card">
        <Text className="title">实事征集与遴选</Text>
        <Text className="muted">向本组织及下级工会的会员征集实事建议，整理为候选项目后交会员投票，采纳结果生成下一年度实事计划。</Text>
      </View>
      <View
        className="card pj-item"
        data-testid="progress-link"
        onClick={() => Taro.navigateTo({ url: '/officer/pages/projects/progress' })}
      >
        <Text className="subtitle">实事进度与评价 ›</Text>
        <Text className="muted">登记已发布实事的进度，查看进度滞后项目，开展年度满意度测评。</Text>
      </View>
      <ErrorBanner message={error} testId="project-error" />
      <OfficerOrgPicker value={orgId} onChange={setOrgId} />
      <View className="card" data-testid="open-call">
        <Text className="subtitle">发起征集</Text>
        <Input className="input" value={form.title} onInput={(e) => setForm({ ...form, title: e.detail.value })} data-testid="call-title" />
        <Textarea
          className="pj-textarea"
          placeholder="征集说明（10 字以上）：征集什么、谁可以提"
          value={form.brief}
          onInput={(e) => setForm({ ...form, brief: e.detail.value })}
          data-testid="call-brief"
        />
        <View className="row">
          <Input className="input" value={form.year} onInput={(e) => setForm({ ...form, year: e.detail.value })} data-testid="call-year" />
          <Input
            className="input"
            value={form.opensOn}
            onInput={(e) => setForm({ ...form, opensOn: e.detail.value })}
            data-testid="call-opens"
          />
          <Input
            className="input"
            value={form.closesOn}
            onInput={(e) => setForm({ ...form, closesOn: e.detail.value })}
            data-testid="call-closes"
          />
        </View>
        <Button className="btn-primary" onClick={open} data-testid="call-open">
          发起征集
        </Button>
      </View>
      <View className="card">
        <Text className="subtitle">征集</Text>
        {calls.length === 0 ? <Text className="muted">暂无征集</Text> : null}
        {calls.map((c) => (
          <View
            key={c.callId}
            className="pj-item"
            data-testid="officer-call"
            onClick={() => Taro.navigateTo({ url: `/officer/pages/projects/call?callId=${c.callId}` })}
          >
            <Text>{c.title}</Text>
            <Text className="pj-meta">
              {c.opensOn} 至 {c.closesOn} · {CALL_PHASE_LABELS[c.phase]}
            </Text>
          </View>
        ))}
      </View>
      <View className="card">
        <Text className="subtitle">会员投票</Text>
        {votes.length === 0 ? <Text className="muted">暂无投票</Text> : null}
        {votes.map((v) => (
          <View
            key={v.voteId}
            className="pj-item"
            data-testid="officer-vote"
            onClick={() => Taro.navigateTo({ url: `/officer/pages/projects/vote?voteId=${v.voteId}` })}
          >
            <Text>{v.title}</Text>
            <Text className="pj-meta">{VOTE_PHASE_LABELS[v.phase]}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
