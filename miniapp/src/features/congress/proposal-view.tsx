import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { isVotableProposal, PROPOSAL_EVENT_LABELS, REPLY_RATINGS, type ReplyRating } from '@union/shared';
import { useCallback, useEffect, useState } from 'react';
import { congressApi, congressErrorText, formatTime, type ProposalDetail } from './congress-api';
import './congress.scss';
import { ErrorBanner, NoticeBanner } from '../../components/error-banner';
import { MotionForm } from './motion-form';

/** A proposal with its whole timeline (件件有回音); the proposer rates the reply; officers act on it. */
export function ProposalView({ proposalId, officer = false }: { proposalId: string; officer?: boolean }) {
  const [d, setD] = useState<ProposalDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [rating, setRating] = useState<ReplyRating | null>(null);
  const [comment, setComment] = useState('');
  const [form, setForm] = useState({ reason: '', department: '', replyDeadline: '', reply: '', note: '' });
  const [putToVote, setPutToVote] = useState(false);

  const load = useCallback(async () => {
    try {
      setD(await congressApi.proposal(proposalId));
    } catch (e) {
      setError(congressErrorText(e));
    }
  }, [proposalId]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (fn: () => Promise<ProposalDetail>, done: string) => {
    setError(null);
    setNotice(null);
    try {
      setD(await fn());
      setNotice(done);
    } catch (e) {
      setError(congressErrorText(e));
    }
  };

  if (!d) return error ? <Text className="error-banner">{error}</Text> : <Text className="muted">加载中…</Text>;
  const p = d.proposal;
  const input = (name: keyof typeof form, placeholder: string) => (
    <Input
      className="input"
      placeholder={placeholder}
      data-testid={`officer-${name}`}
      value={form[name]}
      onInput={(e) => setForm((f) => ({ ...f, [name]: e.detail.value }))}
    />
  );
  return (
    <View>
      <View className="card">
        <Text className="title">{p.title}</Text>
        <Text className="tag" data-testid="proposal-status">
          {p.statusLabel}
        </Text>
        {p.overdue ? <Text className="cg-overdue">答复已逾期</Text> : null}
        <Text className="muted" style={{ display: 'block' }}>
          提案人 {p.proposerName} · 附议人 {d.cosigners.map((c) => c.displayName).join('、') || '暂无'}
        </Text>
        <Text className="subtitle">案由</Text>
        <Text style={{ display: 'block' }}>{p.cause}</Text>
        <Text className="subtitle">建议</Text>
        <Text style={{ display: 'block' }}>{p.suggestion}</Text>
        {p.decisionReason ? (
          <Text className="cg-decision" data-testid="decision-reason">
            审查结论：{p.status === 'converted' ? '转为意见建议' : p.status === 'rejected' ? '不予立案' : '立案'}。理由：{p.decisionReason}
          </Text>
        ) : null}
        {p.department ? (
          <Text className="muted" style={{ display: 'block' }}>
            承办部门 {p.department} · 答复期限 {p.replyDeadline}
          </Text>
        ) : null}
        {p.reply ? (
          <View>
            <Text className="subtitle">答复</Text>
            <Text style={{ display: 'block' }} data-testid="proposal-reply">
              {p.reply}
            </Text>
          </View>
        ) : null}
        {p.rating ? <Text className="tag">提案人评价：{p.rating}</Text> : null}
      </View>
      <ErrorBanner message={error} />
      <NoticeBanner message={notice} />

      {p.mine && p.status === 'replied' ? (
        <View className="card">
          <Text className="subtitle">评价答复</Text>
          <View className="row" style={{ justifyContent: 'flex-start' }}>
            {REPLY_RATINGS.map((r) => (
              <Text
                key={r}
                className={`cg-option ${rating === r ? 'selected' : ''}`}
                data-testid={`rate-${r}`}
                onClick={() => setRating(r)}
              >
                {r}
              </Text>
            ))}
          </View>
          <Input className="input" placeholder="意见（选填）" value={comment} onInput={(e) => setComment(e.detail.value)} />
          <Button
            className="btn-primary"
            data-testid="submit-rating"
            disabled={!rating}
            onClick={() => rating && act(() => congressApi.rate(proposalId, { rating, comment }), '评价已提交')}
          >
            提交评价
          </Button>
        </View>
      ) : null}

      {officer && p.status === 'review' ? (
        <View className="card" data-testid="decision-form">
          <Text className="subtitle">提案审查（提案工作委员会）</Text>
          {input('reason', '理由（必填）')}
          {input('department', '承办部门（立案时必填）')}
          {input('replyDeadline', '答复期限 YYYY-MM-DD（立案时必填）')}
          <View className="row" style={{ justifyContent: 'flex-start' }}>
            <Button
              size="mini"
              className="btn-primary"
              data-testid="decide-accept"
              onClick={() =>
                act(
                  () =>
                    congressApi.decide(proposalId, {
                      decision: 'accept',
                      reason: form.reason,
                      department: form.department,
                      replyDeadline: form.replyDeadline,
                    }),
                  '已立案',
                )
              }
            >
              立案
            </Button>
            <Button
              size="mini"
              className="btn-plain"
              data-testid="decide-convert"
              onClick={() => act(() => congressApi.decide(proposalId, { decision: 'convert', reason: form.reason }), '已转为意见建议')}
            >
              转为意见建议
            </Button>
            <Button
              size="mini"
              className="btn-plain"
              data-testid="decide-reject"
              onClick={() => act(() => congressApi.decide(proposalId, { decision: 'reject', reason: form.reason }), '已决定不予立案')}
            >
              不予立案
            </Button>
          </View>
        </View>
      ) : null}
      {officer && p.status === 'accepted' ? (
        <View className="card">
          <Text className="subtitle">录入承办部门答复</Text>
          <Textarea
            className="cg-textarea"
            data-testid="officer-reply"
            value={form.reply}
            onInput={(e) => setForm((f) => ({ ...f, reply: e.detail.value }))}
          />
          <Button
            className="btn-primary"
            data-testid="submit-reply"
            onClick={() => act(() => congressApi.reply(proposalId, form.reply), '答复已录入')}
          >
            保存答复
          </Button>
        </View>
      ) : null}
      {officer && ['replied', 'rated', 'implementing'].includes(p.status) ? (
        <View className="card">
          <Text className="subtitle">落实情况</Text>
          {input('note', '落实进展')}
          <View className="row" style={{ justifyContent: 'flex-start' }}>
            <Button
              size="mini"
              className="btn-plain"
              data-testid="progress-add"
              onClick={() => act(() => congressApi.progress(proposalId, form.note, false), '已登记进展')}
            >
              登记进展
            </Button>
            <Button
              size="mini"
              className="btn-primary"
              data-testid="progress-done"
              onClick={() => act(() => congressApi.progress(proposalId, form.note, true), '提案已办结')}
            >
              落实完毕，办结
            </Button>
          </View>
        </View>
      ) : null}

      {officer && isVotableProposal(p.status) ? (
        <View className="card" data-testid="put-to-vote">
          <View className="row">
            <Text className="subtitle">提请职代会表决</Text>
            <Button size="mini" className="btn-plain" data-testid="toggle-put-to-vote" onClick={() => setPutToVote((o) => !o)}>
              {putToVote ? '收起' : '提请表决'}
            </Button>
          </View>
          {putToVote ? (
            <MotionForm
              votable={[{ proposalId: p.proposalId, title: p.title }]}
              initial={{ kind: 'itemized', title: `关于《${p.title}》的表决`, linked: [p.proposalId] }}
              onCreate={async (body) => {
                setError(null);
                setNotice(null);
                try {
                  await congressApi.createMotion(p.sessionId, body);
                  setPutToVote(false);
                  setNotice('已提请表决，请在职代会管理中开始投票');
                  await load();
                } catch (e) {
                  setError(congressErrorText(e));
                }
              }}
            />
          ) : null}
          <Button
            size="mini"
            className="btn-plain"
            data-testid="to-session-admin"
            onClick={() => Taro.navigateTo({ url: `/officer/pages/congress/index?org=${p.orgId}&session=${p.sessionId}` })}
          >
            职代会管理
          </Button>
        </View>
      ) : null}

      <View className="card">
        <Text className="subtitle">办理进程</Text>
        {d.timeline.map((e) => (
          <View key={`${e.at}-${e.type}-${e.note}`} className="cg-timeline-item" data-testid={`timeline-${e.type}`}>
            <Text style={{ display: 'block', fontWeight: 600 }}>
              {PROPOSAL_EVENT_LABELS[e.type]} · {e.actorName}
            </Text>
            <Text className="muted" style={{ display: 'block' }}>
              {formatTime(e.at)}
            </Text>
            <Text className="cg-pre">{e.note}</Text>
            {e.motionId && e.type === 'vote-result' ? (
              <Text
                className="cg-link"
                data-testid="timeline-results"
                onClick={() => Taro.navigateTo({ url: `/member/pages/congress/results?id=${e.motionId}` })}
              >
                查看表决结果
              </Text>
            ) : null}
          </View>
        ))}
      </View>
    </View>
  );
}
