import { Text, View } from '@tarojs/components';
import type { ProjectVoteView } from './projects-api';

type Candidate = ProjectVoteView['projects'][number];

/** One shortlisted 实事 as members weigh it: what, for whom, how many, what it costs, who does it. */
export function CandidateText({ p }: { p: Candidate }) {
  return (
    <View>
      <Text className="subtitle">{p.projectName}</Text>
      <Text className="muted">{p.content}</Text>
      <Text className="pj-meta">
        服务对象：{p.targetGroup}
        {p.target ? ` · 目标 ${p.target.count}${p.target.unit}` : ''}
        {p.amountYuan !== null ? ` · 每人 ${p.amountYuan} 元` : ''} · 预计投入 {p.estimatedCostWanYuan} 万元 · {p.department}
      </Text>
    </View>
  );
}

/** Results of a closed vote: ballots, and each project's votes, bar and rank. */
export function VoteResults({
  ballots,
  eligible,
  results,
}: {
  ballots: number;
  eligible?: number | null;
  results: Array<{ candidateId: string; projectName: string; votes: number; rank: number }>;
}) {
  const top = Math.max(1, ...results.map((r) => r.votes));
  return (
    <View data-testid="vote-results">
      <Text className="pj-meta" data-testid="vote-turnout">
        共 {ballots} 人参加投票
        {eligible ? `，可投票会员 ${eligible} 人，参与率 ${((ballots / eligible) * 100).toFixed(1)}%` : ''}
      </Text>
      {results.map((r) => (
        <View key={r.candidateId} className="pj-item" data-testid="vote-result">
          <Text>
            第 {r.rank} 名 · {r.projectName} · {r.votes} 票
          </Text>
          <View className="pj-bar" style={{ width: `${Math.round((r.votes / top) * 100)}%` }} />
        </View>
      ))}
    </View>
  );
}
