import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { ErrorBanner, NoticeBanner } from '../../../components/error-banner';
import { useSignedIn } from '../../../components/use-signed-in';
import { congressApi } from '../../../features/congress/congress-api';
import { CandidateText, VoteResults } from '../../../features/projects/candidate';
import {
  beijingTime,
  type ProjectVoteView,
  projectsApi,
  projectsErrorText,
  VOTE_PHASE_LABELS,
} from '../../../features/projects/projects-api';
import '../../../features/projects/projects.scss';

type Results = Awaited<ReturnType<typeof projectsApi.results>>;

/** A member vote for officers: close it, see the ranking, adopt the top and turn it into next year's plan text. */
export default function OfficerProjectVotePage() {
  useSignedIn();
  const voteId = useRouter().params.voteId ?? '';
  const [vote, setVote] = useState<ProjectVoteView | null>(null);
  const [results, setResults] = useState<Results | null>(null);
  const [adopt, setAdopt] = useState<string[]>([]);
  const [plan, setPlan] = useState<{ orgId: string; documentId: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [sessions, setSessions] = useState<Array<{ sessionId: string; sessionName: string }>>([]);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const load = useCallback(async () => {
    const read = await projectsApi.vote(voteId);
    setVote(read.vote);
    if (read.vote.phase === 'closed') {
      const r = await projectsApi.results(voteId);
      setResults(r);
      setAdopt(
        r.results
          .filter((x) => x.votes > 0)
          .slice(0, Math.max(1, read.vote.maxPicks))
          .map((x) => x.candidateId),
      );
      setSessions((await congressApi.orgSessions(read.vote.orgId)).sessions);
    }
    if (read.vote.planDocumentId) {
      const { planDocument } = await projectsApi.planDocument(read.vote.orgId, read.vote.planDocumentId);
      setPlan(planDocument);
    }
  }, [voteId]);
  useEffect(() => {
    if (voteId) load().catch((e) => setError(projectsErrorText(e)));
  }, [voteId, load]);
  const act = (fn: () => Promise<unknown>) => async () => {
    setError(null);
    try {
      await fn();
      await load();
    } catch (e) {
      setError(projectsErrorText(e));
    }
  };
  const toggle = (id: string) => setAdopt(adopt.includes(id) ? adopt.filter((a) => a !== id) : [...adopt, id]);
  return (
    <View className="page page-wide">
      <ErrorBanner message={error} testId="project-error" />
      <NoticeBanner message={notice} testId="project-notice" />
      {vote ? (
        <View className="card">
          <Text className="title">{vote.title}</Text>
          <Text className="pj-meta" data-testid="vote-phase">
            {VOTE_PHASE_LABELS[vote.phase]} · {beijingTime(vote.opensAt)} 至 {beijingTime(vote.closesAt)} · 每人最多选 {vote.maxPicks} 项
          </Text>
          {vote.phase !== 'closed' ? (
            <Button className="btn-primary" onClick={act(() => projectsApi.close(voteId))} data-testid="vote-close">
              结束投票并计票
            </Button>
          ) : null}
        </View>
      ) : null}
      {results && vote ? (
        <View className="card">
          <Text className="subtitle">投票结果</Text>
          <VoteResults ballots={results.ballots} eligible={results.eligible} results={results.results} />
          {plan === null ? (
            <View data-testid="adopt-form">
              <Text className="field-label">采纳的项目（按计划顺序，默认得票最多的前 {vote.maxPicks} 项）</Text>
              {results.results.map((r) => (
                <View
                  key={r.candidateId}
                  className={`pj-option ${adopt.includes(r.candidateId) ? 'selected' : ''}`}
                  onClick={() => toggle(r.candidateId)}
                  data-testid="adopt-option"
                >
                  <Text>
                    {adopt.includes(r.candidateId) ? `${adopt.indexOf(r.candidateId) + 1}. ` : ''}
                    {r.projectName}（{r.votes} 票）
                  </Text>
                </View>
              ))}
              <Button
                className="btn-primary"
                disabled={adopt.length === 0}
                onClick={act(() => projectsApi.adopt(voteId, adopt))}
                data-testid="adopt"
              >
                采纳并生成实事计划文本
              </Button>
              <Text className="field-label">或：将所选项目按顺序提交本工会职代会分项表决（至少两项）</Text>
              <View>
                {sessions.map((s) => (
                  <Text
                    key={s.sessionId}
                    className={`pj-chip ${sessionId === s.sessionId ? 'selected' : ''}`}
                    onClick={() => setSessionId(s.sessionId)}
                    data-testid="congress-session"
                  >
                    {s.sessionName}
                  </Text>
                ))}
                {sessions.length === 0 ? <Text className="muted">本工会暂无职代会会议</Text> : null}
              </View>
              <Button
                className="btn-plain"
                disabled={!sessionId || adopt.length < 2}
                onClick={act(async () => {
                  await projectsApi.toCongress(voteId, sessionId as string, adopt);
                  setNotice('已提交职代会分项表决，请在“职代会”中开启表决');
                })}
                data-testid="to-congress"
              >
                提交职代会分项表决
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}
      {plan ? (
        <View className="card" data-testid="plan-document">
          <Text className="subtitle">实事计划文本</Text>
          <Text className="pj-plan">{plan.text}</Text>
          <Button
            className="btn-primary"
            onClick={() => Taro.navigateTo({ url: `/officer/pages/catalog/import?orgId=${plan.orgId}&documentId=${plan.documentId}` })}
            data-testid="plan-import"
          >
            导入为服务目录草稿
          </Button>
        </View>
      ) : null}
      {vote && !results ? (
        <View className="card">
          {vote.projects.map((p) => (
            <View key={p.projectId} className="pj-item">
              <CandidateText p={p} />
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
