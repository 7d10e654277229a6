import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { createProposalRequest, fieldIssues } from '@union/shared';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { LoadMore, usePagedList } from '../../components/paged-list';
import { refreshSession } from '../../lib/api';
import { askToSubscribe } from '../../lib/subscribe';
import { BallotForm } from './ballot-form';
import { congressApi, congressErrorText, type MySession, type ProposalSummary, type SessionDetail, savedReceipt } from './congress-api';
import './congress.scss';
import { ErrorBanner, NoticeBanner } from '../../components/error-banner';
import { MotionMatter } from './motion-matter';
import { useLiveSession } from './use-live-session';

/** The 投票 tab: my congress sessions, 签到, open motions and ballots, receipts, and 提案. */
export function DelegateHome() {
  const list = usePagedList<MySession>(async (cursor) => {
    const page = await congressApi.mySessions(cursor);
    return { items: page.sessions, nextCursor: page.nextCursor };
  });
  const { reload } = list;
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = async (): Promise<void> => {
      try {
        await reload();
        setLoaded(true);
      } catch (e) {
        // Added to a roster after signing in: the delegate role arrives with a refreshed session.
        if ((e as { code?: string }).code === 'FORBIDDEN_ROLE') {
          const s = await refreshSession().catch(() => null);
          if (s?.user.roles.some((r) => r.role === 'delegate')) return load();
          setLoaded(true);
          return;
        }
        setError(congressErrorText(e));
      }
    };
    void load();
  }, [reload]);
  const sessions = list.items;
  if (error) return <Text className="error-banner">{error}</Text>;
  if (!loaded) return <Text className="muted">加载中…</Text>;
  if (sessions.length === 0) {
    return (
      <View className="card">
        <Text className="title">职代会</Text>
        <Text className="muted">您目前不是职工代表，没有需要参加的会议。</Text>
      </View>
    );
  }
  return (
    <View>
      {sessions.map((s) => (
        <SessionPanel key={s.sessionId} sessionId={s.sessionId} />
      ))}
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loading}
        testId="more-sessions"
        onLoad={() => list.loadMore().catch((e) => setError(congressErrorText(e)))}
      />
    </View>
  );
}

function SessionPanel({ sessionId }: { sessionId: string }) {
  const [detail, setDetail] = useState<SessionDetail | null>(null);
  const [receipts, setReceipts] = useState<Record<string, string>>({});
  const readSession = useCallback(async () => {
    setDetail(await congressApi.session(sessionId));
  }, [sessionId]);
  const { motionList, proposalList, error, notice, act, more, load } = useLiveSession(sessionId, { also: readSession, everyMs: 5000 });
  const motions = motionList.items;

  if (!detail) return <Text className="muted">加载中…</Text>;
  const s = detail.session;
  return (
    <View data-testid={`session-${sessionId}`}>
      <View className="card">
        <Text className="title">{s.sessionName}</Text>
        <Text className="muted" style={{ display: 'block' }}>
          {s.startDate} 至 {s.endDate}
          {detail.me.delegation ? ` · ${detail.me.delegation}` : ''}
        </Text>
        <Text style={{ display: 'block', marginTop: '12px' }} data-testid="attendance">
          应到代表 {s.rosterCount} 人，已签到 {s.signedInCount} 人（法定人数 {s.quorum} 人）
        </Text>
        {detail.me.signedIn ? (
          <Text className="tag" data-testid="signed-in">
            已签到
          </Text>
        ) : (
          <Button
            className="btn-primary"
            data-testid="sign-in"
            onClick={() => {
              // In the tap (WeChat's rule): to be told when a 表决 opens and its results are published.
              void askToSubscribe('signIn');
              return act(() => congressApi.signIn(sessionId), '签到成功');
            }}
          >
            签到
          </Button>
        )}
      </View>
      <ErrorBanner message={error} />
      <NoticeBanner message={notice} />

      <View className="card">
        <Text className="subtitle">表决事项</Text>
        {motions.length === 0 ? <Text className="muted">暂无表决事项</Text> : null}
        {motions.map((m) => {
          const receipt = receipts[m.motionId] ?? savedReceipt(m.motionId);
          return (
            <View key={m.motionId} className="list-item" data-testid={`motion-${m.motionId}`}>
              <Text className="subtitle">
                <Text className="tag">{m.kindLabel}</Text>
                {m.title}
              </Text>
              <MotionMatter motion={m} />
              {m.status === 'draft' ? <Text className="muted">尚未开始</Text> : null}
              {m.status === 'open' ? (
                <Text className="muted" style={{ display: 'block' }} data-testid="turnout">
                  投票中 · 已投票 {m.turnout} 人（计票结果在投票结束后公布）
                </Text>
              ) : null}
              {m.status === 'open' && !m.hasVoted && detail.me.signedIn ? (
                <BallotForm
                  motion={m}
                  onVoted={(code) => {
                    setReceipts((r) => ({ ...r, [m.motionId]: code }));
                    void load();
                  }}
                />
              ) : null}
              {m.status === 'open' && !detail.me.signedIn ? <Text className="muted">签到后才能投票</Text> : null}
              {m.hasVoted ? (
                <View>
                  <Text className="muted" style={{ display: 'block' }}>
                    您已投票。您的回执码（请妥善保存，结束后可核对）：
                  </Text>
                  <Text className="cg-receipt" data-testid="receipt">
                    {receipt ?? '（本机未保存）'}
                  </Text>
                </View>
              ) : null}
              {m.status === 'closed' ? (
                <View className="row">
                  <Text className={`cg-verdict ${m.verdict === '未通过' ? 'fail' : ''}`} data-testid="motion-verdict">
                    {m.verdict}
                  </Text>
                  <Button
                    size="mini"
                    className="btn-plain"
                    data-testid="view-results"
                    onClick={() => Taro.navigateTo({ url: `/member/pages/congress/results?id=${m.motionId}` })}
                  >
                    查看结果与核对回执
                  </Button>
                </View>
              ) : null}
            </View>
          );
        })}
        <LoadMore hasMore={motionList.hasMore} loading={motionList.loading} testId="more-motions" onLoad={more(motionList.loadMore)} />
      </View>

      <ProposalsCard
        sessionId={sessionId}
        proposals={proposalList.items}
        onChanged={load}
        act={act}
        footer={
          <LoadMore
            hasMore={proposalList.hasMore}
            loading={proposalList.loading}
            testId="more-proposals"
            onLoad={more(proposalList.loadMore)}
          />
        }
      />
    </View>
  );
}

