import { Button, Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner';
import { MemberPage } from '../../../components/member-page';
import { useSignedIn } from '../../../components/use-signed-in';
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

/** 实事投票: choose up to K of the shortlist on one anonymous ballot, keep the receipt; results after close. */
export default function ProjectVotePage() {
  const session = useSignedIn();
  const voteId = useRouter().params.voteId ?? '';
  const [vote, setVote] = useState<ProjectVoteView | null>(null);
  const [picks, setPicks] = useState<string[]>([]);
  const [receipt, setReceipt] = useState<string | null>(null);
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [checked, setChecked] = useState<string | null>(null);
  const load = useCallback(async () => {
    const read = await projectsApi.vote(voteId);
    setVote(read.vote);
    if (read.vote.phase === 'closed') setResults(await projectsApi.results(voteId));
  }, [voteId]);
  useEffect(() => {
    if (session && voteId) load().catch((e) => setError(projectsErrorText(e)));
  }, [session, voteId, load]);

  const toggle = (id: string) => {
    if (!vote) return;
    setError(null);
    if (picks.includes(id)) return setPicks(picks.filter((p) => p !== id));
    if (picks.length >= vote.maxPicks) return setError(`最多选择 ${vote.maxPicks} 项`);
    return setPicks([...picks, id]);
  };
  const submit = async () => {
    setError(null);
    try {
      const { receiptCode } = await projectsApi.cast(voteId, picks);
      setReceipt(receiptCode);
      await load();
    } catch (e) {
      setError(projectsErrorText(e));
    }
  };
  const check = async () => {
    setError(null);
    setChecked(null);
    try {
      const found = await projectsApi.receipt(voteId, code.trim());
      setChecked(`回执码 ${found.receiptCode} 的选票已计入：${found.picks.map((p) => p.projectName).join('、')}`);
    } catch (e) {
      setError(projectsErrorText(e));
    }
  };
  const canVote = vote?.phase === 'open' && vote.hasVoted === false && receipt === null;
  return (
    <MemberPage testId="project-vote-page">
      <ErrorBanner message={error} testId="project-error" />
      {vote ? (
        <View className="card">
          <Text className="title">{vote.title}</Text>
          <Text className="pj-meta" data-testid="vote-phase">
            {vote.orgName} · {VOTE_PHASE_LABELS[vote.phase]} · 截止 {beijingTime(vote.closesAt)}
          </Text>
          <Text className="muted">
            {canVote ? `请从 ${vote.projects.length} 个候选项目中选择最多 ${vote.maxPicks} 项。投票不记名，提交后不能修改。` : ''}
            {vote.hasVoted && receipt === null ? '您已投票，感谢参与。结果在投票截止后公布。' : ''}
          </Text>
        </View>
      ) : null}
      {receipt ? (
        <View className="card" data-testid="vote-receipt">
          <Text className="subtitle">投票成功</Text>
          <Text className="muted">请记下回执码。结果公布后，可在本页输入回执码核对您的选票已计入：</Text>
          <Text className="pj-receipt">{receipt}</Text>
        </View>
      ) : null}
      {results ? (
        <View className="card">
          <Text className="subtitle">投票结果</Text>
          <VoteResults ballots={results.ballots} eligible={results.eligible} results={results.results} />
          <Text className="field-label">核对我的选票</Text>
          <Input
            className="input"
            placeholder="回执码 xxxx-xxxx-xxxx"
            value={code}
            onInput={(e) => setCode(e.detail.value)}
            data-testid="receipt-input"
          />
          <Button className="btn-plain" onClick={check} data-testid="receipt-check">
            核对
          </Button>
          {checked ? (
            <Text className="muted" data-testid="receipt-found">
              {checked}
            </Text>
          ) : null}
        </View>
      ) : null}
      {vote && !results ? (
        <View className="card">
          {vote.projects.map((p) => (
            <View
              key={p.projectId}
              className={`pj-option ${picks.includes(p.projectId) ? 'selected' : ''}`}
              data-testid="vote-option"
              onClick={() => (canVote ? toggle(p.projectId) : undefined)}
            >
              <CandidateText p={p} />
            </View>
          ))}
          {canVote ? (
            <Button className="btn-primary" disabled={picks.length === 0} onClick={submit} data-testid="vote-submit">
              提交投票（已选 {picks.length}/{vote.maxPicks}）
            </Button>
          ) : null}
        </View>
      ) : null}
    </MemberPage>
  );
}
