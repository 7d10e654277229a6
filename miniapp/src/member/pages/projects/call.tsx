import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PROJECT_CATEGORIES } from '@union/shared/domain/projects/index';
import { useCallback, useEffect, useState } from 'react';
import { ErrorBanner, NoticeBanner } from '../../../components/error-banner';
import { MemberPage } from '../../../components/member-page';
import { LoadMore, usePagedList } from '../../../components/paged-list';
import { useSignedIn } from '../../../components/use-signed-in';
import {
  CALL_PHASE_LABELS,
  type ProjectCallView,
  type ProjectSuggestionView,
  projectsApi,
  projectsErrorText,
} from '../../../features/projects/projects-api';
import '../../../features/projects/projects.scss';

const EMPTY = { title: '', content: '', targetGroup: '', category: '' };

/** 实事征集: the call, its suggestions (support each once), and the member's own suggestion. */
export default function ProjectCallPage() {
  const session = useSignedIn();
  const callId = useRouter().params.callId ?? '';
  const [call, setCall] = useState<ProjectCallView | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = usePagedList<ProjectSuggestionView>(async (cursor) => {
    const page = await projectsApi.suggestions(callId, cursor);
    return { items: page.suggestions, nextCursor: page.nextCursor };
  });
  const { reload } = list;
  const load = useCallback(async () => {
    const [read] = await Promise.all([projectsApi.call(callId), reload()]);
    setCall(read.call);
  }, [callId, reload]);
  useEffect(() => {
    if (session && callId) load().catch((e) => setError(projectsErrorText(e)));
  }, [session, callId, load]);

  const submit = async () => {
    setError(null);
    try {
      await projectsApi.suggest(callId, form);
      setForm(EMPTY);
      await reload();
      setNotice('建议已提交，感谢参与');
    } catch (e) {
      setError(projectsErrorText(e));
    }
  };
  const support = async (s: ProjectSuggestionView) => {
    setError(null);
    try {
      await projectsApi.support(callId, s.suggestionId);
      // The list first, then the notice: what the notice says is already on screen.
      await list.refresh();
      setNotice(`已支持《${s.title}》`);
    } catch (e) {
      setError(projectsErrorText(e));
    }
  };
  const open = call?.phase === 'open';
  return (
    <MemberPage testId="project-call-page">
      <ErrorBanner message={error} testId="project-error" />
      <NoticeBanner message={notice} testId="project-notice" />
      {call ? (
        <View className="card">
          <Text className="title">{call.title}</Text>
          <Text className="pj-meta">
            {call.orgName} · {call.opensOn} 至 {call.closesOn} · {CALL_PHASE_LABELS[call.phase]}
          </Text>
          <Text className="muted">{call.brief}</Text>
        </View>
      ) : null}
      {open ? (
        <View className="card" data-testid="suggest-form">
          <Text className="subtitle">我要提建议</Text>
          <Input
            className="input"
            placeholder="建议标题（4–40 字）"
            value={form.title}
            onInput={(e) => setForm({ ...form, title: e.detail.value })}
            data-testid="suggest-title"
          />
          <Textarea
            className="pj-textarea"
            placeholder="建议内容：办什么、怎么办（10 字以上）"
            value={form.content}
            onInput={(e) => setForm({ ...form, content: e.detail.value })}
            data-testid="suggest-content"
          />
          <Input
            className="input"
            placeholder="服务对象（如：一线职工、女职工）"
            value={form.targetGroup}
            onInput={(e) => setForm({ ...form, targetGroup: e.detail.value })}
            data-testid="suggest-group"
          />
          <Text className="field-label">类别</Text>
          <View className="row" style={{ justifyContent: 'flex-start', gap: '8px' }}>
            {PROJECT_CATEGORIES.map((c) => (
              <Text
                key={c}
                className={`pj-chip ${form.category === c ? 'selected' : ''}`}
                onClick={() => setForm({ ...form, category: c })}
              >
                {c}
              </Text>
            ))}
          </View>
          <Button className="btn-primary" onClick={submit} data-testid="suggest-submit">
            提交建议
          </Button>
        </View>
      ) : null}
      <View className="card" data-testid="suggestions">
        <Text className="subtitle">会员建议</Text>
        {list.items.length === 0 && !list.loading ? <Text className="muted">还没有建议</Text> : null}
        {list.items.map((s) => (
          <View key={s.suggestionId} className="pj-item" data-testid="suggestion">
            <Text>{s.title}</Text>
            <Text className="pj-meta">
              {s.category} · 服务对象：{s.targetGroup} · {s.authorName}
            </Text>
            <Text className="muted">{s.content}</Text>
            {s.mergedIntoTitle ? (
              <Text className="pj-merged">已合并到《{s.mergedIntoTitle}》</Text>
            ) : (
              <View className="row">
                <Text className="pj-meta" data-testid="support-count">
                  {s.supportCount} 人支持
                </Text>
                {open && !s.supportedByMe ? (
                  <Button className="btn-plain" onClick={() => support(s)} data-testid="support">
                    支持
                  </Button>
                ) : (
                  <Text className="pj-meta">{s.supportedByMe ? '已支持' : ''}</Text>
                )}
              </View>
            )}
          </View>
        ))}
        <LoadMore
          hasMore={list.hasMore}
          loading={list.loading}
          onLoad={() => list.loadMore().catch((e) => setError(projectsErrorText(e)))}
          testId="suggestions-more"
        />
      </View>
    </MemberPage>
  );
}
