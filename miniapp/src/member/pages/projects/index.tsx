import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner';
import { MemberPage } from '../../../components/member-page';
import { LoadMore, usePagedList } from '../../../components/paged-list';
import { useSignedIn } from '../../../components/use-signed-in';
import {
  CALL_PHASE_LABELS,
  type ProjectCallView,
  type ProjectSuggestionView,
  type ProjectVoteView,
  projectsApi,
  projectsErrorText,
  VOTE_PHASE_LABELS,
} from '../../../features/projects/projects-api';
import '../../../features/projects/projects.scss';

/** 实事征集与投票: the 征集 and member votes of the member's unions (their org and every one above), and their own suggestions. */
export default function ProjectsPage() {
  const session = useSignedIn();
  const [calls, setCalls] = useState<ProjectCallView[] | null>(null);
  const [votes, setVotes] = useState<ProjectVoteView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mine = usePagedList<ProjectSuggestionView>(async (cursor) => {
    const page = await projectsApi.mySuggestions(cursor);
    return { items: page.suggestions, nextCursor: page.nextCursor };
  });
  const { reload } = mine;
  useEffect(() => {
    if (!session) return;
    Promise.all([projectsApi.myCalls(), projectsApi.myVotes(), reload()])
      .then(([c, v]) => {
        setCalls(c.calls);
        setVotes(v.votes);
      })
      .catch((e) => setError(projectsErrorText(e)));
  }, [session, reload]);
  return (
    <MemberPage testId="projects-page">
      <ErrorBanner message={error} />
      <View
        className="card pj-item"
        data-testid="progress-link"
        onClick={() => Taro.navigateTo({ url: '/member/pages/projects/progress' })}
      >
        <Text className="title">实事进度与评价 ›</Text>
        <Text className="muted">今年的实事完成了多少；获得服务后参加满意度测评。</Text>
      </View>
      <View className="card">
        <Text className="title">实事投票</Text>
        <Text className="muted">工会为职工办的实事，由会员投票遴选。</Text>
        {votes?.length === 0 ? <Text className="muted">暂无投票</Text> : null}
        {votes?.map((v) => (
          <View
            key={v.voteId}
            className="pj-item"
            data-testid="project-vote"
            onClick={() => Taro.navigateTo({ url: `/member/pages/projects/vote?voteId=${v.voteId}` })}
          >
            <Text className="subtitle">{v.title}</Text>
            <Text className="pj-meta">
              {v.orgName} · {VOTE_PHASE_LABELS[v.phase]}
              {v.hasVoted ? ' · 您已投票' : ''}
            </Text>
          </View>
        ))}
      </View>
      <View className="card">
        <Text className="title">实事征集</Text>
        {calls?.length === 0 ? <Text className="muted">暂无征集</Text> : null}
        {calls?.map((c) => (
          <View
            key={c.callId}
            className="pj-item"
            data-testid="project-call"
            onClick={() => Taro.navigateTo({ url: `/member/pages/projects/call?callId=${c.callId}` })}
          >
            <Text className="subtitle">{c.title}</Text>
            <Text className="pj-meta">
              {c.orgName} · {c.opensOn} 至 {c.closesOn} · {CALL_PHASE_LABELS[c.phase]}
            </Text>
          </View>
        ))}
      </View>
      <View className="card" data-testid="my-suggestions">
        <Text className="subtitle">我的建议</Text>
        {mine.items.length === 0 && !mine.loading ? <Text className="muted">您还没有提过建议</Text> : null}
        {mine.items.map((s) => (
          <View key={s.suggestionId} className="pj-item">
            <Text>{s.title}</Text>
            <Text className="pj-meta">{s.supportCount} 人支持</Text>
            {s.mergedIntoTitle ? <Text className="pj-merged">已与同类建议合并到《{s.mergedIntoTitle}》，支持者一并计入</Text> : null}
          </View>
        ))}
        <LoadMore
          hasMore={mine.hasMore}
          loading={mine.loading}
          onLoad={() => mine.loadMore().catch((e) => setError(projectsErrorText(e)))}
          testId="my-suggestions-more"
        />
      </View>
    </MemberPage>
  );
}