function ProposalsCard({
  sessionId,
  proposals,
  onChanged,
  act,
  footer,
}: {
  sessionId: string;
  proposals: ProposalSummary[];
  onChanged: () => Promise<void>;
  act: (fn: () => Promise<unknown>, done: string) => Promise<void>;
  /** 加载更多, under the list. */
  footer: ReactNode;
}) {
  const [form, setForm] = useState({ title: '', cause: '', suggestion: '' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [open, setOpen] = useState(false);

  const submit = async () => {
    const parsed = createProposalRequest.safeParse(form);
    if (!parsed.success) {
      setFieldErrors(Object.fromEntries(fieldIssues(parsed.error).map((i) => [i.field, i.message])));
      return;
    }
    setFieldErrors({});
    // In the tap, before anything is awaited (WeChat's rule): to be told of 立案, the reply and 落实.
    void askToSubscribe('propose');
    await act(() => congressApi.submitProposal(sessionId, parsed.data), '提案已提交，请邀请至少两位代表附议');
    setForm({ title: '', cause: '', suggestion: '' });
    setOpen(false);
    await onChanged();
  };

  const field = (name: 'title' | 'cause' | 'suggestion', label: string, long: boolean) => (
    <View className="field">
      <Text className="field-label">{label}</Text>
      {long ? (
        <Textarea
          className={`cg-textarea ${fieldErrors[name] ? 'input-error' : ''}`}
          data-testid={`proposal-${name}`}
          value={form[name]}
          maxlength={2000}
          onInput={(e) => setForm((f) => ({ ...f, [name]: e.detail.value }))}
        />
      ) : (
        <Input
          className={`input ${fieldErrors[name] ? 'input-error' : ''}`}
          data-testid={`proposal-${name}`}
          value={form[name]}
          onInput={(e) => setForm((f) => ({ ...f, [name]: e.detail.value }))}
        />
      )}
      {fieldErrors[name] ? <Text className="field-error">{fieldErrors[name]}</Text> : null}
    </View>
  );

  return (
    <View className="card">
      <View className="row">
        <Text className="subtitle">提案</Text>
        <Button size="mini" className="btn-plain" data-testid="new-proposal" onClick={() => setOpen((o) => !o)}>
          {open ? '收起' : '提出提案'}
        </Button>
      </View>
      {open ? (
        <View>
          {field('title', '标题（一事一案）', false)}
          {field('cause', '案由', true)}
          {field('suggestion', '建议', true)}
          <Button className="btn-primary" data-testid="submit-proposal" onClick={submit}>
            提交提案
          </Button>
        </View>
      ) : null}
      {proposals.length === 0 ? <Text className="muted">暂无提案</Text> : null}
      {proposals.map((p) => (
        <View key={p.proposalId} className="list-item" data-testid={`proposal-${p.proposalId}`}>
          <Text className="subtitle" onClick={() => Taro.navigateTo({ url: `/member/pages/congress/proposal?id=${p.proposalId}` })}>
            {p.title}
          </Text>
          <Text className="muted" style={{ display: 'block' }}>
            提案人 {p.proposerName} · <Text className="tag">{p.statusLabel}</Text> 附议 {p.cosignCount} 人
          </Text>
          <View className="row" style={{ justifyContent: 'flex-start' }}>
            <Button
              size="mini"
              className="btn-plain"
              onClick={() => Taro.navigateTo({ url: `/member/pages/congress/proposal?id=${p.proposalId}` })}
            >
              查看进展
            </Button>
            {!p.mine && (p.status === 'collecting' || p.status === 'review') ? (
              <Button
                size="mini"
                className="btn-primary"
                data-testid="cosign"
                onClick={() => act(() => congressApi.cosign(p.proposalId), '已附议')}
              >
                附议
              </Button>
            ) : null}
          </View>
        </View>
      ))}
      {footer}
    </View>
  );
}
