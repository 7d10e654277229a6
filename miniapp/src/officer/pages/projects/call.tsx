import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { ErrorBanner, NoticeBanner } from '../../../components/error-banner';
import { useSignedIn } from '../../../components/use-signed-in';
import {
  CALL_PHASE_LABELS,
  type ProjectCallView,
  type ProjectSuggestionView,
  projectsApi,
  projectsErrorText,
} from '../../../features/projects/projects-api';
import { ShortlistForm } from '../../../features/projects/shortlist-form';
import { allPages } from '../../../lib/api';
import '../../../features/projects/projects.scss';

/**
 * A 征集 for officers: every suggestion (most supported first), merge a duplicate into another (it keeps
 * every supporter), choose suggestions for the shortlist and put it to the members' vote.
 */
export default function OfficerProjectCallPage() {
  useSignedIn();
  const callId = useRouter().params.callId ?? '';
  const [call, setCall] = useState<ProjectCallView | null>(null);
  const [suggestions, setSuggestions] = useState<ProjectSuggestionView[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [shortlisting, setShortlisting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    const [read, all] = await Promise.all([
      projectsApi.call(callId),
      allPages(async (cursor) => {
        const page = await projectsApi.suggestions(callId, cursor);
        return { items: page.suggestions, nextCursor: page.nextCursor };
      }),
    ]);
    setCall(read.call);
    setSuggestions(all.filter((s) => s.mergedInto === null).sort((a, b) => b.supportCount - a.supportCount));
  }, [callId]);
  useEffect(() => {
    if (callId) load().catch((e) => setError(projectsErrorText(e)));
  }, [callId, load]);
  const toggle = (id: string) => setChosen(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  const merge = async () => {
    const [from, into] = chosen;
    if (chosen.length !== 2 || !from || !into) return setError('请先选择两条建议：先选被合并的，再选保留的');
    setError(null);
    try {
      await projectsApi.merge(callId, from, into);
      setChosen([]);
      await load();
      return setNotice('已合并，支持者已计入保留的建议');
    } catch (e) {
      return setError(projectsErrorText(e));
    }
  };
  return (
    <View className="page page-wide">
      <ErrorBanner message={error} testId="project-error" />
      <NoticeBanner message={notice} testId="project-notice" />
      {call ? (
        <View className="card">
          <Text className="title">{call.title}</Text>
          <Text className="pj-meta">
            {call.opensOn} 至 {call.closesOn} · {CALL_PHASE_LABELS[call.phase]} · {suggestions.length} 条建议
          </Text>
        </View>
      ) : null}
      {shortlisting && call ? (
        <ShortlistForm
          chosen={chosen.map((id) => suggestions.find((s) => s.suggestionId === id)).filter((s): s is ProjectSuggestionView => !!s)}
          year={call.year}
          onSubmit={async (body) => {
            setError(null);
            try {
              const { vote } = await projectsApi.openVote(call.orgId, { ...body, callId: call.callId });
              Taro.redirectTo({ url: `/officer/pages/projects/vote?voteId=${vote.voteId}` });
            } catch (e) {
              setError(projectsErrorText(e));
            }
          }}
        />
      ) : (
        <View className="card">
          <Text className="muted">选择建议后可合并重复建议（先选被合并的，再选保留的），或将选中的建议整理为候选项目。</Text>
          {suggestions.map((s) => (
            <View
              key={s.suggestionId}
              className={`pj-option ${chosen.includes(s.suggestionId) ? 'selected' : ''}`}
              data-testid="officer-suggestion"
              onClick={() => toggle(s.suggestionId)}
            >
              <Text>
                {chosen.includes(s.suggestionId) ? `${chosen.indexOf(s.suggestionId) + 1}. ` : ''}
                {s.title}
              </Text>
              <Text className="pj-meta">
                {s.supportCount} 人支持 · {s.category} · {s.targetGroup}
                {s.mergedFrom.length ? ` · 已合并 ${s.mergedFrom.length} 条` : ''}
              </Text>
            </View>
          ))}
          <View className="row">
            <Button className="btn-plain" onClick={merge} data-testid="merge">
              合并所选的两条
            </Button>
            <Button className="btn-primary" disabled={chosen.length < 2} onClick={() => setShortlisting(true)} data-testid="shortlist">
              整理为候选项目（{chosen.length}）
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
