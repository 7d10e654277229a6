import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { isVotableProposal, type RosterLineError } from '@union/shared';
import { useState } from 'react';
import { NoticeBanner } from '../../components/error-banner';
import { LoadMore, usePagedList } from '../../components/paged-list';
import { congressApi, type DelegateView, rosterLineErrors, type SessionView } from './congress-api';
import './congress.scss';
import { MotionForm } from './motion-form';
import { useLiveSession } from './use-live-session';

/** One session for its officers: attendance, motions (open / close / re-vote), 提案 to handle, and the roster. */
export function SessionAdmin({ sessionId }: { sessionId: string }) {
  const [session, setSession] = useState<SessionView | null>(null);
  // The roster a page at a time; each page brings the session (N, signed in).
  const rosterList = usePagedList<DelegateView>(async (cursor) => {
    const page = await congressApi.roster(sessionId, cursor);
    setSession(page.session);
    return { items: page.delegates, nextCursor: page.nextCursor };
  });
  const [lineErrors, setLineErrors] = useState<RosterLineError[]>([]);
  const { motionList, proposalList, error, notice, act, more } = useLiveSession(sessionId, {
    also: rosterList.refresh,
    everyMs: 3000,
    onFailure: (e) => setLineErrors(rosterLineErrors(e)),
  });
  const delegates = rosterList.items;
  const motions = motionList.items;
  const proposals = proposalList.items;
  const [csv, setCsv] = useState('');
  const [one, setOne] = useState({ memberNumber: '', delegation: '' });
  const actOn = (fn: () => Promise<unknown>, done: string) => {
    setLineErrors([]);
    return act(fn, done);
  };

  if (!session) return <Text className="muted">加载中…</Text>;
  return (
    <View data-testid="session-admin">
      <View className="card">
        <Text className="subtitle">{session.sessionName}</Text>
        <Text data-testid="officer-attendance">
          应到 {session.rosterCount} 人 · 已签到 {session.signedInCount} 人 · 法定人数 {session.quorum} 人（
          {session.quorumMet ? '已达到' : '未达到'}）· 通过须 {session.passThreshold} 票
        </Text>
      </View>
      {error ? (
        <View className="error-banner" role="alert" data-testid="admin-error">
          <Text>{error}</Text>
          {lineErrors.map((l) => (
            <Text key={`${l.line}-${l.code}`} style={{ display: 'block' }}>
              {l.message}
            </Text>
          ))}
        </View>
      ) : null}
      <NoticeBanner message={notice} testId="admin-notice" />

      <View className="card">
        <Text className="subtitle">表决事项</Text>
        {motions.map((m) => (
          <View key={m.motionId} className="list-item row" data-testid={`officer-motion-${m.motionId}`}>
            <Text>
              <Text className="tag">{m.kindLabel}</Text>
              {m.title} · {m.status === 'draft' ? '未开始' : m.status === 'open' ? `投票中，已投 ${m.turnout} 人` : `已结束：${m.verdict}`}
            </Text>
            <View>
              {m.status === 'draft' ? (
                <Button
                  size="mini"
                  className="btn-primary"
                  data-testid="open-motion"
                  onClick={() => actOn(() => congressApi.openMotion(m.motionId), '投票已开始')}
                >
                  开始投票
                </Button>
              ) : null}
              {m.status === 'open' ? (
                <Button
                  size="mini"
                  className="btn-primary"
                  data-testid="close-motion"
                  onClick={() => actOn(() => congressApi.closeMotion(m.motionId), '投票已结束，结果已公布')}
                >
                  结束投票
                </Button>
              ) : null}
              {m.status === 'closed' ? (
                <View>
                  <Button
                    size="mini"
                    className="btn-plain"
                    data-testid="motion-results"
                    onClick={() => Taro.navigateTo({ url: `/member/pages/congress/results?id=${m.motionId}` })}
                  >
                    结果
                  </Button>
                  <Button
                    size="mini"
                    className="btn-plain"
                    data-testid="motion-minutes"
                    onClick={() => Taro.navigateTo({ url: `/officer/pages/congress/minutes?id=${m.motionId}` })}
                  >
                    会议纪要
                  </Button>
                  <Button
                    size="mini"
                    className="btn-plain"
                    onClick={() => actOn(() => congressApi.revote(m.motionId), '已新建重新表决事项，原结果保留')}
                  >
                    重新表决
                  </Button>
                </View>
              ) : null}
            </View>
          </View>
        ))}
        <LoadMore hasMore={motionList.hasMore} loading={motionList.loading} testId="more-motions" onLoad={more(motionList.loadMore)} />
        <MotionForm
          votable={proposals.filter((p) => isVotableProposal(p.status))}
          onCreate={(body) => actOn(() => congressApi.createMotion(sessionId, body), '已添加表决事项')}
        />
      </View>

      <View className="card">
        <Text className="subtitle">提案</Text>
        {proposals.map((p) => (
          <View key={p.proposalId} className="list-item row" data-testid={`officer-proposal-${p.proposalId}`}>
            <Text>
              {p.title} · {p.proposerName} · <Text className="tag">{p.statusLabel}</Text>
              {p.overdue ? <Text className="cg-overdue">答复逾期（期限 {p.replyDeadline}）</Text> : null}
            </Text>
            <Button
              size="mini"
              className="btn-plain"
              onClick={() => Taro.navigateTo({ url: `/officer/pages/congress/proposal?id=${p.proposalId}` })}
            >
              办理
            </Button>
          </View>
        ))}
        <LoadMore
          hasMore={proposalList.hasMore}
          loading={proposalList.loading}
          testId="more-proposals"
          onLoad={more(proposalList.loadMore)}
        />
      </View>

      <View className="card">
        <Text className="subtitle">代表名单（{session.rosterCount} 人）</Text>
        {session.rosterLocked ? <Text className="muted">已有表决开始，名单已锁定。</Text> : null}
        <View className="row">
          <Input
            className="input"
            placeholder="会员编号"
            value={one.memberNumber}
            onInput={(e) => setOne((o) => ({ ...o, memberNumber: e.detail.value }))}
          />
          <Input
            className="input"
            placeholder="代表团（选填）"
            value={one.delegation}
            onInput={(e) => setOne((o) => ({ ...o, delegation: e.detail.value }))}
          />
          <Button
            size="mini"
            className="btn-primary"
            onClick={() =>
              actOn(
                () =>
                  congressApi.addDelegates(sessionId, [
                    { memberNumber: one.memberNumber, ...(one.delegation ? { delegation: one.delegation } : {}) },
                  ]),
                '已添加代表',
              )
            }
          >
            添加
          </Button>
        </View>
        <Text className="field-label">从 CSV 导入（每行：会员编号,代表团）</Text>
        <Textarea className="cg-textarea" value={csv} maxlength={100000} onInput={(e) => setCsv(e.detail.value)} />
        <Button size="mini" className="btn-plain" onClick={() => actOn(() => congressApi.importRoster(sessionId, csv), '名单已导入')}>
          导入
        </Button>
        <View>
          {delegates.map((d) => (
            <View key={d.userId} className="row" data-testid={`roster-${d.userId}`}>
              <Text className="muted">
                {d.displayName} · {d.memberNumber ?? '—'} · {d.delegation ?? '—'} · {d.signedInAt ? '已签到' : '未签到'}
              </Text>
              {session.rosterLocked ? null : (
                <Button
                  size="mini"
                  className="btn-plain"
                  data-testid={`remove-${d.userId}`}
                  onClick={async () => {
                    const { confirm } = await Taro.showModal({
                      title: '移出代表名单',
                      content: `确定将 ${d.displayName} 移出代表名单？其代表身份随之取消。`,
                    });
                    if (confirm) await actOn(() => congressApi.removeDelegate(sessionId, d.userId), '已移出代表名单');
                  }}
                >
                  移出
                </Button>
              )}
            </View>
          ))}
          <LoadMore hasMore={rosterList.hasMore} loading={rosterList.loading} testId="more-roster" onLoad={more(rosterList.loadMore)} />
        </View>
      </View>
    </View>
  );
}
